/**
 * The provider's setting names (stack config keys and environment variables) are spelled in one place,
 * `provider/qualys/settings.ts`: no string or template text elsewhere in `provider/` spells one
 * (comments may). Read with the TypeScript compiler API, so that comments are not text.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import * as ts from "typescript";

import { SETTINGS } from "../../../provider/qualys/settings";
import { REPO_ROOT } from "../../harness/stack";

const PROVIDER = path.join(REPO_ROOT, "provider");
const HOME = path.join(PROVIDER, "qualys", "settings.ts");
const NAMES = Object.values(SETTINGS).flatMap((s) => [s.key, s.env]);

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(file);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts") ? [file] : [];
  });
}

/** The text of every string and template literal of `file`. */
function literalTexts(file: string): string[] {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const texts: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) texts.push(node.text);
    if (ts.isTemplateExpression(node))
      texts.push(node.head.text, ...node.templateSpans.map((span) => span.literal.text));
    ts.forEachChild(node, visit);
  };
  visit(source);
  return texts;
}

/** `name` as a whole word in `text` (so that QUALYS_PASSWORD does not match QUALYS_PASSWORD_FILE). */
const spells = (text: string, name: string): boolean =>
  new RegExp(`(^|[^\\w:])${name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w])`).test(text);

describe("setting names are spelled only in provider/qualys/settings.ts", () => {
  test("the home of the names spells every one of them", () => {
    const home = literalTexts(HOME);
    for (const name of NAMES) expect(home.some((t) => spells(t, name))).toBe(true);
  });

  test.each(
    sourceFiles(PROVIDER)
      .filter((f) => f !== HOME)
      .map((f) => [path.relative(REPO_ROOT, f), f]),
  )("%s spells none (it imports SETTINGS)", (_relative, file) => {
    const found = literalTexts(file).flatMap((text) => NAMES.filter((name) => spells(text, name)));
    expect(found).toEqual([]);
  });
});
