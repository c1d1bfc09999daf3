/**
 * The provider implementation behind the stable subpath `pulumi-qualys-cs/provider-runtime/v1`
 * (package.json `exports`).
 *
 * State files store a provider that does nothing but `require()` this subpath, so refresh and destroy
 * always run the installed package's code (docs/architecture.md, "The stored provider"). Its function
 * names and signatures are therefore a published contract: keep them, or add `v2` beside them.
 */
import type * as pulumi from "@pulumi/pulumi";

import { resourceRuntime } from "../core/runtime";
import { noteHeld } from "./held";
import { createSchedule, deleteSchedule, readSchedule, updateSchedule } from "./crud";
import { scheduleApi } from "./api";
import { planScheduleDiff } from "./plan";
import { SCHEDULE } from "./properties";
import { checkScheduleInputs } from "./rules";
import { checkSelection, listWith } from "./selection";
import type { ScheduleInputs } from "./types";

const runtime = resourceRuntime({
  resource: SCHEDULE,
  api: scheduleApi,
  check: checkScheduleInputs,
  verify: (inputs, olds, settings) =>
    checkSelection(inputs as Partial<ScheduleInputs>, olds as Partial<ScheduleInputs>, listWith(settings)),
  diff: planScheduleDiff,
  create: (api, inputs) => createSchedule(api, inputs as ScheduleInputs),
  read: (api, id, props) => readSchedule(api, id, props),
  update: (api, id, olds, news) => updateSchedule(api, id, olds, news as ScheduleInputs),
  delete: (api, id) => deleteSchedule(api, id),
});

export const { configure, check, create, read, update } = runtime;

/**
 * Plans update versus replace (pure). Also notes the ID as one the stack manages: for a replacement,
 * the engine diffs the old schedule before it creates the new one, and an ambiguous create must never
 * take the old one for its own (schedule/held.ts).
 */
export function diff(
  id: string,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): Promise<pulumi.dynamic.DiffResult> {
  noteHeld(id);
  return runtime.diff(id, olds, news);
}
const remove = runtime.delete;
export { remove as delete };
