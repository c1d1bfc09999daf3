// `npm run docs`: writes what is generated from the tables: the reference pages' blocks (docs/reference/)
// and each resource's declarations (provider/<folder>/resource.ts).
import * as fs from "node:fs";
import * as path from "node:path";

import { FUNCTIONS, RESOURCES } from "../../provider/resources";
import { functionBlocks, resourceBlocks, writePage, type Blocks } from "./property-table";
import { renderResourceCode, resourceFile } from "./resource-code";

export const REFERENCE_DIR = path.resolve(__dirname, "..", "..", "..", "docs", "reference");

/** Every reference page with generated blocks: its file, its title and its blocks. */
export const PAGES: ReadonlyArray<{ file: string; title: string; blocks: Blocks }> = [
  ...RESOURCES.map((r) => ({
    file: path.join(REFERENCE_DIR, `${r.typeName}.md`),
    title: `\`${r.typeName}\``,
    blocks: resourceBlocks(r),
  })),
  ...FUNCTIONS.map((f) => ({
    file: path.join(REFERENCE_DIR, `${f.name}.md`),
    title: `\`${f.name}\``,
    blocks: functionBlocks(
      f,
      RESOURCES.map((r) => r.typeName),
    ),
  })),
];

/**
 * Writes every generated file; with `--check`, writes nothing and prints the declarations that differ
 * from what their table generates (as JSON: file, found, expected), for test/unit/package/generated-declarations.test.ts,
 * which runs this as a child process because prettier's API cannot be loaded inside jest.
 */
async function main(check: boolean): Promise<void> {
  const stale: Array<{ file: string; found: string; expected: string }> = [];
  for (const r of RESOURCES) {
    const file = resourceFile(r);
    const expected = await renderResourceCode(r);
    const found = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
    if (check && found !== expected) stale.push({ file, found, expected });
    if (!check) fs.writeFileSync(file, expected);
  }
  if (check) {
    process.stdout.write(JSON.stringify(stale));
    return;
  }
  for (const p of PAGES) writePage(p.file, p.title, p.blocks);
}

if (require.main === module) {
  main(process.argv.includes("--check")).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
