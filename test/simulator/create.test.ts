import { DEMO_REGISTRY_ID } from "./index";
import { daily, onDemand, SCHEDULES, useSimulator, weekly } from "./testkit";

const h = useSimulator();

async function create(body: unknown) {
  return h().api.post(SCHEDULES, body);
}

/** Posts a body that breaks a rule: 400 naming the field, and nothing stored. */
async function expectRejected(body: unknown, field: string, status = 400) {
  const res = await create(body);
  expect(res.status).toBe(status);
  expect(res.data.errorCode).toMatch(new RegExp(`^${status} `));
  expect(res.data.message).toContain(field);
  expect(h().sim.control.schedules()).toHaveLength(0);
}

describe("POST …/schedule (create)", () => {
  it("answers 201 with {scheduleUuid} and stores the nested body", async () => {
    const res = await create(weekly());
    expect(res.status).toBe(201);
    expect(Object.keys(res.data)).toEqual(["scheduleUuid"]);
    const [s] = h().sim.control.schedules(DEMO_REGISTRY_ID);
    expect(s).toMatchObject({
      scheduleUuid: res.data.scheduleUuid,
      registryId: DEMO_REGISTRY_ID,
      name: "nightly-prod",
      onDemand: false,
      filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
      scheduleScanIntervalInDays: 7,
      weekDay: "THURSDAY",
      schedule: "06:55",
      forceScan: true,
      additionalFilters: { numberOfTags: 5, sortCriteria: "createdDate" },
      registryType: "DockerHub",
      status: "Created",
    });
  });

  it("gives each schedule its own UUID, even with the same name", async () => {
    const a = await create(weekly());
    const b = await create(weekly());
    expect(a.data.scheduleUuid).not.toBe(b.data.scheduleUuid);
    expect(h().sim.control.schedules()).toHaveLength(2);
  });

  it("starts on-demand schedules as Created too", async () => {
    expect((await create(onDemand())).status).toBe(201);
    expect(h().sim.control.schedules()[0]?.status).toBe("Created");
  });

  it("answers 400 to a body that is not valid JSON", async () => {
    const res = await h().api.post(SCHEDULES, "{not json", {
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("JSON");
  });

  it("answers 400 to a JSON body that is not an object", async () => {
    await expectRejected([1, 2], "body");
  });
});

describe("interval spellings (docs/qualys-contract.md §8 item 2)", () => {
  it("accepts scheduleScanIntervalInDays alone", async () => {
    const body = weekly();
    delete body.scheduleIntervalInDays;
    expect((await create(body)).status).toBe(201);
  });

  it("accepts scheduleIntervalInDays alone", async () => {
    const body = weekly();
    delete body.scheduleScanIntervalInDays;
    expect((await create(body)).status).toBe(201);
    expect(h().sim.control.schedules()[0]?.scheduleScanIntervalInDays).toBe(7);
  });

  it("answers 400 when the two differ", async () => {
    await expectRejected(weekly({ scheduleIntervalInDays: 1 }), "scheduleIntervalInDays");
  });
});

describe("rule: name", () => {
  it.each([
    ["missing", undefined],
    ["null", null],
    ["empty", ""],
    ["not a string", 5],
    ["over 255 chars", "x".repeat(256)],
  ])("rejects a name that is %s", async (_, name) => {
    await expectRejected(weekly({ name }), "name");
  });

  it("accepts 255 chars", async () => {
    expect((await create(weekly({ name: "x".repeat(255) }))).status).toBe(201);
  });
});

describe("rule: onDemand", () => {
  it.each([[undefined], ["yes"]])("rejects onDemand %p", async (v) => {
    await expectRejected(weekly({ onDemand: v }), "onDemand");
  });
});

describe("rule: repo and tag", () => {
  const withRepoTags = (repoTags: unknown) => weekly({ filters: [{ repoTags, days: null }] });

  it("rejects missing filters", async () => {
    await expectRejected(weekly({ filters: undefined }), "filters");
    await expectRejected(weekly({ filters: [] }), "filters");
  });

  it("rejects an empty repo list", async () => {
    await expectRejected(withRepoTags([]), "repoTags");
  });

  it("rejects an empty repo name", async () => {
    await expectRejected(withRepoTags([{ repo: " ", tag: null }]), "repo");
  });

  it("rejects a duplicate repo, also across filters", async () => {
    await expectRejected(
      withRepoTags([
        { repo: "a", tag: null },
        { repo: "a", tag: "v1" },
      ]),
      "repo",
    );
    await expectRejected(
      weekly({
        filters: [{ repoTags: [{ repo: "a", tag: null }] }, { repoTags: [{ repo: "a", tag: null }] }],
      }),
      "repo",
    );
  });

  it("rejects an empty tag", async () => {
    await expectRejected(withRepoTags([{ repo: "a", tag: "" }]), "tag");
  });

  it("accepts several repos, comma-separated tags, a tag pattern and a null tag", async () => {
    const res = await create(
      withRepoTags([
        { repo: "a", tag: "v1,v2" },
        { repo: "b", tag: ".*" },
        { repo: "c", tag: null },
      ]),
    );
    expect(res.status).toBe(201);
  });
});

describe("rule: days (1-7, 14, 90, docs/qualys-contract.md §8 item 5)", () => {
  const withDays = (days: unknown) => weekly({ filters: [{ repoTags: [{ repo: "a", tag: null }], days }] });

  it.each([1, 7, 14, 90, null])("accepts %p", async (days) => {
    expect((await create(withDays(days))).status).toBe(201);
  });

  it.each([0, 8, 30, 1.5, "7"])("rejects %p", async (days) => {
    await expectRejected(withDays(days), "days");
  });
});

describe("rule: scheduleScanIntervalInDays", () => {
  it("is required for automatic schedules", async () => {
    await expectRejected(
      weekly({
        scheduleScanIntervalInDays: null,
        scheduleIntervalInDays: null,
        weekDay: null,
        schedule: null,
      }),
      "scheduleScanIntervalInDays is required",
    );
  });

  it.each([0, 366, 2.5, "7"])("rejects %p", async (v) => {
    await expectRejected(
      weekly({ scheduleScanIntervalInDays: v, scheduleIntervalInDays: v }),
      "scheduleScanIntervalInDays",
    );
  });

  it("accepts 365", async () => {
    const body = weekly({
      scheduleScanIntervalInDays: 365,
      scheduleIntervalInDays: 365,
      weekDay: null,
      schedule: null,
    });
    expect((await create(body)).status).toBe(201);
  });

  it("is refused on on-demand schedules", async () => {
    await expectRejected(
      onDemand({ scheduleScanIntervalInDays: 7, scheduleIntervalInDays: 7 }),
      "scheduleScanIntervalInDays",
    );
  });
});

describe("rule: weekDay (interval 7 only, then required)", () => {
  it("is required when the interval is 7", async () => {
    await expectRejected(
      weekly({ weekDay: null }),
      "weekDay is required when scheduleScanIntervalInDays is 7",
    );
  });

  it("is refused with another interval", async () => {
    await expectRejected(daily({ weekDay: "MONDAY" }), "weekDay");
  });

  it("is refused on on-demand schedules", async () => {
    await expectRejected(onDemand({ weekDay: "MONDAY" }), "weekDay");
  });

  it.each(["thursday", "THU", 4])("rejects %p", async (weekDay) => {
    await expectRejected(weekly({ weekDay }), "weekDay");
  });

  it.each(["MONDAY", "SUNDAY"])("accepts %s", async (weekDay) => {
    expect((await create(weekly({ weekDay }))).status).toBe(201);
  });
});

describe("rule: schedule (HH:MM UTC; interval 1 required, 7 optional, docs/qualys-contract.md §8 item 4)", () => {
  it("is required when the interval is 1", async () => {
    await expectRejected(daily({ schedule: null }), "schedule is required");
  });

  it("is optional when the interval is 7", async () => {
    expect((await create(weekly({ schedule: null }))).status).toBe(201);
  });

  it("is refused with another interval", async () => {
    await expectRejected(daily({ scheduleScanIntervalInDays: 3, scheduleIntervalInDays: 3 }), "schedule");
  });

  it("is refused on on-demand schedules", async () => {
    await expectRejected(onDemand({ schedule: "01:00" }), "schedule");
  });

  it.each(["24:00", "7:05", "12:60", "noon"])("rejects %p", async (schedule) => {
    await expectRejected(daily({ schedule }), "schedule");
  });

  it.each(["00:00", "23:59"])("accepts %s", async (schedule) => {
    expect((await create(daily({ schedule }))).status).toBe(201);
  });
});

describe("rule: forceScan", () => {
  it("defaults to false when left out", async () => {
    const body = weekly();
    delete body.forceScan;
    expect((await create(body)).status).toBe(201);
    expect(h().sim.control.schedules()[0]?.forceScan).toBe(false);
  });

  it("is allowed on-demand and with an interval of 7 or more", async () => {
    expect((await create(onDemand({ forceScan: true }))).status).toBe(201);
    const every30 = {
      scheduleScanIntervalInDays: 30,
      scheduleIntervalInDays: 30,
      weekDay: null,
      schedule: null,
    };
    expect((await create(weekly({ ...every30, forceScan: true }))).status).toBe(201);
  });

  it("is refused with an interval under 7", async () => {
    await expectRejected(daily({ forceScan: true }), "forceScan");
  });

  it("must be a boolean", async () => {
    await expectRejected(weekly({ forceScan: "true" }), "forceScan");
  });

  it("is refused with 403 when the subscription feature is off", async () => {
    h().sim.control.configure({ forceScanEnabled: false });
    await expectRejected(weekly({ forceScan: true }), "Force Registry Image Scan", 403);
    expect((await create(weekly({ forceScan: false }))).status).toBe(201);
  });
});

describe("rule: additionalFilters", () => {
  it.each([
    [{ numberOfTags: 0, sortCriteria: null }, "numberOfTags"],
    [{ numberOfTags: 1.5, sortCriteria: null }, "numberOfTags"],
    [{ numberOfTags: null, sortCriteria: "name" }, "sortCriteria"],
    ["top5", "additionalFilters"],
  ])("rejects %p", async (additionalFilters, field) => {
    await expectRejected(weekly({ additionalFilters }), field);
  });

  it("accepts null and partial objects", async () => {
    expect((await create(weekly({ additionalFilters: null }))).status).toBe(201);
    expect((await create(weekly({ additionalFilters: { numberOfTags: 1 } }))).status).toBe(201);
  });
});

describe("rule: registryType must be the registry's own type", () => {
  it("rejects another type", async () => {
    await expectRejected(weekly({ registryType: "AWS" }), "registryType");
  });

  it("accepts the body without it", async () => {
    expect((await create(weekly({ registryType: undefined }))).status).toBe(201);
  });
});

describe("control createSchedule (as if made in the console)", () => {
  it("is validated like POST", () => {
    expect(() => h().sim.control.createSchedule(DEMO_REGISTRY_ID, weekly({ weekDay: null }))).toThrow(
      /weekDay/,
    );
    const s = h().sim.control.createSchedule(DEMO_REGISTRY_ID, weekly());
    expect(s.status).toBe("Created");
  });
});
