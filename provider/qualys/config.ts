/**
 * Provider settings: stack config first (`qualys:*`, which the engine hands to `configure`, also for
 * refresh and destroy), then the environment (`QUALYS_*`). Resolved lazily, on the first API call, so
 * that `pulumi preview` of new schedules needs no credentials and makes no call.
 */
import { ConfigError } from "../errors";
import { resolveGateway } from "./gateway";
import type { HttpEvent } from "./http/events";
import { SETTINGS } from "./settings";

/** Everything the HTTP client needs: resolved settings plus test and debug hooks. */
export interface ClientSettings {
  /** Resolved, no trailing slash. */
  gatewayUrl: string;
  username: string;
  password: string;
  /** Per HTTP attempt (default chosen by the caller: 30000). */
  timeoutMs: number;
  /** Retries per request after the first attempt (default 5). */
  maxRetries: number;
  /** Max requests in flight per client (default 8). */
  concurrency: number;
  /** Cap for one rate-limit/backoff wait (default 60000). */
  maxWaitMs?: number;
  /** Exponential backoff base (default 500). */
  retryBaseMs?: number;
  /** Debug hook: called for each request, retry, wait and authentication. */
  onEvent?: (e: HttpEvent) => void;
}

/** Reads one raw setting; `configure` gives the engine's config, else only the environment counts. */
export type ConfigSource = (key: string) => string | undefined;

interface SettingSpec {
  key: string;
  env: string;
}

/** Defaults of the tuning settings. */
export const DEFAULTS = { requestTimeoutSeconds: 30, maxRetries: 5, concurrency: 8 } as const;

function raw(source: ConfigSource | undefined, spec: SettingSpec): string | undefined {
  const fromConfig = source?.(spec.key);
  if (fromConfig !== undefined && fromConfig !== "") return fromConfig;
  const fromEnv = process.env[spec.env];
  return fromEnv !== undefined && fromEnv !== "" ? fromEnv : undefined;
}

function required(source: ConfigSource | undefined, spec: SettingSpec, what: string, secret = false): string {
  const v = raw(source, spec);
  if (v === undefined) {
    throw new ConfigError({
      configKey: spec.key,
      envVar: spec.env,
      problem: { kind: "missing", what, secret },
    });
  }
  return v;
}

function integer(
  source: ConfigSource | undefined,
  spec: SettingSpec,
  fallback: number,
  min: number,
  max: number,
): number {
  const v = raw(source, spec);
  if (v === undefined) return fallback;
  const n = Number(v);
  if (!/^\s*\d+\s*$/.test(v) || !Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError({
      configKey: spec.key,
      envVar: spec.env,
      problem: { kind: "out-of-range", value: v, min, max },
    });
  }
  return n;
}

/** Resolves and validates every setting; throws `ConfigError` naming the config key and the variable. */
export function resolveSettings(source: ConfigSource | undefined): ClientSettings {
  const gateway = required(
    source,
    SETTINGS.gatewayUrl,
    "gateway (a platform key such as US2, or an https URL)",
  );
  return {
    gatewayUrl: resolveGateway(gateway, {
      configKey: SETTINGS.gatewayUrl.key,
      envVar: SETTINGS.gatewayUrl.env,
    }),
    username: required(source, SETTINGS.username, "username"),
    password: required(source, SETTINGS.password, "password", true),
    timeoutMs: integer(source, SETTINGS.requestTimeoutSeconds, DEFAULTS.requestTimeoutSeconds, 1, 600) * 1000,
    maxRetries: integer(source, SETTINGS.maxRetries, DEFAULTS.maxRetries, 0, 20),
    concurrency: integer(source, SETTINGS.concurrency, DEFAULTS.concurrency, 1, 64),
  };
}
