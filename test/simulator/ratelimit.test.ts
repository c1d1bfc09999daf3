import { login, REGISTRY, SCHEDULES, sleep, useSimulator } from "./testkit";

const h = useSimulator();

describe("rate limit, CS gateway flavour (429, docs/qualys-contract.md §8 item 8)", () => {
  beforeEach(() => h().sim.control.configure({ rateLimit: { limit: 3, windowSec: 60, flavour: "429" } }));

  it("puts X-RateLimit-* headers on every /csapi answer and counts down", async () => {
    for (const remaining of ["2", "1", "0"]) {
      const res = await h().api.get(REGISTRY);
      expect(res.status).toBe(200);
      expect(res.headers["x-ratelimit-limit"]).toBe("3");
      expect(res.headers["x-ratelimit-window-sec"]).toBe("60");
      expect(res.headers["x-ratelimit-remaining"]).toBe(remaining);
    }
  });

  it("answers 429 with Remaining 0 once the budget is spent, on any /csapi path", async () => {
    for (let i = 0; i < 3; i++) await h().api.get(SCHEDULES);
    const res = await h().api.get(REGISTRY);
    expect(res.status).toBe(429);
    expect(res.data.errorCode).toBe("429 TOO_MANY_REQUESTS");
    expect(res.headers["x-ratelimit-limit"]).toBe("3");
    expect(res.headers["x-ratelimit-window-sec"]).toBe("60");
    expect(res.headers["x-ratelimit-remaining"]).toBe("0");
    expect(res.headers["x-ratelimit-towait-sec"]).toBeUndefined();
  });

  it("counts requests that fail auth too, and refuses before checking the token", async () => {
    for (let i = 0; i < 3; i++) expect((await h().http.get(REGISTRY)).status).toBe(401);
    expect((await h().http.get(REGISTRY)).status).toBe(429);
  });

  it("does not limit /auth or the control API", async () => {
    for (let i = 0; i < 5; i++) await login(h().http);
    for (let i = 0; i < 5; i++) expect((await h().http.get("/__control/requests")).status).toBe(200);
    expect((await h().api.get(REGISTRY)).status).toBe(200);
  });

  it("opens a new budget when the window passes", async () => {
    h().sim.control.configure({ rateLimit: { limit: 1, windowSec: 0.3, flavour: "429" } });
    expect((await h().api.get(REGISTRY)).status).toBe(200);
    expect((await h().api.get(REGISTRY)).status).toBe(429);
    await sleep(350);
    expect((await h().api.get(REGISTRY)).status).toBe(200);
  });

  it("is reset by control reset", async () => {
    for (let i = 0; i < 4; i++) await h().api.get(REGISTRY);
    h().sim.control.reset();
    expect((await h().api.get(REGISTRY)).status).toBe(200);
  });
});

describe("rate limit, classic Qualys API flavour (409 with X-RateLimit-ToWait-Sec)", () => {
  it("answers 409 with the wait in seconds once the budget is spent", async () => {
    h().sim.control.configure({ rateLimit: { limit: 2, windowSec: 30, flavour: "409" } });
    expect((await h().api.get(REGISTRY)).headers["x-ratelimit-remaining"]).toBe("1");
    await h().api.get(REGISTRY);
    const res = await h().api.get(REGISTRY);
    expect(res.status).toBe(409);
    expect(res.data.errorCode).toBe("409 CONFLICT");
    const wait = Number(res.headers["x-ratelimit-towait-sec"]);
    expect(wait).toBeGreaterThanOrEqual(1);
    expect(wait).toBeLessThanOrEqual(30);
    expect(res.headers["x-ratelimit-limit"]).toBe("2");
  });
});

describe("rate limit off (default)", () => {
  it("sends no X-RateLimit headers and never refuses", async () => {
    for (let i = 0; i < 20; i++) {
      const res = await h().api.get(REGISTRY);
      expect(res.status).toBe(200);
      expect(res.headers["x-ratelimit-limit"]).toBeUndefined();
    }
  });
});
