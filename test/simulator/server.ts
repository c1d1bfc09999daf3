// The HTTP front: control requests go to the control API; everything else is logged, may meet an
// injected fault, and is answered by /auth or the CS endpoints.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Tokens } from "./auth";
import { handleControl } from "./control-routes";
import type { CsContext } from "./cs-context";
import { handleCsapi } from "./csapi";
import { Faults } from "./faults";
import { readBody, redactQuery, writeReply } from "./http-util";
import { RateLimiter } from "./ratelimit";
import { createRegistry, handleRegistryCollection } from "./registry-routes";
import { errorReply, fromError, HttpError, type Reply } from "./reply";
import { Store } from "./store";
import { Timers } from "./timers";
import type {
  ConnectorProvider,
  Fault,
  RegistryFields,
  StoredConnector,
  StoredRegistry,
  LoggedRequest,
  SimulatorControl,
  SimulatorOptions,
  SimulatorSettings,
  StoredRepository,
  StoredSchedule,
} from "./types";
import { parseScheduleBody } from "./wire";

export const DEMO_REGISTRY_ID = "5e1f0c2a-7b3d-4c8e-9a6f-1d2b3c4e5f60";
export const DEMO_REGISTRY_TYPE = "DockerHub";
export const DEMO_USERNAME = "demo";
export const DEMO_PASSWORD = "demo-password";

const REGISTRIES = "/csapi/v1.3/registry";
const CSAPI_PREFIX = `${REGISTRIES}/`;
const CONTROL_PREFIX = "/__control/";

type Settings = Required<Omit<SimulatorSettings, "rateLimit" | "tokenTtlSeconds">>;

export class Simulator implements SimulatorControl {
  private readonly store: Store;
  private readonly tokens: Tokens;
  private readonly faults = new Faults();
  private readonly limiter: RateLimiter;
  private readonly timers = new Timers();
  private readonly settings: Settings;
  private log: LoggedRequest[] = [];
  private readonly password: string;
  readonly server: Server;

  constructor(opts: SimulatorOptions = {}) {
    this.password = opts.password ?? DEMO_PASSWORD;
    this.store = new Store(
      opts.registries ?? [{ id: DEMO_REGISTRY_ID, type: DEMO_REGISTRY_TYPE }],
      opts.statePath,
    );
    this.tokens = new Tokens(opts.username ?? DEMO_USERNAME, this.password, opts.tokenTtlSeconds ?? 4 * 3600);
    this.limiter = new RateLimiter(opts.rateLimit ?? null);
    this.settings = {
      omitExtendedFields: opts.omitExtendedFields ?? false,
      forceScanEnabled: opts.forceScanEnabled ?? true,
      bulkDeleteDelayMs: opts.bulkDeleteDelayMs ?? 200,
      latencyMs: opts.latencyMs ?? 0,
    };
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => writeReply(res, errorReply(500, "Internal Server Error")));
    });
    // Keep-alive connections of benchmark clients are reused; no per-request socket churn.
    this.server.keepAliveTimeout = 5000;
  }

  listen(port: number): Promise<string> {
    return new Promise((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, "127.0.0.1", () => {
        const { port: actual } = this.server.address() as AddressInfo;
        resolve(`http://127.0.0.1:${actual}`);
      });
    });
  }

  close(): Promise<void> {
    this.timers.cancelJobs();
    this.timers.wakeAll();
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const at = Date.now();
    const method = (req.method ?? "GET").toUpperCase();
    // A request target like "//x" would parse as a host; only the path and query matter here.
    const url = new URL(`http://127.0.0.1/${(req.url ?? "/").replace(/^\/+/, "")}`);
    const path = url.pathname;
    if (path.startsWith(CONTROL_PREFIX)) {
      const body = await readBody(req);
      writeReply(res, body.ok ? handleControl(this, method, path, url.searchParams, body.body) : tooLarge());
      return;
    }
    const entry: LoggedRequest = {
      method,
      path,
      query: redactQuery(url.searchParams, [this.password]),
      status: 0,
      at,
      durationMs: 0,
    };
    const requestId = req.headers["x-request-id"];
    if (typeof requestId === "string" && /^[\w-]{1,64}$/.test(requestId)) entry.requestId = requestId;
    const done = (status: number) => {
      entry.status = status;
      entry.durationMs = Date.now() - at;
      this.log.push(entry);
    };
    const drop = () => {
      res.destroy();
      done(0);
    };

    if (path === "/auth" || path.startsWith("/csapi/")) await this.timers.sleep(this.settings.latencyMs);
    const fired = this.faults.take(method, path);
    const fault = fired?.fault;
    if (fault) entry.fault = fault.kind;
    switch (fault?.kind) {
      case "drop":
        return drop();
      case "hang":
        await this.timers.sleep(fault.ms);
        return drop();
      case "latency":
        await this.timers.sleep(fault.ms);
        break;
      case "status":
      case "body": {
        const reply = faultReply(fault);
        writeReply(res, reply);
        return done(reply.status);
      }
      case "echo": {
        const echoed = await readBody(req);
        // The body first: a client that keeps only the start of a message keeps that.
        const text =
          `Invalid: ${echoed.ok ? echoed.body : "(unreadable)"}; query ${url.search}; ` +
          `headers ${JSON.stringify(req.headers)}`;
        const reply: Reply =
          fault.format === "text"
            ? { status: fault.status, headers: { "Content-Type": "text/plain" }, body: text }
            : errorReply(fault.status, text);
        writeReply(res, reply);
        return done(reply.status);
      }
    }
    const body = await readBody(req);
    if (!body.ok && body.reason === "aborted") return drop();
    // A lagging index: the list answer leaves out one matching schedule, picked by the fault's draw.
    const stale =
      fault?.kind === "staleList" && fired
        ? (hits: StoredSchedule[]): StoredSchedule[] => {
            if (hits.length === 0) return hits;
            const i = Math.floor(fired.random() * hits.length);
            entry.omitted = hits[i]!.scheduleUuid; // 0 <= i < hits.length
            return hits.filter((_, j) => j !== i);
          }
        : undefined;
    let reply = body.ok ? this.route(req, method, path, url.searchParams, body.body, stale) : tooLarge();
    if (fault?.kind === "commitThenFail") {
      // The work above is done (e.g. the schedule exists); only the answer is lost.
      if (fault.mode === "drop") return drop();
      reply = errorReply(500, "Internal Server Error");
    }
    writeReply(res, reply);
    done(reply.status);
  }

  private route(
    req: IncomingMessage,
    method: string,
    path: string,
    query: URLSearchParams,
    body: string,
    stale?: (hits: StoredSchedule[]) => StoredSchedule[],
  ): Reply {
    try {
      if (path === "/auth") {
        if (method !== "POST")
          return errorReply(405, `Request method '${method}' is not supported`, { Allow: "POST" });
        return this.tokens.login(body);
      }
      if (!path.startsWith("/csapi/")) return errorReply(404, `No endpoint ${method} ${path}`);
      const admission = this.limiter.admit();
      if (!admission.ok) return admission.reply;
      let reply: Reply;
      try {
        this.tokens.check(req.headers.authorization);
        const ctx = this.csContext();
        reply =
          path === REGISTRIES
            ? handleRegistryCollection(ctx, { method, segments: [], query, body })
            : path.startsWith(CSAPI_PREFIX)
              ? handleCsapi(ctx, {
                  method,
                  segments: path.slice(CSAPI_PREFIX.length).split("/").map(decodeSegment),
                  query,
                  body,
                  stale,
                })
              : errorReply(404, `No endpoint ${method} ${path}`);
      } catch (e) {
        reply = fromError(e);
      }
      return { ...reply, headers: { ...reply.headers, ...admission.headers } };
    } catch (e) {
      return fromError(e);
    }
  }

  private csContext(): CsContext {
    return { store: this.store, ...this.settings, later: (fn, ms) => this.timers.later(fn, ms) };
  }

  // ---- SimulatorControl ----

  reset(): void {
    this.timers.cancelJobs();
    this.store.clear();
    this.faults.clear();
    this.log = [];
    this.limiter.resetWindow();
  }

  addRegistry(id: string, type: string, extra: { uri?: string; name?: string } = {}): void {
    if (id === "" || type === "") throw new HttpError(400, "registry id and type are required");
    this.store.addRegistry({ id, type, ...extra });
  }

  registries(): StoredRegistry[] {
    return [...this.store.registries.values()].map((r) => structuredClone(r));
  }

  createRegistry(body: unknown): StoredRegistry {
    return structuredClone(createRegistry(this.csContext(), body));
  }

  private mustGetRegistry(registryUuid: string): StoredRegistry {
    const r = this.store.registries.get(registryUuid);
    if (!r) throw new HttpError(404, `registry ${registryUuid} not found`);
    return r;
  }

  deleteRegistry(registryUuid: string): void {
    this.store.removeRegistry(this.mustGetRegistry(registryUuid).registryUuid);
  }

  patchRegistry(registryUuid: string, patch: Partial<RegistryFields>): void {
    this.store.patchRegistry(this.mustGetRegistry(registryUuid), {
      ...structuredClone(patch),
      updated: Date.now(),
    });
  }

  addConnector(c: {
    provider: ConnectorProvider;
    connectorId: string;
    name?: string;
    arn?: string;
  }): StoredConnector {
    if (c.connectorId === "") throw new HttpError(400, "connectorId is required");
    const connector: StoredConnector = {
      provider: c.provider,
      connectorId: c.connectorId,
      name: c.name ?? c.connectorId,
      description: "seeded",
      arn: c.arn ?? null,
      accountId: c.arn ? (/^arn:[\w-]+:iam::(\d{12}):/.exec(c.arn)?.[1] ?? null) : null,
      origin: "seed",
      created: Date.now(),
    };
    this.store.addConnector(connector);
    return structuredClone(connector);
  }

  connectors(): StoredConnector[] {
    return [...this.store.connectors.values()].map((c) => structuredClone(c));
  }

  schedules(registryId?: string): StoredSchedule[] {
    return this.store.list(registryId).map((s) => structuredClone(s));
  }

  addRepositories(
    registryId: string,
    repositories: (string | { repoName: string; totalImages?: number })[],
  ): void {
    this.mustGetRegistry(registryId);
    const named = repositories.map((r) => (typeof r === "string" ? { repoName: r } : r));
    if (named.some((r) => r.repoName.trim() === "")) throw new HttpError(400, "a repository name is empty");
    this.store.putRepositories(registryId, named);
  }

  repositories(registryId: string): StoredRepository[] {
    this.mustGetRegistry(registryId);
    return this.store.repositories(registryId).map((r) => structuredClone(r));
  }

  createSchedule(registryId: string, body: unknown): StoredSchedule {
    const type = this.store.registryType(registryId);
    if (type === undefined) throw new HttpError(404, `registry ${registryId} not found`);
    const fields = parseScheduleBody(body, {
      registryType: type,
      forceScanEnabled: this.settings.forceScanEnabled,
    });
    return structuredClone(this.store.create(registryId, fields));
  }

  private mustGet(registryId: string, scheduleUuid: string): StoredSchedule {
    const s = this.store.get(registryId, scheduleUuid);
    if (!s) throw new HttpError(404, `schedule ${scheduleUuid} not found in registry ${registryId}`);
    return s;
  }

  setStatus(registryId: string, scheduleUuid: string, status: string): void {
    this.store.patch(this.mustGet(registryId, scheduleUuid), { status });
  }

  deleteSchedule(registryId: string, scheduleUuid: string): void {
    this.store.remove(this.mustGet(registryId, scheduleUuid).scheduleUuid);
  }

  patchSchedule(registryId: string, scheduleUuid: string, patch: Partial<StoredSchedule>): void {
    this.store.patch(this.mustGet(registryId, scheduleUuid), structuredClone(patch));
  }

  requests(): LoggedRequest[] {
    return this.log.map((e) => ({ ...e })).sort((a, b) => a.at - b.at);
  }

  clearRequests(): void {
    this.log = [];
  }

  injectFault(f: Fault): void {
    this.faults.add(f);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  configure(s: Partial<SimulatorSettings>): void {
    if (s.rateLimit !== undefined) {
      this.limiter.settings = s.rateLimit;
      this.limiter.resetWindow();
    }
    if (s.tokenTtlSeconds !== undefined) this.tokens.ttlSeconds = s.tokenTtlSeconds;
    if (s.omitExtendedFields !== undefined) this.settings.omitExtendedFields = s.omitExtendedFields;
    if (s.forceScanEnabled !== undefined) this.settings.forceScanEnabled = s.forceScanEnabled;
    if (s.latencyMs !== undefined) this.settings.latencyMs = s.latencyMs;
    if (s.bulkDeleteDelayMs !== undefined) this.settings.bulkDeleteDelayMs = s.bulkDeleteDelayMs;
  }

  expireTokens(): void {
    this.tokens.expireAll();
  }
}

function decodeSegment(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new HttpError(400, "malformed percent-encoding in the path");
  }
}

function tooLarge(): Reply {
  return errorReply(413, "request body exceeds 1 MiB", { Connection: "close" });
}

function faultReply(f: Extract<Fault, { kind: "status" | "body" }>): Reply {
  if (f.kind === "body") {
    return {
      status: f.status,
      headers: { "Content-Type": f.contentType ?? "application/json" },
      body: f.body,
    };
  }
  const base =
    f.body === undefined
      ? errorReply(f.status, "injected fault")
      : { status: f.status, headers: {}, body: f.body };
  return { ...base, headers: { ...base.headers, ...(f.headers ?? {}) } };
}
