/**
 * The committed SDKs (sdk/python, sdk/go) are what the generator (sdk/gen) makes of the committed
 * schema (provider/plugin/schema.json, itself checked by test/unit/plugin/plugin-schema.test.ts): they are
 * regenerated into a temporary folder and compared file by file. `npm run sdk` rewrites them.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { packageVersion } from "../../provider/plugin/settings";

const REPO = path.resolve(__dirname, "..", "..", "..");
const LANGUAGES = ["python", "go"] as const;

/** Every file below `dir`, as sorted relative paths. */
function filesBelow(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const child = path.join(rel, entry.name);
      if (entry.isDirectory()) walk(child);
      else out.push(child);
    }
  };
  walk("");
  return out.sort();
}

let generated: string;
beforeAll(() => {
  generated = fs.mkdtempSync(path.join(os.tmpdir(), "qualys-sdk-"));
  // The first run on a machine builds the generator (about 1-2 minutes on 2 cores); then well under 1 s.
  execFileSync("bash", [path.join(REPO, "sdk", "gen", "gensdk.sh"), generated], { stdio: "inherit" });
}, 900_000);
afterAll(() => fs.rmSync(generated, { recursive: true, force: true }));

describe.each(LANGUAGES)("the %s SDK", (language) => {
  test("holds exactly the generated files, each as generated (run `npm run sdk` after changing the schema)", () => {
    const committed = path.join(REPO, "sdk", language);
    const fresh = path.join(generated, language);
    expect(filesBelow(committed)).toEqual(filesBelow(fresh));
    for (const file of filesBelow(fresh)) {
      const same = fs
        .readFileSync(path.join(committed, file))
        .equals(fs.readFileSync(path.join(fresh, file)));
      expect([file, same]).toEqual([file, true]);
    }
  });

  test("asks for the plugin of the package's version", () => {
    const pluginJson =
      language === "python" ? "pulumi_qualys_cs/pulumi-plugin.json" : "qualyscs/pulumi-plugin.json";
    const plugin = JSON.parse(fs.readFileSync(path.join(REPO, "sdk", language, pluginJson), "utf8")) as {
      name: string;
      version: string;
    };
    expect(plugin).toMatchObject({ name: "qualys-cs", version: packageVersion() });
  });
});
