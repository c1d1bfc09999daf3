/**
 * The TypeScript that declares imported schedules: one `new RegistryScanSchedule(…)` per schedule with
 * the canonical inputs as arguments, so that the program's `check` returns exactly the imported inputs
 * and the first preview after the import shows no change.
 */
import type { ImportedSchedule } from "./imported";
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

/** A value (string, finite number, boolean, list, plain object) as a TypeScript literal. */
export function renderLiteral(value: unknown, depth = 0): string {
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

function header(schedules: readonly ImportedSchedule[], opts: CodeOptions): string[] {
  const registries = [...new Set(schedules.map((s) => s.inputs.registryId))];
  const importCmd = [
    "pulumi import",
    `--file ${opts.importFile ?? "<import file>"}`,
    ...(opts.protect ? [] : ["--protect=false"]),
    "--generate-code=false",
  ].join(" ");
  return [
    `// ${schedules.length} Qualys registry scan schedule${schedules.length === 1 ? "" : "s"} of registr${
      registries.length === 1 ? "y" : "ies"
    } ${registries.join(", ")}, written by \`pulumi-qualys-cs import\`.`,
    "// Add these declarations to your Pulumi program as they are, then adopt the schedules without",
    "// creating anything:",
    `//   ${importCmd}`,
    "// The arguments are the schedules' current settings in canonical form: edit them afterwards, and",
    "// `pulumi up` updates the schedules (or replaces them, for the fields Qualys cannot update).",
  ];
}

/** The whole generated module: header comment, import of the class, one declaration per schedule. */
export function generateCode(schedules: readonly ImportedSchedule[], opts: CodeOptions): string {
  const taken = new Set<string>(["RegistryScanSchedule"]);
  const lines = [...header(schedules, opts), 'import { RegistryScanSchedule } from "pulumi-qualys-cs";', ""];
  for (const s of schedules) {
    const variable = variableName(s.resourceName, taken);
    lines.push(
      `// ${stringLiteral(s.outputs.name)}: schedule ${s.outputs.scheduleId}, status ${stringLiteral(s.outputs.status)} when imported.`,
      `const ${variable} = new RegistryScanSchedule(`,
      `${INDENT}${stringLiteral(s.resourceName)},`,
      `${INDENT}${renderLiteral(s.inputs, 1)},`,
      ...(opts.protect ? [`${INDENT}{ protect: true },`] : []),
      ");",
      "",
    );
  }
  return lines.join("\n");
}
