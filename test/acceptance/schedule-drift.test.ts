/**
 * Drift on the tenant: a schedule changed or deleted outside Pulumi (as in the Qualys console, here with
 * the API) is found by `pulumi refresh`, shown by preview and put right by `pulumi up`.
 */
import { toWireBody } from "../../provider/schedule/wire";
import { SCHEDULES_PROGRAM, type Declared } from "../harness/programs";
import { dynamicResources, type ProgramStack } from "../harness/stack";
import { first } from "../harness/assert";
import { ACCEPTANCE_REPO, acceptanceStack, destroyStack, onlyScheduleNamed } from "./stacks";
import { runContext, tenantApi } from "./tenant";

const run = runContext();
const api = tenantApi(run);
const name = `${run.prefix}drift`;
const inputs = {
  registryId: run.registryId,
  name,
  onDemand: false,
  repo: [ACCEPTANCE_REPO],
  forceScan: false,
  scheduleScanIntervalInDays: 1,
  schedule: "06:30",
};
const declared: Declared[] = [{ name: "drift", args: { ...inputs } }];

let ps: ProgramStack;
beforeAll(async () => {
  ps = await acceptanceStack(run, SCHEDULES_PROGRAM, declared);
  expect((await ps.stack.up()).summary.resourceChanges).toEqual({ create: 2 });
});
afterAll(async () => {
  await destroyStack(ps);
  api.client.close();
});

const theOne = () => onlyScheduleNamed(api, run.registryId, name);

describe("a schedule changed outside Pulumi", () => {
  test("refresh records the change, preview shows it, up restores the declared value", async () => {
    const s = await theOne();
    const registryType = await api.registryType(run.registryId);
    await api.updateSchedule(
      run.registryId,
      s.scheduleUuid,
      toWireBody({ ...inputs, schedule: "03:15" }, registryType),
    );
    const refresh = await ps.stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1 });
    const res = first(dynamicResources(await ps.exportState()), "a dynamic resource in the state");
    expect(res.outputs?.schedule).toBe("03:15");
    const preview = await ps.stack.preview({ diff: true });
    expect(preview.changeSummary).toMatchObject({ update: 1 });
    expect(preview.stdout).toMatch(/schedule\s*:\s*"03:15"\s*=>\s*"06:30"/);
    await ps.stack.up();
    expect(await theOne()).toMatchObject({ scheduleUuid: s.scheduleUuid, schedule: "06:30" });
  });
});

describe("a schedule deleted outside Pulumi", () => {
  test("refresh drops it from the stack, up creates it again", async () => {
    const s = await theOne();
    await api.deleteSchedule(run.registryId, s.scheduleUuid);
    const refresh = await ps.stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ delete: 1 });
    expect(dynamicResources(await ps.exportState())).toHaveLength(0);
    const up = await ps.stack.up();
    expect(up.summary.resourceChanges).toMatchObject({ create: 1 });
    expect((await theOne()).scheduleUuid).not.toBe(s.scheduleUuid);
  });
});
