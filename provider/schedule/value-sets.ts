/**
 * The value sets and plain shapes a schedule's properties use: imported by its property table
 * (`schedule/properties.ts`) and re-exported by `schedule/types.ts`, which derives the rest from the
 * table, so that the table and the types do not import each other.
 */
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
