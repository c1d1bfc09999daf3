/** The reference pages' generated blocks are what the tables render (`npm run docs` rewrites them). */
import * as fs from "node:fs";
import * as path from "node:path";

import { pageBlock } from "../docs/property-table";
import { PAGES } from "../docs/write-docs";
import { RESOURCES } from "../../provider/resources";

describe("reference pages (docs/reference/)", () => {
  test("every resource has a page", () => {
    expect(PAGES.map((p) => path.basename(p.file))).toEqual(RESOURCES.map((r) => `${r.typeName}.md`));
    for (const p of PAGES) expect(fs.existsSync(p.file)).toBe(true);
  });
  describe.each(PAGES.map((p) => [path.basename(p.file), p] as const))("%s", (_name, page) => {
    test.each(page.blocks.map(([block, md]) => [block, md] as const))(
      "its %s block is what the table renders (run `npm run docs` after changing the table)",
      (block, md) => {
        expect(pageBlock(fs.readFileSync(page.file, "utf8"), block)).toBe(md);
      },
    );
  });
});
