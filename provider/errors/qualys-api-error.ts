import { QualysError } from "./qualys-error";

/** What a `QualysApiError` is built from. */
export interface QualysApiErrorDetails {
  status: number;
  /** Qualys's `errorCode` (e.g. `400 BAD REQUEST`), or the status and its reason phrase. */
  errorCode: string;
  /** Qualys's `message`, or the start of the body when it was not JSON (redacted). */
  serverMessage: string;
  method: string;
  /** The path on the gateway, e.g. `/csapi/v1.3/registry/r/schedule` (no query). */
  path: string;
  /** What was being done, e.g. `create schedule "nightly" in registry r`. */
  operation: string;
  /** What to do next, appended to the message. */
  hint?: string;
}

/** Qualys answered with an error status (after any retries the status allowed). */
export class QualysApiError extends QualysError {
  readonly status: number;
  readonly errorCode: string;
  readonly serverMessage: string;
  readonly method: string;
  readonly path: string;
  readonly operation: string;

  constructor(details: QualysApiErrorDetails) {
    const hint = details.hint ? ` ${details.hint}` : "";
    super(
      `Qualys rejected ${details.operation}: ${details.errorCode}: ${details.serverMessage} ` +
        `(${details.method} ${details.path}).${hint}`,
    );
    this.name = "QualysApiError";
    this.status = details.status;
    this.errorCode = details.errorCode;
    this.serverMessage = details.serverMessage;
    this.method = details.method;
    this.path = details.path;
    this.operation = details.operation;
  }

  /**
   * A 403 is one failure per registry (the user's permissions or scope do not cover it), whichever of
   * its schedules met it; any other status is its own.
   */
  override sameFailureKey(): string | undefined {
    if (this.status !== 403) return undefined;
    return `QualysApiError 403 ${/^\/csapi\/v[\d.]+\/registry\/[^/]+/.exec(this.path)?.[0] ?? this.path}`;
  }
}
