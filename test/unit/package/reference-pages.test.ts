/** The reference pages' generated blocks are what the tables render (`npm run docs` rewrites them). */
import * as fs from "node:fs";
import * as path from "node:path";

import { goFunctionName, goName, pageBlock, pythonName } from "../../docs/property-table";
import { PAGES } from "../../docs/write-docs";
import { FUNCTIONS, RESOURCES } from "../../../provider/resources";

const ROOT = path.resolve(__dirname, "..", "..", "..", "..");

describe("reference pages (docs/reference/)", () => {
  test("every resource and every function has a page", () => {
    expect(PAGES.map((p) => path.basename(p.file))).toEqual([
      ...RESOURCES.map((r) => `${r.typeName}.md`),
      ...FUNCTIONS.map((f) => `${f.name}.md`),
    ]);
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

// The names the pages give for Python and Go are the ones the committed SDKs (sdk/, generated from the
// same tables through the plugin schema) use.
describe("the pages' Python and Go names are the generated SDKs'", () => {
  const read = (dir: string, ext: string): string =>
    fs
      .readdirSync(dir, { recursive: true, encoding: "utf8" })
      .filter((f) => f.endsWith(ext))
      .map((f) => fs.readFileSync(path.join(dir, f), "utf8"))
      .join("\n");
  const python = read(path.join(ROOT, "sdk", "python"), ".py");
  const go = read(path.join(ROOT, "sdk", "go"), ".go");
  const goField = (goName: string, name: string): RegExp =>
    new RegExp(`\\b${goName}\\s+\\S+\\s+\`pulumi:"${name}"\``);
  const tables = [
    ...RESOURCES.map((r) => [r.typeName, Object.entries(r.properties)] as const),
    ...FUNCTIONS.map((f) => [f.name, [...Object.entries(f.inputs), ...Object.entries(f.outputs)]] as const),
  ];
  test.each(tables.map(([name, entries]) => [name, entries] as const))("%s", (_name, entries) => {
    for (const [name, spec] of entries) {
      const members = "fields" in spec && spec.fields ? Object.keys(spec.fields) : [];
      for (const n of [name, ...members]) {
        // A property or result field is a quoted getter name; a function argument, a keyword parameter.
        const inPython =
          python.includes(`"${pythonName(n)}"`) || new RegExp(`[(\\s]${pythonName(n)}: `).test(python);
        expect([n, inPython]).toEqual([n, true]);
        expect([n, goField(goName(n), n).test(go)]).toEqual([n, true]);
      }
    }
  });
  test.each(FUNCTIONS.map((f) => [f.name, f] as const))("the function %s", (_name, f) => {
    const resources = RESOURCES.map((r) => r.typeName);
    expect(python).toContain(`def ${pythonName(f.name)}(`);
    expect(go).toContain(`func ${goFunctionName(f.name, resources)}(ctx`);
  });
});
