/**
 * The reference pages' generated blocks (docs/reference/<name>.md), rendered from the property and
 * function tables (`provider/core/properties.ts`), with each name as each language's SDK spells it: `npm run docs` writes them between a page's `<!-- generated:<block> -->`
 * markers, and test/unit/package/reference-pages.test.ts fails when a page and its table disagree. The prose
 * around the blocks (notes, errors, examples) is written by hand.
 */
import * as fs from "node:fs";

import {
  type FieldTable,
  type FunctionDefinition,
  type InputSpec,
  type PropertyTable,
  type ResourceDefinition,
} from "../../provider/core/properties";
import { GO_IMPORT_PATH, PYTHON_PACKAGE } from "../../provider/plugin/schema";
import { pluginToken } from "../../provider/plugin/settings";

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\n/g, " ");

function presence(spec: InputSpec): string {
  if (spec.presence === "required") return "required";
  if (spec.presence === "optional") return "optional";
  if (spec.presence === "resourceName") return "defaults to the resource name";
  return `default \`${JSON.stringify(spec.presence.default)}\``;
}

function change(spec: InputSpec): string {
  return spec.change === "replace" ? "**replace**" : "update";
}

/** The Markdown of both tables (inputs, then outputs). */
export function renderPropertyTables(resource: ResourceDefinition<PropertyTable>): string {
  const inputs = ["| property | type | set | rule (checked at preview) | change |", "|---|---|---|---|---|"];
  const outputs = ["| output | type | meaning |", "|---|---|---|"];
  for (const [name, spec] of Object.entries(resource.properties)) {
    if (spec.kind === "output") {
      outputs.push(`| \`${name}\` | ${cell(spec.type.output)} | ${cell(spec.description)} |`);
      continue;
    }
    inputs.push(
      `| \`${name}\` | ${cell(spec.type.shown ?? spec.type.output)}${spec.secret ? ", **secret**" : ""} | ${presence(spec)} | ${cell(spec.description)} | ${change(spec)} |`,
    );
    for (const [member, m] of Object.entries(spec.fields ?? {})) {
      inputs.push(
        `| \`${name}${spec.list ? "[]" : ""}.${member}\` | ${cell(m.type.shown ?? m.type.output)} | ${m.required ? "required" : "optional"} | ${cell(m.description)} | ${change({ ...spec, change: m.change ?? spec.change })} |`,
      );
    }
  }
  return `${inputs.join("\n")}\n\nOutputs: every input (canonical), plus:\n\n${outputs.join("\n")}\n`;
}

/**
 * A name as each language's SDK spells it: TypeScript and YAML use the schema's name; the Python and Go
 * SDKs generated from the same schema (sdk/, docs/languages.md) spell it in their own case.
 */
export const pythonName = (name: string): string => name.replace(/([a-z0-9])([A-Z])/g, "$1_$2").toLowerCase();
export const goName = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);
/** Go's name of a function: `getX` is `LookupX` when a resource `X` exists (its `GetX` reads the resource). */
export function goFunctionName(name: string, resources: readonly string[]): string {
  const rest = name.replace(/^get/, "");
  return name.startsWith("get") && resources.includes(rest) ? `Lookup${rest}` : goName(name);
}

const GO_PACKAGE = GO_IMPORT_PATH.split("/").pop() ?? "";

function namesTable(rows: ReadonlyArray<string>): string {
  return [
    "| TypeScript, YAML | Python | Go |",
    "|---|---|---|",
    ...rows.map((n) => `| \`${n}\` | \`${pythonName(n)}\` | \`${goName(n)}\` |`),
  ].join("\n");
}

/** Every property of a resource and every member of its blocks, as the names table lists them. */
function propertyNames(resource: ResourceDefinition<PropertyTable>): string[] {
  return Object.entries(resource.properties).flatMap(([name, spec]) => [
    name,
    ...(spec.kind === "input" ? Object.keys(spec.fields ?? {}).map((m) => `${name}.${m}`) : []),
  ]);
}

/** How each language declares the resource, and each property's name in each language. */
export function renderResourceLanguages(resource: ResourceDefinition<PropertyTable>): string {
  const t = resource.typeName;
  const rows = [
    "| language | declaration |",
    "|---|---|",
    `| TypeScript, JavaScript | \`new ${t}(name, args)\` from \`pulumi-qualys-cs\` |`,
    `| YAML | \`type: ${pluginToken(t)}\` |`,
    `| Python | \`${PYTHON_PACKAGE}.${t}(resource_name, …)\` |`,
    `| Go | \`${GO_PACKAGE}.New${t}(ctx, name, &${GO_PACKAGE}.${t}Args{…})\` |`,
  ];
  const names = propertyNames(resource).map((n) => n.split(".").map((part) => part));
  const table = [
    "| TypeScript, YAML | Python | Go |",
    "|---|---|---|",
    ...names.map(
      (parts) =>
        `| \`${parts.join(".")}\` | \`${parts.map(pythonName).join(".")}\` | \`${parts.map(goName).join(".")}\` |`,
    ),
  ];
  return `${rows.join("\n")}\n\n${table.join("\n")}\n`;
}

function fieldTable(fields: FieldTable, heading: string, requiredWord: string): string {
  const rows = Object.entries(fields).map(
    ([name, f]) =>
      `| \`${name}\` | ${cell(f.type.shown ?? f.type.output)}${f.secret ? ", **secret**" : ""} | ${f.required ? requiredWord : "optional"} | ${cell(f.description)} |`,
  );
  if (rows.length === 0) return "None.\n";
  return [`| ${heading} | type | set | meaning |`, "|---|---|---|---|", ...rows].join("\n") + "\n";
}

/** How each language calls the function, and each argument's and result field's name in each language. */
export function renderFunctionLanguages(fn: FunctionDefinition, resources: readonly string[]): string {
  const rows = [
    "| language | call |",
    "|---|---|",
    `| TypeScript, JavaScript | \`${fn.name}(args)\` (an output), \`${fn.name}Async(args)\` (a promise) from \`pulumi-qualys-cs\` |`,
    `| YAML | \`fn::invoke: { function: ${pluginToken(fn.name)}, arguments: {…} }\` |`,
    `| Python | \`${PYTHON_PACKAGE}.${pythonName(fn.name)}(…)\`, \`${PYTHON_PACKAGE}.${pythonName(fn.name)}_output(…)\` |`,
    `| Go | \`${GO_PACKAGE}.${goFunctionName(fn.name, resources)}(ctx, …)\` |`,
  ];
  const names = [...Object.keys(fn.inputs), ...Object.keys(fn.outputs)].filter(
    (n, i, all) => all.indexOf(n) === i,
  );
  return `${rows.join("\n")}\n\n${namesTable(names)}\n`;
}

/** A page's generated blocks, by name, in the order a new page shows them. */
export type Blocks = ReadonlyArray<readonly [name: string, markdown: string]>;

/** The generated blocks of a resource's page. */
export function resourceBlocks(resource: ResourceDefinition<PropertyTable>): Blocks {
  return [
    ["properties", renderPropertyTables(resource)],
    ["languages", renderResourceLanguages(resource)],
  ];
}

/** The generated blocks of a function's page. */
export function functionBlocks(fn: FunctionDefinition, resources: readonly string[]): Blocks {
  return [
    ["arguments", fieldTable(fn.inputs, "argument", "required")],
    ["result", fieldTable(fn.outputs, "field", "always")],
    ["languages", renderFunctionLanguages(fn, resources)],
  ];
}

const begin = (block: string): string =>
  `<!-- generated:${block} (by \`npm run docs\` from the table: edit the table, not this block) -->`;
const END = "<!-- /generated -->";

/** The page's current text of a block, or undefined when it has no markers for it. */
export function pageBlock(page: string, block: string): string | undefined {
  const start = page.indexOf(begin(block));
  const end = page.indexOf(END, start);
  if (start < 0 || end < 0) return undefined;
  return page.slice(start + begin(block).length + 1, end);
}

/** A new page: a title, then each block, for the prose to be written around. */
export function newPage(title: string, blocks: Blocks): string {
  return `# ${title}\n\n${blocks.map(([name, md]) => `${begin(name)}\n${md}${END}\n`).join("\n")}`;
}

/** The page with every block rewritten; a block the page has no markers for is added at its end. */
export function withBlocks(page: string, blocks: Blocks): string {
  let text = page;
  for (const [name, md] of blocks) {
    const start = text.indexOf(begin(name));
    const end = text.indexOf(END, start);
    text =
      start < 0 || end < 0
        ? `${text.trimEnd()}\n\n${begin(name)}\n${md}${END}\n`
        : `${text.slice(0, start)}${begin(name)}\n${md}${text.slice(end)}`;
  }
  return text;
}

/** Writes a page's blocks, creating the page when it does not exist. */
export function writePage(file: string, title: string, blocks: Blocks): void {
  const text = fs.existsSync(file)
    ? withBlocks(fs.readFileSync(file, "utf8"), blocks)
    : newPage(title, blocks);
  fs.writeFileSync(file, text);
}
