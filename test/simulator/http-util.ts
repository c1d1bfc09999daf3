import type { IncomingMessage, ServerResponse } from "node:http";
import type { Reply } from "./reply";

export const MAX_BODY_BYTES = 1024 * 1024;

export type BodyResult = { ok: true; body: string } | { ok: false; reason: "tooLarge" | "aborted" };

/** Reads the body up to MAX_BODY_BYTES; beyond that the rest is drained and discarded. */
export function readBody(req: IncomingMessage): Promise<BodyResult> {
  const declared = Number(req.headers["content-length"] ?? "0");
  if (declared > MAX_BODY_BYTES) {
    req.resume();
    return Promise.resolve({ ok: false, reason: "tooLarge" });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) tooLarge = true;
      else chunks.push(c);
    });
    req.on("end", () =>
      resolve(
        tooLarge
          ? { ok: false, reason: "tooLarge" }
          : { ok: true, body: Buffer.concat(chunks).toString("utf8") },
      ),
    );
    req.on("error", () => resolve({ ok: false, reason: "aborted" }));
    req.on("aborted", () => resolve({ ok: false, reason: "aborted" }));
  });
}

export function writeReply(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(reply.status, { ...reply.headers, "Content-Length": String(Buffer.byteLength(reply.body)) });
  res.end(reply.body);
}

const SECRET_KEY = /pass|token|secret|auth|user|key|jwt/i;
const JWT_LIKE = /^[\w-]+\.[\w-]+\.[\w-]+$/;

/** The log keeps the query for benchmarks but never a credential someone put there. */
export function redactQuery(query: URLSearchParams, secrets: string[]): string {
  const out = new URLSearchParams();
  for (const [k, v] of query) {
    const secret = SECRET_KEY.test(k) || JWT_LIKE.test(v) || secrets.some((s) => s !== "" && v.includes(s));
    out.append(k, secret ? "REDACTED" : v);
  }
  return out.toString();
}
