// A typed HTTP client for the control API, for a process that did not start the simulator
// (e.g. a test driving a simulator the demo or the e2e harness started).
import type {
  ConnectorProvider,
  Fault,
  LoggedRequest,
  RegistryFields,
  SimulatorControl,
  SimulatorSettings,
  StoredConnector,
  StoredRegistry,
  StoredRepository,
  StoredSchedule,
} from "./types";

export type ControlClient = {
  [K in keyof SimulatorControl]: (
    ...args: Parameters<SimulatorControl[K]>
  ) => Promise<ReturnType<SimulatorControl[K]>>;
};

export function controlClient(url: string): ControlClient {
  const base = `${url.replace(/\/+$/, "")}/__control`;
  async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${base}${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`simulator control ${method} ${path}: ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }
  const seg = encodeURIComponent;
  return {
    reset: () => call<void>("POST", "/reset").then(() => undefined),
    addRegistry: (id: string, type: string, extra: { uri?: string; name?: string } = {}) =>
      call("POST", "/registries", { id, type, ...extra }).then(() => undefined),
    registries: () => call<StoredRegistry[]>("GET", "/registries"),
    createRegistry: (body: unknown) => call<StoredRegistry>("POST", "/registries", { body }),
    deleteRegistry: (id: string) => call("DELETE", `/registries/${seg(id)}`).then(() => undefined),
    patchRegistry: (id: string, patch: Partial<RegistryFields>) =>
      call("PATCH", `/registries/${seg(id)}`, patch).then(() => undefined),
    addConnector: (c: { provider: ConnectorProvider; connectorId: string; name?: string; arn?: string }) =>
      call<StoredConnector>("POST", "/connectors", c),
    connectors: () => call<StoredConnector[]>("GET", "/connectors"),
    schedules: (registryId?: string) =>
      call<StoredSchedule[]>(
        "GET",
        registryId === undefined ? "/schedules" : `/schedules?registryId=${seg(registryId)}`,
      ),
    addRepositories: (
      registryId: string,
      repositories: (string | { repoName: string; totalImages?: number })[],
    ) => call("POST", "/repositories", { registryId, repositories }).then(() => undefined),
    repositories: (registryId: string) =>
      call<StoredRepository[]>("GET", `/repositories?registryId=${seg(registryId)}`),
    createSchedule: (registryId: string, body: unknown) =>
      call<StoredSchedule>("POST", "/schedules", { registryId, body }),
    setStatus: (registryId: string, scheduleUuid: string, status: string) =>
      call("POST", "/status", { registryId, scheduleUuid, status }).then(() => undefined),
    deleteSchedule: (registryId: string, scheduleUuid: string) =>
      call("DELETE", `/schedules/${seg(registryId)}/${seg(scheduleUuid)}`).then(() => undefined),
    patchSchedule: (registryId: string, scheduleUuid: string, patch: Partial<StoredSchedule>) =>
      call("PATCH", `/schedules/${seg(registryId)}/${seg(scheduleUuid)}`, patch).then(() => undefined),
    requests: () => call<LoggedRequest[]>("GET", "/requests"),
    clearRequests: () => call("DELETE", "/requests").then(() => undefined),
    injectFault: (f: Fault) => call("POST", "/faults", f).then(() => undefined),
    clearFaults: () => call("DELETE", "/faults").then(() => undefined),
    configure: (settings: Partial<SimulatorSettings>) =>
      call("POST", "/settings", settings).then(() => undefined),
    expireTokens: () => call("POST", "/expire-tokens").then(() => undefined),
  };
}
