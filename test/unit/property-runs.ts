/**
 * How many cases each property-based test runs: the full count by default (CI runs it), fewer when
 * PROPERTY_RUNS is set (e.g. `PROPERTY_RUNS=50 npm run test:unit` while working). Never more.
 */
export function propertyRuns(full: number): number {
  const raw = process.env.PROPERTY_RUNS;
  if (raw === undefined || raw === "") return full;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`PROPERTY_RUNS must be a whole number ≥ 1; got ${JSON.stringify(raw)}`);
  return Math.min(n, full);
}
