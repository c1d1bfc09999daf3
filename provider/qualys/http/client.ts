/**
 * The one HTTP client of the provider: JWT auth (single flight, re-auth once), retries and
 * rate-limit waits (docs/qualys-contract.md §8 item 8, §9), a concurrency cap, a per-attempt timeout, and errors
 * built from scratch with every secret redacted.
 *
 * Why an explicit loop rather than axios-retry: axios-retry decides per request from the error or
 * status and re-issues inside axios. Our rules need more state than that: a POST may be repeated
 * after a 429 but never after a 5xx/timeout/reset; a 401 triggers a single-flight re-auth and one
 * repeat that does not count against the retry budget; a wait must release the concurrency slot
 * (the cap wraps one attempt, not the whole retry chain); and the final failure must become a typed,
 * redacted error that never carries the axios error. That is one small loop (`exchange`).
 */
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import https from "node:https";
import { inspect, type InspectOptions } from "node:util";
import { STATUS_CODES } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import axios, { type AxiosInstance } from "axios";
import pLimit from "p-limit";
import type { ClientSettings } from "../config";
import { setting } from "../settings";
import {
  AmbiguousRequestError,
  AuthFailedEarlierError,
  GatewayUnreachableError,
  MalformedResponseError,
  QualysApiError,
  QualysAuthError,
  RateLimitError,
  RequestTimeoutError,
} from "../../errors";
import { isLoopbackHost } from "../gateway";
import { basicCredentials, redact, registerSecrets, snippet } from "../redact";
import type { HttpEvent } from "./events";
import { classifyNetworkError, errorCodeAndMessage, type NetworkFailureKind } from "./network";
import { backoffMs, isRateLimited, requestedWaitMs, windowMs } from "./rate-limit";
import { CallBudget, type BudgetWait } from "./call-budget";
import { DEFAULTS } from "../config";
import { errorFields, parseBody, type ApiResponse } from "./response";

export { expectJson, type ApiResponse } from "./response";

export type { HttpEvent } from "./events";

export interface ApiRequest {
  method: "GET" | "POST" | "PUT" | "DELETE";
  /** Relative to `${gatewayUrl}/csapi`, e.g. "/v1.3/registry/abc/schedule". */
  path: string;
  query?: Record<string, string | number>;
  /** JSON. */
  body?: unknown;
  /** For messages, e.g. `create schedule "nightly" in registry abc`. */
  operation: string;
  /**
   * The secret values the body carries (a registry's password or access token, from the property
   * table: `secretValues` of core/properties.ts): registered with the redaction before the request is
   * sent, so that a gateway echoing the body in an error (or anything said later) never shows them.
   */
  secrets?: readonly string[];
}

/** Default cap for one wait. */
export const DEFAULT_MAX_WAIT_MS = 60_000;
/** Default exponential backoff base. */
export const DEFAULT_RETRY_BASE_MS = 500;
/** How many times a request is repeated when the connection was refused (nothing was sent). */
const NOT_SENT_RETRIES = 2;
const USER_AGENT = "pulumi-qualys-cs";

type Outcome =
  | { kind: "response"; res: ApiResponse }
  | { kind: "network"; failure: NetworkFailureKind; code: string; summary: string };

/** One logical request: where it goes and how it may be repeated. */
interface Exchange {
  /** Sent as `X-Request-Id`, the same on every attempt: repeats of one call can be told apart in logs. */
  requestId: string;
  method: ApiRequest["method"];
  /** Path without the query, for messages. */
  path: string;
  url: string;
  body?: string;
  contentType?: string;
  operation: string;
  /** True for `/csapi` calls: bearer token, concurrency cap, re-auth on 401. False for `/auth`. */
  api: boolean;
}

export class QualysClient {
  readonly gatewayUrl: string;
  readonly #username: string;
  readonly #password: string;
  readonly #timeoutMs: number;
  readonly #maxRetries: number;
  readonly #maxWaitMs: number;
  readonly #retryBaseMs: number;
  readonly #onEvent: ((e: HttpEvent) => void) | undefined;
  readonly #limit: pLimit.Limit;
  readonly #budget: CallBudget;
  readonly #http: AxiosInstance;
  readonly #agents: { http: http.Agent; https: https.Agent };
  readonly #freshAgents: { http: http.Agent; https: https.Agent };
  #token: string | undefined;
  #authInFlight: Promise<string> | undefined;
  #clockOffsetMs: number | undefined;
  /** Set once Qualys rejected the credentials: later requests are not sent (see `AuthFailedEarlierError`). */
  #credentialsRejected: QualysAuthError | undefined;

  constructor(settings: ClientSettings) {
    const positiveInt = (name: string, value: number, min: number): number => {
      if (!Number.isInteger(value) || value < min) {
        throw new RangeError(`QualysClient: ${name} must be an integer ≥ ${min}, got ${String(value)}`);
      }
      return value;
    };
    this.gatewayUrl = settings.gatewayUrl.replace(/\/+$/, "");
    this.#username = settings.username;
    this.#password = settings.password;
    // Every message of this process leaves them out, whoever builds it (errors, the commands' output).
    registerSecrets([settings.password, basicCredentials(settings.username, settings.password)]);
    this.#timeoutMs = positiveInt("timeoutMs", settings.timeoutMs, 1);
    this.#maxRetries = positiveInt("maxRetries", settings.maxRetries, 0);
    this.#maxWaitMs = settings.maxWaitMs ?? DEFAULT_MAX_WAIT_MS;
    this.#retryBaseMs = settings.retryBaseMs ?? DEFAULT_RETRY_BASE_MS;
    this.#onEvent = settings.onEvent;
    this.#limit = pLimit(positiveInt("concurrency", settings.concurrency, 1));
    const notice = settings.onNotice ?? ((message: string) => void process.stderr.write(`${message}\n`));
    this.#budget = new CallBudget(
      positiveInt("maxCallsPerMinute", settings.maxCallsPerMinute ?? DEFAULTS.maxCallsPerMinute, 0),
      { now: () => Date.now(), sleep: (ms) => delay(ms) },
      (wait: BudgetWait) => {
        this.#emit({ type: "budget", method: "", path: "", waitMs: wait.waitMs });
        notice(
          `pulumi-qualys-cs: ${wait.callsPerMinute} calls to Qualys in the last minute, the budget of ` +
            `${setting("maxCallsPerMinute")}; waiting ${Math.ceil(wait.waitMs / 1000)} s before the next call ` +
            "(Qualys allows a subscription 1000 calls per 60 s, shared with its other integrations).",
        );
      },
    );
    this.#agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
    // A request that must not be repeated gets a connection of its own: on a reused keep-alive
    // connection the server may close it just as we write, and that reset would look like an
    // ambiguous failure although nothing was received.
    this.#freshAgents = {
      http: new http.Agent({ keepAlive: false }),
      https: new https.Agent({ keepAlive: false }),
    };
    let loopback = false;
    try {
      loopback = isLoopbackHost(new URL(this.gatewayUrl).hostname);
    } catch {
      // An unparsable URL fails on the first request, as unreachable.
    }
    this.#http = axios.create({
      httpAgent: this.#agents.http,
      httpsAgent: this.#agents.https,
      // Never follow a redirect: it would carry the token or the form body somewhere else.
      maxRedirects: 0,
      // Statuses are ours to interpret; bodies are parsed leniently below.
      validateStatus: () => true,
      responseType: "text",
      transformResponse: [(data: unknown) => data],
      // The simulator on this machine is never reached through a proxy.
      ...(loopback ? { proxy: false as const } : {}),
    });
  }

  /** Sends one API call; resolves for 2xx, throws a typed, redacted error otherwise. */
  async request(req: ApiRequest): Promise<ApiResponse> {
    if (req.secrets !== undefined) registerSecrets(req.secrets);
    const path = `/csapi${req.path.startsWith("/") ? "" : "/"}${req.path}`;
    const query = req.query
      ? new URLSearchParams(
          Object.entries(req.query).map(([k, v]): [string, string] => [k, String(v)]),
        ).toString()
      : "";
    return this.#exchange({
      requestId: randomUUID(),
      method: req.method,
      path,
      url: `${this.gatewayUrl}${path}${query ? `?${query}` : ""}`,
      body: req.body === undefined ? undefined : JSON.stringify(req.body),
      contentType: req.body === undefined ? undefined : "application/json",
      operation: req.operation,
      api: true,
    });
  }

  /** Closes idle keep-alive connections (tests; a provider process simply exits). */
  close(): void {
    for (const agent of [
      this.#agents.http,
      this.#agents.https,
      this.#freshAgents.http,
      this.#freshAgents.https,
    ]) {
      agent.destroy();
    }
  }

  /**
   * A lower bound of (gateway clock − this machine's clock), in ms, from the `Date` headers of the
   * replies so far; `undefined` before any. The gateway stamped each `Date` (whole seconds) before this
   * machine received the reply, so `Date − receipt time` never exceeds the true offset.
   */
  get serverClockOffsetMs(): number | undefined {
    return this.#clockOffsetMs;
  }

  #noteServerClock(date: string | undefined): void {
    if (date === undefined) return;
    const stamped = Date.parse(date);
    if (!Number.isFinite(stamped)) return;
    const offset = stamped - Date.now();
    if (this.#clockOffsetMs === undefined || offset > this.#clockOffsetMs) this.#clockOffsetMs = offset;
  }

  /** The per-attempt timeout, in ms (how long a request the gateway accepted may still be at work). */
  get timeoutMs(): number {
    return this.#timeoutMs;
  }

  [inspect.custom](_depth: number, _options: InspectOptions): string {
    return `QualysClient { gatewayUrl: ${JSON.stringify(this.gatewayUrl)} }`;
  }

  toJSON(): Record<string, unknown> {
    return { gatewayUrl: this.gatewayUrl };
  }

  // ---- authentication ----------------------------------------------------------------------

  /** The current token, fetching one (single flight) when there is none. */
  #getToken(operation: string): Promise<string> {
    if (this.#token !== undefined) return Promise.resolve(this.#token);
    const first = this.#credentialsRejected;
    if (first !== undefined) {
      return Promise.reject(new AuthFailedEarlierError({ gatewayUrl: this.gatewayUrl, operation, first }));
    }
    if (this.#authInFlight !== undefined) {
      // Joined another request's authentication: if Qualys rejects the credentials, that request
      // reports it in full, and this one points to it.
      return this.#authInFlight.catch((err: unknown) => {
        throw err === this.#credentialsRejected && err instanceof QualysAuthError
          ? new AuthFailedEarlierError({ gatewayUrl: this.gatewayUrl, operation, first: err })
          : err;
      });
    }
    this.#authInFlight = this.#authenticate()
      .then((token) => {
        registerSecrets([token]);
        this.#token = token;
        return token;
      })
      .finally(() => {
        this.#authInFlight = undefined;
      });
    return this.#authInFlight;
  }

  async #authenticate(): Promise<string> {
    const form = new URLSearchParams({ username: this.#username, password: this.#password, token: "true" });
    const res = await this.#exchange({
      requestId: randomUUID(),
      method: "POST",
      path: "/auth",
      url: `${this.gatewayUrl}/auth`,
      body: form.toString(),
      contentType: "application/x-www-form-urlencoded",
      operation: "authenticate",
      api: false,
    });
    const token = res.text.trim();
    if (token === "" || !/^[A-Za-z0-9._~+/=-]+$/.test(token) || token.length > 16384) {
      throw new MalformedResponseError({
        operation: "authenticate",
        expected: "a token as plain text",
        status: res.status,
        contentType: res.headers["content-type"] ?? "",
        bodySnippet: snippet(res.text, this.#secrets()),
        method: "POST",
        path: "/auth",
        hint:
          `Check that ${setting("gatewayUrl")} is the Qualys API gateway of your platform ` +
          "(not the web UI or a proxy login page).",
      });
    }
    return token;
  }

  /** Forgets `stale` unless someone already replaced it, so a burst of 401s triggers one /auth. */
  #invalidate(stale: string | undefined): void {
    if (stale !== undefined && this.#token === stale) this.#token = undefined;
  }

  #secrets(): Array<string | undefined> {
    return [this.#password, this.#token];
  }

  #emit(e: HttpEvent): void {
    if (this.#onEvent === undefined) return;
    try {
      this.#onEvent(e);
    } catch {
      // A debug hook never breaks a request.
    }
  }

  // ---- one attempt -------------------------------------------------------------------------

  async #attempt(ex: Exchange, token: string | undefined, repeatable: boolean): Promise<Outcome> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    const headers: Record<string, string> = {
      Accept: "application/json, text/plain, */*",
      "User-Agent": USER_AGENT,
    };
    if (ex.contentType !== undefined) headers["Content-Type"] = ex.contentType;
    if (token !== undefined) headers.Authorization = `Bearer ${token}`;
    headers["X-Request-Id"] = ex.requestId;
    try {
      const r = await this.#http.request<unknown>({
        method: ex.method,
        url: ex.url,
        headers,
        data: ex.body,
        signal: controller.signal,
        ...(repeatable ? {} : { httpAgent: this.#freshAgents.http, httpsAgent: this.#freshAgents.https }),
      });
      // responseType "text" with an identity transform: the body is a string (or nothing).
      const text = typeof r.data === "string" ? r.data : "";
      const resHeaders: Record<string, string> = {};
      for (const [name, value] of Object.entries(r.headers as Record<string, unknown>)) {
        if (value === undefined || value === null) continue;
        if (Array.isArray(value))
          resHeaders[name.toLowerCase()] = value.map((v) => `${v as string}`).join(", ");
        else if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
          resHeaders[name.toLowerCase()] = String(value);
        }
      }
      this.#noteServerClock(resHeaders.date);
      return {
        kind: "response",
        res: {
          status: r.status,
          data: parseBody(text),
          text,
          headers: resHeaders,
          method: ex.method,
          path: ex.path,
        },
      };
    } catch (err: unknown) {
      // Keep two strings of the axios error, never the error itself (it holds headers and body).
      const { code, message } = errorCodeAndMessage(err);
      const failure = classifyNetworkError(code, timedOut);
      const summary =
        failure === "timeout"
          ? `no reply within ${this.#timeoutMs} ms`
          : `${code ?? "network error"}${message ? `: ${redact(message, this.#secrets())}` : ""}`;
      return { kind: "network", failure, code: timedOut ? "ETIMEDOUT" : (code ?? "UNKNOWN"), summary };
    } finally {
      clearTimeout(timer);
    }
  }

  // ---- the retry loop ----------------------------------------------------------------------

  async #exchange(ex: Exchange): Promise<ApiResponse> {
    // `/auth` only returns a token, so repeating it is harmless; an API POST may create something.
    const repeatable = ex.method !== "POST" || !ex.api;
    let attempts = 0;
    let retries = 0;
    let notSentRetries = 0;
    let waits = 0;
    let totalWaitMs = 0;
    let reauthenticated = false;

    const pause = async (waitMs: number, status: number | undefined, code?: string): Promise<void> => {
      retries += 1;
      waits += 1;
      totalWaitMs += waitMs;
      this.#emit({ type: "wait", method: ex.method, path: ex.path, status, code, waitMs });
      await delay(waitMs);
      this.#emit({ type: "retry", method: ex.method, path: ex.path, status, code });
    };
    const backoff = (): number => backoffMs(retries, this.#retryBaseMs, this.#maxWaitMs);

    for (;;) {
      let token: string | undefined;
      let outcome: Outcome;
      if (ex.api) {
        token = await this.#getToken(ex.operation);
        // Before the concurrency slot: a call waiting for the budget holds none.
        await this.#budget.take();
        // The cap wraps one attempt only: a request waiting for its backoff holds no slot, and
        // /auth is not counted. Take the newest token once a slot is ours.
        outcome = await this.#limit(() => {
          token = this.#token ?? token;
          return this.#attempt(ex, token, repeatable);
        });
      } else {
        this.#emit({ type: "auth", method: ex.method, path: ex.path });
        await this.#budget.take();
        outcome = await this.#attempt(ex, undefined, repeatable);
      }
      attempts += 1;

      if (outcome.kind === "response") {
        const res = outcome.res;
        this.#emit({ type: "request", method: ex.method, path: ex.path, status: res.status });
        if (res.status >= 200 && res.status < 300) return res;

        if (res.status === 401 || (res.status === 403 && !ex.api)) {
          if (!ex.api) {
            this.#credentialsRejected = this.#credentialsError(res);
            throw this.#credentialsRejected;
          }
          // The gateway rejected the request, so even a POST is safe to repeat, once.
          if (!reauthenticated) {
            reauthenticated = true;
            this.#invalidate(token);
            this.#emit({ type: "retry", method: ex.method, path: ex.path, status: res.status });
            continue;
          }
          throw new QualysAuthError({
            gatewayUrl: this.gatewayUrl,
            status: res.status,
            failure: {
              kind: "token-rejected",
              statusAndMessage: this.#statusAndMessage(res),
              operation: ex.operation,
              method: ex.method,
              path: ex.path,
            },
          });
        }

        if (isRateLimited(res.status, res.headers)) {
          const asked = requestedWaitMs(res.headers);
          if (asked !== undefined && asked > this.#maxWaitMs) {
            throw this.#rateLimitError(ex, res.status, attempts, waits, totalWaitMs, asked);
          }
          if (retries >= this.#maxRetries) {
            throw this.#rateLimitError(ex, res.status, attempts, waits, totalWaitMs);
          }
          const window = windowMs(res.headers);
          // A requested wait is honoured in full, plus a little jitter (at most 10%, 250 ms) so the
          // requests that were refused together do not all come back in the same millisecond.
          const wait =
            asked !== undefined
              ? asked + Math.round(Math.random() * Math.min(250, asked * 0.1))
              : backoffMs(retries, this.#retryBaseMs, Math.min(this.#maxWaitMs, window ?? Infinity));
          await pause(wait, res.status);
          continue;
        }

        if (res.status >= 500 && !repeatable) {
          throw new AmbiguousRequestError({
            operation: ex.operation,
            method: ex.method,
            path: ex.path,
            reason: `the gateway answered ${this.#statusAndMessage(res)}`,
            status: res.status,
          });
        }
        const transient = res.status === 502 || res.status === 503 || res.status === 504;
        if (transient && retries < this.#maxRetries) {
          await pause(backoff(), res.status);
          continue;
        }
        throw this.#apiError(ex, res, attempts);
      }

      // No reply.
      this.#emit({ type: "request", method: ex.method, path: ex.path, code: outcome.code });
      switch (outcome.failure) {
        case "not-sent":
          // Nothing reached the server: safe to repeat even a POST, a couple of times.
          if (notSentRetries < NOT_SENT_RETRIES && retries < this.#maxRetries) {
            notSentRetries += 1;
            await pause(backoff(), undefined, outcome.code);
            continue;
          }
          throw this.#unreachable(ex, outcome, "not-sent", attempts);
        case "tls":
          throw this.#unreachable(ex, outcome, "tls", attempts);
        case "timeout":
        case "dropped":
          if (!repeatable) {
            throw new AmbiguousRequestError({
              operation: ex.operation,
              method: ex.method,
              path: ex.path,
              reason:
                outcome.failure === "timeout" ? outcome.summary : `the connection broke (${outcome.summary})`,
            });
          }
          if (retries < this.#maxRetries) {
            await pause(backoff(), undefined, outcome.code);
            continue;
          }
          if (outcome.failure === "timeout") {
            throw new RequestTimeoutError({
              operation: ex.operation,
              method: ex.method,
              path: ex.path,
              timeoutMs: this.#timeoutMs,
              attempts,
            });
          }
          throw this.#unreachable(ex, outcome, "dropped", attempts);
      }
    }
  }

  // ---- errors ------------------------------------------------------------------------------

  /** `errorCode` (or status and reason) and the server's message, redacted. */
  #codeAndMessage(res: ApiResponse): { errorCode: string; message: string } {
    const fields = errorFields(res.data);
    const reason = (STATUS_CODES[res.status] ?? "").toUpperCase();
    let errorCode = fields.errorCode ?? `${res.status}${reason ? ` ${reason}` : ""}`;
    if (!errorCode.startsWith(String(res.status))) errorCode = `${res.status} ${errorCode}`;
    const raw = fields.message ?? (typeof res.data === "string" ? res.text.trim() : "");
    const message = raw === "" ? "(no message)" : snippet(raw, this.#secrets(), 500);
    return { errorCode: redact(errorCode, this.#secrets()), message };
  }

  #statusAndMessage(res: ApiResponse): string {
    const { errorCode, message } = this.#codeAndMessage(res);
    return `${errorCode}: ${message}`;
  }

  #apiError(ex: Exchange, res: ApiResponse, attempts: number): QualysApiError {
    const { errorCode, message } = this.#codeAndMessage(res);
    let hint: string | undefined;
    if (res.status >= 300 && res.status < 400) {
      hint = `The gateway redirected the request: check ${setting("gatewayUrl")}.`;
    } else if (res.status === 403) {
      hint =
        "Check that the Qualys user has the Container Security permissions (role and scope) for this registry.";
    } else if (res.status >= 500) {
      hint =
        attempts > 1
          ? `The gateway failed on all ${attempts} attempts; retry later.`
          : "The gateway failed; retry later.";
    }
    return new QualysApiError({
      status: res.status,
      errorCode,
      serverMessage: message,
      method: ex.method,
      path: ex.path,
      operation: ex.operation,
      hint,
    });
  }

  #credentialsError(res: ApiResponse): QualysAuthError {
    return new QualysAuthError({
      gatewayUrl: this.gatewayUrl,
      status: res.status,
      failure:
        res.status === 403
          ? { kind: "api-access-refused", statusAndMessage: this.#statusAndMessage(res) }
          : { kind: "credentials-rejected" },
    });
  }

  #unreachable(
    ex: Exchange,
    outcome: { code: string; summary: string },
    failure: "not-sent" | "tls" | "dropped",
    attempts: number,
  ): GatewayUnreachableError {
    return new GatewayUnreachableError({
      gatewayUrl: this.gatewayUrl,
      operation: ex.operation,
      code: outcome.code,
      attempts,
      failure,
      summary: outcome.summary,
      method: ex.method,
      path: ex.path,
    });
  }

  #rateLimitError(
    ex: Exchange,
    status: number,
    attempts: number,
    waits: number,
    totalWaitMs: number,
    askedWaitMs?: number,
  ): RateLimitError {
    return new RateLimitError({
      operation: ex.operation,
      method: ex.method,
      path: ex.path,
      status,
      attempts,
      waits,
      totalWaitMs,
      askedWaitMs,
      maxWaitMs: this.#maxWaitMs,
    });
  }
}

const shared = new Map<string, QualysClient>();

/**
 * One client per distinct settings per process, so the token and the concurrency cap are shared by
 * all resources. (`onEvent` is not part of the identity: the first client's hook stays.)
 */
export function sharedClient(settings: ClientSettings): QualysClient {
  const identity = [
    settings.gatewayUrl.replace(/\/+$/, ""),
    settings.username,
    settings.password,
    settings.timeoutMs,
    settings.maxRetries,
    settings.concurrency,
    settings.maxCallsPerMinute ?? DEFAULTS.maxCallsPerMinute,
    settings.maxWaitMs ?? DEFAULT_MAX_WAIT_MS,
    settings.retryBaseMs ?? DEFAULT_RETRY_BASE_MS,
  ];
  // Hashed so the map's keys never hold the password in clear.
  const key = createHash("sha256").update(JSON.stringify(identity)).digest("hex");
  let client = shared.get(key);
  if (client === undefined) {
    client = new QualysClient(settings);
    shared.set(key, client);
  }
  return client;
}
