/**
 * Plain (resolved) shapes of a registry scan schedule, shared by validation, planning, the wire
 * format and the provider's CRUD. The Pulumi-facing `Input`/`Output` types live in `resource.ts`.
 */

/** Days of the week as Qualys spells them. */
export const WEEK_DAYS = [
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
  "SUNDAY",
] as const;
/** A day of the week as Qualys spells it. */
export type WeekDay = (typeof WEEK_DAYS)[number];

/** The only sort criterion Qualys is known to accept. */
export type SortCriteria = "createdDate";

/** Extra filters applied to the tags of each repository. */
export type AdditionalFilters = {
  /** Scan at most this many tags of each repository (integer, at least 1). */
  numberOfTags?: number;
  /** Which tags count as the newest: `createdDate` is the only value Qualys is known to accept. */
  sortCriteria?: SortCriteria;
};

/**
 * Canonical inputs of one schedule, as `check` returns them and the engine stores and diffs them.
 * Optional fields that the user left out are absent (never `undefined`-valued keys).
 */
export type ScheduleInputs = {
  registryId: string;
  name: string;
  onDemand: boolean;
  repo: string[];
  tag?: string;
  days?: number;
  scheduleScanIntervalInDays?: number;
  weekDay?: WeekDay;
  schedule?: string;
  forceScan: boolean;
  additionalFilters?: AdditionalFilters;
};

/** Outputs of one schedule: every input (the engine diffs against old outputs) plus what Qualys assigns. */
export type ScheduleOutputs = ScheduleInputs & {
  /** The Qualys schedule UUID. */
  scheduleId: string;
  /** The schedule's last known Qualys status (`Created`, `Running`, `Completed`, … any string). */
  status: string;
  /** The registry's type as Qualys reports it (`AWS`, `DockerHub`, `V2`, …). */
  registryType: string;
  /** When Qualys created the schedule (as Qualys reports it), if known. */
  created?: string;
  /** When Qualys last updated the schedule (as Qualys reports it), if known. */
  updated?: string;
};

/** Fields that force a new schedule when they change (Qualys cannot update them). */
export const REPLACE_FIELDS = ["registryId", "onDemand", "repo", "tag", "days"] as const;

/** Fields that a `PUT` can change on an automatic schedule. */
export const UPDATABLE_FIELDS = [
  "name",
  "scheduleScanIntervalInDays",
  "weekDay",
  "schedule",
  "forceScan",
  "additionalFilters",
] as const;

/** The value the engine sends in place of an input that is not known yet (during preview). */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
