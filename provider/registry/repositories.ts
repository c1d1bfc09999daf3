/**
 * A registry's repositories as Qualys lists them (docs/qualys-contract.md §3, "Repositories"):
 * `GET /v1.3/registry/{registryId}/repository`, paged, 204 when the registry lists none. One listing per
 * registry per process and settings: `getRepositories` in the program and the schedule's selection
 * check in the provider (schedule/selection.ts) each pay for a registry's pages once per run.
 */
import type { z } from "zod";

import { QualysApiError } from "../errors";
import type { QualysClient } from "../qualys/http/client";
import { parseListPage, replySchema, type ApiResponse, type Zod } from "../qualys/http/response";
import { perClient } from "../qualys/per-client";

const PAGE_SIZE = 100;
/** Bound on the pages of one listing (100 000 repositories). */
const MAX_PAGES = 1000;

function repositorySchema(z: Zod) {
  return z
    .object({
      repoName: z.string(),
      totalImages: z.number().nullish(),
      totalScannedImages: z.number().nullish(),
      totalVulnerableImages: z.number().nullish(),
      lastScanned: z.union([z.number(), z.string()]).nullish(),
    })
    .loose();
}

/** Built on the first reply, so a process that never lists repositories never loads zod. */
const repositoryItem = replySchema(repositorySchema);

/** One repository as the listing holds it. */
export type WireRepository = z.infer<ReturnType<typeof repositorySchema>>;

/** A page of the listing; 204 means the registry lists no repository (or none matches). */
export function parseRepositoryPage(
  res: ApiResponse,
  operation: string,
): { count: number; data: WireRepository[] } {
  return parseListPage(
    res,
    operation,
    repositoryItem(),
    'a JSON object {"count": n, "data": [repositories with "repoName"]}',
  );
}

export class RepositoryApi {
  /** Each registry's complete listing, once per process; a failed one is not kept. */
  private readonly listings = new Map<string, Promise<WireRepository[]>>();

  constructor(readonly client: QualysClient) {}

  /** Every repository of the registry (all pages), read once per process. A 404: no such registry. */
  list(registryId: string): Promise<WireRepository[]> {
    let listing = this.listings.get(registryId);
    if (!listing) {
      listing = this.fetch(registryId);
      listing.catch(() => this.listings.delete(registryId));
      this.listings.set(registryId, listing);
    }
    return listing;
  }

  private async fetch(registryId: string): Promise<WireRepository[]> {
    const operation = `list repositories of registry ${registryId}`;
    const path = `/v1.3/registry/${encodeURIComponent(registryId)}/repository`;
    const all: WireRepository[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const res = await this.client.request({
        method: "GET",
        path,
        query: { pageNumber: page, pageSize: PAGE_SIZE },
        operation,
      });
      const { count, data } = parseRepositoryPage(res, operation);
      all.push(...data);
      if (data.length < PAGE_SIZE || all.length >= count) break;
    }
    return [...new Map(all.map((r) => [r.repoName, r])).values()];
  }
}

/** True when the error says Qualys has no such registry. */
export function isMissingRegistry(err: unknown): boolean {
  return err instanceof QualysApiError && err.status === 404;
}

/** The process-wide repository API for these settings (one token, one cache). */
export const repositoryApi = perClient((client) => new RepositoryApi(client));
