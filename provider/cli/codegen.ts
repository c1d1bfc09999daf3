/**
 * The TypeScript that declares imported registries and schedules: one `new Registry(…)` or
 * `new RegistryScanSchedule(…)` per resource with the canonical inputs as arguments, so that the
 * program's `check` returns exactly the imported inputs and the first preview after the import shows no
 * change (a registry's password or token, which Qualys never returns, excepted: it comes from config).
 */
import { REGISTRY } from "../registry/properties";
import { RESOURCES } from "../resources";
import { SCHEDULE } from "../schedule/properties";
import type { ImportedRegistry, ImportedSchedule } from "./imported";
import { variableName } from "./names";

/** How the declarations are written. */
export interface CodeOptions {
  /** Add `{ protect: true }`, matching `pulumi import`'s default (`--protect=true`). */
  protect: boolean;
  /** The import file the header comment tells the user to pass to `pulumi import --file`. */
  importFile?: string;
}

const INDENT = "  ";

/**
 * A string literal that is safe anywhere in TypeScript source, also inside a `//` comment: JSON
 * escaping plus the two line terminators JSON leaves alone (U+2028, U+2029).
 */
export function stringLiteral(text: string): string {
  return JSON.stringify(text)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

function propertyKey(key: string): string {
  return /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(key) ? key : stringLiteral(key);
}

/** TypeScript source written as it is where a value would go (a reference to another resource's output). */
export class CodeExpression {
  constructor(readonly code: string) {}
}

/** A value (string, finite number, boolean, list, plain object, `CodeExpression`) as TypeScript. */
export function renderLiteral(value: unknown, depth = 0): string {
  if (value instanceof CodeExpression) return value.code;
  if (typeof value === "string") return stringLiteral(value);
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`cannot write the number ${String(value)} as TypeScript`);
    return Object.is(value, -0) ? "0" : String(value);
  }
  if (typeof value === "boolean") return String(value);
  if (value === null) return "null";
  const pad = INDENT.repeat(depth + 1);
  const end = INDENT.repeat(depth);
  if (Array.isArray(value)) {
    const items = value.map((v) => renderLiteral(v, depth + 1));
    const inline = `[${items.join(", ")}]`;
    if (inline.length <= 80 && !inline.includes("\n")) return inline;
    return `[\n${items.map((i) => `${pad}${i},\n`).join("")}${end}]`;
  }
  if (typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    if (entries.length === 0) return "{}";
    return `{\n${entries.map(([k, v]) => `${pad}${propertyKey(k)}: ${renderLiteral(v, depth + 1)},\n`).join("")}${end}}`;
  }
  throw new Error(`cannot write a ${typeof value} as TypeScript`);
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function header(
  schedules: readonly ImportedSchedule[],
  registries: readonly ImportedRegistry[],
  opts: CodeOptions,
): string[] {
  const ofRegistries = [...new Set(schedules.map((s) => s.inputs.registryId))];
  const importCmd = [
    "pulumi import",
    `--file ${opts.importFile ?? "<import file>"}`,
    ...(opts.protect ? [] : ["--protect=false"]),
    "--generate-code=false",
  ].join(" ");
  const what = [
    ...(registries.length > 0
      ? [
          `${plural(registries.length, "Qualys registry", "Qualys registries")} ${registries.map((r) => r.id).join(", ")}`,
        ]
      : []),
    ...(schedules.length > 0
      ? [
          `${plural(schedules.length, "Qualys registry scan schedule", "Qualys registry scan schedules")} of ` +
            `registr${ofRegistries.length === 1 ? "y" : "ies"} ${ofRegistries.join(", ")}`,
        ]
      : []),
  ];
  const secrets = registries.filter((r) => r.secretConfigKey !== undefined);
  return [
    `// ${what.join(" and ")}, written by \`pulumi-qualys-cs import\`.`,
    "// Add these declarations to your Pulumi program as they are, then adopt the resources without",
    "// creating anything:",
    ...secrets.map(
      (r) => `//   pulumi config set --secret ${r.secretConfigKey ?? ""} <the registry's ${r.secret ?? ""}>`,
    ),
    `//   ${importCmd}`,
    ...(secrets.length > 0
      ? [
          "// Qualys never returns a registry's password or token, so the import stores none: the first",
          "// `pulumi up` after the import shows one in-place update per registry that sets it from config.",
        ]
      : []),
    "// The arguments are the current settings in canonical form: edit them afterwards, and `pulumi up`",
    "// updates the resources (or replaces them, for the fields Qualys cannot update).",
  ];
}

/**
 * The whole generated module: header comment, imports, one declaration per registry, then one per
 * schedule. A schedule of an adopted registry takes `registryId` from the registry's ID, so the engine
 * records the dependency (the registry is created first and deleted last).
 */
export function generateCode(
  schedules: readonly ImportedSchedule[],
  opts: CodeOptions,
  registries: readonly ImportedRegistry[] = [],
): string {
  const taken = new Set<string>([...RESOURCES.map((r) => r.typeName), "pulumi", "config"]);
  const classes = [
    ...(registries.length > 0 ? [REGISTRY.typeName] : []),
    ...(schedules.length > 0 ? [SCHEDULE.typeName] : []),
  ];
  const needsConfig = registries.some((r) => r.secretConfigKey !== undefined);
  const lines = [
    ...header(schedules, registries, opts),
    ...(needsConfig ? ['import * as pulumi from "@pulumi/pulumi";'] : []),
    `import { ${classes.join(", ")} } from "pulumi-qualys-cs";`,
    "",
    ...(needsConfig ? ["const config = new pulumi.Config();", ""] : []),
  ];
  const declare = (comment: string, className: string, resourceName: string, args: object): string => {
    const variable = variableName(resourceName, taken);
    lines.push(
      `// ${comment} when imported.`,
      `const ${variable} = new ${className}(`,
      `${INDENT}${stringLiteral(resourceName)},`,
      `${INDENT}${renderLiteral(args, 1)},`,
      ...(opts.protect ? [`${INDENT}{ protect: true },`] : []),
      ");",
      "",
    );
    return variable;
  };
  const registryVariables = new Map<string, string>();
  for (const r of registries) {
    const args: Record<string, unknown> = { ...r.inputs };
    if (r.secret !== undefined && r.secretConfigKey !== undefined) {
      args[r.secret] = new CodeExpression(`config.requireSecret(${stringLiteral(r.secretConfigKey)})`);
    }
    const comment = `${stringLiteral(r.outputs.name)}: registry ${r.id}, status ${stringLiteral(r.outputs.status)}`;
    registryVariables.set(r.id, declare(comment, REGISTRY.typeName, r.resourceName, args));
  }
  for (const s of schedules) {
    const registryVariable = registryVariables.get(s.inputs.registryId);
    const args: Record<string, unknown> = { ...s.inputs };
    // The resource ID, not the `registryId` output: both are the registry UUID, but the preview of an
    // in-place update of the registry (the first `pulumi up` after an import that sets a password)
    // knows only the ID, and an unknown registryId would show every schedule as replaced.
    if (registryVariable !== undefined) args.registryId = new CodeExpression(`${registryVariable}.id`);
    // Imported schedules were just read, so their status is known; the guard is for the type only.
    const status = s.outputs.status === undefined ? "" : `, status ${stringLiteral(s.outputs.status)}`;
    const comment = `${stringLiteral(s.outputs.name)}: schedule ${s.outputs.scheduleId}${status}`;
    declare(comment, SCHEDULE.typeName, s.resourceName, args);
  }
  return lines.join("\n");
}
