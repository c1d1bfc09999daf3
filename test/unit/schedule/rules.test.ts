/**
 * `check`: every rule of the contract's rules table, one describe per rule, plus the shared table of
 * bad inputs that the end-to-end test also runs through `pulumi preview`.
 */
import { canonicalizeInputs, checkScheduleInputs, INPUT_PROPERTIES } from "../../../provider/schedule/rules";
import { UNKNOWN } from "../../../provider/core/values";
import { ScheduleInputs } from "../../../provider/schedule/types";
import { argsOf, BAD_INPUTS, GOOD_INPUTS, VALID_BASE_ARGS } from "../../cases/bad-inputs";

const IDENTITY = { registryId: "2d8b6f0e-reg", name: "nightly-api" };
const BASE = { ...IDENTITY, ...VALID_BASE_ARGS };
const WEEKLY = { ...IDENTITY, repo: ["team/api"], scheduleScanIntervalInDays: 7, weekDay: "MONDAY" };
const ON_DEMAND = { ...IDENTITY, repo: ["team/api"], onDemand: true };

/** Checks `args` merged over a valid daily schedule (a key set to undefined removes it). */
function check(args: Record<string, unknown>, base: Record<string, unknown> = BASE) {
  return checkScheduleInputs(argsOf(args, base));
}

function failingProperties(args: Record<string, unknown>, base?: Record<string, unknown>): string[] {
  return [...new Set(check(args, base).failures.map((f) => f.property))].sort();
}

function reasonsOf(
  args: Record<string, unknown>,
  property: string,
  base?: Record<string, unknown>,
): string[] {
  return check(args, base)
    .failures.filter((f) => f.property === property)
    .map((f) => f.reason);
}

/** Asserts that exactly `property` fails, with one reason that includes every word. */
function expectRejected(
  args: Record<string, unknown>,
  property: string,
  words: string[],
  base?: Record<string, unknown>,
): void {
  expect(failingProperties(args, base)).toEqual([property]);
  const reasons = reasonsOf(args, property, base);
  const matching = reasons.some((reason) => words.every((word) => reason.includes(word)));
  // Shows the reasons and the words when no reason matches.
  expect({ reasons, words, matching }).toEqual({ reasons, words, matching: true });
}

function expectAccepted(
  args: Record<string, unknown>,
  base?: Record<string, unknown>,
): Record<string, unknown> {
  const result = check(args, base);
  expect(result.failures).toEqual([]);
  return result.inputs;
}

describe("the bad-inputs table", () => {
  test(`has at least 30 cases (it has ${BAD_INPUTS.length})`, () => {
    expect(BAD_INPUTS.length).toBeGreaterThanOrEqual(30);
  });

  test("covers every input property", () => {
    const covered = new Set(BAD_INPUTS.map((c) => c.property));
    for (const property of INPUT_PROPERTIES)
      expect([property, covered.has(property)]).toEqual([property, true]);
  });

  test("every case survives a JSON round trip (the end-to-end test passes them through JSON)", () => {
    for (const c of BAD_INPUTS) expect(JSON.parse(JSON.stringify(c.args))).toEqual(c.args);
  });

  test("titles are unique", () => {
    expect(new Set(BAD_INPUTS.map((c) => c.title)).size).toBe(BAD_INPUTS.length);
  });

  test.each(BAD_INPUTS.map((c) => [c.title, c] as const))("%s", (_title, c) => {
    const result = check(c.args);
    expect([...new Set(result.failures.map((f) => f.property))]).toEqual([c.property]);
    const reasons = result.failures.map((f) => f.reason);
    const matching = reasons.filter((reason) => c.reasonIncludes.every((word) => reason.includes(word)));
    expect({ reasons, matching: matching.length > 0 }).toEqual({ reasons, matching: true });
  });
});

describe("the good-inputs table", () => {
  test(`has at least 8 cases (it has ${GOOD_INPUTS.length})`, () => {
    expect(GOOD_INPUTS.length).toBeGreaterThanOrEqual(8);
  });

  test.each(GOOD_INPUTS.map((c) => [c.title, c] as const))("%s", (_title, c) => {
    expect(JSON.parse(JSON.stringify(c.args))).toEqual(c.args);
    const result = checkScheduleInputs({ ...IDENTITY, ...c.args });
    expect(result.failures).toEqual([]);
    expect(result.inputs).toStrictEqual({ ...IDENTITY, ...c.canonical });
    expect(canonicalizeInputs(result.inputs as unknown as ScheduleInputs)).toStrictEqual(result.inputs);
    expect(checkScheduleInputs(result.inputs)).toStrictEqual(result);
  });
});

describe("registryId: required, non-empty", () => {
  test("is required", () => {
    expectRejected({ registryId: undefined }, "registryId", ["registryId is required"]);
    expectRejected({ registryId: null }, "registryId", ["registryId is required"]);
  });
  test("must be a non-empty string without spaces around it", () => {
    expectRejected({ registryId: "" }, "registryId", ["registryId", "empty"]);
    expectRejected({ registryId: " reg-1" }, "registryId", ["start or end with spaces", '"reg-1"']);
    expectRejected({ registryId: ["reg-1"] }, "registryId", ["must be a string", '["reg-1"]']);
    expectRejected({ registryId: "reg\n1" }, "registryId", ["control characters"]);
  });
  test("must not contain a slash (the resource ID is <registryId>/<scheduleId>)", () => {
    expectRejected({ registryId: "a/b" }, "registryId", ['"/"']);
  });
  test("any other text is accepted as is", () => {
    expect(expectAccepted({ registryId: "6c2e4a90-1f2b-4c3d-9e8f-0a1b2c3d4e5f" }).registryId).toBe(
      "6c2e4a90-1f2b-4c3d-9e8f-0a1b2c3d4e5f",
    );
  });
});

describe("name: required, non-empty, at most 255 characters", () => {
  test("is required (the resource class defaults it to the resource name)", () => {
    expectRejected({ name: undefined }, "name", ["name is required"]);
  });
  test("255 characters are accepted, 256 are not", () => {
    expectAccepted({ name: "n".repeat(255) });
    expectRejected({ name: "n".repeat(256) }, "name", ["at most 255", "got 256 characters"]);
  });
  test("unicode is accepted; length counts UTF-16 code units (an emoji counts as 2), as Qualys counts", () => {
    const moons = "🌙".repeat(127) + "x";
    expect(expectAccepted({ name: moons }).name).toBe(moons);
    expectRejected({ name: "🌙".repeat(128) }, "name", ["got 256 characters", "an emoji counts as 2"]);
    expect(expectAccepted({ name: "é".repeat(255) }).name).toBe("é".repeat(255));
    expect(expectAccepted({ name: "équipe — スキャン" }).name).toBe("équipe — スキャン");
  });
  test("a very long name fails with a short message", () => {
    const reasons = reasonsOf({ name: "x".repeat(1_000_000) }, "name");
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toContain("got 1000000 characters");
    expect(reasons[0]?.length).toBeLessThan(300);
  });
  test("empty or blank names are rejected", () => {
    expectRejected({ name: "" }, "name", ["must not be empty"]);
    expectRejected({ name: " \u00a0 " }, "name", ["only spaces"]);
  });
  test.each([
    ["NUL", "a\u0000b", "U+0000"],
    ["newline", "a\nb", "U+000A"],
    ["carriage return", "a\rb", "U+000D"],
    ["escape", "a\u001b[31mb", "U+001B"],
    ["DEL", "a\u007fb", "U+007F"],
    ["C1 next line", "a\u0085b", "U+0085"],
  ])("control characters are rejected: %s", (_what, name, code) => {
    expectRejected({ name }, "name", ["name must not contain control characters", code]);
  });
  test("a lone surrogate is rejected (it cannot be stored as UTF-8)", () => {
    expectRejected({ name: "a\ud800b" }, "name", ["valid Unicode", "unpaired surrogate"]);
  });
  test("non-strings are rejected", () => {
    expectRejected({ name: 42 }, "name", ["name must be a string", "got 42"]);
    expectRejected({ name: true }, "name", ["got true"]);
  });
});

describe("onDemand: boolean, default false", () => {
  test("defaults to false", () => {
    expect(expectAccepted({ onDemand: undefined }).onDemand).toBe(false);
    expect(expectAccepted({ onDemand: null }).onDemand).toBe(false);
  });
  test("true and false are accepted", () => {
    expect(
      expectAccepted({ onDemand: true, scheduleScanIntervalInDays: null, schedule: null }).onDemand,
    ).toBe(true);
    expect(expectAccepted({ onDemand: false }).onDemand).toBe(false);
  });
  test.each([["true"], ["false"], [0], [1], [[true]], [{}]])("%j is rejected", (value) => {
    expectRejected({ onDemand: value }, "onDemand", ["onDemand must be true or false"]);
  });
});

describe("repo: one or more repository names, non-empty, no duplicates", () => {
  test("is required", () => {
    expectRejected({ repo: undefined }, "repo", ["repo is required"]);
    expectRejected({ repo: null }, "repo", ["repo is required"]);
  });
  test("a single string becomes a list of one", () => {
    expect(expectAccepted({ repo: "team/api" }).repo).toEqual(["team/api"]);
  });
  test("the order of the list is kept", () => {
    expect(expectAccepted({ repo: ["z/last", "a/first", "m/middle"] }).repo).toEqual([
      "z/last",
      "a/first",
      "m/middle",
    ]);
  });
  test("an empty list or an empty name is rejected", () => {
    expectRejected({ repo: [] }, "repo", ["at least one repository"]);
    expectRejected({ repo: ["team/api", ""] }, "repo", ["repo[1]", "empty"]);
    expectRejected({ repo: "   " }, "repo", ["repo must not be empty"]);
  });
  test("a duplicate is a failure, not silently removed", () => {
    expectRejected({ repo: ["a", "b", "a", "b", "a"] }, "repo", ['"a" 3 times']);
    expectRejected({ repo: ["a", "b", "a", "b", "a"] }, "repo", ['"b" 2 times']);
  });
  test("names differing only in case are different repositories", () => {
    expect(expectAccepted({ repo: ["team/API", "team/api"] }).repo).toEqual(["team/API", "team/api"]);
  });
  test("nested lists, objects, numbers and nulls in the list are rejected with their position", () => {
    expectRejected({ repo: ["a", ["b"]] }, "repo", ["repo[1]", '["b"]']);
    expectRejected({ repo: [{ name: "a" }] }, "repo", ["repo[0]", '{"name":"a"}']);
    expectRejected({ repo: ["a", 7] }, "repo", ["repo[1]", "got 7"]);
    expectRejected({ repo: [null] }, "repo", ["repo[0]", "got null"]);
  });
  test("an object instead of a list is rejected", () => {
    expectRejected({ repo: { 0: "team/api" } }, "repo", ["a repository name or a list"]);
  });
  test("control characters are rejected and unicode is accepted", () => {
    expectRejected({ repo: ["team/api\t"] }, "repo", ["repo[0]", "control characters", "U+0009"]);
    expect(expectAccepted({ repo: ["équipe/アプリ"] }).repo).toEqual(["équipe/アプリ"]);
  });
});

describe("tag: optional, comma-separated tags or a pattern", () => {
  test("left out, or null, means all tags and is absent from the inputs", () => {
    expect("tag" in expectAccepted({ tag: undefined })).toBe(false);
    expect("tag" in expectAccepted({ tag: null })).toBe(false);
  });
  test.each([".*", "latest", "v1,v2,latest", "release-.*", "версия"])("%j is accepted as is", (tag) => {
    expect(expectAccepted({ tag }).tag).toBe(tag);
  });
  test("an empty tag is rejected (leave it out for all tags)", () => {
    expectRejected({ tag: "" }, "tag", ["tag must not be empty", "leave tag out"]);
  });
  test("control characters and non-strings are rejected", () => {
    expectRejected({ tag: "v1\nv2" }, "tag", ["control characters", "U+000A"]);
    expectRejected({ tag: ["v1"] }, "tag", ["tag must be a string"]);
    expectRejected({ tag: false }, "tag", ["got false"]);
  });
});

describe("days: optional; 1–7, 14 or 90", () => {
  test.each([1, 2, 3, 4, 5, 6, 7, 14, 90])("%d is accepted", (days) => {
    expect(expectAccepted({ days }).days).toBe(days);
  });
  test("left out, or null, is absent", () => {
    expect("days" in expectAccepted({ days: null })).toBe(false);
  });
  test.each([
    [0, "got 0"],
    [8, "got 8"],
    [13, "got 13"],
    [15, "got 15"],
    [30, "got 30"],
    [89, "got 89"],
    [91, "got 91"],
    [-1, "got -1"],
    [-0, "got -0"],
    [7.5, "got 7.5"],
    [NaN, "got NaN"],
    [Infinity, "got Infinity"],
    ["7", 'got "7"'],
    [[7], "got the list [7]"],
    [{ days: 7 }, 'got the object {"days":7}'],
  ])("%p is rejected", (days, got) => {
    expectRejected({ days }, "days", ["days must be one of 1, 2, 3, 4, 5, 6, 7, 14 or 90", got]);
  });
});

describe("scheduleScanIntervalInDays: required for automatic, whole number 1–365", () => {
  test("1 and 365 are accepted", () => {
    expectAccepted({ scheduleScanIntervalInDays: 1 });
    expectAccepted({ scheduleScanIntervalInDays: 365, schedule: null });
  });
  test.each([0, 366, -1, -0, 1.5, 1e21, NaN, Infinity, -Infinity, "1", [1], true])(
    "%p is rejected",
    (value) => {
      expectRejected({ scheduleScanIntervalInDays: value }, "scheduleScanIntervalInDays", [
        "scheduleScanIntervalInDays must be a whole number of days from 1 to 365",
      ]);
    },
  );
  test("is required for an automatic schedule", () => {
    expectRejected(
      { scheduleScanIntervalInDays: undefined, schedule: undefined },
      "scheduleScanIntervalInDays",
      ["required for an automatic schedule", "onDemand"],
    );
    expectRejected(
      { scheduleScanIntervalInDays: null, schedule: null, onDemand: false },
      "scheduleScanIntervalInDays",
      ["required"],
    );
  });
  test("is rejected for an on-demand schedule", () => {
    expectRejected(
      { scheduleScanIntervalInDays: 7 },
      "scheduleScanIntervalInDays",
      ["not allowed when onDemand is true", "got 7"],
      ON_DEMAND,
    );
  });
  test("is not required for an on-demand schedule", () => {
    expectAccepted({}, ON_DEMAND);
  });
});

describe("weekDay: automatic with interval 7 only, and then required", () => {
  test.each(["monday", "Tuesday", "wEdNeSdAy", "THURSDAY", "friday", "saturday", "sunday"])(
    "%s is accepted in any case and upper-cased",
    (weekDay) => {
      expect(expectAccepted({ weekDay }, WEEKLY).weekDay).toBe(weekDay.toUpperCase());
    },
  );
  test("is required when the interval is 7", () => {
    expectRejected(
      { weekDay: undefined },
      "weekDay",
      ["weekDay is required when scheduleScanIntervalInDays is 7"],
      WEEKLY,
    );
  });
  test.each([1, 2, 6, 8, 14, 30])("is rejected when the interval is %d", (interval) => {
    expectRejected(
      {
        scheduleScanIntervalInDays: interval,
        weekDay: "monday",
        schedule: interval === 1 ? "10:00" : undefined,
      },
      "weekDay",
      [
        "only allowed when scheduleScanIntervalInDays is 7",
        `scheduleScanIntervalInDays ${interval}`,
        '"monday"',
      ],
      WEEKLY,
    );
  });
  test("is rejected on an on-demand schedule", () => {
    expectRejected({ weekDay: "MONDAY" }, "weekDay", ["not allowed when onDemand is true"], ON_DEMAND);
  });
  test.each(["MON", "Montag", "", " MONDAY", "MONDAY\n"])("%j is not a day", (weekDay) => {
    expect(failingProperties({ weekDay }, WEEKLY)).toEqual(["weekDay"]);
  });
  test("non-strings are rejected", () => {
    expectRejected({ weekDay: 1 }, "weekDay", ["weekDay must be a string", "got 1"], WEEKLY);
    expectRejected({ weekDay: ["MONDAY"] }, "weekDay", ["weekDay must be a string"], WEEKLY);
  });
});

describe("schedule: HH:MM UTC; required for interval 1, optional for 7, rejected otherwise", () => {
  test.each(["00:00", "09:05", "19:30", "23:59"])("%s is accepted", (schedule) => {
    expect(expectAccepted({ schedule }).schedule).toBe(schedule);
  });
  test.each(["24:00", "12:60", "7:30", "19:30:00", "19h30", " 19:30", "19:30Z", "", "1930", "١٩:٣٠"])(
    "%j is rejected",
    (schedule) => {
      expectRejected({ schedule }, "schedule", [
        'schedule must be a time of day "HH:MM" in UTC',
        JSON.stringify(schedule),
      ]);
    },
  );
  test("a one-digit hour gets a suggestion", () => {
    expectRejected({ schedule: "7:30" }, "schedule", ['write "07:30"']);
  });
  test("is required when the interval is 1", () => {
    expectRejected({ schedule: undefined }, "schedule", [
      "schedule is required when scheduleScanIntervalInDays is 1",
    ]);
  });
  test("is optional when the interval is 7", () => {
    expectAccepted({}, WEEKLY);
    expect(expectAccepted({ schedule: "06:55" }, WEEKLY).schedule).toBe("06:55");
  });
  test.each([2, 3, 6, 8, 14, 365])("is rejected when the interval is %d", (interval) => {
    expectRejected({ scheduleScanIntervalInDays: interval }, "schedule", [
      "only allowed when scheduleScanIntervalInDays is 1 (required) or 7 (optional)",
      `scheduleScanIntervalInDays ${interval}`,
    ]);
  });
  test("is rejected on an on-demand schedule", () => {
    expectRejected({ schedule: "19:30" }, "schedule", ["not allowed when onDemand is true"], ON_DEMAND);
  });
});

describe("forceScan: boolean, default false; on-demand, or automatic with interval ≥ 7", () => {
  test("defaults to false", () => {
    expect(expectAccepted({}).forceScan).toBe(false);
    expect(expectAccepted({}, ON_DEMAND).forceScan).toBe(false);
  });
  test("is allowed on an on-demand schedule", () => {
    expect(expectAccepted({ forceScan: true }, ON_DEMAND).forceScan).toBe(true);
  });
  test.each([7, 8, 14, 90, 365])("is allowed on an automatic schedule with interval %d", (interval) => {
    const args = {
      scheduleScanIntervalInDays: interval,
      weekDay: interval === 7 ? "MONDAY" : undefined,
      forceScan: true,
    };
    expect(expectAccepted(args, { ...IDENTITY, repo: ["team/api"] }).forceScan).toBe(true);
  });
  test.each([1, 2, 3, 4, 5, 6])("is rejected on an automatic schedule with interval %d", (interval) => {
    expectRejected(
      {
        scheduleScanIntervalInDays: interval,
        schedule: interval === 1 ? "19:30" : undefined,
        forceScan: true,
      },
      "forceScan",
      ["forceScan is only allowed", "7 or more", `scheduleScanIntervalInDays ${interval}`],
      { ...IDENTITY, repo: ["team/api"] },
    );
  });
  test("false is fine with any interval", () => {
    expect(expectAccepted({ forceScan: false }).forceScan).toBe(false);
  });
  test("null means the default", () => {
    expect(expectAccepted({ forceScan: null }).forceScan).toBe(false);
  });
  test.each([["true"], [1], [[true]]])("%p is rejected", (value) => {
    expectRejected({ forceScan: value }, "forceScan", ["forceScan must be true or false"]);
  });
});

describe("additionalFilters: numberOfTags whole ≥ 1, sortCriteria createdDate", () => {
  test("both members are accepted", () => {
    expect(
      expectAccepted({ additionalFilters: { numberOfTags: 1, sortCriteria: "createdDate" } })
        .additionalFilters,
    ).toEqual({
      numberOfTags: 1,
      sortCriteria: "createdDate",
    });
  });
  test("either member alone is accepted", () => {
    expect(expectAccepted({ additionalFilters: { numberOfTags: 3 } }).additionalFilters).toStrictEqual({
      numberOfTags: 3,
    });
    expect(
      expectAccepted({ additionalFilters: { sortCriteria: "createdDate", numberOfTags: null } })
        .additionalFilters,
    ).toStrictEqual({
      sortCriteria: "createdDate",
    });
  });
  test("with no member set it is absent", () => {
    expect("additionalFilters" in expectAccepted({ additionalFilters: {} })).toBe(false);
    expect(
      "additionalFilters" in
        expectAccepted({ additionalFilters: { numberOfTags: null, sortCriteria: null } }),
    ).toBe(false);
  });
  test.each([0, -1, -0, 2.5, NaN, Infinity, "5", [5], 2147483648])(
    "numberOfTags %p is rejected",
    (numberOfTags) => {
      expectRejected({ additionalFilters: { numberOfTags } }, "additionalFilters", [
        "additionalFilters.numberOfTags must be a whole number from 1",
      ]);
    },
  );
  test.each(["updatedDate", "CreatedDate", "", 1])("sortCriteria %p is rejected", (sortCriteria) => {
    expectRejected({ additionalFilters: { sortCriteria } }, "additionalFilters", [
      "additionalFilters.sortCriteria",
      '"createdDate"',
    ]);
  });
  test("unknown members and non-objects are rejected", () => {
    expectRejected({ additionalFilters: { numberOfTags: 5, limit: 3 } }, "additionalFilters", [
      "additionalFilters.limit is not a property",
    ]);
    expectRejected({ additionalFilters: [{ numberOfTags: 5 }] }, "additionalFilters", ["must be an object"]);
    expectRejected({ additionalFilters: 5 }, "additionalFilters", ["must be an object", "got 5"]);
  });
});

describe("properties that do not exist", () => {
  test("are named, with the known properties listed", () => {
    expectRejected({ colour: "blue" }, "colour", [
      '"colour" is not a property of RegistryScanSchedule',
      "known properties are registryId, name, onDemand, repo, tag, repositories, days, scheduleScanIntervalInDays, weekDay, schedule, forceScan, additionalFilters, pendingRepositories",
    ]);
  });
  test("the interval under its other Qualys name gets a suggestion", () => {
    expectRejected({ scheduleIntervalInDays: 1 }, "scheduleIntervalInDays", [
      "not a property of RegistryScanSchedule",
      "did you mean scheduleScanIntervalInDays?",
    ]);
  });
  test("a likely typo gets a suggestion", () => {
    expectRejected({ weekday: "MONDAY" }, "weekday", ["did you mean weekDay?"]);
    expectRejected({ repos: ["a"] }, "repos", ["did you mean repo?"]);
    expectRejected({ forcescan: true }, "forcescan", ["did you mean forceScan?"]);
  });
  test("outputs left unset are ignored, and setting one is rejected", () => {
    const inputs = expectAccepted({ scheduleId: null, status: undefined, created: null });
    expect(["scheduleId" in inputs, "status" in inputs, "created" in inputs]).toEqual([false, false, false]);
    expectRejected({ scheduleId: "5b7c2d1e" }, "scheduleId", [
      "scheduleId is an output",
      '"5b7c2d1e"',
      "remove it",
    ]);
  });
  test("__provider is not validated and passes through untouched", () => {
    const result = check({ __provider: "exports.handler = …" });
    expect(result.failures).toEqual([]);
    expect(result.inputs.__provider).toBe("exports.handler = …");
  });
  test("a key named __proto__ is reported, not used as a prototype", () => {
    const args = JSON.parse('{"__proto__": {"onDemand": true}}') as Record<string, unknown>;
    const result = check(args);
    expect(result.failures.map((f) => f.property)).toEqual(["__proto__"]);
  });
});

describe("reporting", () => {
  test("every broken rule is reported at once, each under its top-level property", () => {
    const result = check({
      name: "",
      repo: [],
      days: 10,
      scheduleScanIntervalInDays: 7,
      schedule: "25:00",
      forceScan: "yes",
      additionalFilters: { numberOfTags: 0 },
      extra: 1,
    });
    expect([...new Set(result.failures.map((f) => f.property))].sort()).toEqual(
      ["additionalFilters", "days", "extra", "forceScan", "name", "repo", "schedule", "weekDay"].sort(),
    );
  });
  test("a value that is not an object fails every required property instead of throwing", () => {
    for (const news of [null, undefined, 7, "x", [], [BASE]]) {
      const result = checkScheduleInputs(news as unknown as Record<string, unknown>);
      expect(result.failures.map((f) => f.property)).toEqual([
        "registryId",
        "name",
        "repo",
        "scheduleScanIntervalInDays",
      ]);
    }
  });
  test("the inputs returned alongside failures keep the values given", () => {
    const result = check({ days: "7", colour: "blue" });
    expect(result.inputs.days).toBe("7");
    expect(result.inputs.colour).toBe("blue");
  });
});

describe("unknown values during preview are skipped, never failed", () => {
  test("an unknown registryId and name are fine and pass through", () => {
    const inputs = expectAccepted({ registryId: UNKNOWN, name: UNKNOWN });
    expect(inputs.registryId).toBe(UNKNOWN);
    expect(inputs.name).toBe(UNKNOWN);
  });
  test("an unknown element of repo is kept in place; the known ones are still checked", () => {
    expect(expectAccepted({ repo: ["team/api", UNKNOWN] }).repo).toEqual(["team/api", UNKNOWN]);
    expect(expectAccepted({ repo: [UNKNOWN, UNKNOWN] }).repo).toEqual([UNKNOWN, UNKNOWN]);
    expectRejected({ repo: [UNKNOWN, ""] }, "repo", ["repo[1]", "empty"]);
  });
  test("an unknown repo is not wrapped in a list", () => {
    expect(expectAccepted({ repo: UNKNOWN }).repo).toBe(UNKNOWN);
  });
  test("an unknown interval skips the weekDay, schedule and forceScan rules that depend on it", () => {
    const inputs = expectAccepted({
      scheduleScanIntervalInDays: UNKNOWN,
      weekDay: "thursday",
      schedule: "06:00",
      forceScan: true,
    });
    expect(inputs.scheduleScanIntervalInDays).toBe(UNKNOWN);
    expect(inputs.weekDay).toBe("THURSDAY");
    expectAccepted({ scheduleScanIntervalInDays: UNKNOWN, schedule: undefined });
  });
  test("an unknown interval still lets a weekDay's own value be checked", () => {
    expectRejected({ scheduleScanIntervalInDays: UNKNOWN, weekDay: "someday" }, "weekDay", ['"someday"']);
  });
  test("an unknown onDemand skips every rule that depends on it", () => {
    expectAccepted({ onDemand: UNKNOWN, scheduleScanIntervalInDays: undefined, schedule: undefined });
    const inputs = expectAccepted({ onDemand: UNKNOWN, weekDay: "monday", forceScan: true });
    expect(inputs.onDemand).toBe(UNKNOWN);
  });
  test("an unknown weekDay is neither rejected nor upper-cased", () => {
    expect(expectAccepted({ weekDay: UNKNOWN }, WEEKLY).weekDay).toBe(UNKNOWN);
    expect(expectAccepted({ weekDay: UNKNOWN }).weekDay).toBe(UNKNOWN);
  });
  test("an unknown schedule or forceScan satisfies or skips its rule", () => {
    expectAccepted({ schedule: UNKNOWN });
    expectAccepted({ forceScan: UNKNOWN });
    expectAccepted({ days: UNKNOWN, tag: UNKNOWN });
  });
  test("unknown additionalFilters, or unknown members of it, pass through", () => {
    expect(expectAccepted({ additionalFilters: UNKNOWN }).additionalFilters).toBe(UNKNOWN);
    expect(
      expectAccepted({ additionalFilters: { numberOfTags: UNKNOWN, sortCriteria: "createdDate" } })
        .additionalFilters,
    ).toEqual({
      numberOfTags: UNKNOWN,
      sortCriteria: "createdDate",
    });
  });
  test("known values beside unknown ones are still checked", () => {
    expectRejected({ registryId: UNKNOWN, days: 10 }, "days", ["got 10"]);
  });
});

describe("canonicalizeInputs", () => {
  test("drops unset optional fields and fills defaults, like check", () => {
    const loose = {
      registryId: "r",
      name: "n",
      repo: ["a"],
      tag: undefined,
      days: undefined,
      scheduleScanIntervalInDays: 7,
      weekDay: "friday",
      schedule: undefined,
      additionalFilters: { numberOfTags: undefined, sortCriteria: undefined },
    } as unknown as ScheduleInputs;
    const canonical = canonicalizeInputs(loose);
    expect(canonical).toStrictEqual({
      registryId: "r",
      name: "n",
      onDemand: false,
      repo: ["a"],
      scheduleScanIntervalInDays: 7,
      weekDay: "FRIDAY",
      forceScan: false,
    });
    expect(checkScheduleInputs(loose as unknown as Record<string, unknown>).inputs).toStrictEqual(canonical);
  });
  test("does not share the repo list with its argument", () => {
    const value: ScheduleInputs = {
      registryId: "r",
      name: "n",
      onDemand: true,
      repo: ["a"],
      forceScan: false,
    };
    const canonical = canonicalizeInputs(value);
    canonical.repo?.push("b");
    expect(canonical.repo).toEqual(["a", "b"]);
    expect(value.repo).toEqual(["a"]);
  });
});
