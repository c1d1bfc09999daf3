import { ConfigError } from "../errors";
import { SETTINGS } from "./settings";

/** Qualys platform keys and their API gateway URLs (docs/qualys-contract.md §2). */
export const PLATFORMS = Object.freeze({
  US1: "https://gateway.qg1.apps.qualys.com",
  US2: "https://gateway.qg2.apps.qualys.com",
  US3: "https://gateway.qg3.apps.qualys.com",
  US4: "https://gateway.qg4.apps.qualys.com",
  EU1: "https://gateway.qg1.apps.qualys.eu",
  EU2: "https://gateway.qg2.apps.qualys.eu",
  EU3: "https://gateway.qg3.apps.qualys.it",
  IN1: "https://gateway.qg1.apps.qualys.in",
  CA1: "https://gateway.qg1.apps.qualys.ca",
  AE1: "https://gateway.qg1.apps.qualys.ae",
  UK1: "https://gateway.qg1.apps.qualys.co.uk",
  AU1: "https://gateway.qg1.apps.qualys.com.au",
  KSA1: "https://gateway.qg1.apps.qualysksa.com",
} as const);
/** A Qualys platform key (`US1`, `EU2`, …). */
export type PlatformKey = keyof typeof PLATFORMS;

/** True for hosts that never leave this machine: 127.0.0.0/8, localhost, [::1]. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  if (host === "localhost" || host === "[::1]" || host === "::1") return true;
  const m = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return m !== null && m.slice(1).every((octet) => Number(octet) <= 255);
}

/**
 * Accepts a platform key (case-insensitive, e.g. "us2") or a URL; https required except plain http to
 * loopback (127.0.0.0/8, localhost, [::1]). Returns the URL without trailing slash. Throws ConfigError
 * naming the config key and env var.
 */
export function resolveGateway(value: string, source: { configKey: string; envVar: string }): string {
  const fail = (problem: string): never => {
    throw new ConfigError({
      ...source,
      problem: { kind: "bad-gateway", problem, platformKeys: Object.keys(PLATFORMS), example: PLATFORMS.US1 },
    });
  };
  const text = typeof value === "string" ? value.trim() : "";
  if (text.length === 0) return fail("is not set");
  const shown = JSON.stringify(text.length > 100 ? `${text.slice(0, 100)}…` : text);

  const key = text.toUpperCase();
  const platform = Object.hasOwn(PLATFORMS, key) ? PLATFORMS[key as PlatformKey] : undefined;
  if (platform !== undefined) return platform;
  if (!text.includes("/") && !text.includes(":")) {
    return fail(`is ${shown}, which is neither a known platform key nor a URL`);
  }

  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return fail(`is ${shown}, which is not a valid URL`);
  }
  if (url.username !== "" || url.password !== "") {
    return fail(
      `contains credentials in the URL; set ${SETTINGS.username.key} and ${SETTINGS.password.key} instead`,
    );
  }
  if (url.search !== "" || url.hash !== "") {
    return fail(`is ${shown}, which has a query or fragment; give the gateway's base URL only`);
  }
  if (url.protocol === "http:") {
    if (!isLoopbackHost(url.hostname)) {
      return fail(`is ${shown}: plain http is only allowed to this machine (loopback); use https`);
    }
  } else if (url.protocol !== "https:") {
    return fail(`is ${shown}: only https URLs are accepted`);
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}
