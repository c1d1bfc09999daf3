import { AuthFailedEarlierError, MalformedResponseError, QualysAuthError } from "../../../provider/errors";
import { PASSWORD, USERNAME, makeToken, rejection, sendJson, sendText, withServer } from "./http-test-server";
import { first } from "../../harness/assert";

const get = { method: "GET" as const, path: "/v1.3/registry/r1", operation: "read registry r1" };

describe("authentication: the form it posts", () => {
  it("posts username, password and token=true form-encoded to /auth, then sends the JWT as a bearer token", async () => {
    await withServer(undefined, {}, async (server, client) => {
      const res = await client.request(get);
      expect(res.status).toBe(200);
      const auth = first(server.requests, "the /auth request");
      expect(auth.path).toBe("/auth");
      expect(auth.method).toBe("POST");
      expect(auth.headers["content-type"]).toBe("application/x-www-form-urlencoded");
      const form = new URLSearchParams(auth.body);
      expect(form.get("username")).toBe(USERNAME);
      expect(form.get("password")).toBe(PASSWORD);
      expect(form.get("token")).toBe("true");
      expect(server.api()[0]?.path).toBe("/csapi/v1.3/registry/r1");
      // The body had a trailing newline: the token is trimmed.
      expect(server.api()[0]?.headers.authorization).toBe(`Bearer ${makeToken(1)}`);
    });
  });

  it("accepts 200 as well as 201 from /auth", async () => {
    await withServer(undefined, {}, async (server, client) => {
      server.auth = (_req, res) => sendText(res, 200, makeToken(7));
      await client.request(get);
      expect(server.api()[0]?.headers.authorization).toBe(`Bearer ${makeToken(7)}`);
    });
  });
});

describe("authentication: single flight", () => {
  it("50 concurrent first requests cause exactly one /auth, and later requests reuse the token", async () => {
    await withServer(undefined, { concurrency: 50 }, async (server, client) => {
      server.auth = async (_req, res, nth) => {
        await new Promise((r) => setTimeout(r, 100));
        sendText(res, 201, makeToken(nth));
      };
      await Promise.all(Array.from({ length: 50 }, () => client.request(get)));
      await client.request(get);
      expect(server.authCount()).toBe(1);
      expect(server.api()).toHaveLength(51);
      expect(new Set(server.api().map((r) => r.headers.authorization))).toEqual(
        new Set([`Bearer ${makeToken(1)}`]),
      );
    });
  });

  it("a /auth that failed otherwise than by rejecting the credentials is not cached: the next request authenticates again", async () => {
    await withServer(undefined, {}, async (server, client) => {
      server.auth = (_req, res, nth) =>
        nth === 1 ? sendText(res, 200, "<html>login</html>") : sendText(res, 201, makeToken(nth));
      await expect(client.request(get)).rejects.toBeInstanceOf(MalformedResponseError);
      await expect(client.request(get)).resolves.toMatchObject({ status: 200 });
      expect(server.authCount()).toBe(2);
    });
  });
});

describe("authentication: rejected credentials are reported once per run", () => {
  it("after Qualys rejected the credentials, later requests are not sent and point to that first error", async () => {
    await withServer(undefined, {}, async (server, client) => {
      server.auth = (_req, res) => sendText(res, 401, "Unauthorized");
      const first = await rejection(client.request(get));
      expect(first).toBeInstanceOf(QualysAuthError);
      const later = await rejection(client.request({ ...get, operation: "read registry r2" }));
      expect(later).toBeInstanceOf(AuthFailedEarlierError);
      // The whole first error follows: whoever meets only this one (a command, a plugin) still learns
      // which setting is wrong; the resource runtime shows it once per run (core/runtime.ts).
      expect(later.message).toBe(
        `Not sent (read registry r2): Qualys at ${client.gatewayUrl} already rejected the credentials in this run: ` +
          first.message,
      );
      expect(later.cause).toBe(first);
      expect(server.authCount()).toBe(1);
      expect(server.api()).toEqual([]);
    });
  });

  it("requests that joined the failed authentication point to the one that started it", async () => {
    await withServer(undefined, {}, async (server, client) => {
      server.auth = (_req, res) => sendText(res, 401, "Unauthorized");
      const results = await Promise.all([1, 2, 3].map(() => rejection(client.request(get))));
      expect(results.filter((e) => e instanceof AuthFailedEarlierError)).toHaveLength(2);
      expect(results.filter((e) => !(e instanceof AuthFailedEarlierError))).toHaveLength(1);
      expect(server.authCount()).toBe(1);
    });
  });
});

describe("authentication: re-auth on an expired token", () => {
  const expired = { errorCode: "401 UNAUTHORIZED", message: "JWT expired at 2024-01-01T00:00:00Z" };

  it("re-authenticates once and repeats the request (a POST too, since the gateway rejected it)", async () => {
    await withServer(
      (req, res) =>
        req.headers.authorization === `Bearer ${makeToken(1)}`
          ? sendJson(res, 401, expired)
          : sendJson(res, 201, { scheduleUuid: "u-1" }),
      {},
      async (server, client) => {
        const res = await client.request({
          method: "POST",
          path: "/v1.3/registry/r1/schedule",
          body: { name: "n" },
          operation: "create schedule",
        });
        expect(res.data).toEqual({ scheduleUuid: "u-1" });
        expect(server.authCount()).toBe(2);
        expect(server.api("POST").map((r) => r.headers.authorization)).toEqual([
          `Bearer ${makeToken(1)}`,
          `Bearer ${makeToken(2)}`,
        ]);
      },
    );
  });

  it("a burst of 20 requests that all meet the expired token causes one /auth", async () => {
    await withServer(
      async (req, res, nth) => {
        if (req.headers.authorization === `Bearer ${makeToken(1)}`) {
          // Staggered: most 401s arrive after the new token is already there.
          await new Promise((r) => setTimeout(r, 20 + nth * 5));
          sendJson(res, 401, expired);
        } else sendJson(res, 200, {});
      },
      { concurrency: 20 },
      async (server, client) => {
        await Promise.all(Array.from({ length: 20 }, () => client.request(get)));
        expect(server.authCount()).toBe(2);
        expect(server.api()).toHaveLength(40);
      },
    );
  });

  it("a second consecutive 401 is an error, not a loop", async () => {
    await withServer(
      (_req, res) => sendJson(res, 401, expired),
      {},
      async (server, client) => {
        const err = await rejection(client.request(get));
        expect(err).toBeInstanceOf(QualysAuthError);
        expect(err.message).toContain("rejected a freshly issued token for read registry r1");
        expect(err.message).toContain(server.url);
        expect(server.authCount()).toBe(2);
        expect(server.api()).toHaveLength(2);
      },
    );
  });
});

describe("authentication: wrong credentials", () => {
  it("says the credentials were rejected by the gateway, names the settings, and echoes neither", async () => {
    await withServer(undefined, {}, async (server, client) => {
      server.auth = (req, res) => sendText(res, 401, `Invalid credentials for ${req.body}`);
      const err = await rejection(client.request(get));
      expect(err).toBeInstanceOf(QualysAuthError);
      expect(err.message).toBe(
        `Qualys authentication failed: the credentials were rejected by ${server.url} ` +
          "(check qualys:username / QUALYS_USERNAME and qualys:password / QUALYS_PASSWORD). " +
          "`pulumi refresh` and `pulumi destroy` use the configuration stored at the last `pulumi up`: " +
          "after changing the password or the gateway, run `pulumi up` or `pulumi refresh --run-program` first.",
      );
      expect((err as QualysAuthError).status).toBe(401);
      expect(server.api()).toHaveLength(0);
      expect(server.authCount()).toBe(1);
    });
  });
});

describe("authentication: malformed /auth replies", () => {
  const cases: Array<[string, (res: import("node:http").ServerResponse) => void]> = [
    ["an empty body", (res) => sendText(res, 201, "  \n")],
    [
      "an HTML page",
      (res) => res.writeHead(200, { "Content-Type": "text/html" }).end("<html><body>Sign in</body></html>"),
    ],
    ["a JSON body", (res) => sendJson(res, 200, { token: makeToken(3) })],
  ];
  it.each(cases)("rejects %s with a MalformedResponseError and sends no API call", async (_label, reply) => {
    await withServer(undefined, {}, async (server, client) => {
      server.auth = (_req, res) => reply(res);
      const err = await rejection(client.request(get));
      expect(err).toBeInstanceOf(MalformedResponseError);
      expect(err.message).toContain(
        "Unexpected reply to authenticate (POST /auth): expected a token as plain text",
      );
      expect(err.message).not.toContain(makeToken(3));
      expect(server.api()).toHaveLength(0);
    });
  });
});
