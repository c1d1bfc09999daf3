/**
 * Pulumi resource for Qualys Container Security registry scan schedules.
 *
 * @packageDocumentation
 */
export {
  RegistryScanSchedule,
  type RegistryScanScheduleArgs,
  type RegistryScanScheduleAdditionalFilters,
} from "./resource";
export { RegistryScanScheduleProvider } from "./provider";
export type { ScheduleInputs, ScheduleOutputs, AdditionalFilters, WeekDay, SortCriteria } from "./types";
export { WEEK_DAYS } from "./types";
export { PLATFORMS } from "./gateway";
export { SETTINGS as CONFIG_SETTINGS } from "./settings";
export * from "./errors";
export { ScheduleRunningError } from "./errors/schedule-running-error";
export { DuplicateSchedulesError } from "./errors/duplicate-schedules-error";
export { PartialCreateError } from "./errors/partial-create-error";
