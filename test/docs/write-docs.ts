// `npm run docs`: writes the generated blocks of the reference pages (docs/reference/) from the tables.
import * as path from "node:path";

import { RESOURCES } from "../../provider/resources";
import { resourceBlocks, writePage, type Blocks } from "./property-table";

export const REFERENCE_DIR = path.resolve(__dirname, "..", "..", "..", "docs", "reference");

/** Every reference page with generated blocks: its file, its title and its blocks. */
export const PAGES: ReadonlyArray<{ file: string; title: string; blocks: Blocks }> = RESOURCES.map((r) => ({
  file: path.join(REFERENCE_DIR, `${r.typeName}.md`),
  title: `\`${r.typeName}\``,
  blocks: resourceBlocks(r),
}));

if (require.main === module) for (const p of PAGES) writePage(p.file, p.title, p.blocks);
