// The gateway's own wire-level check of a schedule body (docs/qualys-contract.md §5). Written independently of
// the provider's validation on purpose: the simulator is the oracle the provider is tested against.
import { absent, bad, isObj, type Obj } from "./parse";
import { HttpError } from "./reply";
import type { AdditionalFilters, RepoTag, ScheduleFields, ScheduleFilter, StoredSchedule } from "./types";

export const WEEK_DAYS = ["MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY"];
const ALLOWED_DAYS = [1, 2, 3, 4, 5, 6, 7, 14, 90];
const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;

export interface WireContext {
  registryType: string;
  forceScanEnabled: boolean;
}

function parseName(v: unknown): string {
  if (absent(v)) bad("name is required");
  if (typeof v !== "string") bad("name must be a string");
  if (v.trim() === "") bad("name must not be empty");
  if (v.length > 255) bad("name must be at most 255 characters");
  return v;
}

function parseRepoTag(v: unknown, at: string, seen: Set<string>): RepoTag {
  if (!isObj(v)) bad(`${at} must be an object with repo and tag`);
  if (absent(v.repo)) bad(`${at}.repo is required`);
  if (typeof v.repo !== "string" || v.repo.trim() === "") bad(`${at}.repo must be a non-empty string`);
  if (seen.has(v.repo)) bad(`${at}.repo duplicates repository ${v.repo}`);
  seen.add(v.repo);
  if (absent(v.tag)) return { repo: v.repo, tag: null };
  if (typeof v.tag !== "string" || v.tag.trim() === "") bad(`${at}.tag must be a non-empty string or null`);
  // Comma-separated tags or patterns, each a regular expression (docs/qualys-contract.md §5, "Tag selectors").
  for (const item of v.tag.split(",")) {
    if (item.trim() === "") bad(`${at}.tag has an empty item between commas`);
    try {
      new RegExp(`^(?:${item.trim()})$`, "u");
    } catch {
      bad(`${at}.tag item ${JSON.stringify(item.trim())} is not a valid regular expression`);
    }
  }
  return { repo: v.repo, tag: v.tag };
}

function parseFilters(v: unknown): ScheduleFilter[] {
  if (absent(v)) bad("filters is required (at least one repo)");
  if (!Array.isArray(v) || v.length === 0) bad("filters must be a non-empty array");
  const seen = new Set<string>();
  return v.map((f: unknown, i): ScheduleFilter => {
    const at = `filters[${i}]`;
    if (!isObj(f)) bad(`${at} must be an object with repoTags and days`);
    if (!Array.isArray(f.repoTags) || f.repoTags.length === 0)
      bad(`${at}.repoTags must list at least one repo`);
    const repoTags = f.repoTags.map((rt: unknown, j) => parseRepoTag(rt, `${at}.repoTags[${j}]`, seen));
    if (absent(f.days)) return { repoTags, days: null };
    if (typeof f.days !== "number" || !ALLOWED_DAYS.includes(f.days)) bad(`${at}.days must be 1-7, 14 or 90`);
    return { repoTags, days: f.days };
  });
}

/** Both spellings are accepted (docs/qualys-contract.md §8 item 2); two different values are refused. */
function parseInterval(body: Obj): number | null {
  const a = body.scheduleScanIntervalInDays;
  const b = body.scheduleIntervalInDays;
  if (a !== undefined && b !== undefined && a !== b) {
    bad(
      `scheduleScanIntervalInDays (${JSON.stringify(a)}) and scheduleIntervalInDays (${JSON.stringify(b)}) differ`,
    );
  }
  const v = a !== undefined ? a : b;
  if (absent(v)) return null;
  if (typeof v !== "number" || !Number.isInteger(v) || v < 1 || v > 365) {
    bad("scheduleScanIntervalInDays must be an integer from 1 to 365");
  }
  return v;
}

function parseAdditionalFilters(v: unknown): AdditionalFilters | null {
  if (absent(v)) return null;
  if (!isObj(v)) bad("additionalFilters must be an object or null");
  const n = v.numberOfTags;
  if (!absent(n) && (typeof n !== "number" || !Number.isInteger(n) || n < 1)) {
    bad("additionalFilters.numberOfTags must be an integer of at least 1");
  }
  const s = v.sortCriteria;
  if (!absent(s) && s !== "createdDate") bad("additionalFilters.sortCriteria must be createdDate");
  return { numberOfTags: absent(n) ? null : n, sortCriteria: absent(s) ? null : s };
}

function parseTiming(onDemand: boolean, interval: number | null, body: Obj) {
  const { weekDay, schedule } = body;
  if (!absent(schedule) && (typeof schedule !== "string" || !HH_MM.test(schedule))) {
    bad("schedule must be HH:MM in UTC, 00:00 to 23:59");
  }
  if (!absent(weekDay) && (typeof weekDay !== "string" || !WEEK_DAYS.includes(weekDay))) {
    bad(`weekDay must be one of ${WEEK_DAYS.join(", ")}`);
  }
  if (onDemand) {
    if (interval !== null) bad("scheduleScanIntervalInDays is only allowed for automatic schedules");
    if (!absent(weekDay)) bad("weekDay is only allowed for automatic schedules with interval 7");
    if (!absent(schedule)) bad("schedule is only allowed for automatic schedules with interval 1 or 7");
    return { weekDay: null, schedule: null };
  }
  if (interval === null) bad("scheduleScanIntervalInDays is required when onDemand is false");
  if (interval === 7 && absent(weekDay)) bad("weekDay is required when scheduleScanIntervalInDays is 7");
  if (interval !== 7 && !absent(weekDay)) bad("weekDay is only allowed when scheduleScanIntervalInDays is 7");
  if (interval === 1 && absent(schedule)) bad("schedule is required when scheduleScanIntervalInDays is 1");
  if (interval !== 1 && interval !== 7 && !absent(schedule)) {
    bad("schedule is only allowed when scheduleScanIntervalInDays is 1 or 7");
  }
  return { weekDay: absent(weekDay) ? null : weekDay, schedule: absent(schedule) ? null : schedule };
}

/** Validates a create (or merged update) body; throws HttpError 400/403 naming the field. */
export function parseScheduleBody(body: unknown, ctx: WireContext): ScheduleFields {
  if (!isObj(body)) bad("request body must be a JSON object");
  const name = parseName(body.name);
  if (absent(body.onDemand)) bad("onDemand is required");
  if (typeof body.onDemand !== "boolean") bad("onDemand must be a boolean");
  const onDemand = body.onDemand;
  const filters = parseFilters(body.filters);
  const interval = parseInterval(body);
  const { weekDay, schedule } = parseTiming(onDemand, interval, body);
  if (!absent(body.forceScan) && typeof body.forceScan !== "boolean") bad("forceScan must be a boolean");
  const forceScan = body.forceScan === true;
  if (forceScan && !onDemand && (interval ?? 0) < 7) {
    bad("forceScan is only allowed for on-demand schedules or when scheduleScanIntervalInDays is 7 or more");
  }
  const additionalFilters = parseAdditionalFilters(body.additionalFilters);
  if (!absent(body.registryType) && body.registryType !== ctx.registryType) {
    bad(
      `registryType ${JSON.stringify(body.registryType)} does not match the registry's type ${ctx.registryType}`,
    );
  }
  if (forceScan && !ctx.forceScanEnabled) {
    throw new HttpError(
      403,
      'forceScan requires the subscription feature "Force Registry Image Scan", which is not enabled',
    );
  }
  return {
    name,
    onDemand,
    filters,
    scheduleScanIntervalInDays: interval,
    weekDay,
    schedule,
    forceScan,
    additionalFilters,
  };
}

/** The stored schedule as a wire body, the base a partial PUT is merged onto. */
export function toWire(s: StoredSchedule): Obj {
  return {
    name: s.name,
    onDemand: s.onDemand,
    filters: s.filters,
    scheduleScanIntervalInDays: s.scheduleScanIntervalInDays,
    weekDay: s.weekDay,
    schedule: s.schedule,
    forceScan: s.forceScan,
    additionalFilters: s.additionalFilters,
  };
}

/**
 * Awkward on purpose, like the gateway: a key left out of a PUT keeps its stored value; only an
 * explicit null clears it. Either interval spelling in the body replaces the stored interval.
 */
export function mergeForUpdate(stored: StoredSchedule, body: unknown): unknown {
  if (!isObj(body)) return body;
  const base = toWire(stored);
  if ("scheduleScanIntervalInDays" in body || "scheduleIntervalInDays" in body) {
    delete base.scheduleScanIntervalInDays;
  }
  return { ...base, ...body };
}

export function sameFilters(a: ScheduleFilter[], b: ScheduleFilter[]): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
