import { inspect } from "node:util";
import { QualysClient, sharedClient } from "../../../provider/qualys/http/client";
import { PASSWORD, sendJson, settingsFor, withServer } from "./http-test-server";

const call = (path: string) => ({ method: "GET" as const, path, operation: `read ${path}` });

describe("concurrency cap", () => {
  it.each([1, 3, 8])(
    "with concurrency %i, the server never sees more requests in flight, and does see that many",
    async (cap) => {
      await withServer(
        async (_req, res) => {
          await new Promise((r) => setTimeout(r, 40));
          sendJson(res, 200, {});
        },
        { concurrency: cap },
        async (server, client) => {
          await client.request(call("/warm-up")); // the token is fetched outside the cap
          server.maxInFlight = 0;
          await Promise.all(Array.from({ length: 24 }, (_, i) => client.request(call(`/r${i}`))));
          expect(server.maxInFlight).toBe(cap);
        },
      );
    },
  );

  it("a request waiting out a rate limit releases its slot to others", async () => {
    await withServer(
      (req, res, nth) =>
        req.path === "/csapi/slow" && nth === 1
          ? sendJson(res, 429, {}, { "X-RateLimit-ToWait-Sec": "0.3" })
          : sendJson(res, 200, {}),
      { concurrency: 1 },
      async (server, client) => {
        await client.request(call("/warm-up"));
        const slow = client.request(call("/slow"));
        await new Promise((r) => setTimeout(r, 50));
        const other = client.request(call("/other"));
        await Promise.all([slow, other]);
        expect(server.api().map((r) => r.path)).toEqual([
          "/csapi/warm-up",
          "/csapi/slow",
          "/csapi/other",
          "/csapi/slow",
        ]);
      },
    );
  });
});

describe("sharedClient", () => {
  it("returns one client per distinct settings, so the token and the cap are shared", async () => {
    await withServer(undefined, {}, async (server) => {
      const a = sharedClient(settingsFor(server.url));
      const b = sharedClient(settingsFor(`${server.url}/`));
      const c = sharedClient(settingsFor(server.url, { password: `${PASSWORD}-other` }));
      try {
        expect(b).toBe(a);
        expect(c).not.toBe(a);
        await Promise.all([a.request(call("/x")), b.request(call("/y"))]);
        expect(server.authCount()).toBe(1);
      } finally {
        a.close();
        c.close();
      }
    });
  });

  it("a client shows no credentials when inspected or serialised", () => {
    const client = new QualysClient(settingsFor("http://127.0.0.1:9"));
    expect(inspect(client, { depth: 10, showHidden: true })).not.toContain(PASSWORD);
    expect(JSON.stringify(client)).not.toContain(PASSWORD);
    client.close();
  });
});
