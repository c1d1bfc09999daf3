import { PROVIDER_KEY, typeToken } from "../core/properties";
import { REGISTRY } from "../registry/properties";
import type { RegistryInputs, RegistryOutputs } from "../registry/types";
import { SCHEDULE } from "../schedule/properties";
import type { ScheduleInputs, ScheduleOutputs } from "../schedule/types";

/** The Pulumi type token of `RegistryScanSchedule` (`pulumi-nodejs:dynamic/qualys:RegistryScanSchedule`). */
export const RESOURCE_TYPE = typeToken(SCHEDULE);

export { PROVIDER_KEY };

/** One live schedule, read from Qualys and ready to be written as code and as an import-file entry. */
export interface ImportedSchedule {
  /** The Pulumi resource name (the first argument of `new RegistryScanSchedule`). */
  resourceName: string;
  /** The resource ID, `<registryId>/<scheduleId>`. */
  id: string;
  /** The inputs exactly as `check` returns them for the generated declaration. */
  inputs: ScheduleInputs;
  /** The outputs exactly as `read` returns them (what `pulumi refresh` would store). */
  outputs: ScheduleOutputs;
}

/** The Pulumi type token of `Registry` (`pulumi-nodejs:dynamic/qualys:Registry`). */
export const REGISTRY_RESOURCE_TYPE = typeToken(REGISTRY);

/** The registry inputs Qualys never returns: the generated code reads them from stack config. */
export type RegistrySecret = "password" | "accessToken";

/** One live registry, read from Qualys and ready to be written as code and as an import-file entry. */
export interface ImportedRegistry {
  /** The Pulumi resource name (the first argument of `new Registry`). */
  resourceName: string;
  /** The resource ID: the Qualys registry UUID. */
  id: string;
  /** The inputs as `check` canonicalizes them, without the secrets Qualys does not return. */
  inputs: RegistryInputs;
  /** The outputs as `read` returns them (what `pulumi refresh` would store), without those secrets. */
  outputs: RegistryOutputs;
  /**
   * The secret the registry's credential type needs (`password` for BasicAuth and Docker Hub, `accessToken`
   * for Token), which Qualys never returns: the code reads it from stack config, and the first
   * `pulumi up` after the import sets it with one in-place update. Absent for a registry without secrets.
   */
  secret?: RegistrySecret;
  /** The stack config key the generated code reads `secret` from. */
  secretConfigKey?: string;
}
