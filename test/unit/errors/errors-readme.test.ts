/**
 * README "Errors and what to do" lists exactly the error classes the package exports: a class added
 * without a row (or a row left after a class went) fails here.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import * as errors from "../../../provider/errors";
import * as pkg from "../../../provider/index";

const README = path.resolve(__dirname, "..", "..", "..", "..", "README.md");

function readmeErrorRows(): string[] {
  const text = fs.readFileSync(README, "utf8");
  const section = text.slice(text.indexOf("### Errors and what to do"));
  const table = section.slice(0, section.indexOf("\n\n", section.indexOf("| error |")));
  return [...table.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]!); // the pattern's one group always takes part
}

function errorClasses(module: Record<string, unknown>): string[] {
  return Object.entries(module)
    .filter(([, value]) => typeof value === "function" && value.prototype instanceof Error)
    .map(([name]) => name)
    .sort();
}

describe("README's error table", () => {
  test("lists every error class of the errors barrel, and nothing else", () => {
    expect([...readmeErrorRows()].sort()).toEqual(errorClasses(errors).concat().sort());
  });
  test("the package entry point exports every one of them", () => {
    expect(errorClasses(pkg)).toEqual(errorClasses(errors));
  });
});
