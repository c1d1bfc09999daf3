import { DEMO_REGISTRY_ID } from "./index";
import { daily, onDemand, SCHEDULES, useSimulator, weekly } from "./testkit";

const h = useSimulator();

async function createWeekly(overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await h().api.post(SCHEDULES, weekly(overrides));
  expect(res.status).toBe(201);
  return res.data.scheduleUuid as string;
}

const stored = (id: string) =>
  h()
    .sim.control.schedules()
    .find((s) => s.scheduleUuid === id);

describe("PUT …/schedule/{id} (docs/qualys-contract.md §6)", () => {
  it("updates name, timing, forceScan and additionalFilters in place and echoes the ID", async () => {
    const id = await createWeekly();
    const before = stored(id)!;
    const res = await h().api.put(
      `${SCHEDULES}/${id}`,
      weekly({
        name: "renamed",
        weekDay: "MONDAY",
        schedule: null,
        forceScan: false,
        additionalFilters: null,
      }),
    );
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ scheduleUuid: id });
    expect(stored(id)).toMatchObject({
      name: "renamed",
      weekDay: "MONDAY",
      schedule: null,
      forceScan: false,
      additionalFilters: null,
      created: before.created,
    });
    expect(stored(id)!.updated).toBeGreaterThanOrEqual(before.updated);
  });

  it("changes the interval when the cleared fields are sent as explicit nulls", async () => {
    const id = await createWeekly();
    const res = await h().api.put(`${SCHEDULES}/${id}`, daily({ name: "nightly-prod" }));
    expect(res.status).toBe(200);
    expect(stored(id)).toMatchObject({ scheduleScanIntervalInDays: 1, weekDay: null, schedule: "02:00" });
  });

  it("keeps the stored value of a key left out of the body (only null clears)", async () => {
    const id = await createWeekly();
    expect((await h().api.put(`${SCHEDULES}/${id}`, { name: "only-name" })).status).toBe(200);
    expect(stored(id)).toMatchObject({ name: "only-name", weekDay: "THURSDAY", forceScan: true });
    // Left out, weekDay survives a move to interval 1, and the server then refuses the result.
    const res = await h().api.put(`${SCHEDULES}/${id}`, {
      scheduleScanIntervalInDays: 1,
      scheduleIntervalInDays: 1,
      schedule: "01:00",
      forceScan: false,
    });
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("weekDay");
  });

  it("applies the §5 rules to the result", async () => {
    const id = await createWeekly();
    const res = await h().api.put(`${SCHEDULES}/${id}`, weekly({ weekDay: "someday" }));
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("weekDay");
  });

  it("refuses forceScan with 403 when the subscription feature is off", async () => {
    const id = await createWeekly({ forceScan: false });
    h().sim.control.configure({ forceScanEnabled: false });
    expect((await h().api.put(`${SCHEDULES}/${id}`, weekly({ forceScan: true }))).status).toBe(403);
  });

  it("answers 404 for an unknown schedule", async () => {
    const res = await h().api.put(`${SCHEDULES}/00000000-0000-0000-0000-000000000000`, weekly());
    expect(res.status).toBe(404);
    expect(res.data.errorCode).toBe("404 NOT_FOUND");
  });

  it("answers 400 to invalid JSON", async () => {
    const id = await createWeekly();
    const res = await h().api.put(`${SCHEDULES}/${id}`, "{", {
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
  });
});

describe("fields that cannot be updated (docs/qualys-contract.md §6)", () => {
  it("refuses a change of onDemand", async () => {
    const id = await createWeekly({ forceScan: false });
    const res = await h().api.put(`${SCHEDULES}/${id}`, onDemand({ name: "nightly-prod" }));
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("onDemand");
  });

  it.each([
    ["repo", [{ repoTags: [{ repo: "team/web", tag: null }], days: null }]],
    ["tag", [{ repoTags: [{ repo: "team/api", tag: "v2" }], days: null }]],
    ["days", [{ repoTags: [{ repo: "team/api", tag: null }], days: 14 }]],
  ])("refuses a change of %s", async (_, filters) => {
    const id = await createWeekly();
    const res = await h().api.put(`${SCHEDULES}/${id}`, weekly({ filters }));
    expect(res.status).toBe(400);
    expect(res.data.message).toMatch(/filters.*cannot be updated/);
    expect(stored(id)!.filters).toEqual(weekly().filters);
  });

  it("accepts the same filters sent again", async () => {
    const id = await createWeekly();
    expect((await h().api.put(`${SCHEDULES}/${id}`, weekly({ name: "x" }))).status).toBe(200);
  });

  it("refuses any update of an on-demand schedule", async () => {
    const res = await h().api.post(SCHEDULES, onDemand());
    const id = res.data.scheduleUuid as string;
    const put = await h().api.put(`${SCHEDULES}/${id}`, onDemand({ name: "renamed" }));
    expect(put.status).toBe(400);
    expect(put.data.message).toMatch(/only Automatic/);
    expect(stored(id)!.name).toBe("once");
  });
});

describe("a Running schedule cannot be updated (docs/qualys-contract.md §6)", () => {
  it("answers 400 naming the Running state, and changes nothing", async () => {
    const id = await createWeekly();
    h().sim.control.setStatus(DEMO_REGISTRY_ID, id, "Running");
    const res = await h().api.put(`${SCHEDULES}/${id}`, weekly({ name: "renamed" }));
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("Running");
    expect(stored(id)!.name).toBe("nightly-prod");
  });

  it("accepts the update once the schedule is no longer Running", async () => {
    const id = await createWeekly();
    h().sim.control.setStatus(DEMO_REGISTRY_ID, id, "Completed");
    expect((await h().api.put(`${SCHEDULES}/${id}`, weekly({ name: "renamed" }))).status).toBe(200);
  });
});
