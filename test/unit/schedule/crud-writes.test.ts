/**
 * A write is one call (docs/qualys-contract.md §9): create and update build their outputs from what
 * Qualys accepted, without reading the schedule back; what only Qualys sets is absent until the next
 * read, which then finds exactly the settings that were written.
 */
import { createSchedule, readSchedule, updateSchedule } from "../../../provider/schedule/crud";
import { ScheduleApi } from "../../../provider/schedule/api";
import { canonicalizeInputs } from "../../../provider/schedule/rules";
import type { ScheduleInputs } from "../../../provider/schedule/types";
import { DEMO_REGISTRY_ID, DEMO_REGISTRY_TYPE, startSimulator, type RunningSimulator } from "../../simulator";
import { apiCalls } from "../../harness/api-calls";
import { simulatorClient } from "../../harness/use-simulator";
import { defined } from "../../harness/assert";

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator();
});

afterAll(async () => {
  await sim?.close();
});

const inputs = (over: Partial<ScheduleInputs> = {}): ScheduleInputs =>
  canonicalizeInputs({
    name: "nightly",
    registryId: DEMO_REGISTRY_ID,
    repo: ["team/api"],
    scheduleScanIntervalInDays: 1,
    schedule: "19:30",
    onDemand: false,
    forceScan: false,
    ...over,
  });

describe("create", () => {
  test("is one POST besides the run's registry read and name listing; outputs are the inputs sent", async () => {
    sim.control.reset();
    const api = new ScheduleApi(simulatorClient(sim));
    sim.control.clearRequests();
    const { id, outs } = await createSchedule(api, inputs());
    expect(apiCalls(sim.control.requests())).toEqual({ auth: 1, registry: 1, list: 1, create: 1 });
    const stored = defined(sim.control.schedules(DEMO_REGISTRY_ID)[0], "the created schedule");
    expect(id).toBe(`${DEMO_REGISTRY_ID}/${stored.scheduleUuid}`);
    expect(outs).toEqual({
      ...inputs(),
      scheduleId: stored.scheduleUuid,
      registryType: DEMO_REGISTRY_TYPE,
    });
    // A second create in the same registry and run costs its POST alone.
    sim.control.clearRequests();
    await createSchedule(api, inputs({ name: "weekly" }));
    expect(apiCalls(sim.control.requests())).toEqual({ create: 1 });
  });

  test("what only Qualys sets is absent, and the next read finds the settings written and fills it in", async () => {
    sim.control.reset();
    const api = new ScheduleApi(simulatorClient(sim));
    const { id, outs } = await createSchedule(api, inputs());
    expect(outs).not.toHaveProperty("status");
    expect(outs).not.toHaveProperty("created");
    expect(outs).not.toHaveProperty("updated");
    const read = await readSchedule(new ScheduleApi(simulatorClient(sim)), id, { ...outs });
    expect(read.inputs).toEqual(inputs());
    expect(read.props).toMatchObject({ ...outs, status: "Created" });
    expect(typeof read.props?.created).toBe("string");
  });
});

describe("update", () => {
  test("is one PUT; keeps created, drops status and updated until the next read", async () => {
    sim.control.reset();
    const api = new ScheduleApi(simulatorClient(sim));
    const { id, outs } = await createSchedule(api, inputs());
    const read = defined((await readSchedule(api, id, { ...outs })).props, "the read schedule");
    const created = defined(read.created, "created");
    sim.control.clearRequests();
    const after = await updateSchedule(api, id, { ...read }, inputs({ schedule: "05:15" }));
    expect(apiCalls(sim.control.requests())).toEqual({ update: 1 });
    expect(after).toEqual({
      ...inputs({ schedule: "05:15" }),
      scheduleId: read.scheduleId,
      registryType: DEMO_REGISTRY_TYPE,
      created,
    });
    const again = await readSchedule(new ScheduleApi(simulatorClient(sim)), id, { ...after });
    expect(again.inputs).toEqual(inputs({ schedule: "05:15" }));
    expect(again.props?.created).toBe(created);
  });
});
