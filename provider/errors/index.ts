/**
 * Every error class this package throws, one per file; README "Errors and what to do" lists each
 * (test/unit/errors/errors-readme.test.ts keeps the two in step).
 */
export { QualysError } from "./qualys-error";
export { ConfigError, type ConfigProblem } from "./config-error";
export { QualysApiError, type QualysApiErrorDetails } from "./qualys-api-error";
export { QualysAuthError, AuthFailedEarlierError, type AuthFailure } from "./qualys-auth-error";
export { GatewayUnreachableError, type Unreachable } from "./gateway-unreachable-error";
export { AmbiguousRequestError } from "./ambiguous-request-error";
export { RateLimitError } from "./rate-limit-error";
export { MalformedResponseError, type MalformedResponseDetails } from "./malformed-response-error";
export { RequestTimeoutError } from "./request-timeout-error";
export { ScheduleRunningError, isRunningRefusal } from "./schedule-running-error";
export { DuplicateSchedulesError, type ScheduleCandidate } from "./duplicate-schedules-error";
export { PartialCreateError } from "./partial-create-error";
export {
  InvalidResourceIdError,
  NothingCreatedError,
  CreateOutcomeUnknownError,
  DeleteNotConfirmedError,
} from "./schedule-errors";
export { ProviderBugError } from "./provider-bug-error";
export { SameFailureError } from "./same-failure-error";
export { RegistryExistsError } from "./registry-exists-error";
export { RegistrySchedulesRunningError } from "./registry-schedules-running-error";
export { RegistryLookupError } from "./registry-lookup-error";
export { VersionMismatchError } from "./version-mismatch-error";
export {
  RegistryNotCreatedError,
  RegistryCreateOutcomeUnknownError,
  RegistryGoneError,
  RegistryDeleteNotConfirmedError,
  RegistryLookupArgsError,
} from "./registry-errors";
export { CliError, EXIT_FAILURE, EXIT_USAGE } from "./cli-error";
