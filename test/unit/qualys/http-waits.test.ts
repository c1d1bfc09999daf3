import { RateLimitError } from "../../../provider/errors";
import type { HttpEvent } from "../../../provider/qualys/http/client";
import { rejection, sendJson, withServer } from "./http-test-server";
import { defined } from "../../harness/assert";

const get = {
  method: "GET" as const,
  path: "/v1.3/registry/r1/schedule",
  operation: "list schedules in registry r1",
};
const post = {
  method: "POST" as const,
  path: "/v1.3/registry/r1/schedule",
  body: {},
  operation: "create schedule",
};

/** An `onEvent` hook that collects the waits the client chose, in ms. */
function waitsInto(waits: number[]): (e: HttpEvent) => void {
  return (e) => {
    if (e.type === "wait") waits.push(e.waitMs ?? -1);
  };
}

/** One wait of `askedMs` plus the client's jitter (at most 10%, 250 ms). */
function expectOneWaitOf(waits: number[], askedMs: number): void {
  expect(waits).toHaveLength(1);
  expect(waits[0]).toBeGreaterThanOrEqual(askedMs);
  expect(waits[0]).toBeLessThanOrEqual(askedMs + Math.min(250, askedMs * 0.1));
}

/** Spacing between the first two API requests the server saw, in ms. */
function gap(at: number[]): number {
  return defined(at[1], "a second API request") - defined(at[0], "an API request");
}

describe("rate-limit waits: X-RateLimit-ToWait-Sec (classic 409)", () => {
  it("waits the seconds asked for before repeating, even with a large backoff base", async () => {
    const waits: number[] = [];
    await withServer(
      (_req, res, nth) =>
        nth === 1
          ? sendJson(
              res,
              409,
              { message: "rate limited" },
              { "X-RateLimit-ToWait-Sec": "1", "Retry-After": "3" },
            )
          : sendJson(res, 201, { scheduleUuid: "u" }),
      { retryBaseMs: 10, onEvent: waitsInto(waits) },
      async (server, client) => {
        await client.request(post);
        expect(gap(server.api().map((r) => r.at))).toBeGreaterThanOrEqual(950);
        expectOneWaitOf(waits, 1000);
      },
    );
  });
});

describe("rate-limit waits: Retry-After", () => {
  it("in seconds", async () => {
    const waits: number[] = [];
    await withServer(
      (_req, res, nth) =>
        nth === 1 ? sendJson(res, 429, {}, { "Retry-After": "1" }) : sendJson(res, 200, {}),
      { onEvent: waitsInto(waits) },
      async (server, client) => {
        await client.request(get);
        expect(gap(server.api().map((r) => r.at))).toBeGreaterThanOrEqual(950);
        expectOneWaitOf(waits, 1000);
      },
    );
  });

  it("as an HTTP date", async () => {
    let target = 0;
    let answeredAt = 0;
    let retriedAt = 0;
    const waits: number[] = [];
    await withServer(
      (_req, res, nth) => {
        if (nth > 1) {
          retriedAt = Date.now();
          return sendJson(res, 200, {});
        }
        // HTTP dates have whole seconds: ask for the second after next.
        target = Math.ceil(Date.now() / 1000) * 1000 + 1000;
        answeredAt = Date.now();
        sendJson(res, 429, {}, { "Retry-After": new Date(target).toUTCString() });
      },
      { onEvent: waitsInto(waits) },
      async (_server, client) => {
        await client.request(get);
        // Not before the date; the wait the client chose is at most the time left to the date (counted
        // from before the reply left) plus the 10% (≤ 250 ms) jitter. A bound on when the repeat
        // arrived would measure the machine's load.
        expect(retriedAt).toBeGreaterThanOrEqual(target - 20);
        expect(waits).toHaveLength(1);
        expect(waits[0]).toBeLessThanOrEqual(target - answeredAt + 250);
      },
    );
  });
});

describe("rate-limit waits: backoff without a requested wait", () => {
  it("is exponential with jitter, bounded by X-RateLimit-Window-Sec", async () => {
    const waits: number[] = [];
    await withServer(
      (_req, res, nth) =>
        nth <= 3
          ? sendJson(res, 429, {}, { "X-RateLimit-Limit": "1000", "X-RateLimit-Window-Sec": "1" })
          : sendJson(res, 200, {}),
      // A base this large would wait 10-20-40 s without the window bound.
      {
        retryBaseMs: 20_000,
        maxWaitMs: 60_000,
        onEvent: (e: HttpEvent) => e.type === "wait" && waits.push(e.waitMs ?? -1),
      },
      async (server, client) => {
        await client.request(get);
        expect(server.api()).toHaveLength(4);
        expect(waits).toHaveLength(3);
        for (const w of waits) {
          expect(w).toBeGreaterThanOrEqual(500);
          expect(w).toBeLessThanOrEqual(1000);
        }
      },
    );
  });

  it("grows from the base, each wait in the upper half of base·2^n", async () => {
    const waits: number[] = [];
    await withServer(
      (_req, res, nth) => (nth <= 3 ? sendJson(res, 503, {}) : sendJson(res, 200, {})),
      { retryBaseMs: 40, onEvent: (e: HttpEvent) => e.type === "wait" && waits.push(e.waitMs ?? -1) },
      async (_server, client) => {
        await client.request(get);
        expect(waits).toHaveLength(3);
        [40, 80, 160].forEach((ceiling, i) => {
          expect(waits[i]).toBeGreaterThanOrEqual(ceiling / 2);
          expect(waits[i]).toBeLessThanOrEqual(ceiling);
        });
      },
    );
  });
});

describe("rate-limit waits: a requested wait longer than maxWaitMs", () => {
  it("fails at once with a RateLimitError that names the wait, instead of repeating early", async () => {
    const waits: number[] = [];
    await withServer(
      (_req, res) => sendJson(res, 409, {}, { "X-RateLimit-ToWait-Sec": "120" }),
      { maxWaitMs: 1000, onEvent: waitsInto(waits) },
      async (server, client) => {
        const err = await rejection(client.request(get));
        expect(err).toBeInstanceOf(RateLimitError);
        expect(err.message).toContain("asked to wait 120 s, longer than the 1 s");
        expect(server.api()).toHaveLength(1);
        // At once: no wait at all (counted, not timed).
        expect(waits).toEqual([]);
      },
    );
  });
});

describe("rate-limit waits: 409 flavours", () => {
  it("a 409 with only X-Concurrency-Limit-* headers is a rate limit too", async () => {
    await withServer(
      (_req, res, nth) =>
        nth === 1
          ? sendJson(res, 409, {}, { "X-Concurrency-Limit-Limit": "2", "X-Concurrency-Limit-Running": "2" })
          : sendJson(res, 201, {}),
      {},
      async (server, client) => {
        await client.request(post);
        expect(server.api("POST")).toHaveLength(2);
      },
    );
  });
});
