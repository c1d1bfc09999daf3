/**
 * The provider's settings by name: the stack config key and the environment variable of each. The
 * one place these names are spelled; messages that tell users what to set render them from here.
 */
export const SETTINGS = {
  gatewayUrl: {
    key: "qualys:gatewayUrl",
    env: "QUALYS_GATEWAY_URL",
    type: "string",
    description:
      "The Qualys API gateway: a platform key such as `US2` or `EU1`, or an https URL (http only on loopback).",
  },
  username: {
    key: "qualys:username",
    env: "QUALYS_USERNAME",
    type: "string",
    description: "The Qualys user the provider signs in as.",
  },
  // `secret`: its value is registered with the redaction wherever it is read (config.ts, redact.ts).
  password: {
    key: "qualys:password",
    env: "QUALYS_PASSWORD",
    type: "string",
    // `secret`: its value is registered with the redaction wherever it is read (config.ts, redact.ts).
    secret: true,
    description: "The Qualys user's password (keep it a secret: `pulumi config set --secret`).",
  },
  requestTimeoutSeconds: {
    key: "qualys:requestTimeoutSeconds",
    env: "QUALYS_REQUEST_TIMEOUT_SECONDS",
    type: "integer",
    description: "How long one HTTP attempt may take, in seconds: 1–600, default 30.",
  },
  maxRetries: {
    key: "qualys:maxRetries",
    env: "QUALYS_MAX_RETRIES",
    type: "integer",
    description: "Retries of a failed request after its first attempt: 0–20, default 5.",
  },
  concurrency: {
    key: "qualys:concurrency",
    env: "QUALYS_CONCURRENCY",
    type: "integer",
    description: "How many requests the provider has in flight at once: 1–64, default 8.",
  },
  maxCallsPerMinute: {
    key: "qualys:maxCallsPerMinute",
    env: "QUALYS_MAX_CALLS_PER_MINUTE",
    type: "integer",
    description:
      "Calls to Qualys per 60 s per provider process: 0–1000, default 300 (0: no budget). A call over it waits.",
  },
} as const satisfies Record<string, SettingSpec>;

/**
 * One setting: its stack config key and environment variable, and for the plugin schema's provider
 * configuration (provider/plugin/schema.ts) its type, whether it is a secret, and what it is.
 */
export interface SettingSpec {
  key: string;
  env: string;
  type: "string" | "integer";
  secret?: true;
  description: string;
}

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
