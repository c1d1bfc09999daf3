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

export const REGISTRIES = "/csapi/v1.3/registry";
export const ACR_CONNECTOR = "acr-connector-1";
export const GCP_CONNECTOR = "gcp-connector-1";

/** A valid create body of each registry type, as the provider sends it. */
export function registryBody(type: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const bodies: Record<string, Record<string, unknown>> = {
    DockerHub: {
      registryType: "DockerHub",
      registryUri: "https://registry-1.docker.io",
      registryName: "hub",
      credentialType: "DockerHub",
      credential: { username: "ci-bot", password: "hub-password" },
      dockerHubOrgName: "acme",
    },
    V2_PRIVATE: {
      registryType: "V2_PRIVATE",
      registryUri: "https://harbor.example.com",
      registryName: "harbor",
      credentialType: "BasicAuth",
      credential: { username: "robot$ci", password: "harbor-password" },
    },
    V2: {
      registryType: "V2",
      registryUri: "https://quay.example.com",
      registryName: "quay",
      credentialType: "None",
    },
    AWS: {
      registryType: "AWS",
      registryUri: "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com",
      registryName: "ecr",
      credentialType: "AWS",
      aws: {
        accountId: "123456789012",
        arn: "arn:aws:iam::123456789012:role/qualys-ecr",
        region: "eu-west-1",
        accountType: "Global",
      },
    },
    Azure: {
      registryType: "Azure",
      registryUri: "https://acme.azurecr.io",
      registryName: "acr",
      credentialType: "Azure",
      acrRequest: { connectorId: ACR_CONNECTOR },
    },
    GCP: {
      registryType: "GCP",
      registryUri: "https://eu.gcr.io",
      registryName: "gcr",
      credentialType: "GCP",
      gcpRequest: { connectorId: GCP_CONNECTOR, projectId: "acme-prod", location: "eu" },
    },
    GOOGLE_ARTIFACT_REGISTRY: {
      registryType: "GOOGLE_ARTIFACT_REGISTRY",
      registryUri: "https://europe-west1-docker.pkg.dev",
      registryName: "gar",
      credentialType: "GCP",
      garRequest: { connectorId: GCP_CONNECTOR, projectId: "acme-prod", registry: "images" },
    },
  };
  return { ...bodies[type], ...overrides };
}
