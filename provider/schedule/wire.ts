/**
 * The Qualys CS wire format of schedules (docs/qualys-contract.md §3, §4, §7, §8): request bodies, reply parsing,
 * QQL filters and the resource ID. Pure functions; the HTTP calls live in `http/`, the CRUD in `crud.ts`.
 */
import type { z } from "zod";

import { localNames } from "../core/properties";
import { malformed, replySchema, type ApiResponse, type Zod } from "../qualys/http/response";
import { SCHEDULE } from "./properties";
import type { AdditionalFilters, ScheduleInputs, WeekDay } from "./types";
import { WEEK_DAYS } from "./types";

/** The nested body Qualys's samples and working code send for create and update (docs/qualys-contract.md §4). */
export interface WireScheduleBody {
  name: string;
  onDemand: boolean;
  filters: { repoTags: { repo: string; tag: string | null }[]; days: number | null }[];
  scheduleScanIntervalInDays: number | null;
  scheduleIntervalInDays: number | null;
  weekDay: WeekDay | null;
  schedule: string | null;
  forceScan: boolean;
  registryType: string;
  additionalFilters: { numberOfTags: number | null; sortCriteria: string | null } | null;
}

/** Builds the body; a cleared field is an explicit null, never left out (docs/qualys-contract.md §4). */
export function toWireBody(inputs: ScheduleInputs, registryType: string): WireScheduleBody {
  const interval = inputs.scheduleScanIntervalInDays ?? null;
  const af = inputs.additionalFilters;
  return {
    name: inputs.name,
    onDemand: inputs.onDemand,
    filters: [
      {
        repoTags: inputs.repositories
          ? inputs.repositories.map((r) => ({ repo: r.repo, tag: r.tag ?? null }))
          : (inputs.repo ?? []).map((repo) => ({ repo, tag: inputs.tag ?? null })),
        days: inputs.days ?? null,
      },
    ],
    // Qualys documents both spellings (docs/qualys-contract.md §8 item 2): send both with the same value.
    scheduleScanIntervalInDays: interval,
    scheduleIntervalInDays: interval,
    weekDay: inputs.weekDay ?? null,
    schedule: inputs.schedule ?? null,
    forceScan: inputs.forceScan,
    registryType,
    additionalFilters: af
      ? { numberOfTags: af.numberOfTags ?? null, sortCriteria: af.sortCriteria ?? null }
      : null,
  };
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * The schedule ID from a create reply: `scheduleUuid`, then `scheduleId`, then a bare or quoted UUID
 * (docs/qualys-contract.md §8 item 3). Anything else names what came back.
 */
export function parseCreatedId(res: ApiResponse, operation: string): string {
  const data = res.data;
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const rec = data as Record<string, unknown>;
    for (const key of ["scheduleUuid", "scheduleId"]) {
      const v = rec[key];
      if (typeof v === "string" && v.trim() !== "") return v.trim();
    }
  }
  const text = (typeof data === "string" ? data : res.text).trim().replace(/^"(.*)"$/, "$1");
  if (UUID_RE.test(text)) return text;
  throw malformed(
    res,
    operation,
    'a JSON object with "scheduleUuid" (or "scheduleId"), or a bare schedule UUID',
  );
}

function listItemSchema(z: Zod) {
  const nullableString = z.string().nullish();
  return z
    .object({
      scheduleUuid: z.string(),
      name: nullableString,
      onDemand: z.boolean().nullish(),
      schedule: nullableString,
      status: nullableString,
      filters: z
        .array(
          z
            .object({
              repoTags: z.array(z.object({ repo: z.string(), tag: nullableString }).loose()).nullish(),
              days: z.number().nullish(),
            })
            .loose(),
        )
        .nullish(),
      created: z.union([z.number(), z.string()]).nullish(),
      updated: z.union([z.number(), z.string()]).nullish(),
      scheduleScanIntervalInDays: z.number().nullish(),
      scheduleIntervalInDays: z.number().nullish(),
      weekDay: nullableString,
      forceScan: z.boolean().nullish(),
      additionalFilters: z
        .object({ numberOfTags: z.number().nullish(), sortCriteria: nullableString })
        .loose()
        .nullish(),
      registryType: nullableString,
    })
    .loose();
}

/** One schedule as a list reply holds it. Fields the server left out are `undefined`. */
export type WireSchedule = z.infer<ReturnType<typeof listItemSchema>>;

/** A page of a list reply (see `parseSchedulePage`). */
const pageSchema = replySchema((z) =>
  z.object({ count: z.number().optional(), data: z.array(listItemSchema(z)).nullish() }).loose(),
);

/**
 * A page of a list reply; 204 means no match (docs/qualys-contract.md §3, §7). A reply with neither `count` nor
 * `data` (an empty body, `{}`, some other object) is malformed, never "no match".
 */
export function parseSchedulePage(
  res: ApiResponse,
  operation: string,
): { count: number; data: WireSchedule[] } {
  // Only a 204 means "no match". Any other empty reply is malformed: read as "no match", it would make
  // refresh drop every schedule it asked about from the stack.
  if (res.status === 204) return { count: 0, data: [] };
  if (res.text.trim() === "") {
    throw malformed(
      res,
      operation,
      'a JSON object {"count": n, "data": [...]} (or 204 when nothing matches)',
    );
  }
  const parsed = pageSchema().safeParse(res.data);
  if (!parsed.success || (parsed.data.count === undefined && parsed.data.data === undefined)) {
    throw malformed(res, operation, 'a JSON object {"count": n, "data": [schedules with "scheduleUuid"]}');
  }
  const data = parsed.data.data ?? [];
  return { count: parsed.data.count ?? data.length, data };
}

const registryTypeSchema = replySchema((z) => z.object({ registryType: z.string().min(1) }).loose());

/** The registry's type from a registry-details reply. */
export function parseRegistryType(res: ApiResponse, operation: string): string {
  const parsed = registryTypeSchema().safeParse(res.data);
  if (!parsed.success) {
    throw malformed(res, operation, 'a JSON object with "registryType"');
  }
  return parsed.data.registryType;
}

/** A QQL term; values with spaces or quotes are quoted. */
export function qqlTerm(field: "scheduleUuid" | "name" | "status", value: string): string {
  return /^[A-Za-z0-9_./:-]+$/.test(value)
    ? `${field}:${value}`
    : `${field}:"${value.replace(/(["\\])/g, "\\$1")}"`;
}

function timestamp(v: number | string | null | undefined): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "number") return new Date(v).toISOString();
  const n = Number(v);
  return Number.isFinite(n) && /^\d+$/.test(v) ? new Date(n).toISOString() : v;
}

function asWeekDay(v: string): WeekDay | undefined {
  const up = v.toUpperCase();
  return (WEEK_DAYS as readonly string[]).includes(up) ? (up as WeekDay) : undefined;
}

/** What Qualys says about a schedule, mapped onto our fields. */
export interface ObservedSchedule {
  inputs: ScheduleInputs;
  status: string;
  registryType?: string;
  created?: string;
  updated?: string;
}

/**
 * Maps a listed schedule onto inputs. A field the server left out (`undefined`) keeps its last applied
 * value, so no drift is reported on it (docs/qualys-contract.md §7); an explicit null clears it.
 */
export function fromWireSchedule(
  registryId: string,
  item: WireSchedule,
  lastApplied: Partial<ScheduleInputs> = {},
): ObservedSchedule {
  const pick = <K extends keyof ScheduleInputs>(
    key: K,
    wire: ScheduleInputs[K] | null | undefined,
  ): ScheduleInputs[K] | undefined => (wire === undefined ? lastApplied[key] : (wire ?? undefined));

  const selection = selectionOf(item, lastApplied);
  const daysFilter = item.filters?.find((f) => f.days !== undefined);
  const interval =
    item.scheduleScanIntervalInDays !== undefined
      ? item.scheduleScanIntervalInDays
      : item.scheduleIntervalInDays;
  const af =
    item.additionalFilters === undefined
      ? lastApplied.additionalFilters
      : item.additionalFilters === null
        ? undefined
        : compactFilters({
            numberOfTags: item.additionalFilters.numberOfTags ?? undefined,
            sortCriteria: (item.additionalFilters.sortCriteria ??
              undefined) as AdditionalFilters["sortCriteria"],
          });

  const inputs: ScheduleInputs = {
    registryId,
    name: item.name ?? lastApplied.name ?? "",
    onDemand: item.onDemand ?? lastApplied.onDemand ?? false,
    forceScan: pick("forceScan", item.forceScan) ?? false,
  };
  const optional: Partial<ScheduleInputs> = {
    ...selection,
    days: daysFilter ? (daysFilter.days ?? undefined) : item.filters ? undefined : lastApplied.days,
    scheduleScanIntervalInDays: pick("scheduleScanIntervalInDays", interval),
    weekDay:
      item.weekDay === undefined ? lastApplied.weekDay : item.weekDay ? asWeekDay(item.weekDay) : undefined,
    schedule: pick("schedule", item.schedule),
    additionalFilters: af,
  };
  // What only the stack holds (`local` inputs) is not on the wire: the last applied value stays.
  for (const name of localNames(SCHEDULE.properties)) {
    (optional as Record<string, unknown>)[name] = (lastApplied as Record<string, unknown>)[name];
  }
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) (inputs as unknown as Record<string, unknown>)[k] = v;
  }
  return {
    inputs,
    status: item.status ?? "Unknown",
    registryType: item.registryType ?? undefined,
    created: timestamp(item.created),
    updated: timestamp(item.updated),
  };
}

/**
 * The repository selection of a listed schedule, in the form it was declared in: `repositories` when
 * the stack declared it so, or when the repositories carry different tags (a console schedule, which
 * one `tag` cannot hold); else `repo` with one `tag`. Qualys leaving the filters out keeps the last
 * applied selection.
 */
function selectionOf(
  item: WireSchedule,
  lastApplied: Partial<ScheduleInputs>,
): Pick<Partial<ScheduleInputs>, "repo" | "tag" | "repositories"> {
  const repoTags = item.filters?.flatMap((f) => f.repoTags ?? []);
  if (!repoTags || repoTags.length === 0) {
    return { repo: lastApplied.repo, tag: lastApplied.tag, repositories: lastApplied.repositories };
  }
  const tags = new Set(repoTags.map((r) => r.tag ?? null));
  if (lastApplied.repositories !== undefined || tags.size > 1) {
    return {
      repositories: repoTags.map((r) =>
        r.tag === null || r.tag === undefined ? { repo: r.repo } : { repo: r.repo, tag: r.tag },
      ),
    };
  }
  return { repo: repoTags.map((r) => r.repo), tag: [...tags][0] ?? undefined };
}

function compactFilters(af: AdditionalFilters): AdditionalFilters | undefined {
  const out: AdditionalFilters = {};
  if (af.numberOfTags !== undefined) out.numberOfTags = af.numberOfTags;
  if (af.sortCriteria !== undefined) out.sortCriteria = af.sortCriteria;
  return Object.keys(out).length > 0 ? out : undefined;
}

/** The Pulumi resource ID: `<registryId>/<scheduleId>`. */
export function formatResourceId(registryId: string, scheduleId: string): string {
  return `${registryId}/${scheduleId}`;
}

/** Splits a resource ID; `undefined` when it is not `<registryId>/<scheduleId>`. */
export function parseResourceId(id: string): { registryId: string; scheduleId: string } | undefined {
  const slash = id.lastIndexOf("/");
  if (slash <= 0 || slash === id.length - 1) return undefined;
  return { registryId: id.slice(0, slash), scheduleId: id.slice(slash + 1) };
}
