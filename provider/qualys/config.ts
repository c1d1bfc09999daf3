/**
 * Provider settings: stack config first (`qualys:*`, which the engine hands to `configure`, also for
 * refresh and destroy), then the environment (`QUALYS_*`). Resolved lazily, on the first API call, so
 * that `pulumi preview` of new schedules needs no credentials and makes no call.
 */
import { ConfigError } from "../errors";
import { resolveGateway } from "./gateway";
import type { HttpEvent } from "./http/events";
import { registerSecrets } from "./redact";
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
  /**
   * Max calls (every attempt, `/auth` included) per 60 s per client (default 300 of the 1000 Qualys
   * allows a subscription); a call over it waits (http/call-budget.ts). 0: no budget (a gateway
   * without that limit, such as the simulator).
   */
  maxCallsPerMinute?: number;
  /** Where a wait of the call budget is announced (default: a line on stderr, which the engine shows). */
  onNotice?: (message: string) => void;
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
  secret?: boolean;
}

/** Defaults of the tuning settings. */
export const DEFAULTS = {
  requestTimeoutSeconds: 30,
  maxRetries: 5,
  concurrency: 8,
  // Under a third of Qualys's 1000 calls per 60 s per subscription: room for the other integrations.
  maxCallsPerMinute: 300,
} as const;

function raw(source: ConfigSource | undefined, spec: SettingSpec): string | undefined {
  const fromConfig = source?.(spec.key);
  const fromEnv = process.env[spec.env];
  const value =
    fromConfig !== undefined && fromConfig !== ""
      ? fromConfig
      : fromEnv !== undefined && fromEnv !== ""
        ? fromEnv
        : undefined;
  // A setting the table marks secret is left out of every message from the moment it is read.
  if (spec.secret === true && value !== undefined) registerSecrets([value]);
  return value;
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

/** The last settings resolved, and the raw values they came from. */
let lastResolved: { raw: string; settings: ClientSettings } | undefined;

/**
 * Resolves and validates every setting; throws `ConfigError` naming the config key and the variable.
 * The provider asks for every API call (a refresh of 200 schedules: 200 times); while the raw values are
 * those of the last success, that result is returned again, the same object, so that the client and the
 * resource APIs built for it (`per-client.ts`) are found without parsing or hashing anything again.
 */
export function resolveSettings(source: ConfigSource | undefined): ClientSettings {
  const rawValues = JSON.stringify(Object.values(SETTINGS).map((spec) => raw(source, spec) ?? null));
  if (lastResolved?.raw === rawValues) return lastResolved.settings;
  const settings = resolveFresh(source);
  lastResolved = { raw: rawValues, settings };
  return settings;
}

function resolveFresh(source: ConfigSource | undefined): ClientSettings {
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
    password: required(source, SETTINGS.password, "password", SETTINGS.password.secret),
    timeoutMs: integer(source, SETTINGS.requestTimeoutSeconds, DEFAULTS.requestTimeoutSeconds, 1, 600) * 1000,
    maxRetries: integer(source, SETTINGS.maxRetries, DEFAULTS.maxRetries, 0, 20),
    concurrency: integer(source, SETTINGS.concurrency, DEFAULTS.concurrency, 1, 64),
    maxCallsPerMinute: integer(source, SETTINGS.maxCallsPerMinute, DEFAULTS.maxCallsPerMinute, 0, 1000),
  };
}
