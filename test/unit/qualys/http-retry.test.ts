import http, { type ServerResponse } from "node:http";
import {
  AmbiguousRequestError,
  GatewayUnreachableError,
  QualysApiError,
  RateLimitError,
  RequestTimeoutError,
} from "../../../provider/errors";
import { QualysClient, type ApiRequest, type HttpEvent } from "../../../provider/qualys/http/client";
import { closedPort, rejection, sendJson, settingsFor, withServer, type Recorded } from "./http-test-server";
import { defined } from "../../harness/assert";

type Method = ApiRequest["method"];
const call = (method: Method): ApiRequest => ({
  method,
  path: "/v1.3/registry/r1/schedule/s1",
  body: method === "GET" || method === "DELETE" ? undefined : { name: "n" },
  operation: `${method.toLowerCase()} schedule s1`,
});

/** Faults a test can script for the first attempts. */
const faults: Record<string, (res: ServerResponse, req: Recorded) => void> = {
  "502": (res) => sendJson(res, 502, { errorCode: "502 BAD GATEWAY", message: "upstream" }),
  "503": (res) => sendJson(res, 503, { errorCode: "503 SERVICE UNAVAILABLE", message: "busy" }),
  "504": (res) => sendJson(res, 504, { errorCode: "504 GATEWAY TIMEOUT", message: "slow" }),
  "429": (res) => sendJson(res, 429, { message: "Too many requests" }, { "X-RateLimit-Limit": "1000" }),
  "409 with X-RateLimit-ToWait-Sec": (res) =>
    sendJson(res, 409, { message: "rate limit" }, { "X-RateLimit-ToWait-Sec": "0" }),
  "connection reset": (res) => res.socket?.destroy(),
  "no reply (timeout)": () => undefined,
};

/** The fault scripted under `name` in `table` (a misspelt name fails the test loudly). */
function scripted(name: string, table = faults): (res: ServerResponse, req: Recorded) => void {
  return defined(table[name], `a fault named ${name}`);
}

/** Fails the first `n` requests to the API with `fault`, then answers 200. */
function failing(n: number, fault: (res: ServerResponse, req: Recorded) => void) {
  return (req: Recorded, res: ServerResponse, nth: number): void =>
    nth <= n ? fault(res, req) : sendJson(res, 200, { ok: true, nth });
}

describe("retries: GET, PUT and DELETE are repeated on transient failures", () => {
  const methods: Method[] = ["GET", "PUT", "DELETE"];
  const table = methods.flatMap((m) => Object.keys(faults).map((f): [Method, string] => [m, f]));
  it.each(table)("%s after %s, twice, then succeeds", async (method, fault) => {
    await withServer(failing(2, scripted(fault)), { timeoutMs: 150 }, async (server, client) => {
      const res = await client.request(call(method));
      expect(res.status).toBe(200);
      expect(res.data).toEqual({ ok: true, nth: 3 });
      expect(server.api(method)).toHaveLength(3);
    });
  });
});

describe("retries: a POST whose fate is unknown is never repeated", () => {
  const ambiguous = ["500", "502", "503", "504", "connection reset", "no reply (timeout)"];
  const all: Record<string, (res: ServerResponse, req: Recorded) => void> = {
    ...faults,
    "500": (res) => sendJson(res, 500, { errorCode: "500 INTERNAL SERVER ERROR", message: "boom" }),
  };
  it.each(ambiguous)("after %s: one POST, AmbiguousRequestError naming the operation", async (fault) => {
    await withServer(failing(1, scripted(fault, all)), { timeoutMs: 150 }, async (server, client) => {
      const err = await rejection(client.request(call("POST")));
      expect(err).toBeInstanceOf(AmbiguousRequestError);
      const amb = err as AmbiguousRequestError;
      expect(amb.operation).toBe("post schedule s1");
      expect(amb.method).toBe("POST");
      expect(amb.path).toBe("/csapi/v1.3/registry/r1/schedule/s1");
      expect(typeof amb.reason).toBe("string");
      expect(err.message).toContain("The outcome of post schedule s1 is unknown");
      expect(server.api("POST")).toHaveLength(1);
    });
  });

  it("the cause summarises what happened: the status and message, or the timeout", async () => {
    await withServer(failing(1, scripted("500", all)), {}, async (_server, client) => {
      const err = (await rejection(client.request(call("POST")))) as AmbiguousRequestError;
      expect(err.reason).toBe("the gateway answered 500 INTERNAL SERVER ERROR: boom");
      expect(err.status).toBe(500);
    });
    await withServer(
      failing(1, scripted("no reply (timeout)", all)),
      { timeoutMs: 100 },
      async (_server, client) => {
        const err = (await rejection(client.request(call("POST")))) as AmbiguousRequestError;
        expect(err.reason).toBe("no reply within 100 ms");
        expect(err.status).toBeUndefined();
      },
    );
  });
});

describe("retries: a POST the gateway rejected is repeated", () => {
  it.each(["429", "409 with X-RateLimit-ToWait-Sec"])("after %s", async (fault) => {
    await withServer(failing(2, scripted(fault)), {}, async (server, client) => {
      const res = await client.request(call("POST"));
      expect(res.status).toBe(200);
      expect(server.api("POST")).toHaveLength(3);
    });
  });
});

describe("retries: errors that are not retried", () => {
  it("a 409 without rate-limit headers is an ordinary API error, sent once", async () => {
    await withServer(
      (_req, res) =>
        sendJson(res, 409, { errorCode: "409 CONFLICT", message: "Schedule name already exists" }),
      {},
      async (server, client) => {
        const err = await rejection(client.request(call("PUT")));
        expect(err).toBeInstanceOf(QualysApiError);
        expect((err as QualysApiError).status).toBe(409);
        expect(err.message).toBe(
          "Qualys rejected put schedule s1: 409 CONFLICT: Schedule name already exists " +
            "(PUT /csapi/v1.3/registry/r1/schedule/s1).",
        );
        expect(server.api()).toHaveLength(1);
      },
    );
  });

  it.each([400, 403, 404, 500])("a %i on GET is sent once", async (status) => {
    await withServer(
      (_req, res) => sendJson(res, status, { message: "no" }),
      {},
      async (server, client) => {
        const err = await rejection(client.request(call("GET")));
        expect(err).toBeInstanceOf(QualysApiError);
        expect((err as QualysApiError).status).toBe(status);
        expect(server.api()).toHaveLength(1);
      },
    );
  });
});

describe("retries: the budget", () => {
  it("a GET that keeps getting 503 is tried 1 + maxRetries times, then a QualysApiError says so", async () => {
    await withServer(failing(99, scripted("503")), { maxRetries: 2 }, async (server, client) => {
      const err = await rejection(client.request(call("GET")));
      expect(err).toBeInstanceOf(QualysApiError);
      expect(err.message).toContain("503 SERVICE UNAVAILABLE: busy");
      expect(err.message).toContain("failed on all 3 attempts");
      expect(server.api()).toHaveLength(3);
    });
  });

  it("a rate limit that never lifts ends in a RateLimitError with attempts, waits and what to do", async () => {
    await withServer(failing(99, scripted("429")), { maxRetries: 3 }, async (server, client) => {
      const err = await rejection(client.request(call("POST")));
      expect(err).toBeInstanceOf(RateLimitError);
      const rl = err as RateLimitError;
      expect(rl.attempts).toBe(4);
      expect(rl.waits).toBe(3);
      expect(rl.status).toBe(429);
      expect(err.message).toContain("gave up after 4 attempts and 3 waits");
      expect(err.message).toContain(
        "raise qualys:maxRetries (QUALYS_MAX_RETRIES) or lower qualys:concurrency (QUALYS_CONCURRENCY)",
      );
      expect(server.api()).toHaveLength(4);
    });
  });

  it("GETs that time out on every attempt end in a RequestTimeoutError", async () => {
    const waits: HttpEvent[] = [];
    await withServer(
      failing(99, scripted("no reply (timeout)")),
      { timeoutMs: 100, maxRetries: 1, onEvent: (e: HttpEvent) => e.type === "wait" && waits.push(e) },
      async (server, client) => {
        const err = await rejection(client.request(call("GET")));
        expect(err).toBeInstanceOf(RequestTimeoutError);
        expect(err.message).toContain("within 100 ms, on each of 2 attempt(s)");
        expect(err.message).toContain("qualys:requestTimeoutSeconds (QUALYS_REQUEST_TIMEOUT_SECONDS)");
        expect(server.api()).toHaveLength(2);
        // One backoff between the two attempts, and no other wait (counted, not timed: a wall-clock
        // bound measures the machine's load).
        expect(waits).toHaveLength(1);
        expect(waits[0]?.waitMs).toBeLessThanOrEqual(5);
      },
    );
  });

  it("a re-auth repeat does not use up the retry budget", async () => {
    let expiredOnce = false;
    await withServer(
      (req, res, nth) => {
        if (!expiredOnce) {
          expiredOnce = true;
          return sendJson(res, 401, { message: "JWT expired" });
        }
        return nth <= 2 ? scripted("503")(res, req) : sendJson(res, 200, {});
      },
      { maxRetries: 1 },
      async (server, client) => {
        await expect(client.request(call("GET"))).resolves.toMatchObject({ status: 200 });
        expect(server.api()).toHaveLength(3);
      },
    );
  });
});

describe("retries: timeout per attempt", () => {
  it("a slow reply is abandoned after timeoutMs and the GET repeated", async () => {
    let release = (): void => undefined;
    const firstHeld = new Promise<void>((r) => (release = r));
    await withServer(
      async (_req, res, nth) => {
        // The first reply comes only once the client has its answer: resolving at all proves that the
        // first attempt was abandoned, with no wall-clock bound (those measured the machine's load).
        if (nth === 1) await firstHeld;
        if (!res.destroyed) sendJson(res, 200, { nth });
      },
      { timeoutMs: 200 },
      async (server, client) => {
        try {
          const res = await client.request(call("GET"));
          expect(res.data).toEqual({ nth: 2 });
          expect(server.api()).toHaveLength(2);
        } finally {
          release();
        }
      },
    );
  });

  it("a reply that trickles in slower than timeoutMs also counts as a timeout", async () => {
    await withServer(
      (_req, res) => {
        res.writeHead(200, { "Content-Type": "application/json" });
        res.write("[");
        const timer = setInterval(() => (res.writableEnded ? clearInterval(timer) : res.write("1,")), 50);
        res.on("close", () => clearInterval(timer));
      },
      { timeoutMs: 300, maxRetries: 0 },
      async (_server, client) => {
        await expect(client.request(call("GET"))).rejects.toBeInstanceOf(RequestTimeoutError);
      },
    );
  });
});

describe("retries: connection refused", () => {
  it("names the gateway URL and the settings to check, after a couple of tries", async () => {
    const port = await closedPort();
    const url = `http://127.0.0.1:${port}`;
    const client = new QualysClient(settingsFor(url));
    try {
      const err = await rejection(client.request(call("GET")));
      expect(err).toBeInstanceOf(GatewayUnreachableError);
      expect(err.message).toContain(`Could not reach the Qualys gateway ${url}`);
      expect(err.message).toContain("qualys:gatewayUrl / QUALYS_GATEWAY_URL");
      expect((err as GatewayUnreachableError).code).toBe("ECONNREFUSED");
      expect((err as GatewayUnreachableError).attempts).toBe(3);
    } finally {
      client.close();
    }
  });

  it("a POST is repeated after a refused connection, since nothing reached the server", async () => {
    let posts = 0;
    const server = http.createServer((req, res) => {
      req.resume();
      req.on("end", () => {
        if (req.url === "/auth") return res.writeHead(201).end("tok");
        if (req.method === "GET") return sendJson(res, 200, {});
        posts += 1;
        sendJson(res, 201, { scheduleUuid: "u" });
      });
    });
    const stop = async (): Promise<void> => {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    };
    const port = await closedPort();
    await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
    const client = new QualysClient(settingsFor(`http://127.0.0.1:${port}`, { retryBaseMs: 200 }));
    try {
      await client.request(call("GET")); // holds a token now
      await stop();
      // The gateway comes back while the client waits after its refused POST.
      const pending = client.request(call("POST"));
      await new Promise((r) => setTimeout(r, 30));
      await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
      const res = await pending;
      expect(res.data).toEqual({ scheduleUuid: "u" });
      expect(posts).toBe(1);
    } finally {
      client.close();
      if (server.listening) await stop();
    }
  });
});
