/**
 * The provider implementation behind the stable subpath `pulumi-qualys-cs/registry-runtime/v1`
 * (package.json `exports`).
 *
 * State files store a provider that does nothing but `require()` this subpath, so refresh and destroy
 * always run the installed package's code (docs/architecture.md, "The stored provider"). Its function
 * names and signatures are therefore a published contract: keep them, or add `v2` beside them.
 */
import { resourceRuntime } from "../core/runtime";
import { scheduleApi } from "../schedule/api";
import { registryApi } from "./api";
import { createRegistry, deleteRegistry, readRegistry, runningSchedulesOf, updateRegistry } from "./crud";
import { planRegistryDiff } from "./plan";
import { REGISTRY } from "./properties";
import { checkRegistryInputs } from "./rules";
import type { RegistryInputs } from "./types";

const runtime = resourceRuntime({
  resource: REGISTRY,
  api: (settings) => ({ registries: registryApi(settings), schedules: scheduleApi(settings) }),
  check: checkRegistryInputs,
  diff: planRegistryDiff,
  create: (api, inputs) => createRegistry(api.registries, inputs as RegistryInputs),
  read: (api, id, props) => readRegistry(api.registries, id, props),
  update: (api, id, _olds, news) => updateRegistry(api.registries, id, news as RegistryInputs),
  delete: (api, id) => deleteRegistry(api.registries, id, runningSchedulesOf(api.schedules)),
});

export const { configure, check, diff, create, read, update } = runtime;
const remove = runtime.delete;
export { remove as delete };
