import { controlClient, DEMO_REGISTRY_ID } from "./index";
import { REGISTRY, SCHEDULES, useSimulator, weekly } from "./testkit";

const h = useSimulator();
const count = () => h().sim.control.schedules().length;

/** The request logged after the first `before` ones, once the simulator has finished with it. */
async function loggedAfter(before: number) {
  for (;;) {
    const entry = h().sim.control.requests()[before];
    if (entry) return entry;
    await new Promise((r) => setTimeout(r, 20));
  }
}

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
    const before = h().sim.control.requests().length;
    h().sim.control.injectFault({ kind: "hang", method: "POST", path: "/schedule$", ms: 300 });
    await expect(h().api.post(SCHEDULES, weekly(), { timeout: 100 })).rejects.toThrow(/timeout/);
    // The client gave up (its own timeout, the rejection above); the simulator held the request for the
    // whole hold and never answered it. Lower bounds only: an upper bound on elapsed time measures the
    // machine's load.
    const entry = await loggedAfter(before);
    expect(entry).toMatchObject({ status: 0, fault: "hang" });
    expect(entry.durationMs).toBeGreaterThanOrEqual(290);
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

describe("fault: staleList (an index that lags: a list answer misses one schedule)", () => {
  const seed = (n: number): string[] =>
    Array.from(
      { length: n },
      (_, i) => h().sim.control.createSchedule(DEMO_REGISTRY_ID, weekly({ name: `s${i}` })).scheduleUuid,
    );
  const listed = async (
    params: Record<string, unknown> = {},
  ): Promise<{ status: number; ids: string[]; count?: number }> => {
    const res = await h().api.get(SCHEDULES, { params: { pageSize: 100, ...params } });
    const data = (res.data?.data ?? []) as { scheduleUuid: string }[];
    return {
      status: res.status,
      ids: data.map((s) => s.scheduleUuid),
      count: res.data?.count as number | undefined,
    };
  };

  it("leaves exactly one matching schedule out, lowers the count, and logs which one", async () => {
    const ids = seed(5);
    h().sim.control.injectFault({ kind: "staleList", method: "GET", path: "/schedule$" });
    const stale = await listed();
    expect(stale.status).toBe(200);
    expect(stale.ids).toHaveLength(4);
    expect(stale.count).toBe(4);
    const entry = h().sim.control.requests().at(-1)!;
    expect(entry).toMatchObject({ fault: "staleList" });
    expect(ids).toContain(entry.omitted);
    expect(stale.ids).not.toContain(entry.omitted);
    // Nothing was deleted: the next answer is whole again.
    expect((await listed()).ids).toEqual(ids);
    expect(h().sim.control.schedules()).toHaveLength(5);
  });

  it("answers 204 when the only match is the one left out (a look-up by ID)", async () => {
    const [id] = seed(1);
    h().sim.control.injectFault({ kind: "staleList", method: "GET", path: "/schedule$" });
    expect((await listed({ filter: `scheduleUuid:${id}` })).status).toBe(204);
    expect((await listed({ filter: `scheduleUuid:${id}` })).ids).toEqual([id]);
  });

  it("shifts later pages, as a lagging index does", async () => {
    const ids = seed(4);
    h().sim.control.injectFault({ kind: "staleList", method: "GET", path: "/schedule$", times: 2, seed: 7 });
    const p1 = await listed({ pageSize: 2, pageNumber: 1 });
    const p2 = await listed({ pageSize: 2, pageNumber: 2 });
    // Each page came from an index missing one entry: together they miss at least one schedule.
    const seen = new Set([...p1.ids, ...p2.ids]);
    expect(seen.size).toBeLessThan(ids.length);
  });

  it("leaves non-list requests alone", async () => {
    h().sim.control.injectFault({ kind: "staleList", path: "/schedule$", times: 3 });
    expect((await h().api.post(SCHEDULES, weekly())).status).toBe(201);
    expect(h().sim.control.requests().at(-1)?.omitted).toBeUndefined();
  });
});

describe("faults with a probability and a seed (random, yet repeatable)", () => {
  async function hitPattern(seedValue: number): Promise<boolean[]> {
    h().sim.control.reset();
    h().sim.control.injectFault({
      kind: "status",
      method: "GET",
      path: "/registry/[^/]+$",
      status: 503,
      probability: 0.5,
      seed: seedValue,
      times: 1000,
    });
    const out: boolean[] = [];
    for (let i = 0; i < 40; i++) out.push((await h().api.get(REGISTRY)).status === 503);
    return out;
  }

  it("hits about that share of matching requests, the same ones for the same seed", async () => {
    const a = await hitPattern(42);
    const b = await hitPattern(42);
    const c = await hitPattern(43);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    const hits = a.filter(Boolean).length;
    expect(hits).toBeGreaterThan(8);
    expect(hits).toBeLessThan(32);
    // Spared requests are logged without a fault.
    expect(
      h()
        .sim.control.requests()
        .filter((r) => r.fault === "status"),
    ).toHaveLength(c.filter(Boolean).length);
  });

  it("counts `times` only for the requests it hit", async () => {
    h().sim.control.injectFault({
      kind: "status",
      method: "GET",
      path: "/registry/[^/]+$",
      status: 503,
      probability: 0.3,
      seed: 5,
      times: 2,
    });
    const statuses: number[] = [];
    for (let i = 0; i < 60; i++) statuses.push((await h().api.get(REGISTRY)).status);
    expect(statuses.filter((s) => s === 503)).toHaveLength(2);
  });

  it("combines a lagging index with lost create replies, over the HTTP control API", async () => {
    const c = controlClient(h().sim.url);
    await c.injectFault({
      kind: "staleList",
      method: "GET",
      path: "/schedule$",
      probability: 0.5,
      seed: 3,
      times: 100,
    });
    await c.injectFault({
      kind: "commitThenFail",
      method: "POST",
      path: "/schedule$",
      mode: "500",
      probability: 0.5,
      seed: 4,
      times: 100,
    });
    const created: number[] = [];
    for (let i = 0; i < 20; i++)
      created.push((await h().api.post(SCHEDULES, weekly({ name: `c${i}` }))).status);
    // Every POST committed, whatever it answered.
    expect(h().sim.control.schedules()).toHaveLength(20);
    expect(created.filter((s) => s === 500).length).toBeGreaterThan(3);
    expect(created.filter((s) => s === 201).length).toBeGreaterThan(3);
    let short = 0;
    for (let i = 0; i < 20; i++) {
      const res = await h().api.get(SCHEDULES, { params: { pageSize: 100 } });
      if ((res.data.data as unknown[]).length < 20) short += 1;
    }
    expect(short).toBeGreaterThan(3);
    expect(short).toBeLessThan(17);
    const log = await c.requests();
    expect(log.filter((r) => r.omitted !== undefined)).toHaveLength(short);
    expect(log.filter((r) => r.method === "POST" && r.fault === "commitThenFail")).toHaveLength(
      created.filter((s) => s === 500).length,
    );
  });

  it("refuses a probability outside (0, 1] over HTTP", async () => {
    const c = controlClient(h().sim.url);
    await expect(c.injectFault({ kind: "staleList", path: "/schedule$", probability: 0 })).rejects.toThrow(
      /400/,
    );
    await expect(c.injectFault({ kind: "staleList", path: "/schedule$", probability: 1.5 })).rejects.toThrow(
      /400/,
    );
  });
});
