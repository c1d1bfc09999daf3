import { z } from "zod";
import { MalformedResponseError, QualysApiError } from "../../../provider/errors";
import { expectJson, type ApiResponse } from "../../../provider/qualys/http/client";
import { parseBody } from "../../../provider/qualys/http/response";
import { rejection, sendJson, sendText, withServer } from "./http-test-server";
import { defined, first } from "../../harness/assert";

const list = {
  method: "GET" as const,
  path: "/v1.3/registry/r1/schedule",
  query: { pageNumber: 1, pageSize: 50, filter: "scheduleUuid:abc def" },
  operation: "list schedules in registry r1",
};

describe("responses: bodies", () => {
  it("204 with no body gives data undefined", async () => {
    await withServer(
      (_req, res) => res.writeHead(204).end(),
      {},
      async (_s, client) => {
        const res = await client.request(list);
        expect(res).toMatchObject({ status: 204, data: undefined, text: "" });
      },
    );
  });

  it("JSON is parsed, even when served as text/plain", async () => {
    await withServer(
      (_req, res) => sendText(res, 200, '{"count":1,"data":[{"scheduleUuid":"u"}]}'),
      {},
      async (_s, client) => {
        const res = await client.request(list);
        expect(res.data).toEqual({ count: 1, data: [{ scheduleUuid: "u" }] });
        expect(res.headers["content-type"]).toBe("text/plain");
      },
    );
  });

  it("a non-JSON body is kept as text, even when served as application/json", async () => {
    await withServer(
      (_req, res) => res.writeHead(200, { "Content-Type": "application/json" }).end("b4a1-uuid"),
      {},
      async (_s, client) => {
        const res = await client.request(list);
        expect(res.data).toBe("b4a1-uuid");
        expect(res.text).toBe("b4a1-uuid");
      },
    );
  });

  it("sends the query encoded and a JSON body with its content type", async () => {
    await withServer(undefined, {}, async (server, client) => {
      await client.request(list);
      await client.request({
        method: "PUT",
        path: "/v1.3/x",
        body: { name: "ü", tag: null },
        operation: "update",
      });
      const [get, put] = [first(server.api(), "a GET"), defined(server.api()[1], "a PUT")];
      expect(get.query.get("filter")).toBe("scheduleUuid:abc def");
      expect(get.query.get("pageSize")).toBe("50");
      expect(put.headers["content-type"]).toBe("application/json");
      expect(JSON.parse(put.body)).toEqual({ name: "ü", tag: null });
    });
  });

  it("parseBody: empty → undefined, JSON → value, else the text", () => {
    expect(parseBody("")).toBeUndefined();
    expect(parseBody(" \n")).toBeUndefined();
    expect(parseBody('"quoted-uuid"')).toBe("quoted-uuid");
    expect(parseBody("[1]")).toEqual([1]);
    expect(parseBody("<html>")).toBe("<html>");
  });
});

describe("responses: API errors", () => {
  it("carry the server's errorCode and message, the request, and the operation", async () => {
    await withServer(
      (_req, res) =>
        sendJson(res, 400, {
          errorCode: "400 BAD REQUEST",
          message: "weekDay is required",
          timestamp: 1654169949515,
        }),
      {},
      async (_s, client) => {
        const err = await rejection(
          client.request({
            method: "POST",
            path: "/v1.3/registry/r/schedule",
            body: {},
            operation: 'create schedule "x" in registry r',
          }),
        );
        expect(err).toBeInstanceOf(QualysApiError);
        expect(err.message).toBe(
          'Qualys rejected create schedule "x" in registry r: 400 BAD REQUEST: weekDay is required ' +
            "(POST /csapi/v1.3/registry/r/schedule).",
        );
        expect(err).toMatchObject({
          status: 400,
          errorCode: "400 BAD REQUEST",
          serverMessage: "weekDay is required",
          method: "POST",
          path: "/csapi/v1.3/registry/r/schedule",
          operation: 'create schedule "x" in registry r',
        });
      },
    );
  });

  it("without a JSON body, use the status's reason phrase and the start of the text", async () => {
    await withServer(
      (_req, res) =>
        res.writeHead(403, { "Content-Type": "text/html" }).end(`<h1>Forbidden</h1>${"x".repeat(900)}`),
      {},
      async (_s, client) => {
        const err = (await rejection(client.request(list))) as QualysApiError;
        expect(err.errorCode).toBe("403 FORBIDDEN");
        expect(err.serverMessage.startsWith("<h1>Forbidden</h1>")).toBe(true);
        expect(err.serverMessage.length).toBeLessThanOrEqual(501);
        expect(err.message).toContain("Check that the Qualys user has the Container Security permissions");
      },
    );
  });

  it("a redirect is not followed; the error says to check the gateway URL", async () => {
    await withServer(
      (_req, res) => res.writeHead(302, { Location: "https://login.example.invalid/" }).end(),
      {},
      async (server, client) => {
        const err = await rejection(client.request(list));
        expect(err).toBeInstanceOf(QualysApiError);
        expect(err.message).toContain("check qualys:gatewayUrl / QUALYS_GATEWAY_URL");
        expect(server.api()).toHaveLength(1);
      },
    );
  });
});

describe("responses: expectJson", () => {
  const res = (text: string, status = 200): ApiResponse => ({
    status,
    data: parseBody(text),
    text,
    headers: { "content-type": "text/html; charset=utf-8" },
    method: "POST",
    path: "/csapi/v1.3/registry/r/schedule",
  });

  it("returns the parsed JSON", () => {
    expect(expectJson(res('{"scheduleUuid":"u"}'), "create")).toEqual({ scheduleUuid: "u" });
  });

  it.each([
    ["an empty 200", "", "an empty body"],
    ["an HTML page", "<html><body>Service temporarily unavailable</body></html>", '"<html><body>Service'],
    ["truncated JSON", '{"scheduleUuid":', '"{\\"scheduleUuid\\":"'],
  ])("throws a MalformedResponseError for %s, naming the call and what came back", (_l, text, shown) => {
    const err = (() => {
      try {
        expectJson(res(text), 'create schedule "x" in registry r');
      } catch (e) {
        return e as Error;
      }
      throw new Error("expectJson accepted it");
    })();
    expect(err).toBeInstanceOf(MalformedResponseError);
    expect(err.message).toContain(
      'Unexpected reply to create schedule "x" in registry r (POST /csapi/v1.3/registry/r/schedule): expected a JSON body, got 200 text/html; charset=utf-8 with',
    );
    expect(err.message).toContain(shown);
  });

  it("cuts a long body to about 200 characters", () => {
    const err = (() => {
      try {
        expectJson(res(`<p>${"y".repeat(5000)}</p>`), "list");
      } catch (e) {
        return e as MalformedResponseError;
      }
      throw new Error("expectJson accepted it");
    })();
    expect(err.bodySnippet.length).toBeLessThanOrEqual(201);
    expect(err.message.length).toBeLessThan(600);
  });

  it("with a zod schema, a JSON of the wrong shape is malformed too", () => {
    const schema = z.object({ count: z.number(), data: z.array(z.unknown()) });
    expect(expectJson(res('{"count":0,"data":[]}'), "list", schema)).toEqual({ count: 0, data: [] });
    expect(() => expectJson(res('{"count":"zero"}'), "list", schema)).toThrow(MalformedResponseError);
    expect(() => expectJson(res('{"count":"zero"}'), "list", schema)).toThrow(/documented shape .* at count/);
  });
});
