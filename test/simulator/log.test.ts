import { DEMO_PASSWORD } from "./index";
import { login, REGISTRY, SCHEDULES, useSimulator, weekly } from "./testkit";

const h = useSimulator();

describe("request log", () => {
  it("records method, path, query, status, arrival time and duration of each call", async () => {
    const t0 = Date.now();
    await h().api.post(SCHEDULES, weekly());
    await h().api.get(SCHEDULES, { params: { pageNumber: 1, pageSize: 10, filter: "name:x" } });
    await h().http.get("/nope");
    const log = h().sim.control.requests();
    expect(log.map(({ method, path, query, status }) => ({ method, path, query, status }))).toEqual([
      { method: "POST", path: SCHEDULES, query: "", status: 201 },
      { method: "GET", path: SCHEDULES, query: "pageNumber=1&pageSize=10&filter=name%3Ax", status: 204 },
      { method: "GET", path: "/nope", query: "", status: 404 },
    ]);
    for (const e of log) {
      expect(e.at).toBeGreaterThanOrEqual(t0);
      expect(e.durationMs).toBeGreaterThanOrEqual(0);
    }
  });

  it("never holds the password or a token, even one put in a query string", async () => {
    const token = await login(h().http);
    await h().http.post(`/auth?password=${DEMO_PASSWORD}&x=${DEMO_PASSWORD}`, "username=demo&token=true");
    await h().api.get(REGISTRY, { params: { access_token: token, q: token } });
    const text = JSON.stringify(h().sim.control.requests());
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toContain(token);
    expect(text).not.toContain(h().token);
    expect(text).toContain("REDACTED");
  });

  it("is emptied by clearRequests", async () => {
    await h().api.get(REGISTRY);
    h().sim.control.clearRequests();
    expect(h().sim.control.requests()).toEqual([]);
  });
});
