/**
 * Pulumi resource for Qualys Container Security registry scan schedules.
 *
 * @packageDocumentation
 */
export {
  RegistryScanSchedule,
  type RegistryScanScheduleArgs,
  type RegistryScanScheduleAdditionalFilters,
} from "./schedule/resource";
export { RegistryScanScheduleProvider } from "./schedule/provider";
export type {
  ScheduleInputs,
  ScheduleOutputs,
  AdditionalFilters,
  WeekDay,
  SortCriteria,
} from "./schedule/types";
export { WEEK_DAYS } from "./schedule/types";
export { PLATFORMS } from "./qualys/gateway";
export { SETTINGS as CONFIG_SETTINGS } from "./qualys/settings";
export {
  QualysError,
  ConfigError,
  QualysApiError,
  type QualysApiErrorDetails,
  QualysAuthError,
  GatewayUnreachableError,
  AmbiguousRequestError,
  RateLimitError,
  MalformedResponseError,
  type MalformedResponseDetails,
  RequestTimeoutError,
  ScheduleRunningError,
  DuplicateSchedulesError,
  PartialCreateError,
  ProviderBugError,
  CliError,
} from "./errors";
