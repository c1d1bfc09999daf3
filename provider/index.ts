/**
 * Pulumi resources for Qualys Container Security: registries, and their scan schedules.
 *
 * @packageDocumentation
 */
export {
  RegistryScanSchedule,
  type RegistryScanScheduleArgs,
  type RegistryScanScheduleAdditionalFilters,
} from "./schedule/resource";
export { RegistryScanScheduleProvider } from "./schedule/provider";
export {
  Registry,
  type RegistryArgs,
  type DockerHubRegistryArgs,
  type V2RegistryArgs,
  type AwsRegistryArgs,
  type RegistryAws,
  type AzureRegistryArgs,
  type GcpRegistryArgs,
  type ArtifactRegistryArgs,
} from "./registry/resource";
export { RegistryProvider } from "./registry/provider";
export {
  getRegistry,
  getRegistryAsync,
  getAwsBase,
  getAwsBaseAsync,
  type GetRegistryArgs,
  type GetRegistryInputs,
  type RegistryLookupResult,
  type AwsBase,
} from "./registry/lookup";
export type {
  RegistryInputs,
  RegistryOutputs,
  RegistryType,
  V2CredentialType,
  AwsAccountType,
  AwsRegistryLocation,
} from "./registry/types";
export { REGISTRY_TYPES } from "./registry/types";
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
  type ScheduleCandidate,
  PartialCreateError,
  ProviderBugError,
  RegistryExistsError,
  RegistrySchedulesRunningError,
  RegistryLookupError,
  VersionMismatchError,
  RegistryNotCreatedError,
  RegistryCreateOutcomeUnknownError,
  RegistryGoneError,
  RegistryDeleteNotConfirmedError,
  RegistryLookupArgsError,
  CliError,
  AuthFailedEarlierError,
  SameFailureError,
  InvalidResourceIdError,
  NothingCreatedError,
  CreateOutcomeUnknownError,
  DeleteNotConfirmedError,
  MixedTagsError,
  type ConfigProblem,
  type AuthFailure,
  type Unreachable,
} from "./errors";
