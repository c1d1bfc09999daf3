/**
 * A stack written by release 0.1.0 keeps working with this package: refreshed, updated and destroyed
 * with the real CLI. The fixture (test/e2e/fixtures/release-0.1.0/) was made once with the 0.1.0
 * tarball (`npm pack` at commit d02db0d, before provider/ took its folder-per-resource layout):
 * `stack.json` is `pulumi stack export` after `pulumi up` of two schedules
 * with test/e2e/programs/schedules and the QUALYS_* environment, `simulator.json` the simulator's state file at that moment. Its
 * stored provider is `require("pulumi-qualys-cs/provider-runtime/v1")`, which must keep resolving.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import {
  DEMO_PASSWORD,
  DEMO_REGISTRY_ID,
  DEMO_USERNAME,
  startSimulator,
  type RunningSimulator,
} from "../simulator";
import { SCHEDULES_PROGRAM, declare, type Declared } from "../harness/programs";
import { createProgramStack, dynamicResources, REPO_ROOT, type ProgramStack } from "../harness/stack";

const FIXTURE = path.join(REPO_ROOT, "test", "e2e", "fixtures", "release-0.1.0");
const STORED_PROVIDER_REQUIRE = 'require("pulumi-qualys-cs/provider-runtime/v1")';

/** The program 0.1.0 ran, with `numberOfTags` of weekly-web as given. */
function program(numberOfTags: number): Declared[] {
  return [
    {
      name: "daily-api",
      args: {
        registryId: DEMO_REGISTRY_ID,
        repo: "team/api",
        scheduleScanIntervalInDays: 1,
        schedule: "19:30",
      },
    },
    {
      name: "weekly-web",
      args: {
        registryId: DEMO_REGISTRY_ID,
        repo: ["team/web", "team/cdn"],
        tag: ".*",
        scheduleScanIntervalInDays: 7,
        weekDay: "FRIDAY",
        forceScan: true,
        additionalFilters: { numberOfTags },
      },
    },
  ];
}

let sim: RunningSimulator;
let ps: ProgramStack;

beforeAll(async () => {
  ps = await createProgramStack({ programDir: SCHEDULES_PROGRAM, env: declare(program(3)) });
  // The simulator changes its state file: it works on a copy.
  const state = path.join(ps.workDir, "simulator.json");
  fs.copyFileSync(path.join(FIXTURE, "simulator.json"), state);
  sim = await startSimulator({ statePath: state });
  // 0.1.0 ran with its settings in the environment (refresh and destroy configure the stored provider
  // from the state, which then holds no stack config): so does this test.
  await ps.setEnv({
    QUALYS_GATEWAY_URL: sim.url,
    QUALYS_USERNAME: DEMO_USERNAME,
    QUALYS_PASSWORD: DEMO_PASSWORD,
  });

  // The fixture's stack was named release010 (in every URN, and in the stack resource's name): this
  // test's stack takes its place. Its secrets provider (a passphrase salt) is dropped: the state holds
  // no secret, and this stack has its own.
  const exported = JSON.parse(fs.readFileSync(path.join(FIXTURE, "stack.json"), "utf8")) as {
    deployment: Record<string, unknown>;
  };
  delete exported.deployment.secrets_providers;
  const text = JSON.stringify(exported).replaceAll("release010", ps.stack.name);
  const file = path.join(ps.workDir, "release-0.1.0.json");
  fs.writeFileSync(file, text);
  const imported = await ps.run(["stack", "import", "--file", file]);
  if (imported.code !== 0) throw new Error(`pulumi stack import failed: ${imported.stderr}`);
});

afterAll(async () => {
  await ps?.dispose();
  await sim?.close();
});

describe("a stack written by release 0.1.0", () => {
  test("stores the provider as a require() of provider-runtime/v1", async () => {
    const resources = dynamicResources(await ps.exportState());
    expect(resources.map((r) => r.urn.split("::").pop())).toEqual(["daily-api", "weekly-web"]);
    for (const r of resources) expect(r.outputs?.__provider).toContain(STORED_PROVIDER_REQUIRE);
  });

  test("refresh runs this package's code through the stored provider and finds both schedules", async () => {
    const refresh = await ps.stack.refresh();
    expect(refresh.summary.result).toBe("succeeded");
    const ids = dynamicResources(await ps.exportState()).map((r) => r.outputs?.scheduleId);
    expect(ids.sort()).toEqual(
      sim.control
        .schedules(DEMO_REGISTRY_ID)
        .map((s) => s.scheduleUuid)
        .sort(),
    );
  });

  test("the program 0.1.0 ran previews no change", async () => {
    const preview = await ps.stack.preview();
    expect(preview.changeSummary).toEqual({ same: 3 });
  });

  test("an edit updates the schedule in place", async () => {
    await ps.setEnv(declare(program(5)));
    const up = await ps.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 2, update: 1 });
    const web = sim.control.schedules(DEMO_REGISTRY_ID).find((s) => s.name === "weekly-web");
    expect(web?.additionalFilters).toEqual({ numberOfTags: 5, sortCriteria: null });
  });

  test("destroy deletes both schedules in Qualys", async () => {
    const destroy = await ps.stack.destroy();
    expect(destroy.summary.result).toBe("succeeded");
    expect(sim.control.schedules(DEMO_REGISTRY_ID)).toEqual([]);
  });
});
