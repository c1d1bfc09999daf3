/**
 * The Qualys CS endpoints a schedule uses (docs/qualys-contract.md, "Endpoints"), as typed calls over
 * the one HTTP client. No caching, batching or bookkeeping: that is the read-path optimizer's
 * (`schedule/api.ts`).
 */
import { MalformedResponseError } from "../errors";
import type { QualysClient } from "../qualys/http/client";
import type { ApiResponse } from "../qualys/http/response";
import {
  parseCreatedId,
  parseRegistryType,
  parseSchedulePage,
  type WireSchedule,
  type WireScheduleBody,
} from "./wire";

/** Page size of list calls. */
export const PAGE_SIZE = 100;
/** How many times an unreadable list reply is asked for again. */
export const MALFORMED_LIST_RETRIES = 2;

const base = (registryId: string): string => `/v1.3/registry/${encodeURIComponent(registryId)}`;
const schedulePath = (registryId: string, scheduleId?: string): string =>
  `${base(registryId)}/schedule${scheduleId === undefined ? "" : `/${encodeURIComponent(scheduleId)}`}`;

/** One page of a schedule listing. */
export interface SchedulePage {
  count: number;
  data: WireSchedule[];
}

export class ScheduleEndpoints {
  constructor(readonly client: QualysClient) {}

  /** `GET /v1.3/registry/{id}`: the registry's type. A 404 says the registry does not exist. */
  async registryType(registryId: string): Promise<string> {
    const operation = `read registry ${registryId}`;
    const res = await this.client.request({ method: "GET", path: base(registryId), operation });
    return parseRegistryType(res, operation);
  }

  /**
   * One page of the registry's schedules, optionally filtered by QQL. A reply that cannot be read
   * (truncated, not JSON, the wrong shape) is asked for again, up to `MALFORMED_LIST_RETRIES` times: it
   * is a read, so repeating it is safe, and one bad reply must not fail a whole refresh.
   */
  async listPage(registryId: string, pageNumber: number, filter?: string): Promise<SchedulePage> {
    const operation = `list schedules of registry ${registryId}${filter ? ` (filter ${filter})` : ""}`;
    const query: Record<string, string | number> = { pageNumber, pageSize: PAGE_SIZE };
    if (filter) query.filter = filter;
    for (let attempt = 0; ; attempt++) {
      const res = await this.client.request({
        method: "GET",
        path: schedulePath(registryId),
        query,
        operation,
      });
      try {
        return parseSchedulePage(res, operation);
      } catch (err) {
        if (!(err instanceof MalformedResponseError) || attempt >= MALFORMED_LIST_RETRIES) throw err;
      }
    }
  }

  /** Every schedule of the registry that matches the QQL filter (all pages, one after the other). */
  async listSchedules(registryId: string, filter?: string): Promise<WireSchedule[]> {
    const all: WireSchedule[] = [];
    for (let page = 1; ; page++) {
      const { count, data } = await this.listPage(registryId, page, filter);
      all.push(...data);
      if (data.length < PAGE_SIZE || all.length >= count) return all;
    }
  }

  /** POSTs a new schedule and returns its ID. Ambiguous failures surface as `AmbiguousRequestError`. */
  async createSchedule(registryId: string, body: WireScheduleBody): Promise<string> {
    const operation = `create schedule ${JSON.stringify(body.name)} in registry ${registryId}`;
    const res = await this.client.request({
      method: "POST",
      path: schedulePath(registryId),
      body,
      operation,
    });
    return parseCreatedId(res, operation);
  }

  updateSchedule(registryId: string, scheduleId: string, body: WireScheduleBody): Promise<ApiResponse> {
    return this.client.request({
      method: "PUT",
      path: schedulePath(registryId, scheduleId),
      body,
      operation: `update schedule ${scheduleId} (${JSON.stringify(body.name)}) in registry ${registryId}`,
    });
  }

  async deleteSchedule(registryId: string, scheduleId: string): Promise<void> {
    await this.client.request({
      method: "DELETE",
      path: schedulePath(registryId, scheduleId),
      operation: `delete schedule ${scheduleId} in registry ${registryId}`,
    });
  }

  /** Bulk delete by ID only, never by filter (docs/qualys-contract.md, decision 7). Asynchronous at Qualys. */
  async bulkDeleteSchedule(registryId: string, scheduleId: string): Promise<void> {
    await this.client.request({
      method: "DELETE",
      path: `${schedulePath(registryId)}/bulk`,
      query: { scheduleIds: scheduleId },
      operation: `bulk-delete schedule ${scheduleId} in registry ${registryId}`,
    });
  }

  async cancelSchedule(registryId: string, scheduleId: string): Promise<void> {
    await this.client.request({
      method: "POST",
      path: `${schedulePath(registryId, scheduleId)}/cancel`,
      operation: `cancel schedule ${scheduleId} in registry ${registryId}`,
    });
  }
}
