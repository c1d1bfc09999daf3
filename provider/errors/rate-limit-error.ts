import { QualysError } from "./qualys-error";

/** Qualys kept rate limiting a request until the retry budget ran out (or asked for too long a wait). */
export class RateLimitError extends QualysError {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  /** The last status (429, or 409 with rate-limit headers). */
  readonly status: number;
  /** How many times the request was sent. */
  readonly attempts: number;
  /** How many waits were made before giving up, and their total. */
  readonly waits: number;
  readonly totalWaitMs: number;

  constructor(
    message: string,
    details: {
      operation: string;
      method: string;
      path: string;
      status: number;
      attempts: number;
      waits: number;
      totalWaitMs: number;
    },
  ) {
    super(message);
    this.name = "RateLimitError";
    this.operation = details.operation;
    this.method = details.method;
    this.path = details.path;
    this.status = details.status;
    this.attempts = details.attempts;
    this.waits = details.waits;
    this.totalWaitMs = details.totalWaitMs;
  }
}
