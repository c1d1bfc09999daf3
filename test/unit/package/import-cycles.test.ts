/**
 * No module of the package or of its tests imports itself through others: a circle makes load order
 * matter (a value read before its module finished loading is undefined) and ties files that should not
 * know each other. Imports are read with the TypeScript compiler API, type-only ones included.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

const ROOT = path.resolve(__dirname, "..", "..", "..", "..");

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "fixtures" || e.name === "node_modules" ? [] : sourceFiles(full);
    return e.name.endsWith(".ts") && !e.name.endsWith(".d.ts") ? [full] : [];
  });
}

/** The files of this repository a file imports or re-exports (relative specifiers only). */
function localImports(file: string): string[] {
  const info = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((s) => s.startsWith("."))
    .map((s) => path.resolve(path.dirname(file), s))
    .map((s) => [`${s}.ts`, path.join(s, "index.ts")].find((c) => fs.existsSync(c)))
    .filter((s): s is string => s !== undefined);
}

/** Every circle, as the files in import order (each reported once, from its first file in sorted order). */
export function importCircles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, localImports(f)]));
  const circles: string[][] = [];
  const done = new Set<string>();
  const visit = (file: string, trail: string[]): void => {
    const at = trail.indexOf(file);
    if (at >= 0) {
      circles.push(trail.slice(at).map((f) => path.relative(ROOT, f)));
      return;
    }
    if (done.has(file)) return;
    for (const next of graph.get(file) ?? []) visit(next, [...trail, file]);
    done.add(file);
  };
  for (const f of [...graph.keys()].sort()) visit(f, []);
  return circles;
}

describe("import circles", () => {
  test.each(["provider", "test"])("%s/ has none", (dir) => {
    expect(importCircles(sourceFiles(path.join(ROOT, dir)))).toEqual([]);
  });
});
