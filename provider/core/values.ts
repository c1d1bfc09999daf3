/**
 * Small helpers on raw input values, shared by `check`, `diff` and the wire mappings of every resource.
 * Pure; they never throw, whatever the value.
 */

/**
 * The value the engine sends in place of an input that is not known yet (during preview): the SDK's
 * `pulumi.runtime.unknownValue`, spelled out so that these pure helpers load no SDK runtime
 * (test/unit/core/values.test.ts checks that the two agree).
 */
export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

/** True for the engine's placeholder of a value that is not known yet. */
export function isUnknown(value: unknown): boolean {
  return value === UNKNOWN;
}

/** True when a value is, or contains (in a list or an object), a value that is not known yet. */
export function containsUnknown(value: unknown, depth = 0): boolean {
  if (value === UNKNOWN) return true;
  if (depth > 64 || typeof value !== "object" || value === null) return false;
  const members: unknown[] = Array.isArray(value) ? value : Object.values(value);
  return members.some((member) => containsUnknown(member, depth + 1));
}

/** `undefined` and `null` both mean "not set". */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** An object that is neither null nor a list (any prototype). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The record's own property `key` (never one inherited from a prototype). */
export function own(record: Record<string, unknown>, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;
}

/** Sets a key as an own, enumerable property, even for keys such as `__proto__`. */
export function put(record: Record<string, unknown>, key: string, value: unknown): void {
  Object.defineProperty(record, key, { value, enumerable: true, writable: true, configurable: true });
}

/** Deep equality of plain values (JSON-like: lists, plain objects, primitives; NaN equals NaN). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((member, i) => sameValue(member, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && sameValue(left[key], right[key]))
  );
}
