import { Socket } from "node:net";
import { eventually, REGISTRY, SCHEDULES, useSimulator, weekly } from "./testkit";

const h = useSimulator();

/** Sends raw bytes and returns whatever comes back before the socket closes (bounded). */
function raw(url: string, bytes: string): Promise<string> {
  const { port } = new URL(url);
  return new Promise((resolve) => {
    const s = new Socket();
    let out = "";
    const timer = setTimeout(() => s.destroy(), 1000);
    s.on("data", (d) => (out += d.toString()));
    s.on("close", () => {
      clearTimeout(timer);
      resolve(out);
    });
    s.on("error", () => undefined);
    s.connect(Number(port), "127.0.0.1", () => s.end(bytes));
  });
}

describe("malformed requests get a clean JSON 4xx, and the simulator keeps serving", () => {
  afterEach(async () => {
    expect((await h().api.post(SCHEDULES, weekly())).status).toBe(201);
  });

  it("invalid JSON: 400", async () => {
    const res = await h().api.post(SCHEDULES, '{"name": "x",', {
      headers: { "Content-Type": "application/json" },
    });
    expect(res.status).toBe(400);
    expect(res.data).toMatchObject({ errorCode: "400 BAD_REQUEST", message: expect.any(String) });
  });

  it("a body over 1 MiB: 413", async () => {
    const res = await h().api.post(SCHEDULES, weekly({ name: "x".repeat(1024 * 1024 + 10) }));
    expect(res.status).toBe(413);
    expect(res.data.errorCode).toBe("413 PAYLOAD_TOO_LARGE");
  });

  it("a body over 1 MiB without Content-Length (chunked): 413", async () => {
    const big = "x".repeat(1024 * 1024 + 10);
    const reply = await raw(
      h().sim.url,
      `POST ${SCHEDULES} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h().token}\r\n` +
        `Transfer-Encoding: chunked\r\n\r\n${big.length.toString(16)}\r\n${big}\r\n0\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 413/);
  });

  it("an unknown path: 404", async () => {
    for (const path of ["/nope", "/csapi/v1.1/registry", `${REGISTRY}/other`, `${SCHEDULES}/a/b/c`]) {
      const res = await h().api.get(path);
      expect(res.status).toBe(404);
      expect(res.data.errorCode).toBe("404 NOT_FOUND");
    }
  });

  it("a wrong method: 405 with Allow", async () => {
    const cases: [string, string, string][] = [
      ["PATCH", SCHEDULES, "GET, POST"],
      ["POST", REGISTRY, "GET, PUT"],
      ["GET", `${SCHEDULES}/some-id`, "PUT, DELETE"],
      ["POST", `${SCHEDULES}/bulk`, "DELETE"],
    ];
    for (const [method, url, allow] of cases) {
      const res = await h().api.request({ method, url });
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe(allow);
      expect(res.data.errorCode).toBe("405 METHOD_NOT_ALLOWED");
    }
  });

  it("malformed percent-encoding in the path: 400", async () => {
    const reply = await raw(
      h().sim.url,
      `GET ${REGISTRY}/schedule/%E0%A4%A HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${h().token}\r\nConnection: close\r\n\r\n`,
    );
    expect(reply).toMatch(/^HTTP\/1\.1 400/);
  });

  it("garbage that is not HTTP: the connection is refused cleanly", async () => {
    const reply = await raw(h().sim.url, "\x00\x01 hello\r\n\r\n");
    expect(reply === "" || /^HTTP\/1\.1 400/.test(reply)).toBe(true);
  });

  it("a client that disconnects mid-body", async () => {
    await raw(
      h().sim.url,
      `POST ${SCHEDULES} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"na`,
    );
    const seen = await eventually(() =>
      h()
        .sim.control.requests()
        .some((r) => r.method === "POST" && r.status === 0),
    );
    expect(seen).toBe(true);
    expect(h().sim.control.schedules()).toEqual([]);
  });
});
