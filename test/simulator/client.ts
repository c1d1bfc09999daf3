// A typed HTTP client for the control API, for a process that did not start the simulator
// (e.g. a test driving a simulator the demo or the e2e harness started).
import type { Fault, LoggedRequest, SimulatorControl, SimulatorSettings, StoredSchedule } from "./types";

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
    addRegistry: (id: string, type: string) =>
      call("POST", "/registries", { id, type }).then(() => undefined),
    schedules: (registryId?: string) =>
      call<StoredSchedule[]>(
        "GET",
        registryId === undefined ? "/schedules" : `/schedules?registryId=${seg(registryId)}`,
      ),
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
