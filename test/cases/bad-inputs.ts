/**
 * The shared table of inputs that `check` must reject (and a few it must accept), used by the unit
 * tests of `check` and by the end-to-end test that runs each case through `pulumi preview`.
 *
 * Every case's `args` are merged over `VALID_BASE_ARGS` (plus a `registryId` and a `name` that the
 * test supplies, unless the case sets them). Every `args` is JSON-serializable, so a case removes a
 * base key by setting it to `null` ("not set" for `check`), never `undefined` (JSON drops it).
 * Values JSON cannot carry (NaN, Infinity, -0, lone surrogates…) are tested in the unit tests only,
 * and so are keys that are not properties of the resource (the resource class passes only its own
 * properties to the engine, so such a key never reaches `check` from a program).
 */

/** One rejected input: exactly `property` fails, and its reason includes every word of `reasonIncludes`. */
export interface BadInputCase {
  title: string;
  args: Record<string, unknown>;
  property: string;
  reasonIncludes: string[];
}

/** One accepted input and the canonical inputs `check` returns for it (without registryId and name). */
export interface GoodInputCase {
  title: string;
  args: Record<string, unknown>;
  canonical: Record<string, unknown>;
}

/** A valid daily schedule, without `registryId` and `name` (the tests supply those). */
export const VALID_BASE_ARGS: Record<string, unknown> = {
  repo: ["team/api"],
  scheduleScanIntervalInDays: 1,
  schedule: "19:30",
};

/** Merges a case's args over the base; a key set to `undefined` removes the base value. */
export function argsOf(args: Record<string, unknown>, base: Record<string, unknown> = VALID_BASE_ARGS) {
  const merged: Record<string, unknown> = { ...base, ...args };
  for (const key of Object.keys(merged)) if (merged[key] === undefined) delete merged[key];
  return merged;
}

const WEEKLY = { scheduleScanIntervalInDays: 7, weekDay: "MONDAY", schedule: null };
const ON_DEMAND = { onDemand: true, scheduleScanIntervalInDays: null, schedule: null };

export const BAD_INPUTS: BadInputCase[] = [
  // registryId
  {
    title: "registryId empty",
    args: { registryId: "" },
    property: "registryId",
    reasonIncludes: ["registryId", "empty", '""'],
  },
  {
    title: "registryId a number",
    args: { registryId: 12345 },
    property: "registryId",
    reasonIncludes: ["registryId", "must be a string", "12345"],
  },
  {
    title: "registryId with a slash",
    args: { registryId: "reg/1" },
    property: "registryId",
    reasonIncludes: ["registryId", '"/"', '"reg/1"'],
  },
  // name
  { title: "name empty", args: { name: "" }, property: "name", reasonIncludes: ["name", "empty", '""'] },
  {
    title: "name only spaces",
    args: { name: "   " },
    property: "name",
    reasonIncludes: ["name", "only spaces"],
  },
  {
    title: "name of 256 characters",
    args: { name: "n".repeat(256) },
    property: "name",
    reasonIncludes: ["name", "at most 255 characters", "got 256 characters"],
  },
  {
    title: "name of 20000 characters",
    args: { name: "x".repeat(20000) },
    property: "name",
    reasonIncludes: ["name", "at most 255 characters", "got 20000 characters"],
  },
  {
    title: "name with a newline",
    args: { name: "nightly\nprod" },
    property: "name",
    reasonIncludes: ["name", "control characters", "U+000A", '"nightly\\nprod"'],
  },
  {
    title: "name an object",
    args: { name: { first: "nightly" } },
    property: "name",
    reasonIncludes: ["name", "must be a string", '{"first":"nightly"}'],
  },
  // onDemand
  {
    title: 'onDemand as the string "true"',
    args: { onDemand: "true" },
    property: "onDemand",
    reasonIncludes: ["onDemand", "true or false", '"true"', "without quotes"],
  },
  {
    title: "onDemand a number",
    args: { onDemand: 1 },
    property: "onDemand",
    reasonIncludes: ["onDemand", "true or false", "got 1"],
  },
  // repo
  {
    title: "repo an empty list",
    args: { repo: [] },
    property: "repo",
    reasonIncludes: ["repo", "at least one repository", "empty list"],
  },
  {
    title: "repo an empty name",
    args: { repo: [""] },
    property: "repo",
    reasonIncludes: ["repo[0]", "empty", '""'],
  },
  {
    title: "repo an empty string",
    args: { repo: "" },
    property: "repo",
    reasonIncludes: ["repo", "empty", '""'],
  },
  {
    title: "repo lists a repository twice",
    args: { repo: ["team/api", "team/worker", "team/api"] },
    property: "repo",
    reasonIncludes: ["repo", "twice", '"team/api"', "2 times"],
  },
  {
    title: "repo a nested list",
    args: { repo: [["team/api"]] },
    property: "repo",
    reasonIncludes: ["repo[0]", "must be a repository name", '["team/api"]'],
  },
  {
    title: "repo with an object element",
    args: { repo: ["team/api", { repo: "team/worker" }] },
    property: "repo",
    reasonIncludes: ["repo[1]", "must be a repository name", '{"repo":"team/worker"}'],
  },
  {
    title: "repo a number",
    args: { repo: 42 },
    property: "repo",
    reasonIncludes: ["repo", "a repository name or a list", "got 42"],
  },
  {
    title: "repo with a NUL character",
    args: { repo: ["team/api\u0000"] },
    property: "repo",
    reasonIncludes: ["repo[0]", "control characters", "U+0000"],
  },
  {
    title: "repo with a trailing space",
    args: { repo: ["team/api "] },
    property: "repo",
    reasonIncludes: ["repo[0]", "start or end with spaces", '"team/api "'],
  },
  // tag
  {
    title: "tag empty",
    args: { tag: "" },
    property: "tag",
    reasonIncludes: ["tag", "empty", "leave tag out"],
  },
  {
    title: "tag with a tab",
    args: { tag: "v1\tv2" },
    property: "tag",
    reasonIncludes: ["tag", "control characters", "U+0009"],
  },
  {
    title: "tag a number",
    args: { tag: 5 },
    property: "tag",
    reasonIncludes: ["tag", "must be a string", "got 5"],
  },
  {
    title: "tag a list",
    args: { tag: ["v1", "v2"] },
    property: "tag",
    reasonIncludes: ["tag", "must be a string", '["v1","v2"]'],
  },
  {
    title: "tag an invalid regular expression",
    args: { tag: "v1,(rc" },
    property: "tag",
    reasonIncludes: ["tag", '"(rc"', "not a valid regular expression"],
  },
  {
    title: "tag with an empty item between commas",
    args: { tag: "v1,,v2" },
    property: "tag",
    reasonIncludes: ["tag", "empty item", '"v1,,v2"'],
  },
  {
    title: "tag with repositories",
    args: { repo: null, tag: "v1", repositories: [{ repo: "team/api" }] },
    property: "tag",
    reasonIncludes: ["tag is not allowed with repositories", '"v1"', "move it into the repositories"],
  },
  // repositories
  {
    title: "repositories together with repo",
    args: { repositories: [{ repo: "team/worker", tag: "v1" }] },
    property: "repositories",
    reasonIncludes: ["exactly one of repo and repositories", "got both"],
  },
  {
    title: "repositories an empty list",
    args: { repo: null, repositories: [] },
    property: "repositories",
    reasonIncludes: ["repositories", "at least one entry", "empty list"],
  },
  {
    title: "repositories entry without repo",
    args: { repo: null, repositories: [{ repo: "team/api" }, { tag: "v1" }] },
    property: "repositories",
    reasonIncludes: ["repositories[1].repo is required"],
  },
  {
    title: "repositories lists a repository twice",
    args: {
      repo: null,
      repositories: [
        { repo: "team/api", tag: "v1" },
        { repo: "team/api", tag: "v2" },
      ],
    },
    property: "repositories",
    reasonIncludes: ["must not list a repository twice", '"team/api"', "2 times"],
  },
  {
    title: "repositories entry with an unknown member",
    args: { repo: null, repositories: [{ repo: "team/api", tags: "v1" }] },
    property: "repositories",
    reasonIncludes: ["repositories[0].tags is not a property of repositories[0]", "repo and tag"],
  },
  {
    title: "repositories entry with an invalid tag pattern",
    args: { repo: null, repositories: [{ repo: "team/api", tag: "[v1" }] },
    property: "repositories",
    reasonIncludes: ["repositories[0].tag", '"[v1"', "not a valid regular expression"],
  },
  {
    title: "repositories a string",
    args: { repo: null, repositories: "team/api" },
    property: "repositories",
    reasonIncludes: ["repositories must be a list of objects", '"team/api"'],
  },
  // pendingRepositories
  {
    title: "pendingRepositories names a repository the schedule does not select",
    args: { pendingRepositories: ["team/web"] },
    property: "pendingRepositories",
    reasonIncludes: ["pendingRepositories must only name repositories of this schedule", '"team/web"'],
  },
  {
    title: "pendingRepositories an empty list",
    args: { pendingRepositories: [] },
    property: "pendingRepositories",
    reasonIncludes: ["pendingRepositories", "at least one repository", "empty list"],
  },
  // days
  {
    title: "days 10",
    args: { days: 10 },
    property: "days",
    reasonIncludes: ["days", "1, 2, 3, 4, 5, 6, 7, 14 or 90", "got 10"],
  },
  { title: "days 0", args: { days: 0 }, property: "days", reasonIncludes: ["days", "14 or 90", "got 0"] },
  { title: "days 30", args: { days: 30 }, property: "days", reasonIncludes: ["days", "14 or 90", "got 30"] },
  {
    title: "days negative",
    args: { days: -7 },
    property: "days",
    reasonIncludes: ["days", "14 or 90", "got -7"],
  },
  {
    title: "days a float",
    args: { days: 7.5 },
    property: "days",
    reasonIncludes: ["days", "14 or 90", "got 7.5"],
  },
  {
    title: 'days as the string "7"',
    args: { days: "7" },
    property: "days",
    reasonIncludes: ["days", "14 or 90", '"7"', "without quotes"],
  },
  // scheduleScanIntervalInDays
  {
    title: "interval 0",
    args: { scheduleScanIntervalInDays: 0, schedule: null },
    property: "scheduleScanIntervalInDays",
    reasonIncludes: ["scheduleScanIntervalInDays", "from 1 to 365", "got 0"],
  },
  {
    title: "interval 366",
    args: { scheduleScanIntervalInDays: 366, schedule: null },
    property: "scheduleScanIntervalInDays",
    reasonIncludes: ["scheduleScanIntervalInDays", "from 1 to 365", "got 366"],
  },
  {
    title: "interval a float",
    args: { scheduleScanIntervalInDays: 1.5 },
    property: "scheduleScanIntervalInDays",
    reasonIncludes: ["scheduleScanIntervalInDays", "whole number", "got 1.5"],
  },
  {
    title: 'interval as the string "1"',
    args: { scheduleScanIntervalInDays: "1" },
    property: "scheduleScanIntervalInDays",
    reasonIncludes: ["scheduleScanIntervalInDays", "whole number", '"1"', "without quotes"],
  },
  {
    title: "interval missing on an automatic schedule",
    args: { scheduleScanIntervalInDays: null, schedule: null },
    property: "scheduleScanIntervalInDays",
    reasonIncludes: ["scheduleScanIntervalInDays", "required", "automatic", "onDemand is false"],
  },
  {
    title: "interval given for an on-demand schedule",
    args: { onDemand: true, schedule: null },
    property: "scheduleScanIntervalInDays",
    reasonIncludes: ["scheduleScanIntervalInDays", "not allowed", "onDemand is true", "got 1"],
  },
  // weekDay
  {
    title: "weekly without weekDay",
    args: { ...WEEKLY, weekDay: null },
    property: "weekDay",
    reasonIncludes: ["weekDay is required when scheduleScanIntervalInDays is 7", "MONDAY", "SUNDAY"],
  },
  {
    title: "weekDay on a daily schedule",
    args: { weekDay: "MONDAY" },
    property: "weekDay",
    reasonIncludes: [
      "weekDay",
      "only allowed when scheduleScanIntervalInDays is 7",
      '"MONDAY"',
      "scheduleScanIntervalInDays 1",
    ],
  },
  {
    title: "weekDay not a day",
    args: { ...WEEKLY, weekDay: "FUNDAY" },
    property: "weekDay",
    reasonIncludes: ["weekDay", "MONDAY", "SUNDAY", '"FUNDAY"'],
  },
  {
    title: "weekDay abbreviated",
    args: { ...WEEKLY, weekDay: "Mon" },
    property: "weekDay",
    reasonIncludes: ["weekDay", "must be one of", '"Mon"'],
  },
  {
    title: "weekDay a number",
    args: { ...WEEKLY, weekDay: 1 },
    property: "weekDay",
    reasonIncludes: ["weekDay", "must be a string", "got 1"],
  },
  {
    title: "weekDay on an on-demand schedule",
    args: { ...ON_DEMAND, weekDay: "FRIDAY" },
    property: "weekDay",
    reasonIncludes: ["weekDay", "not allowed when onDemand is true", '"FRIDAY"'],
  },
  // schedule
  {
    title: "daily without schedule",
    args: { schedule: null },
    property: "schedule",
    reasonIncludes: ["schedule is required when scheduleScanIntervalInDays is 1", "HH:MM", "UTC"],
  },
  {
    title: "schedule 24:00",
    args: { schedule: "24:00" },
    property: "schedule",
    reasonIncludes: ["schedule", "HH:MM", "00:00 to 23:59", '"24:00"'],
  },
  {
    title: "schedule 12:60",
    args: { schedule: "12:60" },
    property: "schedule",
    reasonIncludes: ["schedule", "HH:MM", '"12:60"'],
  },
  {
    title: "schedule without a leading zero",
    args: { schedule: "7:30" },
    property: "schedule",
    reasonIncludes: ["schedule", "HH:MM", '"7:30"', '"07:30"'],
  },
  {
    title: "schedule with seconds",
    args: { schedule: "19:30:00" },
    property: "schedule",
    reasonIncludes: ["schedule", "HH:MM", '"19:30:00"'],
  },
  {
    title: "schedule a number",
    args: { schedule: 1930 },
    property: "schedule",
    reasonIncludes: ["schedule", "must be a string", "got 1930"],
  },
  {
    title: "schedule with a 3-day interval",
    args: { scheduleScanIntervalInDays: 3 },
    property: "schedule",
    reasonIncludes: [
      "schedule",
      "only allowed when scheduleScanIntervalInDays is 1",
      '"19:30"',
      "scheduleScanIntervalInDays 3",
    ],
  },
  {
    title: "schedule on an on-demand schedule",
    args: { ...ON_DEMAND, schedule: "06:00" },
    property: "schedule",
    reasonIncludes: ["schedule", "not allowed when onDemand is true", '"06:00"'],
  },
  // forceScan
  {
    title: "forceScan on a daily schedule",
    args: { forceScan: true },
    property: "forceScan",
    reasonIncludes: ["forceScan", "7 or more", "scheduleScanIntervalInDays 1"],
  },
  {
    title: "forceScan on a 6-day schedule",
    args: { scheduleScanIntervalInDays: 6, schedule: null, forceScan: true },
    property: "forceScan",
    reasonIncludes: ["forceScan", "7 or more", "scheduleScanIntervalInDays 6"],
  },
  {
    title: 'forceScan as the string "yes"',
    args: { forceScan: "yes" },
    property: "forceScan",
    reasonIncludes: ["forceScan", "true or false", '"yes"'],
  },
  // additionalFilters
  {
    title: "numberOfTags 0",
    args: { additionalFilters: { numberOfTags: 0 } },
    property: "additionalFilters",
    reasonIncludes: ["additionalFilters.numberOfTags", "whole number from 1", "got 0"],
  },
  {
    title: "numberOfTags a float",
    args: { additionalFilters: { numberOfTags: 2.5 } },
    property: "additionalFilters",
    reasonIncludes: ["additionalFilters.numberOfTags", "whole number", "got 2.5"],
  },
  {
    title: 'numberOfTags as the string "5"',
    args: { additionalFilters: { numberOfTags: "5" } },
    property: "additionalFilters",
    reasonIncludes: ["additionalFilters.numberOfTags", '"5"', "without quotes"],
  },
  {
    title: "sortCriteria not createdDate",
    args: { additionalFilters: { sortCriteria: "updatedDate" } },
    property: "additionalFilters",
    reasonIncludes: ["additionalFilters.sortCriteria", '"createdDate"', '"updatedDate"'],
  },
  {
    title: "additionalFilters a string",
    args: { additionalFilters: "createdDate" },
    property: "additionalFilters",
    reasonIncludes: ["additionalFilters", "must be an object", '"createdDate"'],
  },
  {
    title: "additionalFilters with a misspelt member",
    args: { additionalFilters: { numberOfTag: 5 } },
    property: "additionalFilters",
    reasonIncludes: ["additionalFilters.numberOfTag", "not a property", "numberOfTags and sortCriteria"],
  },
];

export const GOOD_INPUTS: GoodInputCase[] = [
  {
    title: "a tag per repository, members put in order, a pending repository",
    args: {
      repositories: [{ tag: "v1\\..*,latest", repo: "team/api" }, { repo: "team/worker" }],
      pendingRepositories: "team/worker",
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
    },
    canonical: {
      onDemand: false,
      repositories: [{ repo: "team/api", tag: "v1\\..*,latest" }, { repo: "team/worker" }],
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
      forceScan: false,
      pendingRepositories: ["team/worker"],
    },
  },
  {
    title: "daily",
    args: { repo: ["team/api"], scheduleScanIntervalInDays: 1, schedule: "19:30" },
    canonical: {
      onDemand: false,
      repo: ["team/api"],
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
      forceScan: false,
    },
  },
  {
    title: "weekly with weekDay in lower case",
    args: { repo: ["team/api", "team/worker"], scheduleScanIntervalInDays: 7, weekDay: "thursday" },
    canonical: {
      onDemand: false,
      repo: ["team/api", "team/worker"],
      scheduleScanIntervalInDays: 7,
      weekDay: "THURSDAY",
      forceScan: false,
    },
  },
  {
    title: "weekly with schedule and forceScan",
    args: {
      repo: ["team/api"],
      scheduleScanIntervalInDays: 7,
      weekDay: "Monday",
      schedule: "06:55",
      forceScan: true,
    },
    canonical: {
      onDemand: false,
      repo: ["team/api"],
      scheduleScanIntervalInDays: 7,
      weekDay: "MONDAY",
      schedule: "06:55",
      forceScan: true,
    },
  },
  {
    title: "on-demand with forceScan",
    args: { onDemand: true, repo: ["team/api"], forceScan: true },
    canonical: { onDemand: true, repo: ["team/api"], forceScan: true },
  },
  {
    title: "a single repo as a string",
    args: { repo: "team/api", scheduleScanIntervalInDays: 1, schedule: "00:00" },
    canonical: {
      onDemand: false,
      repo: ["team/api"],
      scheduleScanIntervalInDays: 1,
      schedule: "00:00",
      forceScan: false,
    },
  },
  {
    title: "tag pattern .* and days 7",
    args: { repo: ["team/api"], tag: ".*", days: 7, scheduleScanIntervalInDays: 1, schedule: "23:59" },
    canonical: {
      onDemand: false,
      repo: ["team/api"],
      tag: ".*",
      days: 7,
      scheduleScanIntervalInDays: 1,
      schedule: "23:59",
      forceScan: false,
    },
  },
  {
    title: "days 90, comma-separated tags and a monthly interval",
    args: {
      repo: ["team/api"],
      tag: "latest,v1.2",
      days: 90,
      scheduleScanIntervalInDays: 30,
      forceScan: true,
    },
    canonical: {
      onDemand: false,
      repo: ["team/api"],
      tag: "latest,v1.2",
      days: 90,
      scheduleScanIntervalInDays: 30,
      forceScan: true,
    },
  },
  {
    title: "additionalFilters",
    args: {
      repo: ["team/api"],
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
      additionalFilters: { numberOfTags: 5, sortCriteria: "createdDate" },
    },
    canonical: {
      onDemand: false,
      repo: ["team/api"],
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
      forceScan: false,
      additionalFilters: { numberOfTags: 5, sortCriteria: "createdDate" },
    },
  },
  {
    title: "additionalFilters with no member set is left out",
    args: {
      repo: ["team/api"],
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
      additionalFilters: { numberOfTags: null },
    },
    canonical: {
      onDemand: false,
      repo: ["team/api"],
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
      forceScan: false,
    },
  },
  {
    title: "null optional fields and explicit defaults",
    args: {
      onDemand: false,
      repo: ["team/api"],
      tag: null,
      days: null,
      scheduleScanIntervalInDays: 365,
      weekDay: null,
      schedule: null,
      forceScan: false,
      additionalFilters: null,
    },
    canonical: { onDemand: false, repo: ["team/api"], scheduleScanIntervalInDays: 365, forceScan: false },
  },
  {
    title: "unicode repository and tag",
    args: { repo: ["équipe/アプリ"], tag: "версия-1🌙", onDemand: true },
    canonical: { onDemand: true, repo: ["équipe/アプリ"], tag: "версия-1🌙", forceScan: false },
  },
];
