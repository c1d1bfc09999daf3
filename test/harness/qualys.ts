/** Glue between the end-to-end harness and the simulator: stack config, program inputs, counts. */
import * as path from "node:path";

import type { ConfigMap } from "@pulumi/pulumi/automation";

import { DEMO_PASSWORD, DEMO_USERNAME } from "../simulator";
import type { LoggedRequest } from "../simulator";
import { REPO_ROOT } from "./stack";

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
