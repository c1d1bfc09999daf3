/**
 * Pure helpers for the gateway's rate limits (docs/qualys-contract.md §8 item 8): which replies are rate limits and
 * how long to wait before repeating.
 */

/** Response headers, names in lower case. */
export type Headers = Readonly<Record<string, string>>;

/** True when any header announces a rate or concurrency limit (`X-RateLimit-*`, `X-Concurrency-Limit-*`). */
export function hasRateLimitHeaders(headers: Headers): boolean {
  return Object.keys(headers).some((name) => /^x-(ratelimit|concurrency-limit)-/i.test(name));
}

/**
 * True when the gateway refused the request because of a rate limit, without acting on it: a 429
 * (CS gateway), or a 409 carrying rate-limit headers (classic Qualys API). A bare 409 is an ordinary
 * API error.
 */
export function isRateLimited(status: number, headers: Headers): boolean {
  return status === 429 || (status === 409 && hasRateLimitHeaders(headers));
}

function header(headers: Headers, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(headers)) {
    if (key.toLowerCase() === wanted) return value.trim();
  }
  return undefined;
}

function seconds(value: string | undefined): number | undefined {
  if (value === undefined || !/^\d+(\.\d+)?$/.test(value)) return undefined;
  return Number(value);
}

/**
 * The wait the server asked for, in ms: `X-RateLimit-ToWait-Sec`, else `Retry-After` (seconds or an
 * HTTP date). Undefined when it asked for nothing usable.
 */
export function requestedWaitMs(headers: Headers, now: number = Date.now()): number | undefined {
  const toWait = seconds(header(headers, "x-ratelimit-towait-sec"));
  if (toWait !== undefined) return Math.round(toWait * 1000);
  const retryAfter = header(headers, "retry-after");
  if (retryAfter === undefined || retryAfter === "") return undefined;
  const secs = seconds(retryAfter);
  if (secs !== undefined) return Math.round(secs * 1000);
  const date = Date.parse(retryAfter);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** The rate-limit window the server announced (`X-RateLimit-Window-Sec`), in ms. */
export function windowMs(headers: Headers): number | undefined {
  const secs = seconds(header(headers, "x-ratelimit-window-sec"));
  return secs !== undefined && secs > 0 ? secs * 1000 : undefined;
}

/**
 * Exponential backoff with jitter for the `retry`-th repeat (0 for the first): `base * 2^retry`,
 * capped at `capMs`, then a random point in its upper half, so concurrent clients spread out
 * without any wait collapsing to nothing.
 */
export function backoffMs(
  retry: number,
  baseMs: number,
  capMs: number,
  random: () => number = Math.random,
): number {
  const ceiling = Math.max(0, Math.min(capMs, baseMs * 2 ** Math.min(retry, 30)));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
