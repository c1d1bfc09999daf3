import type * as pulumi from "@pulumi/pulumi";

import * as runtime from "./runtime-v1";

type Props = Record<string, unknown>;

/**
 * The provider behind `RegistryScanSchedule`, as a class whose methods can be called directly
 * (tests, policy tooling). `create`, `read`, `update` and `delete` call Qualys with the settings given
 * to `configure`, or else from the `QUALYS_*` environment variables; `check` and `diff` are pure.
 *
 * The resource itself hands Pulumi the exports of the stable subpath
 * `pulumi-qualys-cs/provider-runtime/v1`, which the engine serializes as that one `require(...)`:
 * a few hundred bytes with no client, setting or secret in it, and refresh and destroy always run
 * the installed version of the package.
 */
export class RegistryScanScheduleProvider implements pulumi.dynamic.ResourceProvider<Props, Props> {
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    return runtime.configure(req);
  }
  check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult<Props>> {
    return runtime.check(olds, news);
  }
  diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    return runtime.diff(id, olds, news);
  }
  create(inputs: Props): Promise<pulumi.dynamic.CreateResult<Props>> {
    return runtime.create(inputs);
  }
  read(id: string, props?: Props): Promise<pulumi.dynamic.ReadResult<Props>> {
    return runtime.read(id, props);
  }
  update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult<Props>> {
    return runtime.update(id, olds, news);
  }
  delete(id: string, props: Props): Promise<void> {
    return runtime.delete(id, props);
  }
}
