import { settingInParens } from "../qualys/settings";
import { QualysError } from "./qualys-error";

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;

/** Qualys kept rate limiting a request until the retry budget ran out (or asked for too long a wait). */
export class RateLimitError extends QualysError {
  /** What was being done. */
  readonly operation: string;
  /** The request's method. */
  readonly method: string;
  /** The request's path (no query). */
  readonly path: string;
  /** The last status (429, or 409 with rate-limit headers). */
  readonly status: number;
  /** How many times the request was sent. */
  readonly attempts: number;
  /** How many waits were made before giving up. */
  readonly waits: number;
  /** The total of those waits, in ms. */
  readonly totalWaitMs: number;
  /** The wait Qualys asked for, when it was longer than this provider waits at once; else undefined. */
  readonly askedWaitMs: number | undefined;

  constructor(details: {
    operation: string;
    method: string;
    path: string;
    status: number;
    attempts: number;
    waits: number;
    totalWaitMs: number;
    /** Set when Qualys asked for a wait longer than `maxWaitMs`. */
    askedWaitMs?: number;
    maxWaitMs: number;
  }) {
    const d = details;
    super(
      d.askedWaitMs !== undefined
        ? `Qualys rate limited ${d.operation} (${d.status}; ${d.method} ${d.path}) and asked to wait ` +
            `${seconds(d.askedWaitMs)}, longer than the ${seconds(d.maxWaitMs)} this provider waits at once. ` +
            `Retry after that time, or lower ${settingInParens("concurrency")} so fewer requests compete for the limit.`
        : `Qualys kept rate limiting ${d.operation} (${d.status}; ${d.method} ${d.path}): gave up after ` +
            `${d.attempts} attempts and ${d.waits} waits totalling ${seconds(d.totalWaitMs)}. Retry later, or raise ` +
            `${settingInParens("maxRetries")} or lower ${settingInParens("concurrency")}.`,
    );
    this.name = "RateLimitError";
    this.operation = d.operation;
    this.method = d.method;
    this.path = d.path;
    this.status = d.status;
    this.attempts = d.attempts;
    this.waits = d.waits;
    this.totalWaitMs = d.totalWaitMs;
    this.askedWaitMs = d.askedWaitMs;
  }
}
