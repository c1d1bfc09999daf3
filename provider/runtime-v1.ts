/**
 * The provider implementation behind the stable subpath `pulumi-qualys-cs/provider-runtime/v1`.
 *
 * State files store a provider that does nothing but `require()` this subpath, so refresh and destroy
 * always run the installed package's code (Pulumi issues #6238, #16826). Its function names and
 * signatures are therefore a published contract: keep them, or add `v2` beside them.
 */
import type * as pulumi from "@pulumi/pulumi";

import { scheduleApi, type ScheduleApi } from "./api";
import { resolveSettings, type ConfigSource } from "./config";
import { createSchedule, deleteSchedule, readSchedule, updateSchedule } from "./crud";
import { planScheduleDiff, providerOnlyChange } from "./plan";
import { checkScheduleInputs, PROVIDER_KEY } from "./rules";
import type { ScheduleInputs } from "./types";

type Props = Record<string, unknown>;

let configSource: ConfigSource | undefined;

function api(): ScheduleApi {
  return scheduleApi(resolveSettings(configSource));
}

/** Keeps the engine's config (the whole stack config, decrypted); settings resolve on first API call. */
export function configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
  const config = req.config;
  configSource = (key) => config.get(key);
  return Promise.resolve();
}

/** Validates and canonicalizes inputs; pure and local, no API call. */
export function check(_olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult<Props>> {
  const { inputs, failures } = checkScheduleInputs(news);
  return Promise.resolve(failures.length > 0 ? { inputs, failures } : { inputs });
}

/** Plans update versus replace; pure and local, no API call. */
export function diff(_id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
  return Promise.resolve(planScheduleDiff(olds, news));
}

export function create(inputs: Props): Promise<pulumi.dynamic.CreateResult<Props>> {
  return createSchedule(api(), inputs as unknown as ScheduleInputs);
}

export function read(id: string, props?: Props): Promise<pulumi.dynamic.ReadResult<Props>> {
  return readSchedule(api(), id, props);
}

/** Updates in place; when only the stored provider changed, rewrites it without calling Qualys. */
export async function update(
  id: string,
  olds: Props,
  news: Props,
): Promise<pulumi.dynamic.UpdateResult<Props>> {
  if (providerOnlyChange(olds, news)) {
    // The engine adds the new provider to these outputs; nothing at Qualys changes.
    const { [PROVIDER_KEY]: _stored, ...outs } = olds;
    return { outs };
  }
  return { outs: await updateSchedule(api(), id, olds, news as unknown as ScheduleInputs) };
}

function remove(id: string, _props: Props): Promise<void> {
  return deleteSchedule(api(), id);
}
export { remove as delete };
