import { RuntimeProvider } from "../core/runtime";
import * as runtime from "./runtime-v1";

/**
 * The provider behind `RegistryScanSchedule`, as a class whose methods can be called directly
 * (tests, policy tooling); see `RuntimeProvider`.
 *
 * The resource itself hands Pulumi the exports of the stable subpath
 * `pulumi-qualys-cs/provider-runtime/v1`, which the engine serializes as that one `require(...)`:
 * a few hundred bytes with no client, setting or secret in it, and refresh and destroy always run
 * the installed version of the package.
 */
export class RegistryScanScheduleProvider extends RuntimeProvider {
  constructor() {
    super(runtime);
  }
}
