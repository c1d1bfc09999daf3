/**
 * `pulumi-qualys-cs import` against the simulator, in process: which schedules it selects, what it
 * writes, that it only reads, and the error (and exit code) for each way it can fail. The serialized
 * provider is a stand-in here; the end-to-end test checks the real one against the CLI.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { ScheduleApi } from "../../../provider/schedule/api";
import {
  DEFAULT_CODE_FILE,
  DEFAULT_IMPORT_FILE,
  runImportCommand,
} from "../../../provider/cli/import-command";
import type { ImportFile } from "../../../provider/cli/import-file";
import { resolveSettings } from "../../../provider/qualys/config";
import { sharedClient } from "../../../provider/qualys/http/client";
import { DEMO_PASSWORD, DEMO_REGISTRY_ID, type RunningSimulator } from "../../simulator";
import { useSimulatorEnvironment } from "../../harness/use-simulator";
import { first } from "../../harness/assert";

const R = DEMO_REGISTRY_ID;
const PROVIDER =
  'exports.handler = __f0;\nconst provider = require("pulumi-qualys-cs/provider-runtime/v1");\n';

let sim: RunningSimulator;
let dir: string;

const simulator = useSimulatorEnvironment();
beforeAll(() => {
  sim = simulator();
});
beforeEach(() => {
  sim.control.reset();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "qualys-import-unit-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function create(name: string, over: Record<string, unknown> = {}): string {
  return sim.control.createSchedule(R, {
    name,
    onDemand: false,
    filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
    scheduleScanIntervalInDays: 1,
    schedule: "19:30",
    forceScan: false,
    registryType: "DockerHub",
    ...over,
  }).scheduleUuid;
}

async function run(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return runWith({}, ...argv);
}

/** Runs the command; with `held`, `--stack` reads these IDs as the stack's (and settings from the environment). */
async function runWith(
  io: { held?: string[]; heldRegistries?: string[] },
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runImportCommand(argv, {
    ...(io.held
      ? {
          stackScheduleIds: () => Promise.resolve(new Set(io.held)),
          stackRegistryIds: () => Promise.resolve(new Set(io.heldRegistries)),
          settings: () => Promise.resolve(resolveSettings(undefined)),
        }
      : {}),
    cwd: dir,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    serializeProvider: () => Promise.resolve(PROVIDER),
    // A fresh API per run, as each run of the command is a fresh process: no look-up cache of an
    // earlier test (the simulator is reset between tests) answers this one.
    api: (settings) => new ScheduleApi(sharedClient(settings)),
  });
  return { code, stdout, stderr };
}

const importFile = (file = path.join(dir, DEFAULT_IMPORT_FILE)): ImportFile =>
  JSON.parse(fs.readFileSync(file, "utf8")) as ImportFile;

describe("selection", () => {
  test("--registry alone imports every schedule of the registry", async () => {
    const ids = [create("a"), create("b"), create("c")];
    const res = await run("--registry", R);
    expect(res.code).toBe(0);
    expect(
      importFile()
        .resources.map((r) => r.id)
        .sort(),
    ).toEqual(ids.map((id) => `${R}/${id}`).sort());
  });

  test("--schedule picks schedules by ID, bare or full", async () => {
    const [a, , c] = [create("a"), create("b"), create("c")];
    const res = await run("--registry", R, "--schedule", a, "--schedule", `${R}/${c}`);
    expect(res.code).toBe(0);
    expect(importFile().resources.map((r) => r.name)).toEqual(["a", "c"]);
  });

  test("full IDs alone need no --registry", async () => {
    const b = (create("a"), create("b"));
    expect((await run(`${R}/${b}`)).code).toBe(0);
    expect(importFile().resources.map((r) => r.name)).toEqual(["b"]);
  });

  test("--name matches whole names with * and ? wildcards", async () => {
    for (const n of ["nightly-api", "nightly-web", "weekly-api", "nightly"]) create(n);
    expect((await run("--registry", R, "--name", "nightly-*", "--name", "weekly-ap?")).code).toBe(0);
    expect(
      importFile()
        .resources.map((r) => r.name)
        .sort(),
    ).toEqual(["nightly-api", "nightly-web", "weekly-api"]);
  });
});

describe("two --registry flags read both registries", () => {
  test("each registry's schedules are imported, and --name applies to each", async () => {
    sim.control.addRegistry("second-registry", "DockerHub");
    const a = create("nightly-a");
    const b = sim.control.createSchedule("second-registry", {
      name: "nightly-b",
      onDemand: false,
      filters: [{ repoTags: [{ repo: "team/web", tag: null }], days: null }],
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
    }).scheduleUuid;
    create("weekly-skip", { schedule: "20:00" });
    const res = await run("--registry", R, "--registry", "second-registry", "--name", "nightly-*");
    expect(res.code).toBe(0);
    expect(
      importFile()
        .resources.map((r) => r.id)
        .sort(),
    ).toEqual([`${R}/${a}`, `second-registry/${b}`].sort());
  });

  test("a bare --schedule ID with two registries is a usage error saying which form to use", async () => {
    const res = await run("--registry", R, "--registry", "other", "--schedule", "abc");
    expect(res.code).toBe(2);
    expect(res.stderr).toContain("<registryId>/abc");
  });
});

describe("with --stack, schedules the stack already manages are skipped", () => {
  test("they are not offered, and the command lists them", async () => {
    const a = create("managed");
    const b = create("not-managed");
    const res = await runWith({ held: [`${R}/${a}`] }, "--registry", R, "--stack", "dev");
    expect(res.code).toBe(0);
    expect(importFile().resources.map((r) => r.id)).toEqual([`${R}/${b}`]);
    expect(res.stderr).toContain("Skipped 1 schedule that stack dev already manages");
    expect(res.stderr).toContain(`${R}/${a}`);
  });

  test("when the stack holds them all, nothing is written and it says so", async () => {
    const a = create("managed");
    const res = await runWith({ held: [`${R}/${a}`] }, "--registry", R, "--stack", "dev");
    expect(res.code).toBe(0);
    expect(res.stderr).toContain("Nothing left to import");
    expect(fs.existsSync(path.join(dir, DEFAULT_IMPORT_FILE))).toBe(false);
  });
});

describe("--with-registry adopts the registry too", () => {
  test("the registry is the first entry, and the schedules reference it in the code", async () => {
    const a = create("nightly");
    const res = await run("--registry", R, "--with-registry");
    expect(res.code).toBe(0);
    expect(importFile().resources.map((r) => [r.type, r.id])).toEqual([
      ["pulumi-nodejs:dynamic/qualys:Registry", R],
      ["pulumi-nodejs:dynamic/qualys:RegistryScanSchedule", `${R}/${a}`],
    ]);
    expect(res.stderr).toContain("Read 1 registry from Qualys");
    const code = fs.readFileSync(path.join(dir, DEFAULT_CODE_FILE), "utf8");
    expect(code).toMatch(/registryId: \w+\.id,/);
  });

  test("without it, the output is schedule-only as before", async () => {
    create("nightly");
    await run("--registry", R);
    expect(importFile().resources.map((r) => r.type)).toEqual([
      "pulumi-nodejs:dynamic/qualys:RegistryScanSchedule",
    ]);
  });

  test("a registry the stack already manages is skipped and listed; its schedules keep the literal ID", async () => {
    create("nightly");
    const res = await runWith(
      { held: [], heldRegistries: [R] },
      "--registry",
      R,
      "--with-registry",
      "--stack",
      "dev",
    );
    expect(res.code).toBe(0);
    expect(res.stderr).toContain("Skipped 1 registry that stack dev already manages");
    expect(importFile().resources.map((r) => r.type)).toEqual([
      "pulumi-nodejs:dynamic/qualys:RegistryScanSchedule",
    ]);
    expect(fs.readFileSync(path.join(dir, DEFAULT_CODE_FILE), "utf8")).toContain(`registryId: "${R}"`);
  });

  test("a registry without schedules can be adopted alone", async () => {
    const res = await run("--registry", R, "--with-registry");
    expect(res.code).toBe(0);
    expect(importFile().resources.map((r) => r.id)).toEqual([R]);
  });
});

describe("output", () => {
  test("--out writes the import file and the code into the directory, and says what to run next", async () => {
    create("nightly-api");
    const res = await run("--registry", R, "--out", "adopt");
    expect(res.code).toBe(0);
    expect(fs.existsSync(path.join(dir, "adopt", DEFAULT_IMPORT_FILE))).toBe(true);
    expect(fs.readFileSync(path.join(dir, "adopt", DEFAULT_CODE_FILE), "utf8")).toContain(
      'new RegistryScanSchedule(\n  "nightly-api"',
    );
    expect(res.stderr).toContain(
      `pulumi import --file ${path.join("adopt", DEFAULT_IMPORT_FILE)} --generate-code=false --yes`,
    );
    expect(res.stdout).toBe("");
  });

  test("--file writes only the import file and prints the code", async () => {
    create("nightly-api");
    const res = await run("--registry", R, "--file", "i.json", "--protect=false");
    expect(res.code).toBe(0);
    expect(importFile(path.join(dir, "i.json")).resources).toHaveLength(1);
    expect(fs.existsSync(path.join(dir, DEFAULT_CODE_FILE))).toBe(false);
    expect(res.stdout).toContain('new RegistryScanSchedule(\n  "nightly-api"');
    expect(res.stdout).not.toContain("protect: true");
    expect(res.stderr).toContain("pulumi import --file i.json --protect=false --generate-code=false --yes");
  });

  test("an existing file is kept unless --force is given", async () => {
    create("nightly-api");
    fs.writeFileSync(path.join(dir, DEFAULT_IMPORT_FILE), "mine");
    const res = await run("--registry", R);
    expect(res.code).toBe(1);
    expect(res.stderr).toContain("exists: pass --force to overwrite it");
    expect(fs.readFileSync(path.join(dir, DEFAULT_IMPORT_FILE), "utf8")).toBe("mine");
    expect((await run("--registry", R, "--force")).code).toBe(0);
    expect(importFile().resources).toHaveLength(1);
  });

  test("the outputs are what refresh would store, and neither file holds a credential", async () => {
    const id = create("nightly-api");
    await run("--registry", R);
    const res = first(importFile().resources, "an imported resource");
    expect(res.outputs).toMatchObject({
      scheduleId: id,
      status: "Created",
      registryType: "DockerHub",
      name: "nightly-api",
    });
    for (const f of [DEFAULT_IMPORT_FILE, DEFAULT_CODE_FILE]) {
      const text = fs.readFileSync(path.join(dir, f), "utf8");
      expect(text).not.toContain(DEMO_PASSWORD);
      expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]+\./);
    }
  });
});

describe("only reads", () => {
  test("the command makes no request but GET and the /auth POST", async () => {
    create("a");
    create("b", { onDemand: true, scheduleScanIntervalInDays: null, schedule: null });
    sim.control.clearRequests();
    expect((await run("--registry", R)).code).toBe(0);
    const log = sim.control.requests();
    expect(log.length).toBeGreaterThan(0);
    expect(log.filter((r) => !(r.method === "GET" || (r.method === "POST" && r.path === "/auth")))).toEqual(
      [],
    );
  });
});

describe("errors", () => {
  test("an unknown registry: exit 1, says Qualys has no such registry", async () => {
    const res = await run("--registry", "no-such-registry");
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^error: Qualys has no registry no-such-registry \(404/);
    expect(fs.existsSync(path.join(dir, DEFAULT_IMPORT_FILE))).toBe(false);
  });

  test("an unknown schedule ID: exit 1, names every missing ID, writes nothing", async () => {
    create("a");
    const res = await run("--registry", R, "--schedule", "missing-1", "--schedule", "missing-2");
    expect(res.code).toBe(1);
    expect(res.stderr).toContain(`Registry ${R} has no schedule missing-1, missing-2`);
    expect(fs.existsSync(path.join(dir, DEFAULT_IMPORT_FILE))).toBe(false);
  });

  test("a malformed ID: exit 2 before any request", async () => {
    sim.control.clearRequests();
    const res = await run(`${R}/`);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(`Malformed schedule ID "${R}/"`);
    expect(sim.control.requests()).toEqual([]);
  });

  test("a name filter that matches nothing, and an empty registry: exit 1", async () => {
    expect((await run("--registry", R)).stderr).toContain("has no schedules: there is nothing to import");
    create("a");
    const res = await run("--registry", R, "--name", "zzz*");
    expect(res.code).toBe(1);
    expect(res.stderr).toContain('has a name matching "zzz*" (it has 1 schedule)');
  });

  test("a schedule Qualys returns without its interval cannot be declared: exit 1, names the schedule and the rule", async () => {
    const id = create("a");
    sim.control.configure({ omitExtendedFields: true });
    try {
      const res = await run("--registry", R);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain(`schedule ${R}/${id} ("a"): scheduleScanIntervalInDays:`);
    } finally {
      sim.control.configure({ omitExtendedFields: false });
    }
  });

  test("missing settings: exit 1, names the config key and the environment variable, never the password", async () => {
    const saved = process.env.QUALYS_USERNAME;
    delete process.env.QUALYS_USERNAME;
    try {
      const res = await run("--registry", R);
      expect(res.code).toBe(1);
      expect(res.stderr).toContain("qualys:username");
      expect(res.stderr).toContain("QUALYS_USERNAME");
      expect(res.stderr).not.toContain(DEMO_PASSWORD);
    } finally {
      process.env.QUALYS_USERNAME = saved;
    }
  });

  test("wrong credentials: exit 1, and the message does not repeat the password", async () => {
    process.env.QUALYS_PASSWORD = "wrong-password-123";
    try {
      const res = await run("--registry", R);
      expect(res.code).toBe(1);
      expect(res.stderr).not.toContain("wrong-password-123");
    } finally {
      process.env.QUALYS_PASSWORD = DEMO_PASSWORD;
    }
  });
});
