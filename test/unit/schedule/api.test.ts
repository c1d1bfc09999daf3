/**
 * How ScheduleApi answers look-ups (provider/schedule/api.ts): a schedule missing from a
 * page-through is only "gone" once look-ups by its ID agree, a bad reply fails only the look-ups it
 * answered, and name checks asked together are batched and exact.
 */
import { ScheduleApi } from "../../../provider/schedule/api";
import { QualysClient, type ApiRequest } from "../../../provider/qualys/http/client";
import type { ApiResponse } from "../../../provider/qualys/http/response";
import { DEMO_REGISTRY_ID, startSimulator, type RunningSimulator } from "../../simulator";
import { simulatorClient } from "../../harness/use-simulator";
import { first } from "../../harness/assert";

const item = (id: string) => ({ scheduleUuid: id, name: `s-${id}`, status: "Created" });
const reply = (data: unknown): ApiResponse => ({
  status: 200,
  data,
  text: JSON.stringify(data),
  headers: { "content-type": "application/json" },
});

describe("a schedule missing from a page-through", () => {
  test("is confirmed by ID before it is answered as gone", async () => {
    // The registry holds a…e; the listing misses "c" (pages shifted under a concurrent delete), while
    // a look-up by ID still finds it. "z" really is gone.
    const calls: string[] = [];
    const client = {
      request: (req: ApiRequest): Promise<ApiResponse> => {
        const filter = req.query?.filter;
        calls.push(typeof filter === "string" ? filter : "page-through");
        if (typeof filter === "string") {
          const id = filter.replace(/^scheduleUuid:/, "");
          return Promise.resolve(
            id === "z"
              ? { ...reply(undefined), status: 204, text: "" }
              : reply({ count: 1, data: [item(id)] }),
          );
        }
        return Promise.resolve(reply({ count: 4, data: ["a", "b", "d", "e"].map(item) }));
      },
    } as unknown as QualysClient;
    const api = new ScheduleApi(client);
    const ids = ["a", "b", "c", "d", "e", "z"];
    const found = await Promise.all(ids.map((id) => api.findSchedule("reg", id)));
    expect(found.map((s) => s?.scheduleUuid)).toEqual(["a", "b", "c", "d", "e", undefined]);
    // "z" is looked up by ID once more than "c": one answer without it could be the index lagging.
    expect(calls).toEqual(["page-through", "scheduleUuid:c", "scheduleUuid:z", "scheduleUuid:z"]);
  });

  test("a look-up by ID whose reply is unreadable fails that look-up alone", async () => {
    // Two look-ups batched by ID (writes under way); "bad" always gets a truncated body.
    const client = {
      request: (req: ApiRequest): Promise<ApiResponse> => {
        const filter = String(req.query?.filter ?? "");
        if (filter.endsWith(":bad")) return Promise.resolve({ ...reply(undefined), text: '{"count":1,"da' });
        return Promise.resolve(reply({ count: 1, data: [item(filter.replace(/^scheduleUuid:/, ""))] }));
      },
    } as unknown as QualysClient;
    const api = new ScheduleApi(client);
    const [good, bad] = await Promise.allSettled([
      api.findSchedule("reg", "ok"),
      api.findSchedule("reg", "bad"),
    ]);
    expect(good).toMatchObject({ status: "fulfilled", value: { scheduleUuid: "ok" } });
    expect(bad).toMatchObject({ status: "rejected" });
    expect(String((bad as PromiseRejectedResult).reason)).toContain("list schedules of registry reg");
  });
});

describe("name checks before creates", () => {
  let sim: RunningSimulator;
  let client: QualysClient;

  beforeAll(async () => {
    sim = await startSimulator();
    client = simulatorClient(sim, { timeoutMs: 5000, maxRetries: 0, concurrency: 8 });
  });

  afterAll(async () => {
    client.close();
    await sim.close();
  });

  const body = (name: string) => ({
    name,
    onDemand: false,
    forceScan: false,
    filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
    scheduleScanIntervalInDays: 1,
    weekDay: null,
    schedule: "19:30",
    additionalFilters: null,
  });

  test("asked together, ten names cost one listing, and each answer holds only its exact name", async () => {
    for (const name of ["nightly", "nightly-2", "weekly"])
      sim.control.createSchedule(DEMO_REGISTRY_ID, body(name));
    sim.control.clearRequests();
    const api = new ScheduleApi(client);
    const names = ["nightly", ...Array.from({ length: 9 }, (_, i) => `new-${i}`)];
    const answers = await Promise.all(names.map((n) => api.schedulesNamed(DEMO_REGISTRY_ID, n)));
    expect(answers[0]?.map((s) => s.name)).toEqual(["nightly"]);
    expect(answers.slice(1).every((a) => a.length === 0)).toBe(true);
    const lists = sim.control.requests().filter((r) => r.method === "GET" && r.path.endsWith("/schedule"));
    expect(lists).toHaveLength(1);
  });

  test("asked alone, a name is one filtered call, compared exactly", async () => {
    sim.control.clearRequests();
    const api = new ScheduleApi(client);
    const answer = await api.schedulesNamed(DEMO_REGISTRY_ID, "nightly");
    expect(answer.map((s) => s.name)).toEqual(["nightly"]);
    const list = first(
      sim.control.requests().filter((r) => r.path.endsWith("/schedule")),
      "a listing request",
    );
    expect(decodeURIComponent(list.query)).toContain("filter=name:nightly");
  });
});
