/**
 * The provider implementation behind the stable subpath `pulumi-qualys-cs/provider-runtime/v1`
 * (package.json `exports`).
 *
 * State files store a provider that does nothing but `require()` this subpath, so refresh and destroy
 * always run the installed package's code (docs/architecture.md, "The stored provider"). Its function
 * names and signatures are therefore a published contract: keep them, or add `v2` beside them.
 */
import { resourceRuntime } from "../core/runtime";
import { createSchedule, deleteSchedule, readSchedule, updateSchedule } from "./crud";
import { scheduleApi } from "./lookups";
import { planScheduleDiff } from "./plan";
import { SCHEDULE } from "./properties";
import { checkScheduleInputs } from "./rules";
import type { ScheduleInputs } from "./types";

const runtime = resourceRuntime({
  resource: SCHEDULE,
  api: scheduleApi,
  check: checkScheduleInputs,
  diff: planScheduleDiff,
  create: (api, inputs) => createSchedule(api, inputs as ScheduleInputs),
  read: (api, id, props) => readSchedule(api, id, props),
  update: (api, id, olds, news) => updateSchedule(api, id, olds, news as ScheduleInputs),
  delete: (api, id) => deleteSchedule(api, id),
});

export const { configure, check, diff, create, read, update } = runtime;
const remove = runtime.delete;
export { remove as delete };
