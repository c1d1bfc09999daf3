/**
 * The property table of `RegistryScanSchedule`: one declaration per property (type, required or
 * default, update or replace, description, validator). `check`, `diff`, the stored-output split, the
 * resource's unset listing, the import command's code and the README table derive from it; the args
 * type and outputs in `schedule/resource.ts` are checked against it (docs/architecture.md). Cross-field rules live beside it in `schedule/rules.ts`; the wire
 * mapping in `schedule/wire.ts`. The rules follow docs/qualys-contract.md, "Schedule rules".
 */
import { defineResource, enumType, tsType } from "../core/properties";
import { describeValue } from "../core/describe-value";
import { isUnknown } from "../core/values";
import { all, boolean, noOuterSpaces, notBlank, text, wholeNumber, type Validator } from "../core/validators";
import { SORT_CRITERIA, WEEK_DAYS, type AdditionalFilters, type RepositorySelection } from "./value-sets";

/** Values `days` accepts: Qualys documents 1–7 and 14, and its own 2025 sample sends 90. */
export const ALLOWED_DAYS: readonly number[] = Object.freeze([1, 2, 3, 4, 5, 6, 7, 14, 90]);
/** Longest `name` accepted, in UTF-16 code units (as Java counts a string's length; an inference). */
export const MAX_NAME_LENGTH = 255;
/** Range of `scheduleScanIntervalInDays`. */
export const MIN_INTERVAL_DAYS = 1;
export const MAX_INTERVAL_DAYS = 365;
/** Largest `additionalFilters.numberOfTags` accepted: the largest 32-bit signed integer (an inference). */
export const MAX_NUMBER_OF_TAGS = 2147483647;
/** The week days as failure messages list them. */
export const WEEK_DAYS_TEXT = "MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY";
const DAYS_TEXT = "1, 2, 3, 4, 5, 6, 7, 14 or 90";

const repoName = text(all(notBlank('give the repository name, e.g. "team/api"'), noOuterSpaces()));

/**
 * A tag selector as Qualys takes it (docs/qualys-contract.md §5, "Tag selectors"): comma-separated
 * items, each a tag or a regular expression over tags (`.*`, `v1\..*`); no empty item, and each item
 * must compile as a regular expression (the simulator answers 400 on the same).
 */
const tagSelector = text(
  all(
    notBlank('give comma-separated tags or a tag pattern such as ".*", or leave tag out for all tags'),
    (value, label, addIssue) => {
      if (value.trim() === "") return;
      value.split(",").forEach((item, i) => {
        if (item.trim() === "") {
          addIssue(
            `${label} must not have an empty item between commas; got ${describeValue(value)} (item ${i + 1} ` +
              `is empty): write tags or patterns separated by single commas, e.g. "latest,v1\\..*"`,
          );
          return;
        }
        try {
          new RegExp(`^(?:${item.trim()})$`, "u");
        } catch (err) {
          addIssue(
            `${label} item ${describeValue(item.trim())} is not a valid regular expression (each comma-separated ` +
              `item is matched against tags as one): ${err instanceof Error ? err.message.replace(/^Invalid regular expression: /, "") : String(err)}`,
          );
        }
      });
    },
  ),
);

/** One repository name, or a non-empty list of distinct names (unknown members are skipped). */
const repoList: Validator = (raw, label) => {
  if (typeof raw === "string") return repoName(raw, label);
  if (!Array.isArray(raw)) {
    return [
      `${label} must be a repository name or a list of them, e.g. ["team/api"]; got ${describeValue(raw)}`,
    ];
  }
  if (raw.length === 0)
    return [`${label} must list at least one repository, e.g. ["team/api"]; got an empty list`];
  const reasons: string[] = [];
  const seen = new Map<string, number>();
  raw.forEach((element: unknown, i) => {
    if (isUnknown(element)) return;
    if (typeof element !== "string") {
      reasons.push(`${label}[${i}] must be a repository name (a string); got ${describeValue(element)}`);
      return;
    }
    reasons.push(...repoName(element, `${label}[${i}]`));
    seen.set(element, (seen.get(element) ?? 0) + 1);
  });
  for (const [repository, count] of seen) {
    if (count > 1) {
      reasons.push(
        `${label} must not list a repository twice; got ${describeValue(repository)} ${count} times: list it once`,
      );
    }
  }
  return reasons;
};

/** One name becomes a list of one; a list is copied. */
const asList = (value: unknown): unknown =>
  typeof value === "string" ? [value] : Array.isArray(value) ? [...(value as unknown[])] : value;

/** The `RegistryScanSchedule` resource and its properties, inputs first, in canonical order. */
export const SCHEDULE = defineResource({
  typeName: "RegistryScanSchedule",
  folder: "schedule",
  runtimeSubpath: "provider-runtime/v1",
  description:
    "A Qualys Container Security registry scan schedule. Validated in full at preview, before any API call; " +
    "any change to an on-demand schedule replaces it. The resource ID is `<registryId>/<scheduleId>`.",
  properties: {
    registryId: {
      kind: "input",
      description:
        "The Qualys registry ID (a UUID) whose repositories are scanned; one path segment, so no `/`.",
      type: tsType<string>("string"),
      presence: "required",
      requiredHint: "set it to the ID of the Qualys registry that holds the repositories",
      change: "replace",
      validate: text(
        all(
          notBlank("set it to the ID of the Qualys registry that holds the repositories"),
          noOuterSpaces(),
          (value, label, addIssue) => {
            if (value.includes("/")) {
              addIssue(`${label} must not contain "/" (it is one path segment); got ${describeValue(value)}`);
            }
          },
        ),
      ),
    },
    name: {
      kind: "input",
      description:
        "The schedule's name in Qualys: non-empty, at most 255 characters (UTF-16 code units), no control characters.",
      type: tsType<string>("string"),
      presence: "resourceName",
      requiredHint: "give the schedule a name, or leave name out to use the resource name",
      change: "update",
      validate: text(
        all(
          notBlank("give the schedule a name, or leave name out to use the resource name"),
          (value, label, addIssue) => {
            // Counted in UTF-16 code units, as Java (and so, presumably, Qualys) counts a string's length.
            const length = value.length;
            if (length > MAX_NAME_LENGTH) {
              addIssue(
                `${label} must be at most ${MAX_NAME_LENGTH} characters long; got ${length} characters` +
                  (Array.from(value).length !== length
                    ? " (counted as UTF-16 code units: an emoji counts as 2)"
                    : "") +
                  `: ${JSON.stringify(Array.from(value).slice(0, 40).join("")).slice(0, -1)}…"`,
              );
            }
          },
        ),
      ),
    },
    onDemand: {
      kind: "input",
      description:
        "`true` for a one-off (on-demand) scan, `false` for a recurring (automatic) schedule. Qualys cannot " +
        'update on-demand schedules: any change to one replaces it. (Qualys\'s docs say both "mandatory" and ' +
        '"default true"; a declared schedule is recurring unless asked otherwise.)',
      type: tsType<boolean>("boolean"),
      presence: { default: false },
      change: "replace",
      validate: boolean(),
    },
    repo: {
      kind: "input",
      description:
        "One repository name or a list of them; non-empty, no duplicates. A single name becomes a list. " +
        "Give exactly one of `repo` (with `tag` for all of them) and `repositories` (a tag per repository).",
      type: tsType<string[]>(
        "string[]",
        "pulumi.Input<string> | pulumi.Input<pulumi.Input<string>[]>",
        "string or string[]",
      ),
      presence: "optional",
      requiredHint: 'list one or more repository names, e.g. ["team/api"]',
      change: "replace",
      aliases: ["repos", "repository"],
      validate: repoList,
      canonical: asList,
    },
    tag: {
      kind: "input",
      description:
        "Tags to scan in every repository of `repo`: comma-separated tags or tag patterns (regular expressions " +
        "such as `.*`). Omit to scan all tags. Not allowed with `repositories`.",
      type: tsType<string>("string"),
      presence: "optional",
      change: "replace",
      aliases: ["tags"],
      validate: tagSelector,
    },
    repositories: {
      kind: "input",
      description:
        "The repositories to scan, each with its own tag selector: a non-empty list of `{ repo, tag }`, no " +
        "repository twice. Instead of `repo` and `tag` (give exactly one of `repo` and `repositories`).",
      type: tsType<RepositorySelection[]>(
        "RegistryScanScheduleRepository[]",
        "pulumi.Input<pulumi.Input<RegistryScanScheduleRepository>[]>",
        "object[]",
      ),
      presence: "optional",
      change: "replace",
      list: true,
      blockArgs: "RegistryScanScheduleRepository",
      aliases: ["repoTags"],
      example: '{ repo: "team/api", tag: "v1\\..*" }',
      fields: {
        repo: {
          description: "The repository name, e.g. `team/api`.",
          type: tsType<string>("string"),
          required: true,
          validate: repoName,
        },
        tag: {
          description:
            "Tags to scan in this repository: comma-separated tags or tag patterns (regular expressions such as " +
            "`.*`). Omit to scan all its tags.",
          type: tsType<string>("string"),
          validate: tagSelector,
        },
      },
    },
    days: {
      kind: "input",
      description:
        "Only images pushed in the last N days: 1–7, 14 or 90 (Qualys's docs say 1–7 and 14; its own 2025 " +
        "sample sends 90). Omit for no age filter.",
      type: tsType<number>("number"),
      presence: "optional",
      change: "replace",
      validate: wholeNumber(`one of ${DAYS_TEXT}`, (n) => ALLOWED_DAYS.includes(n)),
    },
    scheduleScanIntervalInDays: {
      kind: "input",
      description:
        "How often an automatic schedule runs, in days: an integer 1–365. Required for automatic schedules, " +
        "not allowed for on-demand ones.",
      type: tsType<number>("number"),
      presence: "optional",
      change: "update",
      aliases: ["scheduleIntervalInDays", "interval", "intervalInDays"],
      validate: wholeNumber(
        `a whole number of days from ${MIN_INTERVAL_DAYS} to ${MAX_INTERVAL_DAYS}`,
        (n) => n >= MIN_INTERVAL_DAYS && n <= MAX_INTERVAL_DAYS,
      ),
    },
    weekDay: {
      kind: "input",
      description:
        "The day a weekly schedule runs: `MONDAY` … `SUNDAY`, any case (stored upper case). Required when " +
        "`scheduleScanIntervalInDays` is 7, not allowed otherwise.",
      type: enumType(
        "WeekDay",
        WEEK_DAYS,
        "pulumi.Input<WeekDay | Lowercase<WeekDay> | Capitalize<Lowercase<WeekDay>>>",
        "string",
      ),
      presence: "optional",
      change: "update",
      aliases: ["day", "weekday"],
      validate: text((value, label, addIssue) => {
        if (!(WEEK_DAYS as readonly string[]).includes(value.toUpperCase())) {
          addIssue(`${label} must be one of ${WEEK_DAYS_TEXT} (any case); got ${describeValue(value)}`);
        }
      }),
      canonical: (value) => (typeof value === "string" ? value.toUpperCase() : value),
    },
    schedule: {
      kind: "input",
      description:
        "Start time, `HH:MM` in UTC (00:00–23:59). Required when `scheduleScanIntervalInDays` is 1, optional " +
        "when it is 7, not allowed otherwise (nor for on-demand schedules).",
      type: tsType<string>("string"),
      presence: "optional",
      change: "update",
      aliases: ["time"],
      validate: text((value, label, addIssue) => {
        if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
          const short = /^(\d):([0-5]\d)$/.exec(value);
          addIssue(
            `${label} must be a time of day "HH:MM" in UTC, from 00:00 to 23:59; got ${describeValue(value)}` +
              (short ? ` (write "0${short[1]}:${short[2]}")` : ""),
          );
        }
      }),
    },
    forceScan: {
      kind: "input",
      description:
        "Rescan images even when already scanned. Allowed for on-demand schedules, and for automatic ones only " +
        'when `scheduleScanIntervalInDays` is at least 7. Needs the Qualys subscription feature "Force Registry ' +
        'Image Scan" (Qualys refuses it otherwise).',
      type: tsType<boolean>("boolean"),
      presence: { default: false },
      change: "update",
      validate: boolean(),
    },
    additionalFilters: {
      kind: "input",
      description: "Extra filters on the tags of each repository.",
      type: tsType<AdditionalFilters>(
        "AdditionalFilters",
        "pulumi.Input<RegistryScanScheduleAdditionalFilters>",
        "object",
      ),
      blockArgs: "RegistryScanScheduleAdditionalFilters",
      presence: "optional",
      change: "update",
      aliases: ["filters"],
      example: '{ numberOfTags: 5, sortCriteria: "createdDate" }',
      fields: {
        numberOfTags: {
          description: "Scan at most this many tags of each repository: an integer, at least 1.",
          type: tsType<number>("number"),
          validate: wholeNumber(
            `a whole number from 1 to ${MAX_NUMBER_OF_TAGS}`,
            (n) => n >= 1 && n <= MAX_NUMBER_OF_TAGS,
          ),
        },
        sortCriteria: {
          description:
            "Which tags count as the newest: `createdDate` is the only value Qualys is known to accept.",
          type: enumType("SortCriteria", SORT_CRITERIA, undefined, "string"),
          validate: text((value, label, addIssue) => {
            if (value !== "createdDate") {
              addIssue(
                `${label} must be "createdDate" (the only value Qualys accepts); got ${describeValue(value)}`,
              );
            }
          }, '"createdDate" (a string)'),
        },
      },
    },
    pendingRepositories: {
      kind: "input",
      description:
        "Repositories of this schedule that the registry does not hold yet (to be pushed after the schedule is " +
        "created): the check against the registry's repository list accepts them. Kept in the stack only, " +
        "never sent to Qualys; changing it calls no API.",
      type: tsType<string[]>("string[]", "pulumi.Input<pulumi.Input<string>[]>"),
      presence: "optional",
      change: "update",
      local: true,
      aliases: ["newRepositories", "allowUnlisted"],
      validate: repoList,
      canonical: asList,
    },
    scheduleId: {
      kind: "output",
      description: "The Qualys schedule UUID.",
      type: tsType<string>("string"),
    },
    status: {
      kind: "output",
      description:
        "The schedule's Qualys status when last read (`Created`, `Queued`, `Running`, `Completed`, … any string). " +
        "Absent after the provider creates or updates the schedule, until the next read (`pulumi refresh`).",
      type: tsType<string>("string"),
      optional: true,
    },
    registryType: {
      kind: "output",
      description:
        "The registry's type as Qualys reports it (`AWS`, `DockerHub`, `V2`, …), read from the registry.",
      type: tsType<string>("string"),
    },
    created: {
      kind: "output",
      description:
        "When Qualys created the schedule (ISO time), if Qualys reports it. Absent after the provider creates " +
        "the schedule, until the next read (`pulumi refresh`).",
      type: tsType<string>("string"),
      optional: true,
    },
    updated: {
      kind: "output",
      description:
        "When Qualys last updated the schedule (ISO time), if Qualys reports it, as of the last read. Absent " +
        "after the provider creates or updates the schedule, until the next read (`pulumi refresh`).",
      type: tsType<string>("string"),
      optional: true,
    },
  },
});
