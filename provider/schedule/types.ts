/**
 * Plain (resolved) shapes of a registry scan schedule, derived from its property table
 * (`schedule/properties.ts`), and the value sets its properties use. The Pulumi-facing args live in
 * `schedule/resource.ts`.
 */
import type { InputsOf, OutputsOf } from "../core/properties";
import type { SCHEDULE } from "./properties";

export {
  SORT_CRITERIA,
  WEEK_DAYS,
  type AdditionalFilters,
  type RepositorySelection,
  type SortCriteria,
  type WeekDay,
} from "./value-sets";

/**
 * Canonical inputs of one schedule, as `check` returns them and the engine stores and diffs them.
 * Optional fields that the user left out are absent (never `undefined`-valued keys).
 */
export type ScheduleInputs = InputsOf<typeof SCHEDULE.properties>;

/** Outputs of one schedule: every input (the engine diffs against old outputs) plus what Qualys assigns. */
export type ScheduleOutputs = OutputsOf<typeof SCHEDULE.properties>;
