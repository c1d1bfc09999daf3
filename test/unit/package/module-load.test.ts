/**
 * What a provider process loads: the dynamic provider host starts one per command, so every module the
 * provider loads is paid for (CPU and memory) by every `pulumi preview`, `up`, `refresh` and `destroy`.
 * `check` and `diff` need neither zod nor axios; zod is loaded with the first reply parsed
 * (qualys/http/response.ts `replySchema`), axios with the first API call (qualys/per-client.ts).
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

const DIST = path.resolve(__dirname, "..", "..", "..");

/** Runs `script` in a fresh Node.js process and returns the packages it loaded from node_modules. */
function packagesLoadedBy(script: string): string[] {
  const out = execFileSync(
    process.execPath,
    [
      "-e",
      `${script}
      const loaded = new Set();
      for (const file of Object.keys(require.cache)) {
        const m = /node_modules\\/((?:@[^/]+\\/)?[^/]+)\\//.exec(file);
        if (m) loaded.add(m[1]);
      }
      process.stdout.write(JSON.stringify([...loaded].sort()));`,
    ],
    { cwd: DIST, encoding: "utf8" },
  );
  return JSON.parse(out) as string[];
}

describe("a provider process that only checks and diffs", () => {
  it("loads neither zod nor axios", () => {
    const loaded = packagesLoadedBy(`
      const rt = require("./provider/schedule/runtime-v1.js");
      const news = { registryId: "r", name: "n", repo: ["team/api"], scheduleScanIntervalInDays: 1, schedule: "19:30" };
      rt.check({}, news).then(({ inputs, failures }) => { if (failures) throw new Error(JSON.stringify(failures)); return rt.diff("r/s", inputs, inputs); });
    `);
    expect(loaded).not.toContain("zod");
    expect(loaded).not.toContain("axios");
  });
});

describe("a provider process that parses a reply", () => {
  it("loads zod then", () => {
    const loaded = packagesLoadedBy(`
      const { parseSchedulePage } = require("./provider/schedule/wire.js");
      const text = JSON.stringify({ count: 1, data: [{ scheduleUuid: "s", name: "n" }] });
      parseSchedulePage({ status: 200, data: JSON.parse(text), text, headers: {} }, "list");
    `);
    expect(loaded).toContain("zod");
  });
});
