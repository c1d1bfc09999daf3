import { PROVIDER_KEY, typeToken } from "../core/properties";
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
