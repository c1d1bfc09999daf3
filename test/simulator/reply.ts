import { STATUS_CODES } from "node:http";

/** A response computed before anything is written, so a fault can still replace it. */
export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** Thrown by handlers; turned into the gateway's JSON error shape. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

const JSON_TYPE = "application/json;charset=UTF-8";

export function json(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { "Content-Type": JSON_TYPE, ...headers }, body: JSON.stringify(value) };
}

export function text(status: number, body: string): Reply {
  return { status, headers: { "Content-Type": "text/plain;charset=UTF-8" }, body };
}

export function empty(status: number, headers: Record<string, string> = {}): Reply {
  return { status, headers, body: "" };
}

/** "400 BAD_REQUEST", as Spring-based Qualys services name their statuses. */
export function errorCode(status: number): string {
  const reason = (STATUS_CODES[status] ?? "Error").toUpperCase().replace(/[^A-Z0-9]+/g, "_");
  return `${status} ${reason}`;
}

export function errorReply(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return json(status, { errorCode: errorCode(status), message, timestamp: Date.now() }, headers);
}

export function methodNotAllowed(method: string, allowed: string[]): Reply {
  return errorReply(405, `Request method '${method}' is not supported`, { Allow: allowed.join(", ") });
}

export function fromError(e: unknown): Reply {
  if (e instanceof HttpError) return errorReply(e.status, e.message, e.headers);
  return errorReply(500, "Internal Server Error");
}
