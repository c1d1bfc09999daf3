/**
 * Validation of `RegistryScanSchedule` inputs: the provider's `check`.
 *
 * Pure and local: no I/O, no clock, no network. Every rule of the contract's rules table is enforced
 * here, before any API call, and every failure names the top-level property, the rule, the value
 * and what would be valid. Values the engine does not know yet (during preview) are skipped, never
 * failed, and pass through unchanged. zod schemas are built inside functions, never at module level,
 * so nothing heavy is reachable from a serialized closure.
 */
import { z } from "zod";
import { ScheduleInputs, UNKNOWN, WEEK_DAYS } from "./types";

/** One broken rule, as the engine prints it: `property <property> value {…} has a problem: <reason>`. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** The resource's input properties, in the order canonical inputs list them. */
export const INPUT_PROPERTIES = [
  "registryId",
  "name",
  "onDemand",
  "repo",
  "tag",
  "days",
  "scheduleScanIntervalInDays",
  "weekDay",
  "schedule",
  "forceScan",
  "additionalFilters",
] as const;
/** One input property of the resource. */
export type InputProperty = (typeof INPUT_PROPERTIES)[number];

/** Members of `additionalFilters`. */
export const ADDITIONAL_FILTER_PROPERTIES = ["numberOfTags", "sortCriteria"] as const;

/** The input that carries the serialized provider; never validated, passed through untouched. */
export const PROVIDER_KEY = "__provider";

/** Outputs that Qualys assigns: the resource class declares them unset, and a user cannot set them. */
export const OUTPUT_ONLY_PROPERTIES = ["scheduleId", "status", "registryType", "created", "updated"] as const;

/** Values `days` accepts: [D] 1–7 and 14, [S] 90 (contract §8 item 5). */
export const ALLOWED_DAYS: readonly number[] = [1, 2, 3, 4, 5, 6, 7, 14, 90];
/** Longest `name` accepted, in UTF-16 code units (as Java counts a string's length) [I]. */
export const MAX_NAME_LENGTH = 255;
/** Range of `scheduleScanIntervalInDays`. */
export const MIN_INTERVAL_DAYS = 1;
export const MAX_INTERVAL_DAYS = 365;
/** Largest `additionalFilters.numberOfTags` accepted: the largest 32-bit signed integer [I]. */
export const MAX_NUMBER_OF_TAGS = 2147483647;

const RESOURCE_TYPE = "RegistryScanSchedule";
const DAYS_TEXT = "1, 2, 3, 4, 5, 6, 7, 14 or 90";
const WEEK_DAYS_TEXT = "MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY";
const DEFAULTS: Partial<Record<InputProperty, boolean>> = { onDemand: false, forceScan: false };
/** Names users may write by mistake, and the property they mean. */
const ALIASES: Record<string, InputProperty> = {
  scheduleIntervalInDays: "scheduleScanIntervalInDays",
  interval: "scheduleScanIntervalInDays",
  intervalInDays: "scheduleScanIntervalInDays",
  repos: "repo",
  repositories: "repo",
  repository: "repo",
  tags: "tag",
  scheduleId: "name",
  time: "schedule",
  day: "weekDay",
  weekday: "weekDay",
  filters: "additionalFilters",
};

// ---------------------------------------------------------------------------------------------------
// Small helpers shared with planning

/** True for the engine's placeholder of a value that is not known yet. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when a value is, or contains (in a list or an object), a value that is not known yet. */
export function containsUnknown(value: unknown, depth = 0): boolean {
  if (value === UNKNOWN) return true;
  if (depth > 64 || typeof value !== "object" || value === null) return false;
  const members: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return members.some((member) => containsUnknown(member, depth + 1));
}

/** `undefined` and `null` both mean "not set". */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** An object that is neither null nor a list (any prototype). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Sets a key as an own, enumerable property, even for keys such as `__proto__`. */
function put(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, member: unknown) =>
      typeof member === "bigint" ? `${member.toString()}n` : member,
    );
    return typeof text === "string" ? text : typeof value;
  } catch {
    return Array.isArray(value) ? "[…]" : "{…}";
  }
}

function clip(text: string, max = 80): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max).join("")}…`;
}

/** Describes a value for a failure message: strings quoted and escaped, long values shortened. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  switch (typeof value) {
    case "string": {
      const points = Array.from(value);
      if (points.length <= 60) return JSON.stringify(value);
      return `${JSON.stringify(points.slice(0, 40).join("")).slice(0, -1)}…" (${points.length} characters)`;
    }
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "boolean":
      return String(value);
    case "bigint":
      return `${value.toString()}n`;
    case "object":
      return Array.isArray(value)
        ? `the list ${clip(safeJson(value))}`
        : `the object ${clip(safeJson(value))}`;
    default:
      return `a ${typeof value}`;
  }
}

/** What a wrong-typed value is, with a hint when it looks like the right value in the wrong form. */
function wrongType(value: unknown, expected: "number" | "boolean" | "string"): string {
  const got = describeValue(value);
  if (typeof value === "string" && expected === "number" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    return `got ${got}, a string: write ${value.trim()} without quotes`;
  }
  if (typeof value === "string" && expected === "boolean" && /^(true|false)$/i.test(value.trim())) {
    return `got ${got}, a string: write ${value.trim().toLowerCase()} without quotes`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    return `got ${got}, which is not a finite number`;
  }
  return `got ${got}`;
}

/** Problems of a text value shared by every text property: control characters and broken Unicode. */
function textProblems(label: string, text: string): string[] {
  const problems: string[] = [];
  const control = /\p{Cc}/u.exec(text);
  if (control) {
    const code = control[0].codePointAt(0) ?? 0;
    problems.push(
      `${label} must not contain control characters (such as newline, tab or NUL); got ${describeValue(text)}, ` +
        `which has U+${code.toString(16).toUpperCase().padStart(4, "0")} at position ${control.index}`,
    );
  }
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (lone) {
    problems.push(
      `${label} must be valid Unicode text; got ${describeValue(text)}, which has an unpaired surrogate ` +
        `at position ${lone.index}`,
    );
  }
  return problems;
}

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
}

function suggestProperty(key: string): InputProperty | undefined {
  const alias = Object.prototype.hasOwnProperty.call(ALIASES, key) ? ALIASES[key] : undefined;
  if (alias) return alias;
  if (key.length > 64) return undefined;
  const lower = key.toLowerCase();
  let best: { name: InputProperty; score: number } | undefined;
  for (const name of INPUT_PROPERTIES) {
    const score = name.toLowerCase() === lower ? 0 : distance(lower, name.toLowerCase());
    if (score <= 2 && (!best || score < best.score)) best = { name, score };
  }
  return best?.name;
}

function unknownPropertyReason(key: string): string {
  const suggestion = suggestProperty(key);
  return (
    `${describeValue(key)} is not a property of ${RESOURCE_TYPE}; known properties are ` +
    `${INPUT_PROPERTIES.join(", ")}` +
    (suggestion ? ` (did you mean ${suggestion}?)` : "")
  );
}

// ---------------------------------------------------------------------------------------------------
// Field schemas (built per call: never at module level)

type Refine = (value: string, addIssue: (message: string) => void) => void;

function textSchema(label: string, rules: Refine, expected = "a string") {
  return z
    .string({ error: (issue) => `${label} must be ${expected}; ${wrongType(issue.input, "string")}` })
    .superRefine((value, ctx) => {
      const addIssue = (message: string) => ctx.addIssue({ code: "custom", message });
      rules(value, addIssue);
      for (const problem of textProblems(label, value)) addIssue(problem);
    });
}

function booleanSchema(label: string) {
  return z.boolean({
    error: (issue) => `${label} must be true or false; ${wrongType(issue.input, "boolean")}`,
  });
}

function wholeNumberSchema(label: string, expectation: string, inRange: (n: number) => boolean) {
  return z
    .number({ error: (issue) => `${label} must be ${expectation}; ${wrongType(issue.input, "number")}` })
    .superRefine((value, ctx) => {
      if (!Number.isInteger(value) || !inRange(value) || Object.is(value, -0)) {
        ctx.addIssue({
          code: "custom",
          message: `${label} must be ${expectation}; got ${describeValue(value)}`,
        });
      }
    });
}

function notBlank(label: string, what: string): Refine {
  return (value, addIssue) => {
    if (value.trim() === "") {
      addIssue(`${label} must not be empty or only spaces; got ${describeValue(value)}: ${what}`);
    }
  };
}

function noOuterSpaces(label: string): Refine {
  return (value, addIssue) => {
    if (value.trim() !== "" && value.trim() !== value) {
      addIssue(
        `${label} must not start or end with spaces; got ${describeValue(value)} (did you mean ` +
          `${describeValue(value.trim())}?)`,
      );
    }
  };
}

function all(...rules: Refine[]): Refine {
  return (value, addIssue) => rules.forEach((rule) => rule(value, addIssue));
}

function fieldSchemas() {
  const repoName = (label: string) =>
    textSchema(
      label,
      all(notBlank(label, 'give the repository name, e.g. "team/api"'), noOuterSpaces(label)),
    );
  return {
    registryId: textSchema(
      "registryId",
      all(
        notBlank("registryId", "set it to the ID of the Qualys registry that holds the repositories"),
        noOuterSpaces("registryId"),
        (value, addIssue) => {
          if (value.includes("/")) {
            addIssue(`registryId must not contain "/" (it is one path segment); got ${describeValue(value)}`);
          }
        },
      ),
    ),
    name: textSchema(
      "name",
      all(
        notBlank("name", "give the schedule a name, or leave name out to use the resource name"),
        (value, addIssue) => {
          // Counted in UTF-16 code units, as Java (and so, presumably, Qualys) counts a string's length.
          const length = value.length;
          if (length > MAX_NAME_LENGTH) {
            addIssue(
              `name must be at most ${MAX_NAME_LENGTH} characters long; got ${length} characters` +
                (Array.from(value).length !== length
                  ? " (counted as UTF-16 code units: an emoji counts as 2)"
                  : "") +
                `: ${JSON.stringify(Array.from(value).slice(0, 40).join("")).slice(0, -1)}…"`,
            );
          }
        },
      ),
    ),
    onDemand: booleanSchema("onDemand"),
    repoName,
    tag: textSchema(
      "tag",
      notBlank(
        "tag",
        'give comma-separated tags or a tag pattern such as ".*", or leave tag out for all tags',
      ),
    ),
    days: wholeNumberSchema("days", `one of ${DAYS_TEXT}`, (n) => ALLOWED_DAYS.includes(n)),
    scheduleScanIntervalInDays: wholeNumberSchema(
      "scheduleScanIntervalInDays",
      `a whole number of days from ${MIN_INTERVAL_DAYS} to ${MAX_INTERVAL_DAYS}`,
      (n) => n >= MIN_INTERVAL_DAYS && n <= MAX_INTERVAL_DAYS,
    ),
    weekDay: textSchema("weekDay", (value, addIssue) => {
      if (!(WEEK_DAYS as readonly string[]).includes(value.toUpperCase())) {
        addIssue(`weekDay must be one of ${WEEK_DAYS_TEXT} (any case); got ${describeValue(value)}`);
      }
    }),
    schedule: textSchema("schedule", (value, addIssue) => {
      if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(value)) {
        const short = /^(\d):([0-5]\d)$/.exec(value);
        addIssue(
          `schedule must be a time of day "HH:MM" in UTC, from 00:00 to 23:59; got ${describeValue(value)}` +
            (short ? ` (write "0${short[1]}:${short[2]}")` : ""),
        );
      }
    }),
    forceScan: booleanSchema("forceScan"),
    numberOfTags: wholeNumberSchema(
      "additionalFilters.numberOfTags",
      `a whole number from 1 to ${MAX_NUMBER_OF_TAGS}`,
      (n) => n >= 1 && n <= MAX_NUMBER_OF_TAGS,
    ),
    sortCriteria: textSchema(
      "additionalFilters.sortCriteria",
      (value, addIssue) => {
        if (value !== "createdDate") {
          addIssue(
            `additionalFilters.sortCriteria must be "createdDate" (the only value Qualys accepts); got ${describeValue(value)}`,
          );
        }
      },
      '"createdDate" (a string)',
    ),
  };
}

type Schemas = ReturnType<typeof fieldSchemas>;

/** What validation learned about one field. */
type FieldState =
  | { state: "absent" }
  | { state: "unknown" }
  | { state: "invalid"; raw: unknown }
  | { state: "valid"; value: unknown };

function parseWith(
  schema: z.ZodType,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; messages: string[] } {
  const result = schema.safeParse(value);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, messages: result.error.issues.map((issue) => issue.message) };
}

function validateRepo(raw: unknown, schemas: Schemas, report: (reason: string) => void): boolean {
  if (typeof raw === "string") {
    const parsed = parseWith(schemas.repoName("repo"), raw);
    if (!parsed.ok) parsed.messages.forEach(report);
    return parsed.ok;
  }
  if (!Array.isArray(raw)) {
    report(`repo must be a repository name or a list of them, e.g. ["team/api"]; got ${describeValue(raw)}`);
    return false;
  }
  if (raw.length === 0) {
    report(`repo must list at least one repository, e.g. ["team/api"]; got an empty list`);
    return false;
  }
  let ok = true;
  const seen = new Map<string, number>();
  for (let i = 0; i < raw.length; i++) {
    const element: unknown = raw[i];
    if (isUnknown(element)) continue;
    const label = `repo[${i}]`;
    if (typeof element !== "string") {
      report(`${label} must be a repository name (a string); got ${describeValue(element)}`);
      ok = false;
      continue;
    }
    const parsed = parseWith(schemas.repoName(label), element);
    if (!parsed.ok) {
      parsed.messages.forEach(report);
      ok = false;
    }
    seen.set(element, (seen.get(element) ?? 0) + 1);
  }
  for (const [repository, count] of seen) {
    if (count > 1) {
      report(
        `repo must not list a repository twice; got ${describeValue(repository)} ${count} times: list it once`,
      );
      ok = false;
    }
  }
  return ok;
}

function validateAdditionalFilters(
  raw: unknown,
  schemas: Schemas,
  report: (reason: string) => void,
): boolean {
  if (!isRecord(raw)) {
    report(
      `additionalFilters must be an object such as { numberOfTags: 5, sortCriteria: "createdDate" }; ` +
        `got ${describeValue(raw)}`,
    );
    return false;
  }
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (!(ADDITIONAL_FILTER_PROPERTIES as readonly string[]).includes(key)) {
      report(
        `additionalFilters.${clip(key, 40)} is not a property of additionalFilters; known properties are ` +
          `${ADDITIONAL_FILTER_PROPERTIES.join(" and ")}`,
      );
      ok = false;
    }
  }
  for (const key of ADDITIONAL_FILTER_PROPERTIES) {
    const value = own(raw, key);
    if (!isSet(value) || isUnknown(value)) continue;
    const parsed = parseWith(schemas[key], value);
    if (!parsed.ok) {
      parsed.messages.forEach(report);
      ok = false;
    }
  }
  return ok;
}

function validateField(
  property: InputProperty,
  raw: unknown,
  schemas: Schemas,
  report: (reason: string) => void,
): FieldState {
  if (!isSet(raw)) return { state: "absent" };
  if (isUnknown(raw)) return { state: "unknown" };
  let ok: boolean;
  if (property === "repo") {
    ok = validateRepo(raw, schemas, report);
  } else if (property === "additionalFilters") {
    ok = validateAdditionalFilters(raw, schemas, report);
  } else {
    const parsed = parseWith(schemas[property], raw);
    if (!parsed.ok) parsed.messages.forEach(report);
    ok = parsed.ok;
  }
  return ok ? { state: "valid", value: raw } : { state: "invalid", raw };
}

// ---------------------------------------------------------------------------------------------------
// Canonical form

function canonicalValue(property: InputProperty, value: unknown): unknown {
  if (isUnknown(value)) return value;
  switch (property) {
    case "repo":
      return typeof value === "string" ? [value] : Array.isArray(value) ? [...(value as unknown[])] : value;
    case "weekDay":
      return typeof value === "string" ? value.toUpperCase() : value;
    case "additionalFilters": {
      if (!isRecord(value)) return value;
      const filters: Record<string, unknown> = {};
      for (const key of ADDITIONAL_FILTER_PROPERTIES) {
        const member = own(value, key);
        if (isSet(member)) filters[key] = member;
      }
      return Object.keys(filters).length === 0 ? undefined : filters;
    }
    default:
      return value;
  }
}

/**
 * The canonical form of input values, field by field, in a fixed order: defaults filled, a single
 * `repo` wrapped in a list, `weekDay` upper case, `additionalFilters` without unset members (and
 * absent when none is set), unset optional fields absent. Unknown values stay as they are. Never
 * throws, whatever the values; it does not validate.
 */
export function normalizeInputs(values: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const source: Record<string, unknown> = isRecord(values) ? values : {};
  for (const property of INPUT_PROPERTIES) {
    const raw = own(source, property);
    const value = isSet(raw) ? canonicalValue(property, raw) : DEFAULTS[property];
    if (isSet(value)) out[property] = value;
  }
  return out;
}

/** Canonicalizes a value already known valid (used by read/import to build inputs identical to what check returns). */
export function canonicalizeInputs(i: ScheduleInputs): ScheduleInputs {
  return normalizeInputs({ ...i }) as unknown as ScheduleInputs;
}

// ---------------------------------------------------------------------------------------------------
// check

/** Validates raw resource inputs (as the engine passes `news` to check) and canonicalizes them. */
export function checkScheduleInputs(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  try {
    return checkUnguarded(news);
  } catch (error) {
    // A bug here must surface as a failure the user can report, never as a crash of the provider.
    const detail = error instanceof Error ? error.message : describeValue(error);
    return {
      inputs: isRecord(news) ? { ...news } : {},
      failures: [
        {
          property: "name",
          reason: `the inputs could not be validated (${clip(detail, 200)}); this is a bug in pulumi-qualys-cs`,
        },
      ],
    };
  }
}

function checkUnguarded(news: Record<string, unknown>): {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
} {
  const source: Record<string, unknown> = isRecord(news) ? news : {};
  const failures: CheckFailure[] = [];
  const schemas = fieldSchemas();

  const extraKeys = Object.keys(source).filter(
    (key) =>
      key !== PROVIDER_KEY &&
      !(INPUT_PROPERTIES as readonly string[]).includes(key) &&
      !((OUTPUT_ONLY_PROPERTIES as readonly string[]).includes(key) && !isSet(source[key])),
  );
  for (const key of extraKeys) {
    const reason = (OUTPUT_ONLY_PROPERTIES as readonly string[]).includes(key)
      ? `${key} is an output of ${RESOURCE_TYPE} (Qualys assigns it), not an input; got ` +
        `${describeValue(source[key])}: remove it`
      : unknownPropertyReason(key);
    failures.push({ property: key, reason });
  }

  const states = {} as Record<InputProperty, FieldState>;
  for (const property of INPUT_PROPERTIES) {
    const report = (reason: string) => failures.push({ property, reason });
    states[property] = validateField(property, own(source, property), schemas, report);
  }

  for (const required of ["registryId", "name", "repo"] as const) {
    if (states[required].state === "absent") {
      failures.push({ property: required, reason: requiredReason(required) });
    }
  }
  failures.push(...crossFieldFailures(states));

  const values: Record<string, unknown> = {};
  for (const property of INPUT_PROPERTIES) {
    const state = states[property];
    if (state.state === "valid") values[property] = state.value;
    else if (state.state === "invalid") values[property] = state.raw;
    else if (state.state === "unknown") values[property] = UNKNOWN;
  }
  const inputs = normalizeInputs(values);
  if (Object.prototype.hasOwnProperty.call(source, PROVIDER_KEY))
    put(inputs, PROVIDER_KEY, source[PROVIDER_KEY]);
  for (const key of extraKeys) put(inputs, key, source[key]);
  return { inputs, failures };
}

function requiredReason(property: "registryId" | "name" | "repo"): string {
  switch (property) {
    case "registryId":
      return "registryId is required: set it to the ID of the Qualys registry that holds the repositories";
    case "name":
      return "name is required: give the schedule a name, or leave name out to use the resource name";
    case "repo":
      return 'repo is required: list one or more repository names, e.g. ["team/api"]';
  }
}

/** The rules that tie fields together; a rule whose inputs are unknown or invalid is skipped. */
function crossFieldFailures(states: Record<InputProperty, FieldState>): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const onDemandState = states.onDemand;
  const onDemand =
    onDemandState.state === "absent"
      ? false
      : onDemandState.state === "valid"
        ? onDemandState.value
        : undefined;
  const intervalState = states.scheduleScanIntervalInDays;
  const interval = intervalState.state === "valid" ? (intervalState.value as number) : undefined;
  /** Set by the user with a known value (valid or not). */
  const given = (property: InputProperty): unknown => {
    const state = states[property];
    return state.state === "valid" ? state.value : state.state === "invalid" ? state.raw : undefined;
  };
  const present = (property: InputProperty) =>
    states[property].state === "valid" || states[property].state === "invalid";

  if (onDemand === true) {
    if (present("scheduleScanIntervalInDays")) {
      failures.push({
        property: "scheduleScanIntervalInDays",
        reason:
          `scheduleScanIntervalInDays is not allowed when onDemand is true (an on-demand schedule runs once); ` +
          `got ${describeValue(given("scheduleScanIntervalInDays"))}: remove it, or set onDemand to false for a ` +
          `recurring schedule`,
      });
    }
    if (present("weekDay")) {
      failures.push({
        property: "weekDay",
        reason:
          `weekDay is not allowed when onDemand is true (it is only for automatic schedules with ` +
          `scheduleScanIntervalInDays 7); got ${describeValue(given("weekDay"))}: remove it`,
      });
    }
    if (present("schedule")) {
      failures.push({
        property: "schedule",
        reason:
          `schedule is not allowed when onDemand is true (an on-demand schedule runs once, right away); ` +
          `got ${describeValue(given("schedule"))}: remove it`,
      });
    }
    return failures;
  }
  if (onDemand !== false) return failures;

  if (intervalState.state === "absent") {
    failures.push({
      property: "scheduleScanIntervalInDays",
      reason:
        `scheduleScanIntervalInDays is required for an automatic schedule (onDemand is false): set it to a ` +
        `whole number of days from ${MIN_INTERVAL_DAYS} to ${MAX_INTERVAL_DAYS} (1 = daily, 7 = weekly), or ` +
        `set onDemand to true for a one-off scan`,
    });
    return failures;
  }
  if (interval === undefined) return failures;

  if (interval === 7 && states.weekDay.state === "absent") {
    failures.push({
      property: "weekDay",
      reason:
        `weekDay is required when scheduleScanIntervalInDays is 7 (weekly schedules run on one day: set ` +
        `weekDay to ${WEEK_DAYS_TEXT})`,
    });
  }
  if (interval !== 7 && present("weekDay")) {
    failures.push({
      property: "weekDay",
      reason:
        `weekDay is only allowed when scheduleScanIntervalInDays is 7; got weekDay ` +
        `${describeValue(given("weekDay"))} with scheduleScanIntervalInDays ${interval}: remove weekDay, or ` +
        `set scheduleScanIntervalInDays to 7`,
    });
  }
  if (interval === 1 && states.schedule.state === "absent") {
    failures.push({
      property: "schedule",
      reason:
        `schedule is required when scheduleScanIntervalInDays is 1 (a daily schedule needs its time of day: ` +
        `set schedule to "HH:MM" in UTC, e.g. "19:30")`,
    });
  }
  if (interval !== 1 && interval !== 7 && present("schedule")) {
    failures.push({
      property: "schedule",
      reason:
        `schedule is only allowed when scheduleScanIntervalInDays is 1 (required) or 7 (optional); got ` +
        `schedule ${describeValue(given("schedule"))} with scheduleScanIntervalInDays ${interval}: remove schedule`,
    });
  }
  const forceScan = states.forceScan;
  if (interval < 7 && forceScan.state === "valid" && forceScan.value === true) {
    failures.push({
      property: "forceScan",
      reason:
        `forceScan is only allowed for on-demand schedules and for automatic schedules with ` +
        `scheduleScanIntervalInDays of 7 or more; got forceScan true with scheduleScanIntervalInDays ` +
        `${interval}: set forceScan to false, or use an interval of at least 7 days`,
    });
  }
  return failures;
}
