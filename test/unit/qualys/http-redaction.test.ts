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
import { resolveGateway } from "../../../provider/qualys/gateway";
import { QualysClient, expectJson, type ApiRequest } from "../../../provider/qualys/http/client";
import { REDACTED, redact } from "../../../provider/qualys/redact";
import {
  PASSWORD,
  closedPort,
  makeToken,
  rejection,
  sendJson,
  sendText,
  settingsFor,
  withServer,
  type Handler,
  type Recorded,
} from "./http-test-server";
import { defined } from "../../harness/assert";

const post: ApiRequest = {
  method: "POST",
  path: "/v1.3/registry/r/schedule",
  body: {},
  operation: "create schedule",
};
const get: ApiRequest = { method: "GET", path: "/v1.3/registry/r", operation: "read registry r" };

/** A body that echoes everything the request carried: the Authorization header and the form body. */
const echo = (req: Recorded): string =>
  `authorization=${req.headers.authorization ?? ""} body=${req.body} password=${PASSWORD} raw ${PASSWORD}`;

/** Every spelling of a secret that must not appear. */
function forbidden(tokens: string[]): string[] {
  return [
    PASSWORD,
    encodeURIComponent(PASSWORD),
    new URLSearchParams({ p: PASSWORD }).toString().slice(2),
    ...tokens,
  ];
}

function expectClean(err: Error, tokens: string[]): void {
  const forms = [err.message, err.stack ?? "", JSON.stringify(err), inspect(err, { depth: 10 }), String(err)];
  for (const form of forms) {
    for (const secret of forbidden(tokens)) expect(form).not.toContain(secret);
  }
  // Built from scratch: nothing that could hold the request (config, headers, body, axios error).
  expect(err).toBeInstanceOf(QualysError);
  const own = Object.values(err as unknown as Record<string, unknown>);
  for (const value of own) expect(["string", "number", "boolean", "undefined"]).toContain(typeof value);
}

interface Case {
  kind: new (...args: never[]) => Error;
  handler: Handler;
  auth?: Handler;
  req: ApiRequest;
  timeoutMs?: number;
}

const cases: Record<string, Case> = {
  "QualysAuthError (credentials rejected)": {
    kind: QualysAuthError,
    handler: (_req, res) => sendJson(res, 200, {}),
    auth: (req, res) => sendText(res, 401, echo(req)),
    req: get,
  },
  "QualysAuthError (fresh token rejected)": {
    kind: QualysAuthError,
    handler: (req, res) => sendJson(res, 401, { message: `JWT expired: ${echo(req)}` }),
    req: get,
  },
  QualysApiError: {
    kind: QualysApiError,
    handler: (req, res) => sendJson(res, 400, { errorCode: `400 ${PASSWORD}`, message: echo(req) }),
    req: post,
  },
  "QualysApiError (text body)": {
    kind: QualysApiError,
    handler: (req, res) => sendText(res, 404, echo(req)),
    req: get,
  },
  AmbiguousRequestError: {
    kind: AmbiguousRequestError,
    handler: (req, res) => sendJson(res, 500, { message: echo(req) }),
    req: post,
  },
  "AmbiguousRequestError (timeout)": {
    kind: AmbiguousRequestError,
    handler: () => undefined,
    req: post,
    timeoutMs: 100,
  },
  RateLimitError: {
    kind: RateLimitError,
    handler: (req, res) => sendJson(res, 429, { message: echo(req) }, { "Retry-After": "0" }),
    req: post,
  },
  "MalformedResponseError (/auth)": {
    kind: MalformedResponseError,
    handler: (_req, res) => sendJson(res, 200, {}),
    auth: (req, res) => res.writeHead(200, { "Content-Type": "text/html" }).end(`<p>${echo(req)}</p>`),
    req: get,
  },
  RequestTimeoutError: { kind: RequestTimeoutError, handler: () => undefined, req: get, timeoutMs: 100 },
  "GatewayUnreachableError (dropped)": {
    kind: GatewayUnreachableError,
    handler: (_req, res) => res.socket?.destroy(),
    req: get,
  },
};

describe("redaction: no error form carries the password or the token", () => {
  it.each(Object.keys(cases))("%s", async (label) => {
    const c = defined(cases[label], `the case ${label}`);
    await withServer(c.handler, { maxRetries: 1, timeoutMs: c.timeoutMs ?? 2000 }, async (server, client) => {
      if (c.auth) server.auth = c.auth;
      const err = await rejection(client.request(c.req));
      expect(err).toBeInstanceOf(c.kind);
      expect(server.requests.length).toBeGreaterThan(0);
      expectClean(err, server.tokens.length > 0 ? server.tokens : [makeToken(1)]);
    });
  });

  it("MalformedResponseError from expectJson on a body that holds a token", async () => {
    await withServer(
      (req, res) => sendText(res, 200, `not json; ${req.headers.authorization ?? ""}`),
      {},
      async (server, client) => {
        const res = await client.request(get);
        const err = (() => {
          try {
            expectJson(res, "read registry r");
          } catch (e) {
            return e as Error;
          }
          throw new Error("expectJson accepted it");
        })();
        expect(err).toBeInstanceOf(MalformedResponseError);
        expect(err.message).toContain("Bearer [REDACTED]");
        expectClean(err, server.tokens);
      },
    );
  });

  it("GatewayUnreachableError (refused)", async () => {
    const client = new QualysClient(settingsFor(`http://127.0.0.1:${await closedPort()}`));
    try {
      const err = await rejection(client.request(post));
      expect(err).toBeInstanceOf(GatewayUnreachableError);
      expectClean(err, []);
    } finally {
      client.close();
    }
  });

  it("ConfigError for a gateway URL with credentials in it", () => {
    const err = (() => {
      try {
        resolveGateway(`https://alice:${encodeURIComponent(PASSWORD)}@gateway.qg2.apps.qualys.com`, {
          configKey: "qualys:gatewayUrl",
          envVar: "QUALYS_GATEWAY_URL",
        });
      } catch (e) {
        return e as Error;
      }
      throw new Error("accepted");
    })();
    expect(err).toBeInstanceOf(ConfigError);
    expectClean(err, []);
  });
});

describe("redaction: the redact function", () => {
  const token = makeToken(42);

  it("removes given secrets in raw, URL-encoded, form-encoded and JSON-escaped spellings", () => {
    const secret = 'pa ss"wörd&=/';
    const text = [
      secret,
      encodeURIComponent(secret),
      new URLSearchParams({ s: secret }).toString().slice(2),
      JSON.stringify(secret).slice(1, -1),
    ].join(" | ");
    const out = redact(text, [secret]);
    expect(out).toBe([REDACTED, REDACTED, REDACTED, REDACTED].join(" | "));
  });

  it("removes JWTs, bearer tokens, Authorization headers and password pairs it was not told about", () => {
    expect(redact(`token ${token} end`)).toBe(`token ${REDACTED} end`);
    expect(redact("Authorization: Bearer abc.def")).toBe(`Authorization: ${REDACTED}`);
    expect(redact('{"authorization":"Basic dXNlcjpwdw=="}')).toBe(`{"authorization":"${REDACTED}"}`);
    expect(redact("sent bearer opaque-token-123 to it")).toBe(`sent bearer ${REDACTED} to it`);
    expect(redact("username=a&password=hunter22&token=true")).toBe(
      `username=a&password=${REDACTED}&token=true`,
    );
    expect(redact('{"password": "hunter22", "x": 1}')).toBe(`{"password": "${REDACTED}", "x": 1}`);
    expect(redact("user_password=hunter22")).toBe(`user_password=${REDACTED}`);
    expect(redact("bypass: true")).toBe("bypass: true");
  });

  it("leaves ordinary text alone", () => {
    const text =
      'Qualys rejected create schedule "nightly" in registry 4f1c: 400 BAD REQUEST: weekDay is required ' +
      "(POST /csapi/v1.3/registry/4f1c/schedule) at https://gateway.qg2.apps.qualys.com filter=scheduleUuid:abc";
    expect(redact(text, [undefined, ""])).toBe(text);
  });

  it("ignores secrets too short to search for without wrecking the text", () => {
    expect(redact("a b c", ["b"])).toBe("a b c");
  });
});
