/**
 * The package's public surface follows the one list of resources (provider/resources.ts): package.json
 * `exports` has each resource's stable provider subpath, pointing at its `runtime-v1`, and nothing else
 * besides the entry point and the policy rules; the entry point exports each resource's class.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import * as pkg from "../../../provider/index";
import { RESOURCES } from "../../../provider/resources";

const ROOT = path.resolve(__dirname, "..", "..", "..", "..");
const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
  exports: Record<string, { types: string; default: string } | string>;
};

describe("package.json exports", () => {
  test("are the entry point, package.json and one stable provider subpath per resource", () => {
    expect(Object.keys(manifest.exports).sort()).toEqual(
      // `./policy`: the scan-coverage rules (provider/policy/), not a resource's.
      [".", "./package.json", "./policy", ...RESOURCES.map((r) => `./${r.runtimeSubpath}`)].sort(),
    );
  });
  test.each(RESOURCES.map((r) => [r.typeName, r] as const))(
    "%s: its subpath resolves to its folder's runtime-v1 (the module state stores a require() of)",
    (_name, r) => {
      expect(manifest.exports[`./${r.runtimeSubpath}`]).toEqual({
        types: `./dist/provider/${r.folder}/runtime-v1.d.ts`,
        default: `./dist/provider/${r.folder}/runtime-v1.js`,
      });
    },
  );
});

describe("the entry point", () => {
  test.each(RESOURCES.map((r) => [r.typeName] as const))("exports the class %s", (typeName) => {
    expect(typeof (pkg as Record<string, unknown>)[typeName]).toBe("function");
  });
});
