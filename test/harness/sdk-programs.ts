/**
 * The Python and Go programs of the generated SDKs (test/e2e/programs/python/drive.py,
 * test/e2e/programs/go), run against the simulator with the real CLI and the plugin of the packed
 * package, through the Automation API's inline programs (no language host needed). One lifecycle,
 * the same for both languages: up (a registry and two schedules taking its ID), an in-place update,
 * refresh after a change behind Pulumi's back, destroy.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { DEMO_PASSWORD, DEMO_USERNAME } from "../simulator";
import { defined } from "./assert";
import { offlineEnv, PULUMI_ROOT } from "./stack";
import { PLUGIN_DIR } from "./yaml-programs";
import type { SimulatorOfTests } from "./use-simulator";

/** What one step printed: the engine's resource changes and the stack's outputs. */
export interface StepResult {
  changes: Record<string, number>;
  outputs: Record<string, unknown>;
}

/** A program of one language. */
export interface SdkProgram {
  language: string;
  runtime: "python" | "go";
  /** The command that runs a step (`[...command(), step]`); known once `ready` has run. */
  command: () => string[];
}

const REGISTRY_URI = "https://harbor.example.com";
/** A secret of the program, which must never reach the state in plain text. */
const REGISTRY_SECRET = "registry-secret";

function runStep(program: SdkProgram, step: string, env: Record<string, string>): Promise<StepResult> {
  const [file, ...args] = program.command();
  return new Promise((resolve, reject) => {
    execFile(
      defined(file, "a command"),
      [...args, step],
      { env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) {
          reject(new Error(`${program.language} ${step} failed (${err.message}):\n${stderr}\n${stdout}`));
          return;
        }
        const last = stdout.trim().split("\n").pop() ?? "";
        resolve(JSON.parse(last) as StepResult);
      },
    );
  });
}

/**
 * The lifecycle tests of `program`, against the file's simulator. `ready` runs first (builds and
 * type checks), with `readyTimeoutMs`.
 */
export function describeSdkLifecycle(
  program: SdkProgram,
  sim: SimulatorOfTests["sim"],
  ready: () => Promise<void> | void,
  readyTimeoutMs: number,
): void {
  let workDir: string;
  let env: Record<string, string>;
  const step = (name: string, extra: Record<string, string> = {}) =>
    runStep(program, name, { ...env, ...extra });
  const ours = () =>
    sim()
      .control.registries()
      .filter((r) => r.origin === "api");

  beforeAll(async () => {
    await ready();
    if (!fs.existsSync(path.join(PLUGIN_DIR, "pulumi-resource-qualys-cs"))) {
      throw new Error(`no pulumi-resource-qualys-cs in ${PLUGIN_DIR}: run \`bash test/harness/setup.sh\``);
    }
    workDir = fs.mkdtempSync(path.join(os.tmpdir(), `qualys-${program.runtime}-`));
    const [home, backend, project] = ["home", "state", "project"].map((d) => path.join(workDir, d));
    for (const d of [home, backend, project]) fs.mkdirSync(defined(d, "a folder"), { recursive: true });
    // The plugin of the packed package, found through the project file (no install, no PATH warning).
    fs.writeFileSync(
      path.join(defined(project, "the project folder"), "Pulumi.yaml"),
      `name: qualys-sdk-e2e\nruntime: ${program.runtime}\nplugins:\n  providers:\n    - name: qualys-cs\n      path: ${PLUGIN_DIR}\n`,
    );
    env = {
      ...offlineEnv(defined(home, "the home"), defined(backend, "the backend")),
      E2E_PROJECT_DIR: defined(project, "the project folder"),
      E2E_PULUMI_ROOT: PULUMI_ROOT,
      E2E_GATEWAY_URL: sim().url,
      E2E_USERNAME: DEMO_USERNAME,
      E2E_PASSWORD: DEMO_PASSWORD,
      E2E_REGISTRY_URI: REGISTRY_URI,
      E2E_DAILY_TIME: "02:00",
    };
  }, readyTimeoutMs);
  afterAll(() => {
    if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
  });

  describe(`a ${program.language} program using the generated SDK`, () => {
    let registryId: string;

    test("up creates the registry and both schedules, which take its ID; secrets stay encrypted", async () => {
      const up = await step("up");
      expect(up.changes).toMatchObject({ create: 4 }); // the stack, the registry, two schedules
      const [registry, ...others] = ours();
      expect(others).toEqual([]);
      registryId = defined(registry, "the registry").registryUuid;
      expect(registry).toMatchObject({ registryUri: REGISTRY_URI, registryName: "harbor" });
      const schedules = sim().control.schedules(registryId);
      expect(schedules.map((s) => s.name).sort()).toEqual(["daily", "weekly"]);
      const daily = defined(
        schedules.find((s) => s.name === "daily"),
        "the daily schedule",
      );
      const weekly = defined(
        schedules.find((s) => s.name === "weekly"),
        "the weekly schedule",
      );
      expect(daily).toMatchObject({ scheduleScanIntervalInDays: 1, schedule: "02:00" });
      expect(weekly).toMatchObject({
        scheduleScanIntervalInDays: 7,
        weekDay: "MONDAY",
        additionalFilters: { numberOfTags: 5, sortCriteria: "createdDate" },
      });
      expect(up.outputs).toEqual({
        registryId,
        dailyId: `${registryId}/${daily.scheduleUuid}`,
        dailyName: "daily",
        weeklyScheduleId: weekly.scheduleUuid,
      });
      const state = fs.readFileSync(
        path.join(
          env.E2E_PROJECT_DIR ?? "",
          "..",
          "state",
          ".pulumi",
          "stacks",
          "qualys-sdk-e2e",
          "dev.json",
        ),
        "utf8",
      );
      expect(state).toContain("qualys-cs:index:RegistryScanSchedule");
      expect(state.includes(REGISTRY_SECRET)).toBe(false);
      expect(state.includes(DEMO_PASSWORD)).toBe(false);
    });

    test("a changed start time updates the schedule in place", async () => {
      const before = sim().control.schedules(registryId);
      const up = await step("up", { E2E_DAILY_TIME: "03:30" });
      expect(up.changes).toMatchObject({ update: 1, same: 3 });
      const after = sim().control.schedules(registryId);
      expect(after.map((s) => s.scheduleUuid).sort()).toEqual(before.map((s) => s.scheduleUuid).sort());
      expect(after.find((s) => s.name === "daily")?.schedule).toBe("03:30");
    });

    test("refresh picks up a change made in the Qualys console", async () => {
      const weekly = defined(
        sim()
          .control.schedules(registryId)
          .find((s) => s.name === "weekly"),
        "the weekly schedule",
      );
      sim().control.patchSchedule(registryId, weekly.scheduleUuid, { weekDay: "FRIDAY" });
      const refresh = await step("refresh", { E2E_DAILY_TIME: "03:30" });
      expect(refresh.changes).toMatchObject({ update: 1 });
    });

    test("destroy leaves nothing in Qualys", async () => {
      const destroy = await step("destroy", { E2E_DAILY_TIME: "03:30" });
      expect(destroy.changes).toMatchObject({ delete: 4 });
      expect(ours()).toEqual([]);
      expect(sim().control.schedules()).toEqual([]);
    });
  });
}
