import { QualysError } from "./qualys-error";

/**
 * A request that is not safe to repeat (a POST) may or may not have been applied: it timed out, the
 * connection dropped, or the gateway answered 5xx. It was not repeated; the caller reconciles by
 * reading the server's state.
 */
export class AmbiguousRequestError extends QualysError {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  /** A redacted summary of what happened (`timeout after 30000 ms`, `ECONNRESET: socket hang up`, `500 …`). */
  override readonly cause: string;
  /** The HTTP status when the gateway answered, otherwise undefined. */
  readonly status: number | undefined;

  constructor(details: { operation: string; method: string; path: string; cause: string; status?: number }) {
    super(
      `The outcome of ${details.operation} is unknown: ${details.cause} (${details.method} ${details.path}). ` +
        `Qualys may have applied it, so it was not repeated; read the current state before trying again.`,
    );
    this.name = "AmbiguousRequestError";
    this.operation = details.operation;
    this.method = details.method;
    this.path = details.path;
    this.cause = details.cause;
    this.status = details.status;
  }
}
