import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { controlClient, DEMO_REGISTRY_ID } from "./index";
import { client, weekly } from "./testkit";
import { defined } from "../harness/assert";

const CLI = join(__dirname, "cli.js");

interface Started {
  child: ChildProcessWithoutNullStreams;
  url: string;
  output: () => string;
}

/** Starts the command and waits (bounded) for its "listening" line. */
function startCli(args: string[]): Promise<Started> {
  const child = spawn(process.execPath, [CLI, ...args]);
  let out = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(new Error(`no listening line within 10 s:\n${out}`));
    }, 10000);
    child.stdout.on("data", () => {
      const m = /Qualys simulator listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve({ child, url: m[1]!, output: () => out }); // the pattern's one group always takes part
      }
    });
    child.on("exit", () => {
      clearTimeout(timer);
      reject(new Error(`exited early:\n${out}`));
    });
  });
}

function stop(child: ChildProcessWithoutNullStreams, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.on("exit", (code) => resolve(code));
    child.kill(signal);
  });
}

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "qualys-sim-cli-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("command: node dist/test/simulator/cli.js", () => {
  it("prints the URL and demo credentials, serves, and exits 0 on SIGINT", async () => {
    const { child, url, output } = await startCli(["--port", "0"]);
    expect(output()).toContain("username: demo");
    expect(output()).toContain("password: demo-password");
    expect(output()).toContain(`registry: ${DEMO_REGISTRY_ID} (DockerHub)`);
    const auth = await client(url).post("/auth", "username=demo&password=demo-password&token=true");
    expect(auth.status).toBe(201);
    expect(await stop(child, "SIGINT")).toBe(0);
  });

  it("takes --username, --password, --registry (repeatable) and --token-ttl; exits 0 on SIGTERM", async () => {
    const { child, url, output } = await startCli([
      "--port=0",
      "--username=alice",
      "--password=pw-1",
      "--registry=r-1:AWS",
      "--registry",
      "r:2:GCP",
      "--token-ttl",
      "0",
    ]);
    try {
      expect(output()).not.toContain("pw-1");
      expect(output()).toContain("registry: r:2 (GCP)");
      const http = client(url);
      const token = (await http.post("/auth", "username=alice&password=pw-1&token=true")).data as string;
      expect(typeof token).toBe("string");
      const res = await client(url, token).get("/csapi/v1.3/registry/r-1");
      expect(res.status).toBe(401); // a 0 s lifetime: expired at once
      expect(res.data.message).toContain("JWT expired");
      expect(await controlClient(url).schedules()).toEqual([]);
    } finally {
      expect(await stop(child, "SIGTERM")).toBe(0);
    }
  });

  it("--state keeps the demo's schedules across a restart", async () => {
    const state = join(dir, "state.json");
    const first = await startCli(["--port", "0", "--state", state]);
    const made = await controlClient(first.url).createSchedule(DEMO_REGISTRY_ID, weekly());
    await stop(first.child, "SIGTERM");
    const second = await startCli(["--port", "0", "--state", state]);
    try {
      const kept = defined((await controlClient(second.url).schedules())[0], "a schedule");
      expect(kept.scheduleUuid).toBe(made.scheduleUuid);
    } finally {
      await stop(second.child, "SIGTERM");
    }
  });

  it("--repository <registryId>=<name> (repeatable) seeds the registry's repositories, listed over the API and by the control API", async () => {
    const { child, url, output } = await startCli([
      "--port=0",
      "--repository",
      `${DEMO_REGISTRY_ID}=team/api`,
      `--repository=${DEMO_REGISTRY_ID}=team/web`,
    ]);
    try {
      expect(output()).toContain(`repository: team/api (registry ${DEMO_REGISTRY_ID})`);
      const token = (await client(url).post("/auth", "username=demo&password=demo-password&token=true"))
        .data as string;
      const res = await client(url, token).get(`/csapi/v1.3/registry/${DEMO_REGISTRY_ID}/repository`);
      expect(res.data).toMatchObject({
        count: 2,
        data: [{ repoName: "team/api" }, { repoName: "team/web" }],
      });
      await controlClient(url).reset();
      expect((await controlClient(url).repositories(DEMO_REGISTRY_ID)).map((r) => r.repoName)).toEqual([
        "team/api",
        "team/web",
      ]);
    } finally {
      expect(await stop(child, "SIGTERM")).toBe(0);
    }
  });

  it("refuses a malformed --registry with exit code 2", async () => {
    const child = spawn(process.execPath, [CLI, "--registry", "no-type"]);
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).toBe(2);
    expect(err).toContain("--registry");
  });
});
