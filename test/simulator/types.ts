// The simulator's public shapes. Other parts of the repo (demo, e2e tests, benchmarks) code
// against these names, so they change only together with those parts.

export interface SimulatorOptions {
  /** 0 = ephemeral (default). */
  port?: number;
  username?: string;
  password?: string;
  /** Default: the demo registry only. Seeded registries bypass the wire rules and survive `reset`. */
  registries?: SeedRegistry[];
  /** Default 4 hours, as the real gateway. */
  tokenTtlSeconds?: number;
  /** Persist registries and schedules as JSON after every change; loaded at start if present. */
  statePath?: string;
  rateLimit?: RateLimitSettings | null;
  /** List answers leave out interval, weekDay, forceScan, additionalFilters (the v1.1 shape). */
  omitExtendedFields?: boolean;
  /** Subscription feature "Force Registry Image Scan"; default true. */
  forceScanEnabled?: boolean;
  /** Delay before an asynchronous bulk delete takes effect; default 200 ms. */
  bulkDeleteDelayMs?: number;
  /** Added to every /auth and /csapi request; default 0. */
  latencyMs?: number;
}

/** A registry put in place without the API: an ID and a type, optionally a URI and a name. */
export interface SeedRegistry {
  id: string;
  type: string;
  /** Default `https://<id>.seeded.invalid`. */
  uri?: string;
  /** Default: the ID. */
  name?: string;
}

/** The registry types the gateway knows (docs/qualys-registry-contract.md). */
export const REGISTRY_TYPES = [
  "DockerHub",
  "V2_PRIVATE",
  "V2",
  "AWS",
  "Azure",
  "GCP",
  "GOOGLE_ARTIFACT_REGISTRY",
] as const;

export interface AwsBlock {
  accountId: string;
  arn: string;
  region: string;
  accountType: "Global" | "US_Gov";
}

/** What a client may set on a registry (a create or update body, validated). */
export interface RegistryFields {
  registryType: string;
  registryUri: string;
  registryName: string;
  credentialType: string;
  username: string | null;
  /**
   * SHA-256 (hex, first 16 characters) of the password or token. The secret itself is never kept, so
   * nothing the simulator answers or persists can leak it; tests compare fingerprints.
   */
  secretFingerprint: string | null;
  dockerHubOrgName: string | null;
  aws: AwsBlock | null;
  connectorId: string | null;
  projectId: string | null;
  location: string | null;
  /** The Artifact Registry repository (`garRequest.registry`). */
  repository: string | null;
}

/** Fields with nothing set, for a type that has no credential and no per-type block. */
export function emptyRegistryFields(): RegistryFields {
  return {
    registryType: "",
    registryUri: "",
    registryName: "",
    credentialType: "None",
    username: null,
    secretFingerprint: null,
    dockerHubOrgName: null,
    aws: null,
    connectorId: null,
    projectId: null,
    location: null,
    repository: null,
  };
}

export interface StoredRegistry extends RegistryFields {
  registryUuid: string;
  /** `seed`: added at start or through `addRegistry`, kept across `reset`. */
  origin: "seed" | "api";
  /** Set while an asynchronous delete is pending. */
  deletionJobId: string | null;
  created: number;
  updated: number;
}

export type ConnectorProvider = "aws" | "acr" | "gcp";

export interface StoredConnector {
  provider: ConnectorProvider;
  connectorId: string;
  name: string;
  description: string;
  /** AWS connectors only: the IAM role they assume, and its account. */
  arn: string | null;
  accountId: string | null;
  origin: "seed" | "api";
  created: number;
}

export interface RateLimitSettings {
  limit: number;
  windowSec: number;
  flavour: "429" | "409";
}

export interface RunningSimulator {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  control: SimulatorControl;
  close(): Promise<void>;
}

export interface RepoTag {
  repo: string;
  tag: string | null;
}

export interface ScheduleFilter {
  repoTags: RepoTag[];
  days: number | null;
}

export interface AdditionalFilters {
  numberOfTags: number | null;
  sortCriteria: string | null;
}

export interface StoredSchedule {
  registryId: string;
  scheduleUuid: string;
  name: string;
  onDemand: boolean;
  filters: ScheduleFilter[];
  scheduleScanIntervalInDays: number | null;
  weekDay: string | null;
  schedule: string | null;
  forceScan: boolean;
  additionalFilters: AdditionalFilters | null;
  registryType: string;
  status: string;
  created: number;
  updated: number;
}

/** What a client may set on a schedule: everything but identity, status and timestamps. */
export type ScheduleFields = Pick<
  StoredSchedule,
  | "name"
  | "onDemand"
  | "filters"
  | "scheduleScanIntervalInDays"
  | "weekDay"
  | "schedule"
  | "forceScan"
  | "additionalFilters"
>;

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  /** 0 when the connection was dropped without an answer. */
  status: number;
  /** ms epoch, arrival. */
  at: number;
  durationMs: number;
  /** The client's `X-Request-Id` header, if it sent one: the same on every attempt of one call. */
  requestId?: string;
  /** The kind of the injected fault that shaped this answer, if one did. */
  fault?: Fault["kind"];
  /** For a `staleList` fault: the schedule the answer left out. */
  omitted?: string;
}

export type Fault = {
  method?: string;
  /** RegExp source matched against the path without query. */
  path: string;
  /** How many times it fires; default 1. */
  times?: number;
  /**
   * Chance that a matching request meets the fault, from 0 (exclusive) to 1 (default: always). A
   * request it spares does not use up `times`, and the next armed fault may match it instead.
   */
  probability?: number;
  /** Seed of the fault's own random draws (which requests it hits, which schedule it leaves out); default 1. */
  seed?: number;
} & (
  | { kind: "status"; status: number; body?: string; headers?: Record<string, string> }
  | { kind: "commitThenFail"; mode: "500" | "drop" }
  | { kind: "latency"; ms: number }
  | { kind: "hang"; ms: number }
  | { kind: "drop" }
  | { kind: "body"; status: number; body: string; contentType?: string }
  /**
   * A list answer that misses one schedule matching the query, picked at random, as a search index
   * that lags behind: the count drops by one, and a query left with no match answers 204. Other
   * requests are answered normally (the fault still fires on them, so match list paths only).
   */
  | { kind: "staleList" }
  /**
   * An error reply that echoes the request, as validating gateways and proxies do: its body, its
   * query and its headers (the `Authorization` header included), verbatim, in the JSON `message`
   * (`format: "json"`, the default) or as a plain-text body. Nothing is done.
   */
  | { kind: "echo"; status: number; format?: "json" | "text" }
);

export type SimulatorSettings = Pick<
  SimulatorOptions,
  | "rateLimit"
  | "omitExtendedFields"
  | "forceScanEnabled"
  | "tokenTtlSeconds"
  | "latencyMs"
  | "bulkDeleteDelayMs"
>;

export interface SimulatorControl {
  /**
   * Clears schedules, faults, log and the rate-limit window, and the registries and connectors made
   * through the API; keeps seeded registries and connectors, and settings.
   */
  reset(): void;
  /** Seeds a registry (no wire rules); it survives `reset`. */
  addRegistry(id: string, type: string, extra?: { uri?: string; name?: string }): void;
  /** Every registry, with credential fingerprints, never a secret. */
  registries(): StoredRegistry[];
  /** As if made in the console; validated like POST (400 naming the field, duplicate URI). */
  createRegistry(body: unknown): StoredRegistry;
  /** Behind the provider's back: removed at once with its schedules. */
  deleteRegistry(registryUuid: string): void;
  /** Behind the provider's back (drift): any field but the UUID. */
  patchRegistry(registryUuid: string, patch: Partial<RegistryFields>): void;
  /** Seeds a connector (kept across `reset`). */
  addConnector(connector: {
    provider: ConnectorProvider;
    connectorId: string;
    name?: string;
    arn?: string;
  }): StoredConnector;
  connectors(): StoredConnector[];
  schedules(registryId?: string): StoredSchedule[];
  /** As if made in the console; validated like POST. */
  createSchedule(registryId: string, body: unknown): StoredSchedule;
  setStatus(registryId: string, scheduleUuid: string, status: string): void;
  /** Behind the provider's back. */
  deleteSchedule(registryId: string, scheduleUuid: string): void;
  patchSchedule(registryId: string, scheduleUuid: string, patch: Partial<StoredSchedule>): void;
  requests(): LoggedRequest[];
  clearRequests(): void;
  injectFault(f: Fault): void;
  clearFaults(): void;
  configure(settings: Partial<SimulatorSettings>): void;
  /** Every issued token now answers 401 "JWT expired". */
  expireTokens(): void;
}
