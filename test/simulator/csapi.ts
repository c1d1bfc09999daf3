// The CS gateway's schedule endpoints (docs/qualys-contract.md §3, §6, §7); registry endpoints are in
// registry-routes.ts (docs/qualys-registry-contract.md).
import { randomUUID } from "node:crypto";
import { matches, parseFilter } from "./qql";
import { handleRegistryExtras, handleRegistryItem } from "./registry-routes";
import { handleRepositories } from "./repository-routes";
import { intParam, parseJson } from "./parse";
import { empty, errorReply, HttpError, json, methodNotAllowed, type Reply } from "./reply";
import type { StoredSchedule } from "./types";
import { mergeForUpdate, parseScheduleBody, sameFilters } from "./wire";
import type { CsContext, CsRequest } from "./cs-context";

/** Statuses a bulk delete silently skips [D]. */
const BULK_SKIPS = new Set(["queued", "running", "unknown"]);
const MAX_PAGE_SIZE = 250;

function view(s: StoredSchedule, omitExtended: boolean): Record<string, unknown> {
  const item: Record<string, unknown> = {
    scheduleUuid: s.scheduleUuid,
    name: s.name,
    onDemand: s.onDemand,
    schedule: s.schedule,
    status: s.status,
    filters: s.filters,
    created: s.created,
    updated: s.updated,
    jobStartDate: null,
    jobCompletionDate: null,
    errors: [],
  };
  if (omitExtended) return item;
  return {
    ...item,
    scheduleScanIntervalInDays: s.scheduleScanIntervalInDays,
    scheduleIntervalInDays: s.scheduleScanIntervalInDays,
    weekDay: s.weekDay,
    forceScan: s.forceScan,
    additionalFilters: s.additionalFilters,
    registryType: s.registryType,
  };
}

function isRunning(s: StoredSchedule): boolean {
  return s.status.toLowerCase() === "running";
}

export function handleCsapi(ctx: CsContext, req: CsRequest): Reply {
  const extras = handleRegistryExtras(ctx, req) ?? handleRepositories(ctx, req);
  if (extras) return extras;
  const [registryId, sub, scheduleId, action, ...extra] = req.segments;
  if (!registryId || extra.length > 0) return errorReply(404, "No such endpoint");
  const registryType = ctx.store.registryType(registryId);
  const m = req.method;
  if (sub === undefined) return handleRegistryItem(ctx, req, registryId);
  if (sub !== "schedule") return errorReply(404, "No such endpoint");
  const allowed =
    scheduleId === undefined
      ? ["GET", "POST"]
      : scheduleId === "bulk" && action === undefined
        ? ["DELETE"]
        : action === undefined
          ? ["PUT", "DELETE"]
          : action === "cancel"
            ? ["POST"]
            : [];
  if (allowed.length === 0) return errorReply(404, "No such endpoint");
  if (!allowed.includes(m)) return methodNotAllowed(m, allowed);
  if (registryType === undefined) return errorReply(404, `registry ${registryId} not found`);
  const wire = { registryType, forceScanEnabled: ctx.forceScanEnabled };

  if (scheduleId === undefined && m === "GET") return list(ctx, registryId, req.query, req.stale);
  if (scheduleId === undefined) {
    const created = ctx.store.create(registryId, parseScheduleBody(parseJson(req.body), wire));
    // 201 chosen over 200: the contract allows both, and 201 is what a create means.
    return json(201, { scheduleUuid: created.scheduleUuid });
  }
  if (scheduleId === "bulk") return bulkDelete(ctx, registryId, req.query);

  const s = ctx.store.get(registryId, scheduleId);
  if (!s) return errorReply(404, `schedule ${scheduleId} not found in registry ${registryId}`);
  if (action === "cancel") {
    ctx.store.patch(s, { status: "Canceled", updated: Date.now() });
    return json(200, { scheduleUuid: s.scheduleUuid });
  }
  if (m === "DELETE") {
    // 400 rather than 409: a 409 must never be mistaken for the classic rate-limit answer.
    if (isRunning(s)) return errorReply(400, `schedule ${scheduleId} is Running and cannot be deleted`);
    ctx.store.remove(s.scheduleUuid);
    return json(200, { scheduleUuid: s.scheduleUuid });
  }
  return update(ctx, s, req.body, wire);
}

function list(
  ctx: CsContext,
  registryId: string,
  q: URLSearchParams,
  stale?: (hits: StoredSchedule[]) => StoredSchedule[],
): Reply {
  const pageNumber = intParam(q, "pageNumber", 1, 1, Number.MAX_SAFE_INTEGER);
  const pageSize = intParam(q, "pageSize", 50, 1, MAX_PAGE_SIZE);
  const terms = parseFilter(q.get("filter") ?? "");
  const matching = ctx.store.list(registryId).filter((s) => matches(s, terms));
  // A lagging index misses an entry of the whole result, so pages shift as they would.
  const hits = stale ? stale(matching) : matching;
  if (hits.length === 0) return empty(204);
  const page = hits.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return json(200, { count: hits.length, data: page.map((s) => view(s, ctx.omitExtendedFields)) });
}

function update(
  ctx: CsContext,
  s: StoredSchedule,
  body: string,
  wire: { registryType: string; forceScanEnabled: boolean },
): Reply {
  const parsed = parseJson(body);
  // State refusals come before field checks: they hold whatever the body says.
  if (isRunning(s)) {
    return errorReply(
      400,
      `schedule ${s.scheduleUuid} is Running: jobs in the Running state cannot be updated`,
    );
  }
  if (s.onDemand) {
    return errorReply(400, "onDemand schedules cannot be updated: you can update only Automatic scan jobs");
  }
  const fields = parseScheduleBody(mergeForUpdate(s, parsed), wire);
  if (fields.onDemand !== s.onDemand) return errorReply(400, "onDemand cannot be updated");
  if (!sameFilters(fields.filters, s.filters)) {
    return errorReply(400, "filters (repo, tag, days) cannot be updated");
  }
  ctx.store.patch(s, { ...fields, updated: Date.now() });
  return json(200, { scheduleUuid: s.scheduleUuid });
}

function bulkDelete(ctx: CsContext, registryId: string, q: URLSearchParams): Reply {
  const ids = (q.get("scheduleIds") ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
  if (ids.length === 0) throw new HttpError(400, "scheduleIds is required");
  const deletionJobId = randomUUID();
  ctx.later(() => {
    for (const id of ids) {
      const s = ctx.store.get(registryId, id);
      // Skipped without a word, as the gateway does: callers must poll to learn the outcome.
      if (s && !BULK_SKIPS.has(s.status.toLowerCase())) ctx.store.remove(id);
    }
  }, ctx.bulkDeleteDelayMs);
  return json(200, { deletionJobId });
}
