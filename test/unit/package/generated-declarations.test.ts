/**
 * Each resource's public declarations (`provider/<folder>/resource.ts`: args types, block interfaces, the
 * class and its outputs, with their TSDoc) are what test/docs/resource-code.ts generates from the property
 * table, so they cannot drift from it (`npm run docs` rewrites them).
 */
import * as childProcess from "node:child_process";
import * as path from "node:path";

import { REGISTRY_ARGS } from "../../../provider/registry/properties";
import { REGISTRY_TYPES } from "../../../provider/registry/types";
import { RESOURCES } from "../../../provider/resources";
import { REPO_ROOT, resourceFile } from "../../docs/resource-code";

/** What `write-docs.js --check` reports: the declarations that differ from what their table generates. */
function staleDeclarations(): Array<{ file: string; found: string; expected: string }> {
  const run = childProcess.spawnSync(
    process.execPath,
    [path.join(__dirname, "..", "..", "docs", "write-docs.js"), "--check"],
    {
      encoding: "utf8",
    },
  );
  if (run.status !== 0) throw new Error(`write-docs.js --check failed: ${run.stderr}`);
  return JSON.parse(run.stdout) as Array<{ file: string; found: string; expected: string }>;
}

describe("generated declarations", () => {
  const stale = staleDeclarations();
  test.each(RESOURCES.map((r) => [path.relative(REPO_ROOT, resourceFile(r)), r] as const))(
    "%s is what its property table generates (run `npm run docs` after changing the table)",
    (_file, resource) => {
      const found = stale.find((s) => s.file === resourceFile(resource));
      expect(found?.found).toBe(found?.expected);
    },
  );
});

describe("a union args type's declaration of which member takes what", () => {
  test.each(RESOURCES.filter((r) => r.union).map((r) => [r.typeName, r] as const))(
    "%s: each discriminant value is in exactly one member, and members take only the table's inputs",
    (_name, resource) => {
      const union = resource.union!; // filtered to resources with a union
      const values = union.variants.flatMap((v) => v.values);
      expect(new Set(values).size).toBe(values.length);
      const inputs = Object.entries(resource.properties)
        .filter(([, spec]) => spec.kind === "input")
        .map(([name]) => name);
      for (const v of union.variants) {
        for (const name of [...Object.keys(v.takes), ...Object.keys(v.notes ?? {})])
          expect(inputs).toContain(name);
      }
    },
  );
  test("Registry: the members cover every registry type", () => {
    expect(REGISTRY_ARGS.variants.flatMap((v) => v.values).sort()).toEqual([...REGISTRY_TYPES].sort());
  });
});
