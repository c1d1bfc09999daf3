import type { ScheduleInputs, ScheduleOutputs } from "../types";

/** The Pulumi type token of `RegistryScanSchedule` (`new dynamic.Resource(…, "qualys", "RegistryScanSchedule")`). */
export const RESOURCE_TYPE = "pulumi-nodejs:dynamic/qualys:RegistryScanSchedule";

/** The input and output that carries the serialized dynamic provider. */
export const PROVIDER_KEY = "__provider";

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
