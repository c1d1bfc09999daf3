// Small parsing helpers shared by the gateway's handlers: every refusal is an HttpError 400.
import { HttpError } from "./reply";

export type Obj = Record<string, unknown>;

export function isObj(v: unknown): v is Obj {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function bad(message: string): never {
  throw new HttpError(400, message);
}

export function absent(v: unknown): v is null | undefined {
  return v === null || v === undefined;
}

export function parseJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    throw new HttpError(400, "request body is not valid JSON");
  }
}

export function intParam(q: URLSearchParams, name: string, dflt: number, min: number, max: number): number {
  const raw = q.get(name);
  if (raw === null || raw === "") return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new HttpError(400, `${name} must be an integer from ${min} to ${max}`);
  }
  return n;
}
