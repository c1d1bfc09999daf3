/**
 * Plain (resolved) shapes of a registry scan schedule, derived from its property table
 * (`schedule/properties.ts`), and the value sets its properties use. The Pulumi-facing args live in
 * `schedule/resource.ts`.
 */
import type { InputsOf, OutputsOf } from "../core/properties";
import type { SCHEDULE } from "./properties";

/** Days of the week as Qualys spells them. */
export const WEEK_DAYS = Object.freeze([
  "MONDAY",
  "TUESDAY",
  "WEDNESDAY",
  "THURSDAY",
  "FRIDAY",
  "SATURDAY",
  "SUNDAY",
] as const);
/** A day of the week as Qualys spells it. */
export type WeekDay = (typeof WEEK_DAYS)[number];

/** The sort criteria Qualys is known to accept: only `createdDate`. */
export const SORT_CRITERIA = Object.freeze(["createdDate"] as const);
/** The only sort criterion Qualys is known to accept. */
export type SortCriteria = (typeof SORT_CRITERIA)[number];

/** Extra filters applied to the tags of each repository. */
export type AdditionalFilters = {
  /** Scan at most this many tags of each repository (integer, at least 1). */
  numberOfTags?: number;
  /** Which tags count as the newest: `createdDate` is the only value Qualys is known to accept. */
  sortCriteria?: SortCriteria;
};

/** One repository of a schedule with its own tag selector (the `repositories` form). */
export type RepositorySelection = {
  /** The repository name, e.g. `team/api`. */
  repo: string;
  /** Comma-separated tags or tag patterns; absent = all tags. */
  tag?: string;
};

/**
 * Canonical inputs of one schedule, as `check` returns them and the engine stores and diffs them.
 * Optional fields that the user left out are absent (never `undefined`-valued keys).
 */
export type ScheduleInputs = InputsOf<typeof SCHEDULE.properties>;

/** Outputs of one schedule: every input (the engine diffs against old outputs) plus what Qualys assigns. */
export type ScheduleOutputs = OutputsOf<typeof SCHEDULE.properties>;
