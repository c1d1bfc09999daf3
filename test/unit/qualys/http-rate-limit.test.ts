import fc from "fast-check";
import {
  backoffMs,
  hasRateLimitHeaders,
  isRateLimited,
  requestedWaitMs,
  windowMs,
} from "../../../provider/qualys/http/rate-limit";
import { propertyRuns } from "../property-runs";

describe("rate-limit helpers: which replies are rate limits", () => {
  it("429 always; 409 only with X-RateLimit-* or X-Concurrency-Limit-* headers", () => {
    expect(isRateLimited(429, {})).toBe(true);
    expect(isRateLimited(409, {})).toBe(false);
    expect(isRateLimited(409, { "x-ratelimit-remaining": "0" })).toBe(true);
    expect(isRateLimited(409, { "X-RateLimit-ToWait-Sec": "5" })).toBe(true);
    expect(isRateLimited(409, { "x-concurrency-limit-limit": "2" })).toBe(true);
    expect(isRateLimited(503, { "x-ratelimit-remaining": "0" })).toBe(false);
    expect(hasRateLimitHeaders({ "x-ratelimited": "1" })).toBe(false);
  });
});

describe("rate-limit helpers: the requested wait", () => {
  const now = Date.parse("2025-01-01T00:00:00Z");
  it("prefers X-RateLimit-ToWait-Sec, then Retry-After seconds or date", () => {
    expect(requestedWaitMs({ "x-ratelimit-towait-sec": "7", "retry-after": "3" }, now)).toBe(7000);
    expect(requestedWaitMs({ "x-ratelimit-towait-sec": "0.5" }, now)).toBe(500);
    expect(requestedWaitMs({ "retry-after": "3" }, now)).toBe(3000);
    expect(requestedWaitMs({ "retry-after": "Wed, 01 Jan 2025 00:00:09 GMT" }, now)).toBe(9000);
    expect(requestedWaitMs({ "retry-after": "Tue, 31 Dec 2024 23:59:00 GMT" }, now)).toBe(0);
  });

  it("ignores values it cannot read", () => {
    expect(requestedWaitMs({}, now)).toBeUndefined();
    expect(requestedWaitMs({ "x-ratelimit-towait-sec": "-1" }, now)).toBeUndefined();
    expect(requestedWaitMs({ "retry-after": "soon" }, now)).toBeUndefined();
    expect(windowMs({ "x-ratelimit-window-sec": "60" })).toBe(60000);
    expect(windowMs({ "x-ratelimit-window-sec": "0" })).toBeUndefined();
  });
});

describe("rate-limit helpers: backoff", () => {
  it("stays within [ceiling/2, ceiling] where ceiling = min(cap, base·2^n)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 10_000 }),
        fc.integer({ min: 0, max: 120_000 }),
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        (retry, base, cap, r) => {
          const ceiling = Math.min(cap, base * 2 ** Math.min(retry, 30));
          const wait = backoffMs(retry, base, cap, () => r);
          return wait >= Math.floor(ceiling / 2) && wait <= Math.ceil(ceiling);
        },
      ),
      { numRuns: propertyRuns(500) },
    );
  });
});
