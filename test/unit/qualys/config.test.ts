/**
 * Provider settings (provider/config.ts): stack config first, then the environment; a missing or
 * invalid setting names both the config key and the environment variable, and never echoes a secret.
 */
import { resolveSettings, type ConfigSource } from "../../../provider/qualys/config";
import { ConfigError } from "../../../provider/errors";

const ENV_KEYS = [
  "QUALYS_GATEWAY_URL",
  "QUALYS_USERNAME",
  "QUALYS_PASSWORD",
  "QUALYS_REQUEST_TIMEOUT_SECONDS",
  "QUALYS_MAX_RETRIES",
  "QUALYS_CONCURRENCY",
];
const saved: Record<string, string | undefined> = {};

beforeEach(() => {
  for (const k of ENV_KEYS) {
    saved[k] = process.env[k];
    delete process.env[k];
  }
});

afterEach(() => {
  for (const k of ENV_KEYS) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
});

const config =
  (values: Record<string, string>): ConfigSource =>
  (key) =>
    values[key];

const full = { "qualys:gatewayUrl": "US2", "qualys:username": "u", "qualys:password": "p4ssw0rd-secret" };

function failure(source: ConfigSource | undefined): ConfigError {
  try {
    resolveSettings(source);
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("resolveSettings did not fail");
}

describe("where settings come from", () => {
  test("stack config, with defaults for the tuning settings", () => {
    expect(resolveSettings(config(full))).toEqual({
      gatewayUrl: "https://gateway.qg2.apps.qualys.com",
      username: "u",
      password: "p4ssw0rd-secret",
      timeoutMs: 30000,
      maxRetries: 5,
      concurrency: 8,
      maxCallsPerMinute: 300,
    });
  });

  test("the environment when the stack config does not set a key; stack config wins when both do", () => {
    process.env.QUALYS_GATEWAY_URL = "http://127.0.0.1:9999";
    process.env.QUALYS_USERNAME = "env-user";
    process.env.QUALYS_PASSWORD = "env-pass";
    process.env.QUALYS_CONCURRENCY = "3";
    const s = resolveSettings(config({ "qualys:username": "config-user" }));
    expect(s).toMatchObject({
      gatewayUrl: "http://127.0.0.1:9999",
      username: "config-user",
      password: "env-pass",
      concurrency: 3,
    });
  });
});

describe("a missing setting", () => {
  test.each([
    ["qualys:gatewayUrl", "QUALYS_GATEWAY_URL"],
    ["qualys:username", "QUALYS_USERNAME"],
    ["qualys:password", "QUALYS_PASSWORD"],
  ])("%s names the config key and %s", (key, env) => {
    const values: Record<string, string> = { ...full };
    delete values[key];
    const err = failure(config(values));
    expect(err.configKey).toBe(key);
    expect(err.envVar).toBe(env);
    expect(err.message).toContain(key);
    expect(err.message).toContain(env);
  });

  test("the password's hint says to store it as a secret", () => {
    const { "qualys:password": _p, ...values } = full;
    expect(failure(config(values)).message).toContain("pulumi config set --secret qualys:password");
  });
});

describe("an invalid setting", () => {
  test.each([
    ["qualys:requestTimeoutSeconds", "0", "QUALYS_REQUEST_TIMEOUT_SECONDS"],
    ["qualys:maxRetries", "many", "QUALYS_MAX_RETRIES"],
    ["qualys:concurrency", "65", "QUALYS_CONCURRENCY"],
    ["qualys:gatewayUrl", "http://qualys.example.com", "QUALYS_GATEWAY_URL"],
  ])("%s = %s names the key, the variable and the value", (key, value, env) => {
    const err = failure(config({ ...full, [key]: value }));
    expect(err.message).toContain(key);
    expect(err.message).toContain(env);
    expect(err.message).toContain(value);
    expect(err.message).not.toContain("p4ssw0rd-secret");
  });
});

describe("resolving again (the provider resolves before every API call)", () => {
  it("returns the same settings object while the raw values stay the same", () => {
    const first = resolveSettings(config(full));
    expect(resolveSettings(config({ ...full }))).toBe(first);
  });

  it("resolves anew when a value changes, in the config or in the environment", () => {
    const first = resolveSettings(config(full));
    const other = resolveSettings(config({ ...full, "qualys:username": "someone-else" }));
    expect(other).not.toBe(first);
    expect(other.username).toBe("someone-else");
    process.env.QUALYS_CONCURRENCY = "3";
    const fromEnv = resolveSettings(config(full));
    expect(fromEnv).not.toBe(first);
    expect(fromEnv.concurrency).toBe(3);
  });

  it("never keeps a failure: the next call with good values succeeds, and a bad one fails every time", () => {
    const bad = config({ ...full, "qualys:concurrency": "0" });
    expect(() => resolveSettings(bad)).toThrow(ConfigError);
    expect(() => resolveSettings(bad)).toThrow(ConfigError);
    expect(resolveSettings(config(full)).concurrency).toBe(8);
  });
});
