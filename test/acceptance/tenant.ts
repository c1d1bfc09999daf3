/**
 * What an acceptance run knows of the tenant it runs against, all from the environment: the gateway,
 * user and password (`QUALYS_GATEWAY_URL`, `QUALYS_USERNAME`, `QUALYS_PASSWORD`) and the registry to
 * work in (`QUALYS_ACCEPTANCE_REGISTRY_ID`). Every test reaches the gateway through the run's recording
 * proxy (./global-setup.ts), and every name it gives carries the run prefix.
 */
import type { ConfigMap } from "@pulumi/pulumi/automation";

import type { SweepApis } from "../../provider/cli/sweep";
import { RegistryApi } from "../../provider/registry/api";
import { ScheduleApi } from "../../provider/schedule/api";
import { resolveGateway } from "../../provider/qualys/gateway";
import { QualysClient } from "../../provider/qualys/http/client";

/** The variables a run needs, in the order the gate reports them. */
export const REQUIRED_VARIABLES = [
  "QUALYS_GATEWAY_URL",
  "QUALYS_USERNAME",
  "QUALYS_PASSWORD",
  "QUALYS_ACCEPTANCE_REGISTRY_ID",
] as const;

/** Set by the global setup for the test files: the proxy URL and the run prefix. */
export const PROXY_VARIABLE = "QUALYS_ACCEPTANCE_PROXY_URL";
export const PREFIX_VARIABLE = "QUALYS_ACCEPTANCE_RUN_PREFIX";

export interface Tenant {
  /** The real gateway (resolved from a platform key or URL). */
  gatewayUrl: string;
  username: string;
  password: string;
  registryId: string;
}

/** The tenant from the environment; throws naming every variable that is missing. */
export function tenantFromEnv(env: NodeJS.ProcessEnv = process.env): Tenant {
  const missing = REQUIRED_VARIABLES.filter((v) => (env[v] ?? "") === "");
  if (missing.length > 0) {
    throw new Error(`The acceptance run needs ${missing.join(", ")}: set them and run it again.`);
  }
  return {
    gatewayUrl: resolveGateway(env.QUALYS_GATEWAY_URL!, {
      configKey: "qualys:gatewayUrl",
      envVar: "QUALYS_GATEWAY_URL",
    }),
    username: env.QUALYS_USERNAME!,
    password: env.QUALYS_PASSWORD!,
    registryId: env.QUALYS_ACCEPTANCE_REGISTRY_ID!,
  };
}

/**
 * A prefix unique to this run, e.g. `pqcs-acc-mi3k2x9a-7f3a-`: the tool's name, the start time and a
 * random part, so that two runs (or a run and a person) never share names.
 */
export function newRunPrefix(now = Date.now(), random = Math.random()): string {
  const rand = Math.floor(random * 36 ** 4)
    .toString(36)
    .padStart(4, "0");
  return `pqcs-acc-${now.toString(36)}-${rand}-`;
}

/** What a test file of the run gets: the tenant through the proxy, and the prefix. */
export interface RunContext extends Tenant {
  /** The recording proxy: the gateway every test uses. */
  proxyUrl: string;
  prefix: string;
}

export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const proxyUrl = env[PROXY_VARIABLE];
  const prefix = env[PREFIX_VARIABLE];
  if (!proxyUrl || !prefix) {
    throw new Error(
      "The acceptance tests run only through `npm run test:acceptance` (its global setup starts the recording proxy).",
    );
  }
  return { ...tenantFromEnv(env), proxyUrl, prefix };
}

/** Stack config of a test stack: the proxy as gateway, the password a secret. */
export function stackConfig(run: RunContext): ConfigMap {
  return {
    "qualys:gatewayUrl": { value: run.proxyUrl },
    "qualys:username": { value: run.username },
    "qualys:password": { value: run.password, secret: true },
  };
}

/** The environment the package's command reads its settings from. */
export function commandEnv(run: RunContext): Record<string, string> {
  return { QUALYS_GATEWAY_URL: run.proxyUrl, QUALYS_USERNAME: run.username, QUALYS_PASSWORD: run.password };
}

/**
 * The tests' own access to the tenant, for what a person would do in the console (a schedule made
 * outside Pulumi, a change behind its back) and to check results. A client of its own: the provider's
 * process-wide caches play no part.
 */
export function tenantApis(run: RunContext): SweepApis {
  const client = new QualysClient({
    gatewayUrl: run.proxyUrl,
    username: run.username,
    password: run.password,
    timeoutMs: 60_000,
    maxRetries: 5,
    concurrency: 4,
  });
  return { schedules: new ScheduleApi(client), registries: new RegistryApi(client) };
}

/** The schedule part of `tenantApis`. */
export function tenantApi(run: RunContext): ScheduleApi {
  return tenantApis(run).schedules;
}
