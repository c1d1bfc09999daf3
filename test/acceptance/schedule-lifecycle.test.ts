/**
 * A schedule's life on the tenant, through the real `pulumi` CLI: up, a preview with no changes, an
 * in-place update, a replacement, destroy. Each step is checked in Qualys itself.
 */
import { SCHEDULES_PROGRAM, type Declared } from "../harness/programs";
import type { ProgramStack } from "../harness/stack";
import { ACCEPTANCE_REPO, acceptanceStack, destroyStack, onlyScheduleNamed, schedulesNamed } from "./stacks";
import { runContext, tenantApi } from "./tenant";

const run = runContext();
const api = tenantApi(run);
const name = `${run.prefix}lifecycle`;
const daily = (over: Record<string, unknown> = {}): Declared[] => [
  {
    name: "lifecycle",
    args: {
      registryId: run.registryId,
      name,
      repo: [ACCEPTANCE_REPO],
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
      ...over,
    },
  },
];

let ps: ProgramStack;
beforeAll(async () => {
  ps = await acceptanceStack(run, SCHEDULES_PROGRAM, daily());
});
afterAll(async () => {
  await destroyStack(ps);
  api.client.close();
});

const theOne = () => onlyScheduleNamed(api, run.registryId, name);

describe("up of a new schedule", () => {
  test("creates it in Qualys with the declared fields", async () => {
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ create: 2 });
    const s = await theOne();
    expect(s).toMatchObject({ name, onDemand: false, schedule: "19:30" });
    expect(s.filters?.flatMap((f) => f.repoTags ?? []).map((r) => r.repo)).toEqual([ACCEPTANCE_REPO]);
    expect(res.outputs.scheduleIds?.value).toEqual({ lifecycle: s.scheduleUuid });
  });

  test("a second preview shows no changes", async () => {
    expect((await ps.stack.preview()).changeSummary).toEqual({ same: 2 });
  });
});

describe("an in-place update", () => {
  test("a new start time updates the same schedule", async () => {
    const before = await theOne();
    await ps.setEnv({ E2E_SCHEDULES: JSON.stringify(daily({ schedule: "20:45" })) });
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    const after = await theOne();
    expect(after.scheduleUuid).toBe(before.scheduleUuid);
    expect(after.schedule).toBe("20:45");
  });
});

describe("a replacement", () => {
  test("another repository creates a new schedule and deletes the old one", async () => {
    const before = await theOne();
    const repos = [ACCEPTANCE_REPO, `${ACCEPTANCE_REPO}-worker`];
    await ps.setEnv({ E2E_SCHEDULES: JSON.stringify(daily({ schedule: "20:45", repo: repos })) });
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ same: 1, replace: 1 });
    const after = await theOne();
    expect(after.scheduleUuid).not.toBe(before.scheduleUuid);
    expect(after.filters?.flatMap((f) => f.repoTags ?? []).map((r) => r.repo)).toEqual(repos);
  });
});

describe("destroy", () => {
  test("deletes the schedule from Qualys", async () => {
    const res = await ps.stack.destroy();
    expect(res.summary.resourceChanges).toEqual({ delete: 2 });
    expect(await schedulesNamed(api, run.registryId, name)).toEqual([]);
  });
});
