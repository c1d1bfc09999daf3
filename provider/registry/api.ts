/**
 * The Qualys CS registry endpoints the provider uses (docs/qualys-registry-contract.md §1), as typed
 * calls over the one HTTP client.
 */
import { QualysApiError } from "../errors";
import type { QualysClient } from "../qualys/http/client";
import { perClient } from "../qualys/per-client";
import { normalizeUri } from "./uri";
import {
  parseAwsBase,
  parseCreatedRegistryId,
  parseRegistryDetails,
  parseRegistryPage,
  uriFilter,
  type WireRegistry,
  type WireRegistryBody,
} from "./wire";

const PAGE_SIZE = 100;
/** Bound on pages read by one look-up (100 000 registries). */
const MAX_PAGES = 1000;
const REGISTRIES = "/v1.3/registry";
const item = (registryId: string): string => `${REGISTRIES}/${encodeURIComponent(registryId)}`;

export class RegistryApi {
  constructor(readonly client: QualysClient) {}

  /** The registry's details, or `undefined` when Qualys has no such registry (404). */
  async details(registryId: string): Promise<WireRegistry | undefined> {
    const operation = `read registry ${registryId}`;
    try {
      return parseRegistryDetails(
        await this.client.request({ method: "GET", path: item(registryId), operation }),
        operation,
      );
    } catch (err) {
      if (err instanceof QualysApiError && err.status === 404) return undefined;
      throw err;
    }
  }

  /** Every registry that matches the QQL filter (all pages). */
  async list(filter?: string): Promise<WireRegistry[]> {
    const all: WireRegistry[] = [];
    const operation = `list registries${filter ? ` (filter ${filter})` : ""}`;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const query: Record<string, string | number> = { pageNumber: page, pageSize: PAGE_SIZE };
      if (filter) query.filter = filter;
      const res = await this.client.request({ method: "GET", path: REGISTRIES, query, operation });
      const { count, data } = parseRegistryPage(res, operation);
      all.push(...data);
      if (data.length < PAGE_SIZE || all.length >= count) break;
    }
    return [...new Map(all.map((r) => [r.registryUuid, r])).values()];
  }

  /** The registries whose normalized URI is exactly this one (at most one, as Qualys keeps URIs unique). */
  async withUri(registryUri: string): Promise<WireRegistry[]> {
    const uri = normalizeUri(registryUri);
    return (await this.list(uriFilter(uri))).filter((r) => normalizeUri(r.registryUri ?? "") === uri);
  }

  /** The registries whose name contains `text`, as Qualys's name filter matches (ignoring case). */
  nameContains(text: string): Promise<WireRegistry[]> {
    return this.list(`registryName:"${text.replace(/(["\\])/g, "\\$1")}"`);
  }

  /** The registries named exactly `name` (Qualys's name filter is a "contains"). */
  async named(name: string): Promise<WireRegistry[]> {
    return (await this.nameContains(name)).filter((r) => r.registryName === name);
  }

  /**
   * POSTs a new registry; the ID, or `undefined` when the reply does not carry one (find it by URI).
   * `secrets`: the body's secret values (`secretValues` of core/properties.ts), never shown.
   */
  async create(body: WireRegistryBody, secrets: readonly string[]): Promise<string | undefined> {
    const res = await this.client.request({
      method: "POST",
      path: REGISTRIES,
      body,
      secrets,
      operation: `create registry ${JSON.stringify(body.registryName)} (${body.registryUri})`,
    });
    return parseCreatedRegistryId(res);
  }

  /** PUTs the whole registry; `secrets` as for `create`. */
  async update(registryId: string, body: WireRegistryBody, secrets: readonly string[]): Promise<void> {
    await this.client.request({
      method: "PUT",
      path: item(registryId),
      body,
      secrets,
      operation: `update registry ${registryId} (${JSON.stringify(body.registryName)})`,
    });
  }

  /** The documented, asynchronous bulk delete with this one ID (docs/qualys-registry-contract.md §7). */
  async delete(registryId: string): Promise<void> {
    await this.client.request({
      method: "DELETE",
      path: REGISTRIES,
      body: { registryIds: [registryId] },
      operation: `delete registry ${registryId}`,
    });
  }

  /** The Qualys AWS account and external ID for an ECR role's trust policy. */
  async awsBase(): Promise<{ accountId: string; externalId: string }> {
    const operation = "read the Qualys AWS base account";
    return parseAwsBase(
      await this.client.request({ method: "GET", path: `${REGISTRIES}/aws-base`, operation }),
      operation,
    );
  }
}

/** The process-wide registry API for these settings (one token, one concurrency cap). */
export const registryApi = perClient((client) => new RegistryApi(client));
