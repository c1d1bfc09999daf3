/**
 * A schedule's whole life through the real `pulumi` CLI against the simulator:
 * preview, up, no-op preview, in-place update, replacement, drift, destroy.
 */
import { DEMO_PASSWORD, DEMO_REGISTRY_ID } from "../simulator";
import { declare } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { dynamicResources, type ProgramStack } from "../harness/stack";
import { first } from "../harness/assert";

const daily = (over: Record<string, unknown> = {}) => [
  {
    name: "nightly-api",
    args: {
      registryId: DEMO_REGISTRY_ID,
      repo: ["team/api"],
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
      ...over,
    },
  },
];

const { sim, schedulesStack } = useSimulator();
let ps: ProgramStack;

beforeAll(async () => {
  ps = await schedulesStack(daily());
});

const only = () => {
  const all = sim().control.schedules(DEMO_REGISTRY_ID);
  expect(all).toHaveLength(1);
  return first(all, "a schedule");
};

describe("preview of a new schedule", () => {
  test("plans one create, writes nothing, and reads only the registry's repository list, once", async () => {
    sim().control.clearRequests();
    const res = await ps.stack.preview();
    expect(res.changeSummary).toEqual({ create: 2 });
    // The selection check (docs/repositories.md) is the one call a preview of a new schedule makes.
    expect(
      sim()
        .control.requests()
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual(["POST /auth", `GET /csapi/v1.3/registry/${DEMO_REGISTRY_ID}/repository`]);
  });
});

describe("up", () => {
  test("creates the schedule in Qualys with the declared fields", async () => {
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ create: 2 });
    const s = only();
    expect(s).toMatchObject({
      name: "nightly-api",
      onDemand: false,
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
    });
    expect(s.filters[0]?.repoTags).toEqual([{ repo: "team/api", tag: null }]);
    expect(res.outputs.scheduleIds?.value).toEqual({ "nightly-api": s.scheduleUuid });
  });

  test("a second preview shows no changes", async () => {
    const res = await ps.stack.preview();
    expect(res.changeSummary).toEqual({ same: 2 });
  });
});

describe("state holds no secret", () => {
  test("neither the stack export nor the serialized provider holds the password or the token", async () => {
    const state = await ps.exportState();
    const text = JSON.stringify(state);
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/);
    const res = first(dynamicResources(state), "a dynamic resource in the state");
    const blob = res.inputs?.__provider as string;
    expect(typeof blob).toBe("string");
    // The provider only require()s the installed package's stable subpath.
    expect(blob).toContain('require("pulumi-qualys-cs/provider-runtime/v1")');
    const blobBytes = Buffer.byteLength(blob);
    const stateBytes = Buffer.byteLength(JSON.stringify(res));
    console.log(`serialized provider: ${blobBytes} bytes; state per schedule: ${stateBytes} bytes`);
    expect(blobBytes).toBeLessThanOrEqual(1024);
    expect(stateBytes).toBeLessThanOrEqual(8 * 1024);
  });
});

describe("an in-place update", () => {
  test("changing the start time updates the same schedule", async () => {
    const before = only().scheduleUuid;
    await ps.setEnv(declare(daily({ schedule: "20:45" })));
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    const s = only();
    expect(s.scheduleUuid).toBe(before);
    expect(s.schedule).toBe("20:45");
  });
});

describe("a replacement", () => {
  test("changing repo creates a new schedule and deletes the old one", async () => {
    const before = only().scheduleUuid;
    await ps.setEnv(declare(daily({ schedule: "20:45", repo: ["team/api", "team/worker"] })));
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ same: 1, replace: 1 });
    const s = only();
    expect(s.scheduleUuid).not.toBe(before);
    expect(s.filters[0]?.repoTags.map((r) => r.repo)).toEqual(["team/api", "team/worker"]);
  });
});

describe("drift", () => {
  test("a schedule deleted behind Pulumi's back is dropped by refresh and recreated by up", async () => {
    sim().control.deleteSchedule(DEMO_REGISTRY_ID, only().scheduleUuid);
    const refresh = await ps.stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ delete: 1 });
    expect(dynamicResources(await ps.exportState())).toHaveLength(0);
    const up = await ps.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 1 });
    only();
  });

  test("a schedule changed behind Pulumi's back is recorded by refresh, shown by preview, restored by up", async () => {
    const s = only();
    sim().control.patchSchedule(DEMO_REGISTRY_ID, s.scheduleUuid, { schedule: "03:15" });
    const refresh = await ps.stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1 });
    const res = first(dynamicResources(await ps.exportState()), "a dynamic resource in the state");
    expect(res.outputs?.schedule).toBe("03:15");
    expect(res.inputs?.schedule).toBe("03:15");
    const preview = await ps.stack.preview({ diff: true });
    expect(preview.changeSummary).toMatchObject({ update: 1 });
    expect(preview.stdout).toMatch(/schedule\s*:\s*"03:15"\s*=>\s*"20:45"/);
    await ps.stack.up();
    expect(only()).toMatchObject({ scheduleUuid: s.scheduleUuid, schedule: "20:45" });
  });
});

describe("destroy", () => {
  test("deletes every schedule", async () => {
    const res = await ps.stack.destroy();
    expect(res.summary.resourceChanges).toEqual({ delete: 2 });
    expect(sim().control.schedules(DEMO_REGISTRY_ID)).toEqual([]);
  });
});
