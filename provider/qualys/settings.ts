/**
 * The provider's settings by name: the stack config key and the environment variable of each. The
 * one place these names are spelled; messages that tell users what to set render them from here.
 */
export const SETTINGS = {
  gatewayUrl: { key: "qualys:gatewayUrl", env: "QUALYS_GATEWAY_URL" },
  username: { key: "qualys:username", env: "QUALYS_USERNAME" },
  // `secret`: its value is registered with the redaction wherever it is read (config.ts, redact.ts).
  password: { key: "qualys:password", env: "QUALYS_PASSWORD", secret: true },
  requestTimeoutSeconds: { key: "qualys:requestTimeoutSeconds", env: "QUALYS_REQUEST_TIMEOUT_SECONDS" },
  maxRetries: { key: "qualys:maxRetries", env: "QUALYS_MAX_RETRIES" },
  concurrency: { key: "qualys:concurrency", env: "QUALYS_CONCURRENCY" },
  maxCallsPerMinute: { key: "qualys:maxCallsPerMinute", env: "QUALYS_MAX_CALLS_PER_MINUTE" },
} as const;

/** A setting's name. */
export type SettingName = keyof typeof SETTINGS;

/** `qualys:gatewayUrl / QUALYS_GATEWAY_URL`: how messages name a setting. */
export function setting(name: SettingName): string {
  return `${SETTINGS[name].key} / ${SETTINGS[name].env}`;
}

/** `qualys:concurrency (QUALYS_CONCURRENCY)`: the same, where a slash would read as "or" twice. */
export function settingInParens(name: SettingName): string {
  return `${SETTINGS[name].key} (${SETTINGS[name].env})`;
}
