/**
 * The schedule's cross-field rules, and its `check`: the per-field pass comes from the property table
 * (`schedule/properties.ts`, run by `core/check.ts`), the rules that tie fields together are here.
 * Pure and local: no I/O. A rule whose inputs are unknown or invalid is skipped. The rules follow
 * docs/qualys-contract.md, "Schedule rules".
 */
import {
  checkInputs,
  normalizeInputs,
  type CheckFailure,
  type CheckOutcome,
  type FieldState,
  type FieldStates,
} from "../core/check";
import { describeValue } from "../core/describe-value";
import { inputNames } from "../core/properties";
import { isRecord, isUnknown } from "../core/values";
import { MAX_INTERVAL_DAYS, MIN_INTERVAL_DAYS, SCHEDULE, WEEK_DAYS_TEXT } from "./properties";
import type { ScheduleInputs } from "./types";

/** The schedule's input properties, in the order canonical inputs list them. */
export const INPUT_PROPERTIES: readonly string[] = inputNames(SCHEDULE.properties);

/** Validates raw resource inputs (as the engine passes `news` to check) and canonicalizes them. */
export function checkScheduleInputs(news: Record<string, unknown>): CheckOutcome {
  return checkInputs(SCHEDULE, news, crossFieldFailures);
}

/** The canonical form of schedule input values (see `core/check.ts` `normalizeInputs`); never throws. */
export function normalizeScheduleInputs(values: Record<string, unknown>): Record<string, unknown> {
  return normalizeInputs(SCHEDULE, values);
}

/** Canonicalizes a value already known valid (read and import build inputs identical to what check returns). */
export function canonicalizeInputs(i: ScheduleInputs): ScheduleInputs {
  return normalizeInputs(SCHEDULE, { ...i }) as unknown as ScheduleInputs;
}

/** The repositories a schedule selects (either form), or undefined when not known and valid yet. */
export function selectedRepositories(
  inputs: Pick<Partial<ScheduleInputs>, "repo" | "repositories">,
): string[] | undefined {
  const names = inputs.repositories ? inputs.repositories.map((r) => r.repo) : inputs.repo;
  return Array.isArray(names) && names.every((n) => typeof n === "string" && !isUnknown(n))
    ? names
    : undefined;
}

/**
 * The selection rules (docs/qualys-contract.md §5): exactly one of `repo` and `repositories`; `tag` only
 * with `repo`; no repository twice in `repositories`; `pendingRepositories` only names selected ones.
 */
function selectionFailures(at: (property: string) => FieldState): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const repo = at("repo");
  const repositories = at("repositories");
  if (repo.state === "absent" && repositories.state === "absent") {
    failures.push({
      property: "repo",
      reason:
        `repo is required: list one or more repository names, e.g. ["team/api"], or give repositories ` +
        `with a tag per repository, e.g. [{ repo: "team/api", tag: "v1\\..*" }]`,
    });
    return failures;
  }
  if (repo.state !== "absent" && repositories.state !== "absent") {
    failures.push({
      property: "repositories",
      reason:
        `give exactly one of repo and repositories; got both (repo ${describeValue(given(repo))}): use repo ` +
        `(with tag for all of them) or repositories (a tag per repository), not both`,
    });
  }
  const tag = at("tag");
  if (repositories.state !== "absent" && (tag.state === "valid" || tag.state === "invalid")) {
    failures.push({
      property: "tag",
      reason:
        `tag is not allowed with repositories (each repository gives its own tag); got ` +
        `${describeValue(given(tag))}: move it into the repositories entries, e.g. ` +
        `[{ repo: "team/api", tag: ${describeValue(given(tag))} }]`,
    });
  }
  if (repositories.state === "valid") {
    const counts = new Map<string, number>();
    for (const entry of repositories.value as { repo?: unknown }[]) {
      if (isRecord(entry) && typeof entry.repo === "string" && !isUnknown(entry.repo))
        counts.set(entry.repo, (counts.get(entry.repo) ?? 0) + 1);
    }
    for (const [name, count] of counts) {
      if (count > 1) {
        failures.push({
          property: "repositories",
          reason:
            `repositories must not list a repository twice; got ${describeValue(name)} ${count} times: list it ` +
            `once, with one tag selector (comma-separate several tags)`,
        });
      }
    }
  }
  const pending = at("pendingRepositories");
  const selection =
    repositories.state === "valid"
      ? selectedRepositories({ repositories: repositories.value as ScheduleInputs["repositories"] })
      : repo.state === "valid" && repositories.state === "absent"
        ? selectedRepositories({ repo: normalizeScheduleInputs({ repo: repo.value }).repo as string[] })
        : undefined;
  if (pending.state === "valid" && selection) {
    const names = normalizeScheduleInputs({ pendingRepositories: pending.value }).pendingRepositories;
    for (const name of (names as unknown[]).filter((n) => typeof n === "string" && !isUnknown(n))) {
      if (!selection.includes(name as string)) {
        failures.push({
          property: "pendingRepositories",
          reason:
            `pendingRepositories must only name repositories of this schedule; got ${describeValue(name)}, ` +
            `which the schedule does not select (it selects ${selection.map((n) => describeValue(n)).join(", ")})`,
        });
      }
    }
  }
  return failures;
}

/** Set by the user with a known value (valid or not). */
function given(state: FieldState): unknown {
  return state.state === "valid" ? state.value : state.state === "invalid" ? state.raw : undefined;
}

/** The rules that tie fields together; a rule whose inputs are unknown or invalid is skipped. */
function crossFieldFailures(states: FieldStates): CheckFailure[] {
  const at = (property: string): FieldState => states[property] ?? { state: "absent" };
  const failures: CheckFailure[] = selectionFailures(at);
  const onDemandState = at("onDemand");
  const onDemand =
    onDemandState.state === "absent"
      ? false
      : onDemandState.state === "valid"
        ? onDemandState.value
        : undefined;
  const intervalState = at("scheduleScanIntervalInDays");
  const interval = intervalState.state === "valid" ? (intervalState.value as number) : undefined;
  /** Set by the user with a known value (valid or not). */
  const given = (property: string): unknown => {
    const state = at(property);
    return state.state === "valid" ? state.value : state.state === "invalid" ? state.raw : undefined;
  };
  const present = (property: string) => at(property).state === "valid" || at(property).state === "invalid";

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

  if (interval === 7 && at("weekDay").state === "absent") {
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
  if (interval === 1 && at("schedule").state === "absent") {
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
  const forceScan = at("forceScan");
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
