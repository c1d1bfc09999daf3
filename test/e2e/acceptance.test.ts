/**
 * `npm run test:acceptance` with the simulator as the tenant: the simulator runs in a process of its own
 * and the acceptance set reaches it only through QUALYS_GATEWAY_URL, QUALYS_USERNAME, QUALYS_PASSWORD and
 * QUALYS_ACCEPTANCE_REGISTRY_ID, exactly as it reaches a real tenant. The set runs in a jest of its own
 * (jest.acceptance.config.js), as test/acceptance/run.sh runs it after the setup.
 */
import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import type { FidelityReport } from "../acceptance/fidelity";
import { startSimulatorProcess, type SimulatorProcess } from "../bench/processes";
import { descendants } from "../harness/proc";
import { REPO_ROOT, runPackageCommand } from "../harness/stack";
import type { StoredRegistry, StoredSchedule } from "../simulator";

const REGISTRY = randomUUID();
const USERNAME = "acceptance-user";
const PASSWORD = `pw-${randomUUID()}`;
const VARIABLES = [
  "QUALYS_ACCEPTANCE",
  "QUALYS_GATEWAY_URL",
  "QUALYS_USERNAME",
  "QUALYS_PASSWORD",
  "QUALYS_ACCEPTANCE_REGISTRY_ID",
];

let sim: SimulatorProcess;
let workDir: string;

beforeAll(async () => {
  sim = await startSimulatorProcess([{ id: REGISTRY, type: "DockerHub" }], {
    username: USERNAME,
    password: PASSWORD,
  });
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), "qualys-acceptance-"));
});
afterAll(async () => {
  await sim?.stop();
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

interface Run {
  code: number;
  output: string;
}

/** This process's environment without any QUALYS_* (a developer's shell may set them), plus `env`. */
function environment(env: Record<string, string>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("QUALYS_")) out[k] = v;
  return { ...out, ...env };
}

/** Runs a command in the repository; `started` sees the child and its output so far, as it comes. */
function run(
  command: string,
  args: string[],
  env: Record<string, string>,
  started?: (child: ReturnType<typeof spawn>, output: () => string) => void,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: REPO_ROOT, env: environment(env) });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("close", (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
    started?.(child, () => output);
  });
}

const JEST = path.join(REPO_ROOT, "node_modules", "jest", "bin", "jest.js");

const tenantEnv = (reportDir: string): Record<string, string> => ({
  QUALYS_ACCEPTANCE: "1",
  QUALYS_GATEWAY_URL: sim.url,
  QUALYS_USERNAME: USERNAME,
  QUALYS_PASSWORD: PASSWORD,
  QUALYS_ACCEPTANCE_REGISTRY_ID: REGISTRY,
  QUALYS_ACCEPTANCE_REPORT_DIR: reportDir,
});

/** The acceptance set (or the files matching `only`), as `npm run test:acceptance` runs it after the setup. */
async function acceptance(
  reportDir: string,
  only: string[] = [],
): Promise<Run & { report: FidelityReport; summary: string }> {
  const res = await run(
    process.execPath,
    [JEST, "--config", "jest.acceptance.config.js", "--runInBand", ...only],
    tenantEnv(reportDir),
  );
  console.log(`npm run test:acceptance (simulator as the tenant):\n${res.output}`);
  const read = (name: string) => fs.readFileSync(path.join(reportDir, name), "utf8");
  return {
    ...res,
    report: JSON.parse(read("fidelity-report.json")) as FidelityReport,
    summary: read("fidelity-report.md"),
  };
}

describe("without QUALYS_ACCEPTANCE=1", () => {
  test("says what to set and exits 0, having run nothing (no setup, no call to the gateway)", async () => {
    await sim.control.clearRequests();
    const env = tenantEnv(path.join(workDir, "unused"));
    delete (env as Partial<Record<string, string>>).QUALYS_ACCEPTANCE;
    const res = await run("bash", ["test/acceptance/run.sh"], env);
    expect(res.code).toBe(0);
    expect(res.output).toContain("Acceptance tests NOT run: nothing was run");
    for (const v of VARIABLES) expect(res.output).toContain(v);
    expect(res.output).not.toContain("[setup]");
    expect(await sim.control.requests()).toEqual([]);
    expect(fs.existsSync(path.join(workDir, "unused"))).toBe(false);
  });

  test("with QUALYS_ACCEPTANCE=1 but a variable missing: exits 2 naming it, having run nothing", async () => {
    const env = tenantEnv(path.join(workDir, "unused"));
    delete (env as Partial<Record<string, string>>).QUALYS_ACCEPTANCE_REGISTRY_ID;
    const res = await run("bash", ["test/acceptance/run.sh"], env);
    expect(res.code).toBe(2);
    expect(res.output).toContain("QUALYS_ACCEPTANCE_REGISTRY_ID not set");
    expect(res.output).not.toContain("[setup]");
    expect(await sim.control.requests()).toEqual([]);
  });
});

describe("the acceptance set against the simulator as the tenant", () => {
  let res: Awaited<ReturnType<typeof acceptance>>;
  beforeAll(async () => {
    res = await acceptance(path.join(workDir, "documented"));
  }, 1_200_000);

  test("every test of the set runs and passes", () => {
    expect(res.code).toBe(0);
    expect(res.report.tests.failed).toBe(0);
    expect(res.report.tests.skipped).toBe(0);
    expect(res.report.tests.passed).toBeGreaterThanOrEqual(18);
  });

  test("every schedule and registry it created is deleted, by the tests themselves; the tenant is as before", async () => {
    const { objects } = res.report;
    expect(objects.schedules).toBeGreaterThan(0);
    expect(objects.registries).toBeGreaterThan(0);
    expect(objects).toEqual({
      created: objects.schedules + objects.registries,
      schedules: objects.schedules,
      registries: objects.registries,
      deletedByTests: objects.created,
      deletedByCleanUp: 0,
      leftBehind: 0,
    });
    expect(await sim.control.schedules()).toEqual([]);
    expect((await sim.control.registries()).map((r) => r.registryUuid)).toEqual([REGISTRY]);
  });

  test("the fidelity report finds the simulator as the contract expects, for every call kind the set makes", () => {
    expect(res.report.verdict).toBe("expected");
    expect(res.report.differences).toEqual([]);
    expect(res.report.alternatives).toEqual([]);
    expect(Object.keys(res.report.calls).sort()).toEqual([
      "auth",
      "create",
      "delete",
      "list",
      "registry",
      "registryCreate",
      "registryDelete",
      "registryList",
      "registryUpdate",
      "repositories",
      "update",
    ]);
    expect(res.report.listItems.shape).toEqual({ "v1.3": res.report.listItems.items });
    expect(res.report.deletes.single.goneAtOnce).toBeGreaterThan(0);
    expect(res.summary).toContain("**The replies: as the contract expects.**");
  });

  test("the report holds no credential, token, host, ID or name, and needed no scrubbing", async () => {
    const ids = (await sim.control.requests())
      .flatMap((r) => r.path.split("/"))
      .filter((s) => /^[0-9a-f-]{36}$/.test(s));
    const prefix = /named (pqcs-acc-[a-z0-9-]+)…/.exec(res.output)?.[1];
    expect(prefix).toBeDefined();
    const { host } = new URL(sim.url);
    for (const text of [JSON.stringify(res.report), res.summary]) {
      for (const value of [PASSWORD, USERNAME, sim.url, host, "127.0.0.1", REGISTRY, prefix!, ...ids]) {
        expect(text).not.toContain(value);
      }
      expect(text).not.toMatch(
        /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|eyJ|\[redacted\]/,
      );
    }
    expect(res.output).toMatch(/\(0 values scrubbed\)/);
  });
});

describe("a tenant that lists v1.1 items and offers no single delete", () => {
  let res: Awaited<ReturnType<typeof acceptance>>;
  beforeAll(async () => {
    await sim.control.configure({ omitExtendedFields: true });
    // Every single DELETE answered 405, as where Qualys offers only the bulk endpoint (docs/qualys-contract.md §8 item 7).
    await sim.control.injectFault({
      kind: "status",
      method: "DELETE",
      path: "/schedule/(?!bulk$)[^/]+$",
      status: 405,
      times: 1000,
    });
    res = await acceptance(path.join(workDir, "alternatives"), ["schedule-lifecycle"]);
  }, 1_200_000);
  afterAll(async () => {
    await sim.control.clearFaults();
    await sim.control.configure({ omitExtendedFields: false });
  });

  test("the schedule lifecycle still passes and leaves nothing behind", async () => {
    expect(res.code).toBe(0);
    expect(res.report.tests).toMatchObject({ failed: 0, skipped: 0 });
    expect(res.report.tests.passed).toBeGreaterThanOrEqual(5);
    expect(res.report.objects.leftBehind).toBe(0);
    expect(await sim.control.schedules()).toEqual([]);
  });

  test("the report says which alternatives the tenant used: the v1.1 list shape and the bulk delete", () => {
    expect(res.report.verdict).toBe("alternative");
    expect(res.report.differences).toEqual([]);
    expect(res.report.listItems.shape).toEqual({ "v1.1": res.report.listItems.items });
    expect(res.report.alternatives).toEqual(
      expect.arrayContaining([
        expect.stringContaining("v1.1 shape"),
        expect.stringMatching(/^delete: 405 \(\d+×\): single delete not offered/),
      ]),
    );
    expect(res.report.calls.bulkDelete?.verdict).toBe("expected");
    expect(res.report.deletes.bulk.goneAtOnce + res.report.deletes.bulk.goneLater).toBeGreaterThan(0);
  });
});

describe("leftovers of a killed acceptance run, and the sweeper", () => {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  let prefix: string;
  let leftovers: StoredSchedule[];
  let leftoverRegistries: StoredRegistry[];
  let someoneElses: StoredSchedule;
  const ofRun = async (p: string) => ({
    schedules: (await sim.control.schedules(REGISTRY)).filter((s) => s.name.startsWith(p)),
    registries: (await sim.control.registries()).filter((r) => r.registryName.startsWith(p)),
  });
  const sweep = (...args: string[]) =>
    runPackageCommand(["sweep", ...args], workDir, environment(tenantEnv(path.join(workDir, "unused"))));

  beforeAll(async () => {
    // A schedule someone made by hand: the sweeper must leave it alone.
    someoneElses = await sim.control.createSchedule(REGISTRY, {
      name: "nightly-api",
      onDemand: true,
      filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
      forceScan: false,
      registryType: "DockerHub",
    });
    // The acceptance run is killed (SIGKILL, with the CLI processes it started) as soon as it has made
    // something: its own clean-up never runs.
    await run(
      process.execPath,
      [JEST, "--config", "jest.acceptance.config.js", "--runInBand"],
      tenantEnv(path.join(workDir, "killed")),
      (child, output) => {
        void (async () => {
          for (let t = Date.now(); Date.now() - t < 300_000; await sleep(100)) {
            const p = /named (pqcs-acc-[a-z0-9-]+)…/.exec(output())?.[1];
            if (p && Object.values(await ofRun(p)).some((found) => found.length > 0)) break;
          }
          const tree = descendants(child.pid!);
          child.kill("SIGKILL");
          for (const pid of tree) {
            try {
              process.kill(pid, "SIGKILL");
            } catch {
              // Already gone.
            }
          }
        })();
      },
    ).then((res) => {
      prefix = /named (pqcs-acc-[a-z0-9-]+)…/.exec(res.output)![1]!; // the group always takes part
      console.log(`killed acceptance run:\n${res.output}`);
    });
    // Requests the killed run had already sent finish on the server.
    await sleep(1000);
    ({ schedules: leftovers, registries: leftoverRegistries } = await ofRun(prefix));
  }, 600_000);

  test("the killed run left objects named with its prefix, and no fidelity report", () => {
    expect(leftovers.length + leftoverRegistries.length).toBeGreaterThan(0);
    expect(fs.existsSync(path.join(workDir, "killed", "fidelity-report.json"))).toBe(false);
  });

  test("sweep without --yes lists them and deletes nothing", async () => {
    const res = await sweep("--prefix", prefix, "--registry", REGISTRY);
    console.log(
      `$ npx pulumi-qualys-cs sweep --prefix ${prefix} --registry ${REGISTRY}\n${res.stdout}${res.stderr}`,
    );
    expect(res.code).toBe(0);
    for (const s of leftovers)
      expect(res.stdout).toMatch(new RegExp(`${s.name} +${REGISTRY}/${s.scheduleUuid}`));
    for (const r of leftoverRegistries)
      expect(res.stdout).toMatch(new RegExp(`${r.registryName} +${r.registryUuid}`));
    expect(res.stdout).toContain("Dry run: nothing was deleted.");
    expect(await ofRun(prefix)).toEqual({ schedules: leftovers, registries: leftoverRegistries });
  });

  test("sweep --yes deletes every one of them and nothing else", async () => {
    const res = await sweep("--prefix", prefix, "--registry", REGISTRY, "--yes");
    console.log(
      `$ npx pulumi-qualys-cs sweep --prefix ${prefix} --registry ${REGISTRY} --yes\n${res.stdout}${res.stderr}`,
    );
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`none named ${prefix}… is left.`);
    expect((await sim.control.schedules(REGISTRY)).map((s) => s.scheduleUuid)).toEqual([
      someoneElses.scheduleUuid,
    ]);
    expect((await sim.control.registries()).map((r) => r.registryUuid)).toEqual([REGISTRY]);
  });

  test("a second sweep finds nothing", async () => {
    const res = await sweep("--prefix", prefix, "--registry", REGISTRY, "--yes");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("nothing to delete");
  });
});
