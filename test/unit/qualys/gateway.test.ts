import { ConfigError } from "../../../provider/errors";
import { PLATFORMS, isLoopbackHost, resolveGateway } from "../../../provider/qualys/gateway";

const source = { configKey: "qualys:gatewayUrl", envVar: "QUALYS_GATEWAY_URL" };
const resolve = (v: string): string => resolveGateway(v, source);
function failure(v: string): ConfigError {
  try {
    resolve(v);
  } catch (e) {
    if (e instanceof ConfigError) return e;
    throw e;
  }
  throw new Error(`accepted ${JSON.stringify(v)}`);
}

describe("gateway: platform keys", () => {
  it("knows the 13 platforms of the contract, each an https gateway URL without trailing slash", () => {
    expect(Object.keys(PLATFORMS).sort()).toEqual(
      ["AE1", "AU1", "CA1", "EU1", "EU2", "EU3", "IN1", "KSA1", "UK1", "US1", "US2", "US3", "US4"].sort(),
    );
    for (const url of Object.values(PLATFORMS))
      expect(url).toMatch(/^https:\/\/gateway\.qg\d\.apps\.qualys[a-z]*\.[a-z.]+[a-z]$/);
    expect(PLATFORMS.US2).toBe("https://gateway.qg2.apps.qualys.com");
    expect(PLATFORMS.EU3).toBe("https://gateway.qg3.apps.qualys.it");
    expect(PLATFORMS.KSA1).toBe("https://gateway.qg1.apps.qualysksa.com");
  });

  it.each([["us2"], ["US2"], [" Us2 "]])("%j resolves case-insensitively", (key) => {
    expect(resolve(key)).toBe("https://gateway.qg2.apps.qualys.com");
  });
});

describe("gateway: URLs", () => {
  it.each([
    ["https://gateway.qg2.apps.qualys.com/", "https://gateway.qg2.apps.qualys.com"],
    ["https://qualys.example.internal:8443/gw//", "https://qualys.example.internal:8443/gw"],
    ["HTTPS://Gateway.QG1.apps.qualys.eu", "https://gateway.qg1.apps.qualys.eu"],
    ["http://127.0.0.1:8080/", "http://127.0.0.1:8080"],
    ["http://127.5.6.7", "http://127.5.6.7"],
    ["http://localhost:3000", "http://localhost:3000"],
    ["http://[::1]:3000/", "http://[::1]:3000"],
  ])("%s → %s", (input, expected) => {
    expect(resolve(input)).toBe(expected);
  });
});

describe("gateway: bad values name the config key and the env var", () => {
  it.each([
    ["", "is not set"],
    ["   ", "is not set"],
    ["US9", "neither a known platform key nor a URL"],
    ["http://gateway.qg2.apps.qualys.com", "plain http is only allowed to this machine"],
    ["http://127.0.0.1.nip.io", "plain http is only allowed to this machine"],
    ["http://10.0.0.1", "plain http is only allowed to this machine"],
    ["ftp://gateway.qg2.apps.qualys.com", "only https URLs are accepted"],
    ["https://", "not a valid URL"],
    ["https://gateway.qg2.apps.qualys.com/?x=1", "query or fragment"],
    ["https://u:p@gateway.qg2.apps.qualys.com", "contains credentials"],
  ])("%j: %s", (input, problem) => {
    const err = failure(input);
    expect(err.message).toContain(problem);
    expect(err.message).toContain("qualys:gatewayUrl / QUALYS_GATEWAY_URL");
    expect(err.message).toContain("US1, US2");
    expect(err.configKey).toBe("qualys:gatewayUrl");
    expect(err.envVar).toBe("QUALYS_GATEWAY_URL");
  });

  it("the credentials of a URL are not echoed", () => {
    expect(failure("https://alice:hunter22@gateway.qg2.apps.qualys.com").message).not.toContain("hunter22");
  });
});

describe("gateway: loopback", () => {
  it.each([
    ["localhost", true],
    ["127.0.0.1", true],
    ["127.255.255.254", true],
    ["[::1]", true],
    ["127.0.0.256", false],
    ["128.0.0.1", false],
    ["localhost.example.com", false],
  ])("%s → %s", (host, expected) => {
    expect(isLoopbackHost(host)).toBe(expected);
  });
});
