import { RuntimeProvider } from "../core/runtime";
import * as runtime from "./runtime-v1";

/**
 * The provider behind `Registry`, as a class whose methods can be called directly (tests, policy
 * tooling); see `RuntimeProvider`. The resource itself hands Pulumi the exports of the stable subpath
 * `pulumi-qualys-cs/registry-runtime/v1`, which the engine serializes as that one `require(...)`.
 */
export class RegistryProvider extends RuntimeProvider {
  constructor() {
    super(runtime);
  }
}
