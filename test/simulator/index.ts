// The local Qualys CS simulator: start it from code with startSimulator, from a shell with cli.ts.
import { Simulator } from "./server";
import type { RunningSimulator, SimulatorControl, SimulatorOptions } from "./types";

export { controlClient, type ControlClient } from "./client";
export { AWS_BASE } from "./registry-routes";
export { fingerprint } from "./registry-wire";
export { DEMO_PASSWORD, DEMO_REGISTRY_ID, DEMO_REGISTRY_TYPE, DEMO_USERNAME } from "./server";
export type {
  ConnectorProvider,
  Fault,
  LoggedRequest,
  RegistryFields,
  SeedRegistry,
  StoredConnector,
  StoredRegistry,
  RateLimitSettings,
  RunningSimulator,
  SimulatorControl,
  SimulatorOptions,
  SimulatorSettings,
  StoredSchedule,
} from "./types";

export async function startSimulator(opts: SimulatorOptions = {}): Promise<RunningSimulator> {
  const sim = new Simulator(opts);
  const url = await sim.listen(opts.port ?? 0);
  return { url, control: bound(sim), close: () => sim.close() };
}

/** Methods that survive destructuring (`const { reset } = sim.control`). */
function bound(sim: Simulator): SimulatorControl {
  return {
    reset: () => sim.reset(),
    addRegistry: (id, type, extra) => sim.addRegistry(id, type, extra),
    registries: () => sim.registries(),
    createRegistry: (body) => sim.createRegistry(body),
    deleteRegistry: (id) => sim.deleteRegistry(id),
    patchRegistry: (id, patch) => sim.patchRegistry(id, patch),
    addConnector: (c) => sim.addConnector(c),
    connectors: () => sim.connectors(),
    schedules: (registryId) => sim.schedules(registryId),
    addRepositories: (registryId, repositories) => sim.addRepositories(registryId, repositories),
    repositories: (registryId) => sim.repositories(registryId),
    createSchedule: (registryId, body) => sim.createSchedule(registryId, body),
    setStatus: (registryId, uuid, status) => sim.setStatus(registryId, uuid, status),
    deleteSchedule: (registryId, uuid) => sim.deleteSchedule(registryId, uuid),
    patchSchedule: (registryId, uuid, patch) => sim.patchSchedule(registryId, uuid, patch),
    requests: () => sim.requests(),
    clearRequests: () => sim.clearRequests(),
    injectFault: (f) => sim.injectFault(f),
    clearFaults: () => sim.clearFaults(),
    configure: (settings) => sim.configure(settings),
    expireTokens: () => sim.expireTokens(),
  };
}
