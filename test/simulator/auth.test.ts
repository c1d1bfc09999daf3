import { DEMO_PASSWORD, DEMO_USERNAME } from "./index";
import { client, login, REGISTRY, sleep, useSimulator } from "./testkit";

const h = useSimulator();
const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
const FORM = { headers: { "Content-Type": "application/x-www-form-urlencoded" } };

describe("POST /auth (docs/qualys-contract.md §1)", () => {
  it("answers 201 with a JWT-shaped token as plain text", async () => {
    const res = await h().http.post(
      "/auth",
      form({ username: DEMO_USERNAME, password: DEMO_PASSWORD, token: "true" }),
      { ...FORM, responseType: "text" },
    );
    expect(res.status).toBe(201);
    expect(res.headers["content-type"]).toMatch(/^text\/plain/);
    expect(res.data).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  });

  it("issues a different token on each login", async () => {
    expect(await login(h().http)).not.toBe(await login(h().http));
  });

  it("answers 401 JSON to a wrong password", async () => {
    const res = await h().http.post(
      "/auth",
      form({ username: DEMO_USERNAME, password: "nope", token: "true" }),
      FORM,
    );
    expect(res.status).toBe(401);
    expect(res.data).toMatchObject({
      errorCode: "401 UNAUTHORIZED",
      message: expect.stringContaining("Unauthorized"),
    });
    expect(typeof res.data.timestamp).toBe("number");
  });

  it("answers 401 to an unknown username", async () => {
    const res = await h().http.post(
      "/auth",
      form({ username: "x", password: DEMO_PASSWORD, token: "true" }),
      FORM,
    );
    expect(res.status).toBe(401);
  });

  it("answers 400 without token=true", async () => {
    const res = await h().http.post(
      "/auth",
      form({ username: DEMO_USERNAME, password: DEMO_PASSWORD }),
      FORM,
    );
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("token=true");
  });

  it("answers 405 to GET", async () => {
    expect((await h().http.get("/auth")).status).toBe(405);
  });
});

describe("bearer tokens on /csapi (docs/qualys-contract.md §1)", () => {
  it("accepts a fresh token", async () => {
    expect((await h().api.get(REGISTRY)).status).toBe(200);
  });

  it("answers 401 Unauthorized without a token", async () => {
    const res = await h().http.get(REGISTRY);
    expect(res.status).toBe(401);
    expect(res.data.message).toContain("Unauthorized");
  });

  it("answers 401 Unauthorized to an unknown token", async () => {
    const res = await client(h().sim.url, "a.b.c").get(REGISTRY);
    expect(res.status).toBe(401);
    expect(res.data).toMatchObject({
      errorCode: "401 UNAUTHORIZED",
      message: expect.stringContaining("Unauthorized"),
    });
  });

  it("answers 401 JWT expired after expireTokens, and a new login works again", async () => {
    h().sim.control.expireTokens();
    const res = await h().api.get(REGISTRY);
    expect(res.status).toBe(401);
    expect(res.data).toMatchObject({
      errorCode: "401 UNAUTHORIZED",
      message: expect.stringContaining("JWT expired"),
    });
    const fresh = client(h().sim.url, await login(h().http));
    expect((await fresh.get(REGISTRY)).status).toBe(200);
  });

  it("expires a token after tokenTtlSeconds", async () => {
    h().sim.control.configure({ tokenTtlSeconds: 0.2 });
    const short = client(h().sim.url, await login(h().http));
    expect((await short.get(REGISTRY)).status).toBe(200);
    await sleep(250);
    const res = await short.get(REGISTRY);
    expect(res.status).toBe(401);
    expect(res.data.message).toContain("JWT expired");
  });
});
