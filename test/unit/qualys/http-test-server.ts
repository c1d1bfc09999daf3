/**
 * A scripted local gateway for the HTTP client's tests: a real `node:http` server on 127.0.0.1 with
 * an ephemeral port. `/auth` issues tokens unless a test scripts it; every other request goes to
 * the test's handler. It records each request and the most requests it saw in flight at once.
 */
import http, { type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { ClientSettings } from "../../../provider/qualys/config";
import { QualysClient } from "../../../provider/qualys/http/client";

export const PASSWORD = "S3cr3t-P@ss word&x=1";
export const USERNAME = "alice_api";

export interface Recorded {
  method: string;
  /** Path without the query. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** ms since the server started. */
  at: number;
}

/** `nth` counts the requests with the same method and path, from 1. */
export type Handler = (req: Recorded, res: ServerResponse, nth: number) => unknown;

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "Content-Type": "application/json", ...headers });
  res.end(text);
}

export function sendText(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { "Content-Type": "text/plain", ...headers });
  res.end(text);
}

/** A JWT-shaped token, distinct per call. */
export function makeToken(n: number): string {
  const b64 = (v: unknown): string => Buffer.from(JSON.stringify(v)).toString("base64url");
  return `${b64({ alg: "HS256", typ: "JWT" })}.${b64({ sub: USERNAME, n, exp: 4102444800 })}.c2lnbmF0dXJlLW9mLXRva2VuLW51bWJlci0${n}`;
}

export class TestServer {
  readonly requests: Recorded[] = [];
  readonly tokens: string[] = [];
  url = "";
  inFlight = 0;
  maxInFlight = 0;
  /** Handles `/auth`; by default issues `makeToken(n)` with 201 as plain text. */
  auth: Handler = (_req, res, nth) => {
    const token = makeToken(nth);
    this.tokens.push(token);
    sendText(res, 201, `${token}\n`);
  };
  handler: Handler = (_req, res) => sendJson(res, 200, { ok: true });
  private readonly server: http.Server;
  private readonly started = Date.now();
  private readonly counts = new Map<string, number>();

  private constructor() {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const url = new URL(req.url ?? "/", "http://127.0.0.1");
        const rec: Recorded = {
          method: req.method ?? "",
          path: url.pathname,
          query: url.searchParams,
          headers: req.headers,
          body: Buffer.concat(chunks).toString("utf8"),
          at: Date.now() - this.started,
        };
        this.requests.push(rec);
        const key = `${rec.method} ${rec.path}`;
        const nth = (this.counts.get(key) ?? 0) + 1;
        this.counts.set(key, nth);
        this.inFlight += 1;
        this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
        let done = false;
        const finish = (): void => {
          if (!done) {
            done = true;
            this.inFlight -= 1;
          }
        };
        res.on("close", finish);
        const handle = rec.path === "/auth" ? this.auth : this.handler;
        Promise.resolve(handle(rec, res, nth)).catch(() => res.destroy());
      });
    });
  }

  static async start(handler?: Handler): Promise<TestServer> {
    const s = new TestServer();
    if (handler) s.handler = handler;
    await new Promise<void>((resolve) => s.server.listen(0, "127.0.0.1", resolve));
    s.url = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
    return s;
  }

  /** Requests other than `/auth`, optionally of one method. */
  api(method?: string): Recorded[] {
    return this.requests.filter((r) => r.path !== "/auth" && (method === undefined || r.method === method));
  }

  authCount(): number {
    return this.requests.filter((r) => r.path === "/auth").length;
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

/** Settings for a client of `server`, fast by default. */
export function settingsFor(url: string, overrides: Partial<ClientSettings> = {}): ClientSettings {
  return {
    gatewayUrl: url,
    username: USERNAME,
    password: PASSWORD,
    timeoutMs: 2000,
    maxRetries: 3,
    concurrency: 8,
    retryBaseMs: 5,
    maxWaitMs: 5000,
    ...overrides,
  };
}

/** Runs `fn` with a server and a client, and tears both down. */
export async function withServer<T>(
  handler: Handler | undefined,
  overrides: Partial<ClientSettings>,
  fn: (server: TestServer, client: QualysClient) => Promise<T>,
): Promise<T> {
  const server = await TestServer.start(handler);
  const client = new QualysClient(settingsFor(server.url, overrides));
  try {
    return await fn(server, client);
  } finally {
    client.close();
    await server.close();
  }
}

/** The rejection of `promise` (fails the test when it resolves). */
export async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof Error) return err;
    throw new Error(`rejected with a non-Error: ${String(err)}`);
  }
  throw new Error("expected the promise to reject, but it resolved");
}

/** A port on 127.0.0.1 that nothing listens on. */
export async function closedPort(): Promise<number> {
  const probe = http.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const port = (probe.address() as AddressInfo).port;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}
