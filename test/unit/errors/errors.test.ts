import { inspect } from "node:util";
import {
  AmbiguousRequestError,
  ConfigError,
  GatewayUnreachableError,
  MalformedResponseError,
  QualysApiError,
  QualysAuthError,
  QualysError,
  RateLimitError,
  RequestTimeoutError,
} from "../../../provider/errors";
import { defined } from "../../harness/assert";

const where = { operation: "create schedule", method: "POST", path: "/csapi/v1.3/registry/r/schedule" };
const samples: Array<[string, QualysError]> = [
  [
    "ConfigError",
    new ConfigError({
      configKey: "qualys:gatewayUrl",
      envVar: "QUALYS_GATEWAY_URL",
      problem: { kind: "missing", what: "gateway", secret: false },
    }),
  ],
  [
    "QualysApiError",
    new QualysApiError({
      ...where,
      status: 400,
      errorCode: "400 BAD REQUEST",
      serverMessage: "weekDay is required",
    }),
  ],
  [
    "QualysAuthError",
    new QualysAuthError({ gatewayUrl: "https://gw", status: 401, failure: { kind: "credentials-rejected" } }),
  ],
  [
    "GatewayUnreachableError",
    new GatewayUnreachableError({
      ...where,
      gatewayUrl: "https://gw",
      code: "ECONNREFUSED",
      attempts: 3,
      failure: "not-sent",
      summary: "ECONNREFUSED: connect ECONNREFUSED",
    }),
  ],
  ["AmbiguousRequestError", new AmbiguousRequestError({ ...where, reason: "no reply within 30000 ms" })],
  [
    "RateLimitError",
    new RateLimitError({
      ...where,
      status: 429,
      attempts: 6,
      waits: 5,
      totalWaitMs: 1200,
      maxWaitMs: 60000,
    }),
  ],
  [
    "MalformedResponseError",
    new MalformedResponseError({
      ...where,
      expected: "a JSON body",
      status: 200,
      contentType: "text/html",
      bodySnippet: "<html>",
    }),
  ],
  ["RequestTimeoutError", new RequestTimeoutError({ ...where, timeoutMs: 30000, attempts: 6 })],
];

/** The sample error of that class. */
function sample(name: string): QualysError {
  return defined(samples.find(([n]) => n === name)?.[1], `a sample ${name}`);
}

describe("errors: classes", () => {
  it.each(samples)("%s has its name, extends QualysError and Error, and keeps its stack", (name, err) => {
    expect(err.name).toBe(name);
    expect(err).toBeInstanceOf(QualysError);
    expect(err).toBeInstanceOf(Error);
    expect(err.constructor.name).toBe(name);
    expect(err.stack).toContain(`${name}: ${err.message}`);
  });

  it.each(samples)("%s serialises to its public fields only", (name, err) => {
    const json = JSON.parse(JSON.stringify(err)) as Record<string, unknown>;
    expect(json.name).toBe(name);
    expect(json.message).toBe(err.message);
    expect(json.stack).toBeUndefined();
    expect(inspect(err)).toContain(err.message);
  });
});

describe("errors: messages say what to do next", () => {
  it("ConfigError's message names the config key and env var, and how to set a secret one", () => {
    expect(sample("ConfigError").message).toBe(
      "The Qualys gateway is not set: set the stack config qualys:gatewayUrl " +
        "(`pulumi config set qualys:gatewayUrl <value>`) or the environment variable QUALYS_GATEWAY_URL.",
    );
    const password = new ConfigError({
      configKey: "qualys:password",
      envVar: "QUALYS_PASSWORD",
      problem: { kind: "missing", what: "password", secret: true },
    });
    expect(password.message).toContain("(`pulumi config set --secret qualys:password <value>`)");
    const concurrency = new ConfigError({
      configKey: "qualys:concurrency",
      envVar: "QUALYS_CONCURRENCY",
      problem: { kind: "out-of-range", value: "0", min: 1, max: 64 },
    });
    expect(concurrency.message).toBe(
      'qualys:concurrency (or QUALYS_CONCURRENCY) must be a whole number from 1 to 64; got "0".',
    );
  });

  it("AmbiguousRequestError says it was not repeated and to read the state first", () => {
    const err = new AmbiguousRequestError({ ...where, reason: "the connection broke (ECONNRESET)" });
    expect(err.message).toBe(
      "The outcome of create schedule is unknown: the connection broke (ECONNRESET) " +
        "(POST /csapi/v1.3/registry/r/schedule). Qualys may have applied it, so it was not repeated; " +
        "read the current state before trying again.",
    );
    expect(err.cause).toBeUndefined();
  });

  it("MalformedResponseError names the call, the status, the content type and the body", () => {
    const err = sample("MalformedResponseError");
    expect(err.message).toContain(
      'Unexpected reply to create schedule (POST /csapi/v1.3/registry/r/schedule): expected a JSON body, got 200 text/html with "<html>".',
    );
    expect(err.message).toContain("qualys:gatewayUrl");
    const empty = new MalformedResponseError({
      operation: "x",
      expected: "a JSON body",
      status: 200,
      contentType: "",
      bodySnippet: "",
    });
    expect(empty.message).toContain("got 200 (no content-type) with an empty body");
  });

  it("a message passed in with a credential-looking part is redacted by the base class", () => {
    const err = new QualysError("failed with password=hunter22 and Authorization: Bearer abc");
    expect(err.message).toBe("failed with password=[REDACTED] and Authorization: [REDACTED]");
    expect(err.stack).not.toContain("hunter22");
  });
});
