/** README's property tables are the ones the property tables render (`npm run docs` rewrites them). */
import * as fs from "node:fs";
import * as path from "node:path";

import { readmeBlock, renderPropertyTables } from "../docs/property-table";
import { DOCUMENTED } from "../docs/write-readme";

const README = fs.readFileSync(path.resolve(__dirname, "..", "..", "..", "README.md"), "utf8");

describe("README's property tables", () => {
  test.each(DOCUMENTED.map((r) => [r.typeName, r] as const))(
    "%s: the README shows what its property table says (run `npm run docs` after changing the table)",
    (_name, resource) => {
      expect(readmeBlock(README, resource.typeName)).toBe(renderPropertyTables(resource));
    },
  );
});
