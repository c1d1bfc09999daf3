import { DEMO_REGISTRY_ID } from "./index";
import { eventually, SCHEDULES, sleep, useSimulator, weekly } from "./testkit";

const h = useSimulator({ bulkDeleteDelayMs: 100 });
const seed = (name = "s") => h().sim.control.createSchedule(DEMO_REGISTRY_ID, weekly({ name })).scheduleUuid;
const exists = (id: string) =>
  h()
    .sim.control.schedules()
    .some((s) => s.scheduleUuid === id);

describe("DELETE …/schedule/{id} (single delete)", () => {
  it("answers 200 echoing the ID, and the schedule is gone from the list", async () => {
    const id = seed();
    const res = await h().api.delete(`${SCHEDULES}/${id}`);
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ scheduleUuid: id });
    expect((await h().api.get(SCHEDULES, { params: { filter: `scheduleUuid:${id}` } })).status).toBe(204);
  });

  it("answers 404 when the schedule does not exist, so a repeated delete reports gone", async () => {
    const id = seed();
    await h().api.delete(`${SCHEDULES}/${id}`);
    const again = await h().api.delete(`${SCHEDULES}/${id}`);
    expect(again.status).toBe(404);
    expect(again.data.errorCode).toBe("404 NOT_FOUND");
  });

  it("refuses a Running schedule with 400 naming the state, and keeps it", async () => {
    const id = seed();
    h().sim.control.setStatus(DEMO_REGISTRY_ID, id, "Running");
    const res = await h().api.delete(`${SCHEDULES}/${id}`);
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("Running");
    expect(exists(id)).toBe(true);
  });

  it("deletes other states (e.g. Queued) at once", async () => {
    const id = seed();
    h().sim.control.setStatus(DEMO_REGISTRY_ID, id, "Queued");
    expect((await h().api.delete(`${SCHEDULES}/${id}`)).status).toBe(200);
    expect(exists(id)).toBe(false);
  });
});

describe("DELETE …/schedule/bulk?scheduleIds= (asynchronous bulk delete)", () => {
  it("answers 200 {deletionJobId} at once and removes the schedules only after the delay", async () => {
    const a = seed("a");
    const b = seed("b");
    const keep = seed("keep");
    const res = await h().api.delete(`${SCHEDULES}/bulk`, { params: { scheduleIds: `${a},${b}` } });
    expect(res.status).toBe(200);
    expect(typeof res.data.deletionJobId).toBe("string");
    expect(exists(a) && exists(b)).toBe(true); // not yet: the job runs later
    expect(await eventually(() => !exists(a) && !exists(b))).toBe(true);
    expect(exists(keep)).toBe(true);
  });

  it.each(["Queued", "Running", "Unknown"])("silently skips a %s schedule", async (status) => {
    const skipped = seed("skipped");
    const done = seed("done");
    h().sim.control.setStatus(DEMO_REGISTRY_ID, skipped, status);
    const res = await h().api.delete(`${SCHEDULES}/bulk`, { params: { scheduleIds: `${skipped},${done}` } });
    expect(res.status).toBe(200);
    expect(await eventually(() => !exists(done))).toBe(true);
    await sleep(50);
    expect(exists(skipped)).toBe(true);
  });

  it("ignores IDs that do not exist", async () => {
    const res = await h().api.delete(`${SCHEDULES}/bulk`, { params: { scheduleIds: "nope" } });
    expect(res.status).toBe(200);
  });

  it("answers 400 without scheduleIds", async () => {
    const res = await h().api.delete(`${SCHEDULES}/bulk`);
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("scheduleIds");
  });

  it("follows bulkDeleteDelayMs", async () => {
    h().sim.control.configure({ bulkDeleteDelayMs: 400 });
    const id = seed();
    await h().api.delete(`${SCHEDULES}/bulk`, { params: { scheduleIds: id } });
    await sleep(200);
    expect(exists(id)).toBe(true);
    expect(await eventually(() => !exists(id))).toBe(true);
  });

  it("drops a pending job on reset", async () => {
    const id = seed();
    await h().api.delete(`${SCHEDULES}/bulk`, { params: { scheduleIds: id } });
    h().sim.control.reset();
    const again = h().sim.control.createSchedule(DEMO_REGISTRY_ID, weekly());
    await sleep(200);
    expect(exists(again.scheduleUuid)).toBe(true);
  });
});

describe("POST …/schedule/{id}/cancel", () => {
  it("answers 200 and the status becomes Canceled", async () => {
    const id = seed();
    h().sim.control.setStatus(DEMO_REGISTRY_ID, id, "Running");
    const res = await h().api.post(`${SCHEDULES}/${id}/cancel`);
    expect(res.status).toBe(200);
    const list = await h().api.get(SCHEDULES, { params: { filter: `scheduleUuid:${id}` } });
    expect(list.data.data[0].status).toBe("Canceled");
  });

  it("answers 404 for an unknown schedule", async () => {
    expect((await h().api.post(`${SCHEDULES}/nope/cancel`)).status).toBe(404);
  });

  it("answers 405 to other methods", async () => {
    const id = seed();
    expect((await h().api.get(`${SCHEDULES}/${id}/cancel`)).status).toBe(405);
  });
});
