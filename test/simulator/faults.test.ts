import { DEMO_REGISTRY_ID } from "./index";
import { REGISTRY, SCHEDULES, useSimulator, weekly } from "./testkit";

const h = useSimulator();
const count = () => h().sim.control.schedules().length;

describe("fault: status (answer status X for the next N calls)", () => {
  it("answers the status for `times` matching calls, then serves normally", async () => {
    h().sim.control.injectFault({ kind: "status", path: "/schedule$", method: "GET", status: 503, times: 2 });
    expect((await h().api.get(SCHEDULES)).status).toBe(503);
    expect((await h().api.get(REGISTRY)).status).toBe(200); // path does not match
    expect((await h().api.post(SCHEDULES, weekly())).status).toBe(201); // method does not match
    const second = await h().api.get(SCHEDULES);
    expect(second.status).toBe(503);
    expect(second.data.errorCode).toBe("503 SERVICE_UNAVAILABLE");
    expect((await h().api.get(SCHEDULES)).status).toBe(200);
  });

  it("does not perform the request", async () => {
    h().sim.control.injectFault({ kind: "status", path: "/schedule$", status: 502 });
    expect((await h().api.post(SCHEDULES, weekly())).status).toBe(502);
    expect(count()).toBe(0);
  });

  it("carries a given body and headers (e.g. a 409 rate-limit answer)", async () => {
    h().sim.control.injectFault({
      kind: "status",
      path: "/schedule",
      status: 409,
      body: '{"message":"slow down"}',
      headers: { "X-RateLimit-ToWait-Sec": "2", "Content-Type": "application/json" },
    });
    const res = await h().api.get(SCHEDULES);
    expect(res.status).toBe(409);
    expect(res.headers["x-ratelimit-towait-sec"]).toBe("2");
    expect(res.data).toEqual({ message: "slow down" });
  });

  it("is removed by clearFaults", async () => {
    h().sim.control.injectFault({ kind: "status", path: ".*", status: 500, times: 10 });
    h().sim.control.clearFaults();
    expect((await h().api.get(REGISTRY)).status).toBe(200);
  });
});

describe("fault: commitThenFail (the work is done, the answer is lost)", () => {
  it("mode 500: the schedule is created, the reply is a 500", async () => {
    h().sim.control.injectFault({ kind: "commitThenFail", method: "POST", path: "/schedule$", mode: "500" });
    const res = await h().api.post(SCHEDULES, weekly());
    expect(res.status).toBe(500);
    expect(res.data.errorCode).toBe("500 INTERNAL_SERVER_ERROR");
    expect(count()).toBe(1);
  });

  it("mode drop: the schedule is created, the connection is destroyed", async () => {
    h().sim.control.injectFault({ kind: "commitThenFail", method: "POST", path: "/schedule$", mode: "drop" });
    await expect(h().api.post(SCHEDULES, weekly())).rejects.toThrow();
    expect(count()).toBe(1);
    expect(h().sim.control.requests().at(-1)).toMatchObject({ method: "POST", status: 0 });
  });

  it("works on delete too: gone, yet answered 500", async () => {
    const { scheduleUuid } = h().sim.control.createSchedule(DEMO_REGISTRY_ID, weekly());
    h().sim.control.injectFault({
      kind: "commitThenFail",
      method: "DELETE",
      path: "/schedule/",
      mode: "500",
    });
    expect((await h().api.delete(`${SCHEDULES}/${scheduleUuid}`)).status).toBe(500);
    expect(count()).toBe(0);
  });
});

describe("fault: latency", () => {
  it("delays the answer by ms, then serves it", async () => {
    h().sim.control.injectFault({ kind: "latency", path: "/registry/", ms: 150 });
    const t0 = Date.now();
    const res = await h().api.get(REGISTRY);
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
    expect(h().sim.control.requests().at(-1)!.durationMs).toBeGreaterThanOrEqual(140);
  });
});

describe("fault: hang (past the client's timeout)", () => {
  it("holds the request, then destroys the socket without answering or doing anything", async () => {
    h().sim.control.injectFault({ kind: "hang", method: "POST", path: "/schedule$", ms: 300 });
    const t0 = Date.now();
    await expect(h().api.post(SCHEDULES, weekly(), { timeout: 100 })).rejects.toThrow(/timeout/);
    expect(Date.now() - t0).toBeLessThan(290);
    expect(count()).toBe(0);
  });

  it("closes the socket after ms when the client waits", async () => {
    h().sim.control.injectFault({ kind: "hang", path: "/registry/", ms: 100 });
    const t0 = Date.now();
    await expect(h().api.get(REGISTRY)).rejects.toThrow();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(90);
    expect(h().sim.control.requests().at(-1)).toMatchObject({ status: 0 });
  });
});

describe("fault: drop", () => {
  it("destroys the socket at once and does nothing", async () => {
    h().sim.control.injectFault({ kind: "drop", method: "POST", path: "/schedule$" });
    await expect(h().api.post(SCHEDULES, weekly())).rejects.toThrow();
    expect(count()).toBe(0);
    expect((await h().api.post(SCHEDULES, weekly())).status).toBe(201);
  });

  it("applies to /auth too", async () => {
    h().sim.control.injectFault({ kind: "drop", path: "^/auth$" });
    await expect(h().http.post("/auth", "username=demo")).rejects.toThrow();
  });
});

describe("fault: body (a raw, possibly malformed answer)", () => {
  it("answers the raw body with its status and content type", async () => {
    h().sim.control.injectFault({
      kind: "body",
      method: "POST",
      path: "/schedule$",
      status: 200,
      body: '"not-a-uuid',
    });
    const res = await h().api.post(SCHEDULES, weekly(), { responseType: "text" });
    expect(res.status).toBe(200);
    expect(res.data).toBe('"not-a-uuid');
    expect(res.headers["content-type"]).toBe("application/json");
    expect(count()).toBe(0);
  });

  it("honours contentType", async () => {
    h().sim.control.injectFault({
      kind: "body",
      path: "/schedule$",
      status: 502,
      body: "<html>bad gateway</html>",
      contentType: "text/html",
    });
    const res = await h().api.get(SCHEDULES, { responseType: "text" });
    expect(res.status).toBe(502);
    expect(res.headers["content-type"]).toBe("text/html");
  });
});
