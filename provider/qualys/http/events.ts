// What the client reports of its work (settings' `onEvent`, qualys/config.ts), apart from the client so
// that the settings and the client do not import each other.
/** One observable step of the client, for tests and benchmarks. Never carries a secret. */
export interface HttpEvent {
  /** `budget`: a call waits for `qualys:maxCallsPerMinute` (http/call-budget.ts). */
  type: "request" | "retry" | "wait" | "auth" | "budget";
  method: string;
  /** Path on the gateway without the query (`/auth`, `/csapi/v1.3/…`). */
  path: string;
  status?: number;
  /** Network error code for a failed attempt (`ECONNRESET`, `ETIMEDOUT`, …). */
  code?: string;
  waitMs?: number;
}
