/**
 * Reading a schedule back (docs/qualys-contract.md §7): when list replies leave out the interval, weekDay, forceScan
 * and additionalFilters (the v1.1 shape), refresh keeps the last applied values and reports no drift
 * on them, while drift on the fields Qualys does return is still seen.
 */
import { DEMO_REGISTRY_ID } from "../simulator";
import { useSimulator } from "../harness/use-simulator";
import { dynamicResources, type ProgramStack } from "../harness/stack";
import { first } from "../harness/assert";

const weekly = {
  registryId: DEMO_REGISTRY_ID,
  repo: ["team/api"],
  scheduleScanIntervalInDays: 7,
  weekDay: "SATURDAY",
  schedule: "04:00",
  forceScan: true,
  additionalFilters: { numberOfTags: 3, sortCriteria: "createdDate" },
};

let ps: ProgramStack;

// Destroys the stack while the simulator still runs: jest runs a file's afterAll hooks in the order
// they are declared, and useSimulator's closes the simulator.
afterAll(async () => {
  await ps?.stack.destroy();
});

const { sim, schedulesStack } = useSimulator({ omitExtendedFields: true });

beforeAll(async () => {
  ps = await schedulesStack([{ name: "weekly", args: weekly }]);
  await ps.stack.up();
});

describe("list replies without the extended fields", () => {
  test("refresh changes nothing and keeps the applied values", async () => {
    const refresh = await ps.stack.refresh();
    expect(refresh.summary.resourceChanges).toEqual({ same: 2 });
    const res = first(dynamicResources(await ps.exportState()), "a dynamic resource in the state");
    expect(res.outputs).toMatchObject({
      scheduleScanIntervalInDays: 7,
      weekDay: "SATURDAY",
      forceScan: true,
      additionalFilters: { numberOfTags: 3, sortCriteria: "createdDate" },
    });
    expect((await ps.stack.preview()).changeSummary).toEqual({ same: 2 });
  });

  test("drift on a field Qualys does return is still seen and restored", async () => {
    const s = first(sim().control.schedules(DEMO_REGISTRY_ID), "a schedule");
    sim().control.patchSchedule(DEMO_REGISTRY_ID, s.scheduleUuid, { schedule: "05:30" });
    await ps.stack.refresh();
    const preview = await ps.stack.preview();
    expect(preview.changeSummary).toEqual({ same: 1, update: 1 });
    await ps.stack.up();
    expect(sim().control.schedules(DEMO_REGISTRY_ID)[0]).toMatchObject({
      schedule: "04:00",
      weekDay: "SATURDAY",
    });
  });
});
