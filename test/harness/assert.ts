/**
 * Reading an item a test expects to be there: the item, or a failure that names what was missing,
 * instead of a `TypeError` from the next property access (tsconfig.build.json has
 * `noUncheckedIndexedAccess`, so the type says when a read can miss).
 */

/** The first of `items`; fails the test, naming `what`, when there is none. */
export function first<T>(items: readonly T[], what: string): T {
  return defined(items[0], what);
}

/** `value`; fails the test, naming `what`, when it is undefined. */
export function defined<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`expected ${what}, found none`);
  return value;
}
