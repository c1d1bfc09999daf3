import { QualysError } from "./qualys-error";

/**
 * A request that is not safe to repeat (a POST) may or may not have been applied: it timed out, the
 * connection dropped, or the gateway answered 5xx. It was not repeated; the caller reconciles by
 * reading the server's state.
 */
export class AmbiguousRequestError extends QualysError {
  /** What was being done, e.g. `create schedule "nightly" in registry r`. */
  readonly operation: string;
  /** The request's method. */
  readonly method: string;
  /** The request's path (no query). */
  readonly path: string;
  /** A redacted summary of what happened (`no reply within 30000 ms`, `ECONNRESET: socket hang up`, `500 …`). */
  readonly reason: string;
  /** The HTTP status when the gateway answered, otherwise undefined. */
  readonly status: number | undefined;

  constructor(details: { operation: string; method: string; path: string; reason: string; status?: number }) {
    super(
      `The outcome of ${details.operation} is unknown: ${details.reason} (${details.method} ${details.path}). ` +
        `Qualys may have applied it, so it was not repeated; read the current state before trying again.`,
    );
    this.name = "AmbiguousRequestError";
    this.operation = details.operation;
    this.method = details.method;
    this.path = details.path;
    this.reason = details.reason;
    this.status = details.status;
  }
}
