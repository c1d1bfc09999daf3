// Shared set-up for the simulator's own tests: one simulator per test file on an ephemeral port,
// reset before each test, and an axios client that never throws on an HTTP status.
import axios, { type AxiosInstance } from "axios";
import { DEMO_PASSWORD, DEMO_REGISTRY_ID, DEMO_USERNAME, startSimulator } from "./index";
import type { RunningSimulator, SimulatorOptions } from "./types";

export const REGISTRY = `/csapi/v1.3/registry/${DEMO_REGISTRY_ID}`;
export const SCHEDULES = `${REGISTRY}/schedule`;

export interface Harness {
  sim: RunningSimulator;
  /** No credentials. */
  http: AxiosInstance;
  /** Carries a fresh bearer token, fetched before each test. */
  api: AxiosInstance;
  token: string;
}

export function client(baseURL: string, token?: string): AxiosInstance {
  return axios.create({
    baseURL,
    validateStatus: () => true,
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });
}

export async function login(http: AxiosInstance): Promise<string> {
  const res = await http.post<string>(
    "/auth",
    new URLSearchParams({ username: DEMO_USERNAME, password: DEMO_PASSWORD, token: "true" }).toString(),
    { headers: { "Content-Type": "application/x-www-form-urlencoded" }, responseType: "text" },
  );
  if (res.status !== 201) throw new Error(`login failed: ${res.status}`);
  return res.data;
}

export function useSimulator(opts: SimulatorOptions = {}): () => Harness {
  const h = {} as Harness;
  beforeAll(async () => {
    h.sim = await startSimulator(opts);
    h.http = client(h.sim.url);
  });
  afterAll(() => h.sim.close());
  beforeEach(async () => {
    h.sim.control.reset();
    // Tests that change settings must not leak them into the next test.
    h.sim.control.configure({
      rateLimit: opts.rateLimit ?? null,
      omitExtendedFields: opts.omitExtendedFields ?? false,
      forceScanEnabled: opts.forceScanEnabled ?? true,
      tokenTtlSeconds: opts.tokenTtlSeconds ?? 4 * 3600,
      latencyMs: opts.latencyMs ?? 0,
      bulkDeleteDelayMs: opts.bulkDeleteDelayMs ?? 200,
    });
    h.token = await login(h.http);
    h.api = client(h.sim.url, h.token);
    h.sim.control.clearRequests();
  });
  return () => h;
}

/** An automatic weekly body as the provider sends it: nested, both interval keys, explicit nulls. */
export function weekly(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: "nightly-prod",
    onDemand: false,
    filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
    scheduleScanIntervalInDays: 7,
    scheduleIntervalInDays: 7,
    weekDay: "THURSDAY",
    schedule: "06:55",
    forceScan: true,
    registryType: "DockerHub",
    additionalFilters: { numberOfTags: 5, sortCriteria: "createdDate" },
    ...overrides,
  };
}

export function daily(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return weekly({
    name: "daily",
    scheduleScanIntervalInDays: 1,
    scheduleIntervalInDays: 1,
    weekDay: null,
    schedule: "02:00",
    forceScan: false,
    ...overrides,
  });
}

export function onDemand(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return weekly({
    name: "once",
    onDemand: true,
    scheduleScanIntervalInDays: null,
    scheduleIntervalInDays: null,
    weekDay: null,
    schedule: null,
    forceScan: false,
    ...overrides,
  });
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Polls until check() holds or the deadline passes; bounded so no test can spin forever. */
export async function eventually(check: () => boolean, timeoutMs = 2000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (check()) return true;
    await sleep(10);
  }
  return check();
}
