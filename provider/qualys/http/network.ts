/**
 * Classification of a failed HTTP attempt that got no reply, from the error's code alone (never
 * keeping the error object: it holds the request config, headers and body).
 */

/**
 * - `not-sent`: no connection was made, so nothing reached the server (refused, unknown host,
 *   unreachable network). Safe to repeat for any method.
 * - `tls`: the TLS handshake failed; nothing was sent, and repeating will not help.
 * - `timeout`: no reply within the per-attempt timeout; the server may have acted.
 * - `dropped`: the connection broke after it was made; the server may have acted.
 */
export type NetworkFailureKind = "not-sent" | "tls" | "timeout" | "dropped";

const NOT_SENT = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  "EADDRNOTAVAIL",
]);

export function classifyNetworkError(code: string | undefined, timedOut: boolean): NetworkFailureKind {
  if (timedOut || code === "ETIMEDOUT" || code === "ECONNABORTED") return "timeout";
  if (code !== undefined && NOT_SENT.has(code)) return "not-sent";
  if (code !== undefined && /CERT|SSL|TLS|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/i.test(code)) return "tls";
  return "dropped";
}

/** The `code` and `message` of a thrown value, as plain strings. */
export function errorCodeAndMessage(err: unknown): { code: string | undefined; message: string } {
  if (typeof err !== "object" || err === null) return { code: undefined, message: String(err) };
  const record = err as { code?: unknown; message?: unknown; cause?: unknown };
  let code = typeof record.code === "string" ? record.code : undefined;
  // axios wraps some socket errors; the socket's own code is more precise.
  if (
    (code === undefined || code === "ERR_BAD_RESPONSE") &&
    typeof record.cause === "object" &&
    record.cause
  ) {
    const inner = (record.cause as { code?: unknown }).code;
    if (typeof inner === "string") code = inner;
  }
  const message = typeof record.message === "string" ? record.message : "";
  return { code, message };
}
