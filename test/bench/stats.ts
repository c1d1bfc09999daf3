/** Small statistics for repeated timings. */

export interface Summary {
  /** Median of the samples. */
  median: number;
  min: number;
  max: number;
  /** (max − min) / median: how far apart the repetitions were. */
  spread: number;
  samples: number[];
}

export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  // s is not empty, so mid and mid - 1 (taken only when the length is even, at least 2) are in bounds.
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

export function summarize(xs: number[]): Summary {
  const m = median(xs);
  const min = xs.length ? Math.min(...xs) : NaN;
  const max = xs.length ? Math.max(...xs) : NaN;
  return { median: m, min, max, spread: m > 0 ? (max - min) / m : 0, samples: xs };
}

/** The most requests in flight at once, from arrival times and durations (ms). */
export function peakInFlight(reqs: { at: number; durationMs: number }[]): number {
  const edges: [number, number][] = [];
  for (const r of reqs) edges.push([r.at, 1], [r.at + r.durationMs, -1]);
  // Ends before starts at the same instant: back-to-back requests do not overlap.
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let cur = 0;
  let peak = 0;
  for (const [, d] of edges) {
    cur += d;
    peak = Math.max(peak, cur);
  }
  return peak;
}
