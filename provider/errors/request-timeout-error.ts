import { settingInParens } from "../qualys/settings";
import { QualysError } from "./qualys-error";

/** No reply within the per-attempt timeout, on every attempt of a request that was safe to repeat. */
export class RequestTimeoutError extends QualysError {
  readonly operation: string;
  readonly method: string;
  readonly path: string;
  readonly timeoutMs: number;
  readonly attempts: number;

  constructor(details: {
    operation: string;
    method: string;
    path: string;
    timeoutMs: number;
    attempts: number;
  }) {
    super(
      `No reply from Qualys to ${details.operation} within ${details.timeoutMs} ms, on each of ` +
        `${details.attempts} attempt(s) (${details.method} ${details.path}). ` +
        `Retry later, or raise ${settingInParens("requestTimeoutSeconds")} if the gateway is slow.`,
    );
    this.name = "RequestTimeoutError";
    this.operation = details.operation;
    this.method = details.method;
    this.path = details.path;
    this.timeoutMs = details.timeoutMs;
    this.attempts = details.attempts;
  }
}
