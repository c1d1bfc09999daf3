/** Glue between the end-to-end harness and the simulator: stack config, program inputs, counts. */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import * as path from "node:path";

import type { ConfigMap } from "@pulumi/pulumi/automation";

import { DEMO_PASSWORD, DEMO_USERNAME } from "../simulator";
import type { LoggedRequest, StoredSchedule } from "../simulator";
import { dynamicResources, REPO_ROOT, type StateDeployment } from "./stack";

/** The generic program of the end-to-end tests (compiled copy is not used: the CLI runs the .ts). */
export const SCHEDULES_PROGRAM = path.join(REPO_ROOT, "test", "e2e", "programs", "schedules");

/** Stack config that points the provider at a simulator; the password is a secret, as users store it. */
export function qualysConfig(url: string, password = DEMO_PASSWORD): ConfigMap {
  return {
    "qualys:gatewayUrl": { value: url },
    "qualys:username": { value: DEMO_USERNAME },
    "qualys:password": { value: password, secret: true },
  };
}

/** A schedule the generic program declares. */
export interface Declared {
  name: string;
  args: Record<string, unknown>;
  opts?: { import?: string; protect?: boolean; retainOnDelete?: boolean };
}

/** The environment that makes the generic program declare these schedules. */
export function declare(schedules: Declared[]): Record<string, string> {
  return { E2E_SCHEDULES: JSON.stringify(schedules) };
}

/** Requests the provider made to the Qualys API (not the control API), by kind. */
export function apiCalls(log: LoggedRequest[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const r of log) {
    const kind = classify(r);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

export function classify(r: Pick<LoggedRequest, "method" | "path">): string {
  if (r.path === "/auth") return "auth";
  if (/\/schedule\/bulk$/.test(r.path)) return "bulkDelete";
  if (/\/cancel$/.test(r.path)) return "cancel";
  if (/\/schedule$/.test(r.path)) return r.method === "POST" ? "create" : "list";
  if (/\/schedule\/[^/]+$/.test(r.path))
    return r.method === "PUT" ? "update" : r.method === "DELETE" ? "delete" : "other";
  if (/\/registry\/[^/]+$/.test(r.path)) return "registry";
  return "other";
}

// ---- Helpers of the fault scenarios (test/e2e/faults-*.test.ts) ---------------------------------

/** What a fault scenario ends with: the server's and the state's view of the declared schedules. */
export interface Convergence {
  /** Schedules on the server per name (only the names asked about). */
  onServer: Record<string, number>;
  /** Schedule resources in state. */
  inState: number;
  /** Server schedules beyond one per declared name. */
  duplicates: number;
  /** Server schedules (of the asked names) that no state resource points at. */
  orphans: number;
  /** State resources whose schedule is not on the server. */
  dangling: number;
}

/** Compares the simulator with the stack's state for these schedule names. */
export function convergence(
  server: Pick<StoredSchedule, "name" | "scheduleUuid">[],
  state: StateDeployment,
  names: string[],
): Convergence {
  const wanted = new Set(names);
  const mine = server.filter((s) => wanted.has(s.name));
  const onServer: Record<string, number> = {};
  for (const n of names) onServer[n] = 0;
  for (const s of mine) onServer[s.name] += 1;
  const resources = dynamicResources(state);
  const stateIds = new Set(resources.map((r) => (r.id ?? "").split("/").pop()));
  const serverIds = new Set(mine.map((s) => s.scheduleUuid));
  return {
    onServer,
    inState: resources.length,
    duplicates: Object.values(onServer).reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    orphans: mine.filter((s) => !stateIds.has(s.scheduleUuid)).length,
    dangling: [...stateIds].filter((id) => id === undefined || !serverIds.has(id)).length,
  };
}

/** One row of the README's fault table, printed by the test that measured it. */
export function tableRow(cells: {
  scenario: string;
  api: string;
  server: number;
  state: number;
  duplicates: number;
}): void {
  console.log(
    `FAULT-TABLE | ${cells.scenario} | ${cells.api} | ${cells.server} | ${cells.state} | ${cells.duplicates} |`,
  );
}

/**
 * What a user does after an interrupted `pulumi up` left pending creates (see the README): for each
 * pending create whose schedule Qualys has (looked up by registry and name), record it as a resource
 * with its ID; drop every pending create. Returns the edited deployment, for `pulumi stack import`.
 */
export function resolvePendingCreates(
  state: StateDeployment,
  lookup: (registryId: string, name: string) => string | undefined,
): { state: StateDeployment; adopted: number; cleared: number } {
  const copy = structuredClone(state);
  const pending = copy.deployment.pending_operations ?? [];
  let adopted = 0;
  let cleared = 0;
  const resources = copy.deployment.resources ?? [];
  for (const op of pending) {
    if (op.type !== "creating") continue;
    const inputs = op.resource.inputs ?? {};
    const scheduleId =
      typeof inputs.registryId === "string" && typeof inputs.name === "string"
        ? lookup(inputs.registryId, inputs.name)
        : undefined;
    if (scheduleId === undefined) {
      cleared += 1;
      continue;
    }
    resources.push({
      ...op.resource,
      id: `${String(inputs.registryId)}/${scheduleId}`,
      outputs: { ...inputs },
    });
    adopted += 1;
  }
  copy.deployment.resources = resources;
  copy.deployment.pending_operations = pending.filter((op) => op.type !== "creating");
  return { state: copy, adopted, cleared };
}

/** A gateway in front of the simulator that holds chosen requests, then lets the simulator do them. */
export interface HoldingProxy {
  url: string;
  /** How many requests were held so far. */
  held(): number;
  close(): Promise<void>;
}

/**
 * Forwards everything to `target`, except the next `times` requests matching `method` and `path`:
 * those are forwarded only after `holdMs` (longer than the provider's timeout), so the client gives up
 * while the simulator still performs the request a moment later. A reply that never comes, and a
 * commit after the client stopped waiting: what the simulator's own faults cannot do.
 */
export async function startHoldingProxy(
  target: string,
  hold: { method: string; path: RegExp; holdMs: number; times?: number },
): Promise<HoldingProxy> {
  let left = hold.times ?? 1;
  let held = 0;
  const forward = async (method: string, url: string, headers: http.IncomingHttpHeaders, body: Buffer) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) {
      if (v === undefined || ["host", "connection", "content-length"].includes(k)) continue;
      out[k] = Array.isArray(v) ? v.join(", ") : v;
    }
    return fetch(`${target}${url}`, { method, headers: out, body: body.length > 0 ? body : undefined });
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? "GET";
      const url = req.url ?? "/";
      const pathOnly = url.split("?")[0];
      if (left > 0 && method === hold.method && hold.path.test(pathOnly)) {
        left -= 1;
        held += 1;
        setTimeout(() => {
          forward(method, url, req.headers, body)
            .then((r) => r.arrayBuffer())
            .catch(() => undefined)
            .finally(() => res.destroy());
        }, hold.holdMs);
        return;
      }
      forward(method, url, req.headers, body)
        .then(async (r) => {
          const text = Buffer.from(await r.arrayBuffer());
          const headers: Record<string, string> = {};
          r.headers.forEach((v, k) => {
            if (!["content-length", "transfer-encoding", "connection", "content-encoding"].includes(k))
              headers[k] = v;
          });
          res.writeHead(r.status, { ...headers, "content-length": String(text.length) });
          res.end(text);
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    held: () => held,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
