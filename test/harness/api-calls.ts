/** Counting what the provider asked of the Qualys API, from a request log (the simulator's, a proxy's). */
import type { LoggedRequest } from "../simulator";

/** Requests the provider made to the Qualys API (not the control API), by kind. */
export function apiCalls(log: LoggedRequest[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const r of log) {
    const kind = classify(r);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

/** The kind of a Qualys API call, from its method and path (the simulator's log, the acceptance run's proxy). */
export function classify(r: Pick<LoggedRequest, "method" | "path">): string {
  if (r.path === "/auth") return "auth";
  if (/\/schedule\/bulk$/.test(r.path)) return "bulkDelete";
  if (/\/cancel$/.test(r.path)) return "cancel";
  if (/\/schedule$/.test(r.path)) return r.method === "POST" ? "create" : "list";
  if (/\/schedule\/[^/]+$/.test(r.path))
    return r.method === "PUT" ? "update" : r.method === "DELETE" ? "delete" : "other";
  if (/\/registry\/[^/]+\/repository$/.test(r.path)) return "repositories";
  if (/\/registry\/aws-base$/.test(r.path)) return "awsBase";
  if (/\/registry\/[^/]+$/.test(r.path)) return r.method === "PUT" ? "registryUpdate" : "registry";
  if (/\/registry$/.test(r.path)) {
    return r.method === "POST" ? "registryCreate" : r.method === "DELETE" ? "registryDelete" : "registryList";
  }
  return "other";
}
