// The gateway's repository listing of a registry (docs/qualys-contract.md §3, "Repositories"):
// `GET /v1.3/registry/{registryId}/repository?filter&pageNumber&pageSize&sort`, `{count, data}` or 204
// when nothing matches, as on the other lists. The filter takes `repoName:<text>`, matched as a
// case-insensitive "contains" like the registry list's name filter.
import type { CsContext, CsRequest } from "./cs-context";
import { intParam } from "./parse";
import { parseTerms } from "./qql";
import { empty, errorReply, json, methodNotAllowed, type Reply } from "./reply";
import type { StoredRepository } from "./types";

const MAX_PAGE_SIZE = 250;

function repositoryView(r: StoredRepository): Record<string, unknown> {
  return {
    repoName: r.repoName,
    totalImages: r.totalImages,
    totalScannedImages: r.totalImages,
    totalVulnerableImages: 0,
    lastScanned: r.created,
    created: r.created,
  };
}

/** Answers `registry/{registryId}/repository`; undefined when the request is not for it. */
export function handleRepositories(ctx: CsContext, req: CsRequest): Reply | undefined {
  const [registryId, sub, ...rest] = req.segments;
  if (!registryId || sub !== "repository") return undefined;
  if (rest.length > 0) return errorReply(404, "No such endpoint");
  if (req.method !== "GET") return methodNotAllowed(req.method, ["GET"]);
  if (ctx.store.registryType(registryId) === undefined) {
    return errorReply(404, `registry ${registryId} not found`);
  }
  const pageNumber = intParam(req.query, "pageNumber", 1, 1, Number.MAX_SAFE_INTEGER);
  const pageSize = intParam(req.query, "pageSize", 50, 1, MAX_PAGE_SIZE);
  const terms = parseTerms(req.query.get("filter") ?? "", ["repoName"] as const);
  const sort = req.query.get("sort") ?? "repoName:asc";
  const descending = /:desc$/i.test(sort);
  const hits = ctx.store
    .repositories(registryId)
    .filter((r) => terms.every((t) => r.repoName.toLowerCase().includes(t.value.toLowerCase())))
    .sort((a, b) => (descending ? -1 : 1) * a.repoName.localeCompare(b.repoName));
  if (hits.length === 0) return empty(204);
  const page = hits.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return json(200, { count: hits.length, data: page.map(repositoryView) });
}
