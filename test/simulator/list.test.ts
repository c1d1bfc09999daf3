import type { AxiosResponse } from "axios";
import { DEMO_REGISTRY_ID } from "./index";
import { onDemand, SCHEDULES, useSimulator, weekly } from "./testkit";

const h = useSimulator();

function seed(n: number, name = (i: number) => `s${i}`): string[] {
  return Array.from(
    { length: n },
    (_, i) => h().sim.control.createSchedule(DEMO_REGISTRY_ID, weekly({ name: name(i) })).scheduleUuid,
  );
}

interface ListBody {
  count: number;
  data: { scheduleUuid: string; name: string }[];
}

const uuids = (res: AxiosResponse) => (res.data as ListBody).data.map((s) => s.scheduleUuid);

const list = (params: Record<string, string | number> = {}) => h().api.get(SCHEDULES, { params });

describe("GET …/schedule (list, docs/qualys-contract.md §7)", () => {
  it("answers 204 with no body when the registry has no schedules", async () => {
    const res = await h().api.get(SCHEDULES, { responseType: "text" });
    expect(res.status).toBe(204);
    expect(res.data).toBe("");
  });

  it("answers {count, data} with every field of a schedule", async () => {
    const [id] = seed(1);
    const res = await list();
    expect(res.status).toBe(200);
    expect(res.data.count).toBe(1);
    expect(res.data.data[0]).toEqual({
      scheduleUuid: id,
      name: "s0",
      onDemand: false,
      schedule: "06:55",
      status: "Created",
      filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
      created: expect.any(Number),
      updated: expect.any(Number),
      jobStartDate: null,
      jobCompletionDate: null,
      errors: [],
      scheduleScanIntervalInDays: 7,
      scheduleIntervalInDays: 7,
      weekDay: "THURSDAY",
      forceScan: true,
      additionalFilters: { numberOfTags: 5, sortCriteria: "createdDate" },
      registryType: "DockerHub",
    });
  });

  it("lists in creation order", async () => {
    const ids = seed(5);
    expect(uuids(await list())).toEqual(ids);
  });

  it("lists only the registry's own schedules", async () => {
    h().sim.control.addRegistry("other", "AWS");
    h().sim.control.createSchedule("other", weekly({ registryType: "AWS" }));
    expect((await list()).status).toBe(204);
  });
});

describe("paging: pageNumber and pageSize", () => {
  it("defaults to 50 per page and counts every match", async () => {
    seed(60);
    const res = await list();
    expect(res.data.count).toBe(60);
    expect(res.data.data).toHaveLength(50);
  });

  it("pages from 1", async () => {
    const ids = seed(7);
    const p1 = await list({ pageNumber: 1, pageSize: 3 });
    const p3 = await list({ pageNumber: 3, pageSize: 3 });
    expect(uuids(p1)).toEqual(ids.slice(0, 3));
    expect(uuids(p3)).toEqual(ids.slice(6));
    expect(p3.data.count).toBe(7);
  });

  it("answers 200 with empty data past the last page when something matches", async () => {
    seed(2);
    const res = await list({ pageNumber: 5, pageSize: 2 });
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ count: 2, data: [] });
  });

  it("accepts pageSize 250 and refuses 251, 0 and pageNumber 0", async () => {
    seed(1);
    expect((await list({ pageSize: 250 })).status).toBe(200);
    const bad: Record<string, string | number>[] = [
      { pageSize: 251 },
      { pageSize: 0 },
      { pageNumber: 0 },
      { pageSize: "ten" },
    ];
    for (const params of bad) {
      const res = await list(params);
      expect(res.status).toBe(400);
      expect(res.data.message).toMatch(/page(Size|Number)/);
    }
  });
});

describe("QQL filters: scheduleUuid, name, status", () => {
  it("finds one schedule by scheduleUuid", async () => {
    const ids = seed(3);
    const res = await list({ filter: `scheduleUuid:${ids[1]}` });
    expect(res.data.count).toBe(1);
    expect(res.data.data[0].scheduleUuid).toBe(ids[1]);
  });

  it("answers 204 for a scheduleUuid that does not exist (gone)", async () => {
    seed(1);
    expect((await list({ filter: "scheduleUuid:00000000-0000-0000-0000-000000000000" })).status).toBe(204);
  });

  it("matches name exactly, not as a prefix", async () => {
    seed(1, () => "nightly");
    seed(1, () => "nightly-prod");
    const res = await list({ filter: "name:nightly" });
    expect((res.data as ListBody).data.map((s) => s.name)).toEqual(["nightly"]);
  });

  it("accepts a quoted name with spaces and the word and", async () => {
    seed(1, () => "build and scan");
    seed(1, () => "build");
    const res = await list({ filter: 'name:"build and scan"' });
    expect(res.data.count).toBe(1);
    expect(res.data.data[0].name).toBe("build and scan");
  });

  it("filters by status", async () => {
    const ids = seed(3);
    h().sim.control.setStatus(DEMO_REGISTRY_ID, ids[2]!, "Running"); // seed(3) made three
    const res = await list({ filter: "status:Running" });
    expect(uuids(res)).toEqual([ids[2]]);
  });

  it("combines terms with and", async () => {
    const ids = seed(2, () => "same");
    h().sim.control.setStatus(DEMO_REGISTRY_ID, ids[0]!, "Paused"); // seed(2) made two
    const res = await list({ filter: "name:same and status:Paused" });
    expect(uuids(res)).toEqual([ids[0]]);
  });

  it("answers 400 to an unsupported field or a malformed filter", async () => {
    seed(1);
    for (const filter of ["repo:team/api", "justtext", "name:"]) {
      const res = await list({ filter });
      expect(res.status).toBe(400);
      expect(res.data.message).toContain("filter");
    }
  });
});

describe("omitExtendedFields (the v1.1 list shape)", () => {
  it("leaves out interval, weekDay, forceScan, additionalFilters and registryType", async () => {
    h().sim.control.createSchedule(DEMO_REGISTRY_ID, weekly());
    h().sim.control.createSchedule(DEMO_REGISTRY_ID, onDemand());
    h().sim.control.configure({ omitExtendedFields: true });
    const res = await list();
    for (const item of res.data.data) {
      for (const key of [
        "scheduleScanIntervalInDays",
        "scheduleIntervalInDays",
        "weekDay",
        "forceScan",
        "additionalFilters",
      ]) {
        expect(item).not.toHaveProperty(key);
      }
      expect(item).toHaveProperty("schedule");
      expect(item).toHaveProperty("filters");
    }
  });
});
