// What the CS API handlers (csapi.ts, registry-routes.ts) are given: apart from both, so that they do not
// import each other.
import type { Store } from "./store";
import type { StoredSchedule } from "./types";

export interface CsContext {
  store: Store;
  omitExtendedFields: boolean;
  forceScanEnabled: boolean;
  bulkDeleteDelayMs: number;
  /** Runs fn later; the simulator cancels pending work on reset and close. */
  later(fn: () => void, ms: number): void;
}

export interface CsRequest {
  method: string;
  segments: string[]; // path after /csapi/v1.3/registry/
  query: URLSearchParams;
  body: string;
  /** An injected lagging index: what a list answer sees of the matching schedules. */
  stale?: (hits: StoredSchedule[]) => StoredSchedule[];
}
