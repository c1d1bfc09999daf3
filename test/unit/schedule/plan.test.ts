/**
 * `diff`: what changes in place and what forces a new schedule (docs/qualys-contract.md §6). `olds` are the stored
 * old outputs, `news` the canonical new inputs that `check` returned.
 */
import { changedInputFields, planScheduleDiff, providerOnlyChange } from "../../../provider/schedule/plan";
import { checkScheduleInputs } from "../../../provider/schedule/rules";
import { UNKNOWN } from "../../../provider/core/values";
import { replaceNames, updateNames } from "../../../provider/core/properties";
import { SCHEDULE } from "../../../provider/schedule/properties";

/** The spec, written out: the fields Qualys cannot update (a change replaces the schedule)… */
const REPLACE_FIELDS = ["registryId", "onDemand", "repo", "tag", "repositories", "days"] as const;
/** …and fields a `PUT` changes in place on an automatic schedule (a new optional field may join them). */
const UPDATABLE_FIELDS = [
  "name",
  "scheduleScanIntervalInDays",
  "weekDay",
  "schedule",
  "forceScan",
  "additionalFilters",
] as const;

describe("the property table declares exactly the spec's replace and update sets", () => {
  test("replace: registryId, onDemand, repo, tag, repositories, days", () => {
    expect(replaceNames(SCHEDULE.properties)).toEqual([...REPLACE_FIELDS]);
  });
  test("update in place: name, interval, weekDay, schedule, forceScan, additionalFilters (among others)", () => {
    expect(updateNames(SCHEDULE.properties)).toEqual(expect.arrayContaining([...UPDATABLE_FIELDS]));
  });
});

const AUTOMATIC_INPUTS: Record<string, unknown> = {
  registryId: "reg-1",
  name: "nightly-api",
  onDemand: false,
  repo: ["team/api", "team/worker"],
  tag: ".*",
  days: 7,
  scheduleScanIntervalInDays: 7,
  weekDay: "THURSDAY",
  schedule: "06:55",
  forceScan: true,
  additionalFilters: { numberOfTags: 5, sortCriteria: "createdDate" },
};
const ON_DEMAND_INPUTS: Record<string, unknown> = {
  registryId: "reg-1",
  name: "one-off",
  onDemand: true,
  repo: ["team/api"],
  tag: "latest",
  days: 14,
  forceScan: false,
};

/** What Qualys assigned, stored in the outputs beside every input. */
function outputsOf(inputs: Record<string, unknown>): Record<string, unknown> {
  return {
    ...inputs,
    __provider: "exports.handler = …",
    scheduleId: "5b7c2d1e-0000-4000-8000-000000000001",
    status: "Created",
    registryType: "AWS",
    created: "1717000000000",
    updated: "1717000000000",
  };
}

/** New values that differ from AUTOMATIC_INPUTS for each input property (and stay valid). */
const CHANGED_VALUES: Record<string, unknown> = {
  registryId: "reg-2",
  name: "weekly-api",
  onDemand: true,
  repo: ["team/api"],
  tag: "latest",
  repositories: [{ repo: "team/api", tag: "v1" }],
  days: 14,
  scheduleScanIntervalInDays: 14,
  weekDay: "FRIDAY",
  schedule: "07:00",
  forceScan: false,
  additionalFilters: { numberOfTags: 6, sortCriteria: "createdDate" },
};

describe("no change", () => {
  test("the same inputs plan nothing, outputs-only keys aside", () => {
    const olds = outputsOf(AUTOMATIC_INPUTS);
    expect(planScheduleDiff(olds, { ...AUTOMATIC_INPUTS, __provider: olds.__provider })).toEqual({
      changes: false,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(planScheduleDiff(outputsOf(ON_DEMAND_INPUTS), ON_DEMAND_INPUTS).changes).toBe(false);
  });
  test("a different status, scheduleId or timestamps in the old outputs is not a change", () => {
    const olds = { ...outputsOf(AUTOMATIC_INPUTS), status: "Running", updated: "1718000000000" };
    expect(changedInputFields(olds, AUTOMATIC_INPUTS)).toEqual([]);
  });
});

describe("updatable fields change in place on an automatic schedule", () => {
  test.each(UPDATABLE_FIELDS.map((field) => [field]))("%s", (field) => {
    const news = { ...AUTOMATIC_INPUTS, [field]: CHANGED_VALUES[field] };
    expect(planScheduleDiff(outputsOf(AUTOMATIC_INPUTS), news)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    expect(changedInputFields(outputsOf(AUTOMATIC_INPUTS), news)).toEqual([field]);
  });
  test("clearing an optional updatable field is an update", () => {
    const news: Record<string, unknown> = { ...AUTOMATIC_INPUTS };
    delete news.schedule;
    delete news.additionalFilters;
    const plan = planScheduleDiff(outputsOf(AUTOMATIC_INPUTS), news);
    expect(plan).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(changedInputFields(outputsOf(AUTOMATIC_INPUTS), news)).toEqual(["schedule", "additionalFilters"]);
  });
  test("a change of one member of additionalFilters is an update", () => {
    const news = { ...AUTOMATIC_INPUTS, additionalFilters: { numberOfTags: 5 } };
    expect(planScheduleDiff(outputsOf(AUTOMATIC_INPUTS), news).replaces).toEqual([]);
    expect(changedInputFields(outputsOf(AUTOMATIC_INPUTS), news)).toEqual(["additionalFilters"]);
  });
});

describe("registryId, onDemand, repo, tag, repositories and days force a new schedule", () => {
  test.each(REPLACE_FIELDS.map((field) => [field]))("%s", (field) => {
    const news = { ...AUTOMATIC_INPUTS, [field]: CHANGED_VALUES[field] };
    expect(planScheduleDiff(outputsOf(AUTOMATIC_INPUTS), news)).toEqual({
      changes: true,
      replaces: [field],
      deleteBeforeReplace: false,
    });
  });
  test("adding or removing a repository, or reordering the list, replaces", () => {
    const olds = outputsOf(AUTOMATIC_INPUTS);
    expect(
      planScheduleDiff(olds, { ...AUTOMATIC_INPUTS, repo: ["team/api", "team/worker", "team/web"] }).replaces,
    ).toEqual(["repo"]);
    expect(
      planScheduleDiff(olds, { ...AUTOMATIC_INPUTS, repo: ["team/worker", "team/api"] }).replaces,
    ).toEqual(["repo"]);
  });
  test("a tag per repository changed, added or reordered replaces; members written in another order do not", () => {
    const inputs = { ...AUTOMATIC_INPUTS, repo: undefined, tag: undefined };
    const declared = {
      ...inputs,
      repositories: [{ repo: "team/api", tag: "v1" }, { repo: "team/worker" }],
    };
    const olds = outputsOf(declared);
    const plan = (repositories: unknown) => planScheduleDiff(olds, { ...inputs, repositories });
    expect(plan([{ repo: "team/api", tag: "v2" }, { repo: "team/worker" }]).replaces).toEqual([
      "repositories",
    ]);
    expect(
      plan([
        { repo: "team/api", tag: "v1" },
        { repo: "team/worker", tag: ".*" },
      ]).replaces,
    ).toEqual(["repositories"]);
    expect(plan([{ repo: "team/worker" }, { repo: "team/api", tag: "v1" }]).replaces).toEqual([
      "repositories",
    ]);
    expect(plan([{ tag: "v1", repo: "team/api" }, { repo: "team/worker" }]).changes).toBe(false);
  });
  test("pendingRepositories alone is an update that calls no API (a local input)", () => {
    const olds = outputsOf(AUTOMATIC_INPUTS);
    const plan = planScheduleDiff(olds, { ...AUTOMATIC_INPUTS, pendingRepositories: ["team/api"] });
    expect(plan).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
  });
  test("clearing tag or days replaces", () => {
    const news: Record<string, unknown> = { ...AUTOMATIC_INPUTS };
    delete news.tag;
    delete news.days;
    expect(planScheduleDiff(outputsOf(AUTOMATIC_INPUTS), news).replaces).toEqual(["tag", "days"]);
  });
  test("replaces lists exactly the changed replace fields, beside in-place changes", () => {
    const news = { ...AUTOMATIC_INPUTS, name: "renamed", days: 90, repo: ["team/api"], schedule: "08:00" };
    expect(planScheduleDiff(outputsOf(AUTOMATIC_INPUTS), news)).toEqual({
      changes: true,
      replaces: ["repo", "days"],
      deleteBeforeReplace: false,
    });
  });
  test("the new schedule is created before the old one is deleted", () => {
    const news = { ...AUTOMATIC_INPUTS, registryId: "reg-2" };
    expect(planScheduleDiff(outputsOf(AUTOMATIC_INPUTS), news).deleteBeforeReplace).toBe(false);
  });
});

describe("every change to an on-demand schedule replaces it", () => {
  test.each([
    ["name", "renamed"],
    ["forceScan", true],
    ["repo", ["team/worker"]],
    ["tag", ".*"],
    ["days", 90],
    ["registryId", "reg-2"],
  ])("%s", (field, value) => {
    const news = { ...ON_DEMAND_INPUTS, [field]: value };
    expect(planScheduleDiff(outputsOf(ON_DEMAND_INPUTS), news)).toEqual({
      changes: true,
      replaces: [field],
      deleteBeforeReplace: false,
    });
  });
  test("turning it into an automatic schedule replaces every changed field", () => {
    const news = { ...ON_DEMAND_INPUTS, onDemand: false, scheduleScanIntervalInDays: 1, schedule: "19:30" };
    expect(planScheduleDiff(outputsOf(ON_DEMAND_INPUTS), news).replaces).toEqual([
      "onDemand",
      "scheduleScanIntervalInDays",
      "schedule",
    ]);
  });
  test("turning an automatic schedule into an on-demand one replaces onDemand (and only lists replace fields)", () => {
    const news = {
      ...ON_DEMAND_INPUTS,
      registryId: "reg-1",
      name: "nightly-api",
      repo: AUTOMATIC_INPUTS.repo,
    };
    const plan = planScheduleDiff(outputsOf(AUTOMATIC_INPUTS), news);
    expect(plan.changes).toBe(true);
    expect(plan.replaces).toEqual(["onDemand", "tag", "days"]);
  });
});

describe("values written differently but meaning the same are not changes", () => {
  test("a single repo string and a list of one", () => {
    const olds = outputsOf({ ...AUTOMATIC_INPUTS, repo: ["team/api"] });
    expect(changedInputFields(olds, { ...AUTOMATIC_INPUTS, repo: "team/api" })).toEqual([]);
  });
  test("absent, null and undefined", () => {
    const olds = outputsOf({ ...AUTOMATIC_INPUTS, tag: null, days: undefined, additionalFilters: null });
    const news: Record<string, unknown> = { ...AUTOMATIC_INPUTS };
    delete news.tag;
    delete news.days;
    delete news.additionalFilters;
    expect(changedInputFields(olds, news)).toEqual([]);
  });
  test("a defaulted onDemand or forceScan left out of old state", () => {
    const olds = outputsOf({ ...AUTOMATIC_INPUTS, forceScan: false });
    delete olds.onDemand;
    delete olds.forceScan;
    expect(changedInputFields(olds, { ...AUTOMATIC_INPUTS, forceScan: false })).toEqual([]);
  });
  test("weekDay in another case", () => {
    expect(
      changedInputFields(outputsOf(AUTOMATIC_INPUTS), { ...AUTOMATIC_INPUTS, weekDay: "thursday" }),
    ).toEqual([]);
  });
  test("additionalFilters with no member set, and members in another key order", () => {
    const olds = outputsOf({ ...AUTOMATIC_INPUTS, additionalFilters: { numberOfTags: null } });
    const news: Record<string, unknown> = { ...AUTOMATIC_INPUTS };
    delete news.additionalFilters;
    expect(changedInputFields(olds, news)).toEqual([]);
    const reordered = {
      ...AUTOMATIC_INPUTS,
      additionalFilters: { sortCriteria: "createdDate", numberOfTags: 5 },
    };
    expect(changedInputFields(outputsOf(AUTOMATIC_INPUTS), reordered)).toEqual([]);
  });
  test("raw inputs after check compare equal to the stored canonical ones", () => {
    const raw = { ...AUTOMATIC_INPUTS, repo: ["team/api", "team/worker"], weekDay: "Thursday", tag: ".*" };
    const { inputs, failures } = checkScheduleInputs(raw);
    expect(failures).toEqual([]);
    expect(planScheduleDiff(outputsOf(AUTOMATIC_INPUTS), inputs).changes).toBe(false);
  });
});

describe("unknown new values count as changes", () => {
  test("an unknown updatable field is an update", () => {
    const news = { ...AUTOMATIC_INPUTS, name: UNKNOWN };
    expect(planScheduleDiff(outputsOf(AUTOMATIC_INPUTS), news)).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
  });
  test("an unknown replace field replaces", () => {
    const news = { ...AUTOMATIC_INPUTS, registryId: UNKNOWN };
    expect(planScheduleDiff(outputsOf(AUTOMATIC_INPUTS), news).replaces).toEqual(["registryId"]);
  });
  test("an unknown element of repo, or member of additionalFilters, is a change", () => {
    const olds = outputsOf(AUTOMATIC_INPUTS);
    expect(planScheduleDiff(olds, { ...AUTOMATIC_INPUTS, repo: ["team/api", UNKNOWN] }).replaces).toEqual([
      "repo",
    ]);
    const filters = {
      ...AUTOMATIC_INPUTS,
      additionalFilters: { numberOfTags: UNKNOWN, sortCriteria: "createdDate" },
    };
    expect(changedInputFields(olds, filters)).toEqual(["additionalFilters"]);
  });
  test("an unknown field on an on-demand schedule replaces", () => {
    const news = { ...ON_DEMAND_INPUTS, name: UNKNOWN };
    expect(planScheduleDiff(outputsOf(ON_DEMAND_INPUTS), news).replaces).toEqual(["name"]);
  });
});

describe("a changed stored provider with unchanged inputs", () => {
  const olds = {
    registryId: "r",
    name: "n",
    onDemand: false,
    repo: ["a"],
    forceScan: false,
    scheduleScanIntervalInDays: 7,
    weekDay: "MONDAY",
    scheduleId: "s",
    __provider: "old",
  };
  const news = {
    registryId: "r",
    name: "n",
    onDemand: false,
    repo: ["a"],
    forceScan: false,
    scheduleScanIntervalInDays: 7,
    weekDay: "MONDAY",
    __provider: "new",
  };

  test("is a change without replacement", () => {
    expect(planScheduleDiff(olds, news)).toEqual({ changes: true, replaces: [], deleteBeforeReplace: false });
    expect(providerOnlyChange(olds, news)).toBe(true);
  });

  test("is not a provider-only change when an input changed too", () => {
    expect(providerOnlyChange(olds, { ...news, name: "m" })).toBe(false);
  });

  test("is no change when the stored provider is the same", () => {
    expect(planScheduleDiff(olds, { ...news, __provider: "old" }).changes).toBe(false);
  });
});
