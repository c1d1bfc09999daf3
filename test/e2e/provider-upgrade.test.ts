/**
 * After a package upgrade (a stack whose stored provider differs from what the program serializes
 * now), refresh still runs, and `pulumi up` rewrites the stored provider without any call to Qualys.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { DEMO_REGISTRY_ID } from "../simulator";
import { useSimulator } from "../harness/use-simulator";
import { dynamicResources, type ProgramStack } from "../harness/stack";
import { first } from "../harness/assert";

/** A stored provider as another release could have written it: different text, same stable subpath. */
const OLDER_PROVIDER =
  'exports.handler = function () { return require("pulumi-qualys-cs/provider-runtime/v1"); };\n';

const { sim, schedulesStack } = useSimulator();
let ps: ProgramStack;

beforeAll(async () => {
  ps = await schedulesStack([
    {
      name: "weekly",
      args: {
        registryId: DEMO_REGISTRY_ID,
        repo: "team/api",
        scheduleScanIntervalInDays: 7,
        weekDay: "FRIDAY",
      },
    },
  ]);
  await ps.stack.up();
});

describe("a stack written by another release", () => {
  let current: string;

  test("refresh runs the provider stored in state", async () => {
    const state = await ps.exportState();
    const res = first(dynamicResources(state), "a dynamic resource in the state");
    current = res.inputs?.__provider as string;
    res.inputs!.__provider = OLDER_PROVIDER;
    res.outputs!.__provider = OLDER_PROVIDER;
    const file = path.join(ps.workDir, "older.json");
    fs.writeFileSync(file, JSON.stringify(state));
    const imported = await ps.run(["stack", "import", "--file", file]);
    expect(imported.code).toBe(0);
    const refresh = await ps.stack.refresh();
    expect(refresh.summary.result).toBe("succeeded");
    expect(
      first(dynamicResources(await ps.exportState()), "a dynamic resource in the state").outputs?.__provider,
    ).toBe(OLDER_PROVIDER);
  });

  test("up rewrites the stored provider without calling Qualys", async () => {
    sim().control.clearRequests();
    const up = await ps.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(sim().control.requests()).toEqual([]);
    const res = first(dynamicResources(await ps.exportState()), "a dynamic resource in the state");
    expect(res.inputs?.__provider).toBe(current);
    expect(res.outputs?.__provider).toBe(current);
    expect(res.outputs?.scheduleId).toBe(
      first(sim().control.schedules(DEMO_REGISTRY_ID), "a schedule").scheduleUuid,
    );
  });

  test("the next preview shows no changes", async () => {
    const preview = await ps.stack.preview();
    expect(preview.changeSummary).toEqual({ same: 2 });
  });
});
