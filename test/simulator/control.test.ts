import { controlClient, DEMO_REGISTRY_ID, type ControlClient } from "./index";
import { eventually, login, REGISTRY, SCHEDULES, useSimulator, weekly } from "./testkit";

const h = useSimulator();
let c: ControlClient;
beforeEach(() => {
  c = controlClient(`${h().sim.url}/`); // a trailing slash is tolerated
});

describe("control API over HTTP (/__control/, via controlClient)", () => {
  it("createSchedule validates like POST and returns the stored schedule", async () => {
    const s = await c.createSchedule(DEMO_REGISTRY_ID, weekly());
    expect(s).toMatchObject({ registryId: DEMO_REGISTRY_ID, name: "nightly-prod", status: "Created" });
    await expect(c.createSchedule(DEMO_REGISTRY_ID, weekly({ weekDay: null }))).rejects.toThrow(
      /400.*weekDay/,
    );
    await expect(c.createSchedule("nope", weekly())).rejects.toThrow(/404/);
  });

  it("schedules lists all, or one registry's", async () => {
    await c.addRegistry("r2", "AWS");
    await c.createSchedule(DEMO_REGISTRY_ID, weekly());
    await c.createSchedule("r2", weekly({ registryType: "AWS" }));
    expect(await c.schedules()).toHaveLength(2);
    expect((await c.schedules("r2")).map((s) => s.registryType)).toEqual(["AWS"]);
  });

  it("setStatus is what the list then shows", async () => {
    const s = await c.createSchedule(DEMO_REGISTRY_ID, weekly());
    await c.setStatus(DEMO_REGISTRY_ID, s.scheduleUuid, "Running");
    const res = await h().api.get(SCHEDULES);
    expect(res.data.data[0].status).toBe("Running");
    await expect(c.setStatus(DEMO_REGISTRY_ID, "nope", "Running")).rejects.toThrow(/404/);
  });

  it("deleteSchedule removes it behind the provider's back", async () => {
    const s = await c.createSchedule(DEMO_REGISTRY_ID, weekly());
    await c.deleteSchedule(DEMO_REGISTRY_ID, s.scheduleUuid);
    expect((await h().api.get(SCHEDULES)).status).toBe(204);
  });

  it("patchSchedule changes fields (drift) but never the identity", async () => {
    const s = await c.createSchedule(DEMO_REGISTRY_ID, weekly());
    await c.patchSchedule(DEMO_REGISTRY_ID, s.scheduleUuid, { name: "changed", weekDay: "FRIDAY" });
    const [after] = await c.schedules();
    expect(after).toMatchObject({ scheduleUuid: s.scheduleUuid, name: "changed", weekDay: "FRIDAY" });
    await expect(c.patchSchedule(DEMO_REGISTRY_ID, s.scheduleUuid, { scheduleUuid: "x" })).rejects.toThrow(
      /400/,
    );
  });

  it("requests and clearRequests read and empty the log", async () => {
    await h().api.get(REGISTRY);
    expect((await c.requests()).map((r) => r.path)).toEqual([REGISTRY]);
    await c.clearRequests();
    expect(await c.requests()).toEqual([]);
  });

  it("injectFault and clearFaults", async () => {
    await c.injectFault({ kind: "status", path: "/registry/", status: 418, times: 5 });
    expect((await h().api.get(REGISTRY)).status).toBe(418);
    await c.clearFaults();
    expect((await h().api.get(REGISTRY)).status).toBe(200);
    await expect(c.injectFault({ kind: "status", path: "(", status: 500 })).rejects.toThrow(/400/);
  });

  it("configure changes settings", async () => {
    await c.configure({ rateLimit: { limit: 1, windowSec: 60, flavour: "429" } });
    await h().api.get(REGISTRY);
    expect((await h().api.get(REGISTRY)).status).toBe(429);
    await c.configure({ rateLimit: null });
    expect((await h().api.get(REGISTRY)).status).toBe(200);
    await expect(c.configure({ latencyMs: -1 })).rejects.toThrow(/400/);
  });

  it("expireTokens makes every issued token answer JWT expired", async () => {
    await c.expireTokens();
    expect((await h().api.get(REGISTRY)).data.message).toContain("JWT expired");
  });

  it("reset clears schedules, faults, log and pending bulk deletes; keeps registries and settings", async () => {
    await c.addRegistry("kept", "GCP");
    await c.configure({ omitExtendedFields: true });
    await c.createSchedule(DEMO_REGISTRY_ID, weekly());
    await c.injectFault({ kind: "status", path: ".*", status: 500 });
    await c.reset();
    expect(await c.schedules()).toEqual([]);
    expect(await c.requests()).toEqual([]);
    expect((await h().api.get("/csapi/v1.3/registry/kept")).status).toBe(200);
    await c.createSchedule(DEMO_REGISTRY_ID, weekly());
    expect((await h().api.get(SCHEDULES)).data.data[0]).not.toHaveProperty("weekDay");
  });

  it("control requests are not logged", async () => {
    await c.schedules();
    await c.requests();
    expect(await c.requests()).toEqual([]);
  });

  it("answers clean JSON 4xx to bad control requests", async () => {
    const bad = [
      h().http.post("/__control/schedules", "{"),
      h().http.post("/__control/registries", { id: "" }),
      h().http.get("/__control/nope"),
      h().http.put("/__control/schedules/a/b", {}),
      h().http.post("/__control/settings", { unknown: true }),
    ];
    const statuses = (await Promise.all(bad)).map((r) => [r.status, typeof r.data.message]);
    expect(statuses).toEqual([
      [400, "string"],
      [400, "string"],
      [404, "string"],
      [405, "string"],
      [400, "string"],
    ]);
  });
});

describe("settings: latencyMs", () => {
  it("adds latency to /auth and /csapi but not to control", async () => {
    h().sim.control.configure({ latencyMs: 120 });
    let t0 = Date.now();
    await login(h().http);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
    t0 = Date.now();
    await h().api.get(REGISTRY);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(110);
    // Control is not delayed: asked for after a delayed API call, it is answered first. The latency
    // is long, so the order cannot come from scheduling noise (a bound in ms measured the load).
    h().sim.control.configure({ latencyMs: 2000 });
    const order: string[] = [];
    const api = h()
      .api.get(REGISTRY)
      .then(() => order.push("api"));
    await c.schedules().then(() => order.push("control"));
    await api;
    expect(order).toEqual(["control", "api"]);
  });
});

describe("settings: bulkDeleteDelayMs over HTTP", () => {
  it("is applied to the next bulk delete", async () => {
    await c.configure({ bulkDeleteDelayMs: 0 });
    const s = await c.createSchedule(DEMO_REGISTRY_ID, weekly());
    await h().api.delete(`${SCHEDULES}/bulk`, { params: { scheduleIds: s.scheduleUuid } });
    expect(await eventually(() => h().sim.control.schedules().length === 0, 500)).toBe(true);
  });
});
