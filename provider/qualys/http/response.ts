import type { ZodType } from "zod";
import { MalformedResponseError } from "../../errors";
import { snippet } from "../redact";

/** A reply from the gateway. */
export interface ApiResponse {
  status: number;
  /** Parsed JSON, or the text when it is not JSON, or undefined when the body is empty (e.g. 204). */
  data: unknown;
  /** The raw body. */
  text: string;
  /** Response headers, names in lower case. */
  headers: Record<string, string>;
  /** The request's method and path (no query), for messages. Absent on hand-made responses. */
  method?: string;
  path?: string;
}

/** zod, the namespace its schemas are built from. */
export type Zod = typeof import("zod").z;

/**
 * A reply schema built on its first use, then kept. zod compiles an object schema's parser the first
 * time it parses, so a schema built per reply paid for that on every reply (a refresh parses a page per
 * registry and per look-up by ID). zod itself is loaded then too: a process that never reads a reply
 * (`pulumi preview`, an update, a delete) never loads its 95 modules.
 */
export function replySchema<T extends ZodType>(build: (z: Zod) => T): () => T {
  let built: T | undefined;
  return () => (built ??= build((require("zod") as typeof import("zod")).z));
}

/** Lenient body parsing: empty → undefined; anything that parses as JSON → the value; else the text. */
export function parseBody(text: string): unknown {
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `errorCode` and `message` of a Qualys error body (`{"errorCode":"403 FORBIDDEN","message":"…"}`). */
export function errorFields(data: unknown): { errorCode?: string; message?: string } {
  if (typeof data !== "object" || data === null || Array.isArray(data)) return {};
  const record = data as Record<string, unknown>;
  const str = (v: unknown): string | undefined =>
    typeof v === "string" && v.trim() !== "" ? v.trim() : typeof v === "number" ? String(v) : undefined;
  return { errorCode: str(record.errorCode), message: str(record.message) };
}

/** The error for a reply that is not what `operation` expected: names the call and what came back, redacted. */
export function malformed(res: ApiResponse, operation: string, expected: string): MalformedResponseError {
  return new MalformedResponseError({
    operation,
    expected,
    status: res.status,
    contentType: res.headers["content-type"] ?? "",
    bodySnippet: snippet(res.text),
    method: res.method,
    path: res.path,
  });
}

/**
 * The JSON value of a reply, or a MalformedResponseError that names the operation and what came
 * back. With a zod `schema`, the value must also match it.
 */
export function expectJson(res: ApiResponse, operation: string): unknown;
export function expectJson<T>(res: ApiResponse, operation: string, schema: ZodType<T>): T;
export function expectJson<T>(res: ApiResponse, operation: string, schema?: ZodType<T>): unknown {
  if (res.text.trim() === "") throw malformed(res, operation, "a JSON body");
  let value: unknown;
  try {
    value = JSON.parse(res.text) as unknown;
  } catch {
    throw malformed(res, operation, "a JSON body");
  }
  if (schema === undefined) return value;
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const at = issue && issue.path.length > 0 ? ` at ${issue.path.map(String).join(".")}` : "";
  throw malformed(
    res,
    operation,
    `a JSON body of the documented shape (${issue?.message ?? "invalid"}${at})`,
  );
}

/** The page schema of each item schema, built once (see `replySchema`). */
const listPages = new WeakMap<ZodType, ZodType>();

/**
 * A page of a paged list reply (`{count, data}`); 204 means nothing matches. An empty body or a reply
 * with neither `count` nor `data` is malformed, never "nothing": `expected` says what was wanted.
 */
export function parseListPage<T>(
  res: ApiResponse,
  operation: string,
  item: ZodType<T>,
  expected: string,
): { count: number; data: T[] } {
  if (res.status === 204) return { count: 0, data: [] };
  let page = listPages.get(item);
  if (page === undefined) {
    const { z } = require("zod") as typeof import("zod");
    page = z.object({ count: z.number().optional(), data: z.array(item).nullish() }).loose();
    listPages.set(item, page);
  }
  const parsed = (page as ZodType<{ count?: number; data?: T[] | null }>).safeParse(res.data);
  if (res.text.trim() === "" || !parsed.success || (parsed.data.count === undefined && !parsed.data.data)) {
    throw malformed(res, operation, expected);
  }
  const data = parsed.data.data ?? [];
  return { count: parsed.data.count ?? data.length, data };
}
