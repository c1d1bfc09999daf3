/**
 * Generates a resource's public declarations (`provider/<folder>/resource.ts`) from its property table
 * (`provider/core/properties.ts`): the args type (one interface, or a union with one member per
 * `union.variants` entry), an interface per block, and the class with one output per property, each with
 * its TSDoc. `npm run docs` writes the files; test/unit/package/generated-declarations.test.ts fails when one differs.
 */
import * as path from "node:path";

import {
  type ArgsVariant,
  type ChangeMode,
  type InputSpec,
  type MemberSpec,
  type PropertyTable,
  type ResourceDefinition,
} from "../../provider/core/properties";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");

/** The file a resource's declarations are generated into. */
export const resourceFile = (resource: ResourceDefinition<PropertyTable>): string =>
  path.join(REPO_ROOT, "provider", resource.folder, "resource.ts");

/** The sentences a property's TSDoc carries besides its description, so the editor says what the table says. */
export const WORDING = {
  change: (change: ChangeMode, what: string): string =>
    change === "replace" ? `Changing it replaces the ${what}.` : "Updates in place.",
  secret: "Kept as a Pulumi secret.",
  resourceName: "Defaults to the Pulumi resource name.",
  default: (value: string | number | boolean): string => `Defaults to \`${JSON.stringify(value)}\`.`,
} as const;

/** The names type texts may use that come from TypeScript itself or from `pulumi`. */
const BUILT_IN = new Set(["Lowercase", "Uppercase", "Capitalize", "Record", "Readonly", "Array", "Partial"]);

/** A TSDoc comment, wrapped to fit the line width at `indent`. */
function tsdoc(text: string, indent: string): string {
  const width = 106 - indent.length;
  const lines: string[] = [];
  for (const paragraph of text.split("\n\n")) {
    if (lines.length > 0) lines.push("");
    let line = "";
    for (const word of paragraph.split(/\s+/)) {
      if (line !== "" && line.length + 1 + word.length > width) {
        lines.push(line);
        line = word;
      } else line = line === "" ? word : `${line} ${word}`;
    }
    lines.push(line);
  }
  if (lines.length === 1 && lines[0]!.length <= width - 4) return `${indent}/** ${lines[0]} */\n`; // one line given
  return `${indent}/**\n${lines.map((l) => (l === "" ? `${indent} *` : `${indent} * ${l}`)).join("\n")}\n${indent} */\n`;
}

/** What the TSDoc calls an instance ("Changing it replaces the schedule."): the resource's folder. */
const noun = (resource: ResourceDefinition<PropertyTable>): string => resource.folder;

/** What a change to a block does, when its members differ (an ECR role ARN updates while the rest replaces). */
function blockChange(spec: InputSpec, what: string): string {
  const members = Object.entries(spec.fields ?? {});
  const others = members
    .filter(([, m]) => (m.change ?? spec.change) !== spec.change)
    .map(([k]) => `\`${k}\``);
  if (others.length === 0) return WORDING.change(spec.change, what);
  return spec.change === "replace"
    ? `Changing it replaces the ${what}, except a change of only ${others.join(" or ")}, which updates it in place.`
    : `Updates in place, except a change of ${others.join(" or ")}, which replaces the ${what}.`;
}

function inputDoc(spec: InputSpec, what: string, note: string | undefined): string {
  const parts = [spec.description];
  if (note) parts.push(note);
  if (spec.presence === "resourceName") parts.push(WORDING.resourceName);
  if (typeof spec.presence === "object") parts.push(WORDING.default(spec.presence.default));
  if (spec.secret) parts.push(WORDING.secret);
  parts.push(spec.fields ? blockChange(spec, what) : WORDING.change(spec.change, what));
  return parts.join(" ");
}

const argsType = (spec: { type: { output: string; args?: string } }): string =>
  spec.type.args ?? `pulumi.Input<${spec.type.output}>`;

function argsMember(
  name: string,
  spec: InputSpec,
  what: string,
  required: boolean,
  note: string | undefined,
): string {
  return `${tsdoc(inputDoc(spec, what, note), "  ")}  ${name}${required ? "" : "?"}: ${argsType(spec)};\n`;
}

function blockInterface(spec: InputSpec, what: string): string {
  const members = Object.entries(spec.fields ?? {}).map(
    ([k, m]: [string, MemberSpec]) =>
      `${tsdoc(`${m.description} ${WORDING.change(m.change ?? spec.change, what)}`, "  ")}  ${k}${m.required ? "" : "?"}: ${argsType(m)};\n`,
  );
  return `${tsdoc(spec.description, "")}export interface ${spec.blockArgs}{\n${members.join("")}}\n`;
}

/** The inputs a member of the args type declares, and whether each is required there. */
function variantInputs(
  table: PropertyTable,
  variant: ArgsVariant | undefined,
  taken: ReadonlySet<string>,
): Array<[string, InputSpec, boolean]> {
  const out: Array<[string, InputSpec, boolean]> = [];
  for (const [name, spec] of Object.entries(table)) {
    if (spec.kind !== "input") continue;
    const own = variant?.takes[name];
    if (taken.has(name) && own === undefined) continue;
    const required = own !== undefined ? own === "required" : spec.presence === "required";
    out.push([name, spec, required]);
  }
  return out;
}

function argsDeclarations(resource: ResourceDefinition<PropertyTable>): string {
  const what = noun(resource);
  const table = resource.properties;
  const union = resource.union;
  const taken = new Set(union?.variants.flatMap((v) => Object.keys(v.takes)) ?? []);
  const member = (variant: ArgsVariant | undefined): string =>
    variantInputs(table, variant, taken)
      .map(([name, spec, required]) => {
        if (union && variant && name === union.discriminant) {
          const values = variant.values.map((v) => JSON.stringify(v)).join(" | ");
          return `${tsdoc(inputDoc(spec, what, variant.notes?.[name]), "  ")}  ${name}: ${values};\n`;
        }
        return argsMember(name, spec, what, required, variant?.notes?.[name]);
      })
      .join("");
  const blocks = Object.values(table)
    .filter((s): s is InputSpec => s.kind === "input" && s.fields !== undefined)
    .map((s) => blockInterface(s, what));
  const argsName = `${resource.typeName}Args`;
  if (!union) {
    return [
      ...blocks,
      `${tsdoc(`The arguments of a \`${resource.typeName}\`.`, "")}export interface ${argsName} {\n${member(undefined)}}\n`,
    ].join("\n");
  }
  return [
    ...blocks,
    ...union.variants.map((v) => `${tsdoc(v.description, "")}export interface ${v.name} {\n${member(v)}}\n`),
    `${tsdoc(
      `The arguments of a \`${resource.typeName}\`: one shape per \`${union.discriminant}\`, so an editor offers exactly the properties of the chosen one.`,
      "",
    )}export type ${argsName} = ${union.variants.map((v) => v.name).join(" | ")};\n`,
  ].join("\n");
}

function classDeclaration(resource: ResourceDefinition<PropertyTable>): string {
  const constName = constOf(resource);
  const outputs = Object.entries(resource.properties).map(([name, spec]) => {
    const absent = spec.kind === "input" ? spec.presence === "optional" : spec.optional === true;
    const doc = spec.secret ? `${spec.description} ${WORDING.secret}` : spec.description;
    return `${tsdoc(doc, "  ")}  declare public readonly ${name}: pulumi.Output<${spec.type.output}${absent ? " | undefined" : ""}>;\n`;
  });
  return (
    `${tsdoc(resource.description, "")}export class ${resource.typeName} extends pulumi.dynamic.Resource {\n` +
    `  /** The type token the engine records (what \`@pulumi/policy\`'s \`validateResourceOfType\` matches). */\n` +
    `  public static readonly __pulumiType: string = typeToken(${constName});\n\n` +
    `  /** True when \`obj\` is a \`${resource.typeName}\`, also one made by another copy of this package. */\n` +
    `  public static override isInstance(obj: unknown): obj is ${resource.typeName} {\n` +
    `    return isOfType(obj, ${resource.typeName}.__pulumiType);\n  }\n\n` +
    outputs.join("") +
    `\n  constructor(name: string, args: ${resource.typeName}Args, opts?: pulumi.CustomResourceOptions) {\n` +
    `    super(...dynamicResourceArgs(${constName}, runtime, name, args, opts));\n  }\n}\n`
  );
}

/** The name of the table's constant in `<folder>/properties.ts`: the folder, upper case. */
function constOf(resource: ResourceDefinition<PropertyTable>): string {
  return resource.folder.toUpperCase();
}

/** The type names the generated text uses that `<folder>/types.ts` exports. */
function typeImports(resource: ResourceDefinition<PropertyTable>, generated: ReadonlySet<string>): string[] {
  const texts: string[] = [];
  for (const spec of Object.values(resource.properties)) {
    texts.push(spec.type.output, spec.type.args ?? "");
    if (spec.kind === "input")
      for (const m of Object.values(spec.fields ?? {})) texts.push(m.type.output, m.type.args ?? "");
  }
  const names = new Set<string>();
  for (const text of texts) {
    for (const m of text.matchAll(/(?<![.\w])([A-Z]\w*)/g)) {
      const n = m[1]!;
      if (!BUILT_IN.has(n) && !generated.has(n)) names.add(n);
    }
  }
  return [...names].sort();
}

/** The TypeScript source of `provider/<folder>/resource.ts`, formatted as prettier formats it. */
export async function renderResourceCode(resource: ResourceDefinition<PropertyTable>): Promise<string> {
  const generated = new Set<string>([
    `${resource.typeName}Args`,
    ...(resource.union?.variants.map((v) => v.name) ?? []),
    ...Object.values(resource.properties).flatMap((s) =>
      s.kind === "input" && s.blockArgs ? [s.blockArgs] : [],
    ),
  ]);
  const types = typeImports(resource, generated);
  const source = [
    `// Generated by \`npm run docs\` from ./properties.ts (test/unit/package/generated-declarations.test.ts fails when it is out of`,
    `// date): edit the table there, not this file.`,
    `import * as pulumi from "@pulumi/pulumi";`,
    ``,
    `import { isOfType, typeToken } from "../core/properties";`,
    `import { dynamicResourceArgs } from "../core/resource";`,
    `import { ${constOf(resource)} } from "./properties";`,
    `import * as runtime from "./runtime-v1";`,
    ...(types.length > 0 ? [`import type { ${types.join(", ")} } from "./types";`] : []),
    ``,
    argsDeclarations(resource),
    classDeclaration(resource),
  ].join("\n");
  // Loaded here, not at the top: prettier's API cannot be loaded inside jest, which imports this module.
  const prettier = await import("prettier");
  const options = await prettier.resolveConfig(resourceFile(resource));
  return prettier.format(source, { ...options, parser: "typescript" });
}
