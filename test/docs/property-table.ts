/**
 * The reference pages' generated blocks (docs/reference/<name>.md), rendered from the property tables
 * (`provider/core/properties.ts`): `npm run docs` writes them between a page's `<!-- generated:<block> -->`
 * markers, and test/unit/reference-pages.test.ts fails when a page and its table disagree. The prose
 * around the blocks (notes, errors, examples) is written by hand.
 */
import * as fs from "node:fs";

import { type InputSpec, type PropertyTable, type ResourceDefinition } from "../../provider/core/properties";

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
        `| \`${name}.${member}\` | ${cell(m.type.shown ?? m.type.output)} | ${m.required ? "required" : "optional"} | ${cell(m.description)} | ${change({ ...spec, change: m.change ?? spec.change })} |`,
      );
    }
  }
  return `${inputs.join("\n")}\n\nOutputs: every input (canonical), plus:\n\n${outputs.join("\n")}\n`;
}

/** A page's generated blocks, by name, in the order a new page shows them. */
export type Blocks = ReadonlyArray<readonly [name: string, markdown: string]>;

/** The generated blocks of a resource's page. */
export function resourceBlocks(resource: ResourceDefinition<PropertyTable>): Blocks {
  return [["properties", renderPropertyTables(resource)]];
}

const begin = (block: string): string =>
  `<!-- generated:${block} (by \`npm run docs\` from the property table: edit the table, not this block) -->`;
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
