// Bounded throughput measurement of the simulator on loopback, so that benchmarks can tell the
// simulator's cost from the provider's. The simulator runs in its own process (started through
// cli.js) so the client loops do not share its event loop.
//   node dist/test/simulator/throughput.js [--requests 2000] [--concurrency 4]
import { spawn } from "node:child_process";
import { Agent, request } from "node:http";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD, DEMO_REGISTRY_ID, DEMO_USERNAME } from "./index";

const { values } = parseArgs({
  options: { requests: { type: "string", default: "2000" }, concurrency: { type: "string", default: "4" } },
});
const TOTAL = Number(values.requests);
const CONCURRENCY = Number(values.concurrency);
const HARD_LIMIT_MS = 120_000;

const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function call(url: string, method: string, path: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(`${url}${path}`, { method, headers, agent }, (res) => {
      let data = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => (data += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: data }));
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** Runs `total` calls from CONCURRENCY loops; returns req/s and latency percentiles. */
async function measure(label: string, total: number, one: (i: number) => Promise<number>) {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  const loop = async () => {
    while (next < total) {
      const i = next++;
      const s = performance.now();
      const status = await one(i);
      latencies.push(performance.now() - s);
      if (status >= 300) throw new Error(`${label}: unexpected status ${status}`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, loop));
  const secs = (performance.now() - t0) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]?.toFixed(2) ?? "n/a";
  console.log(
    `${label.padEnd(34)} ${total} req in ${secs.toFixed(2)} s = ${Math.round(total / secs)} req/s` +
      `  (p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms)`,
  );
}

async function main(): Promise<void> {
  const child = spawn(process.execPath, [join(__dirname, "cli.js"), "--port", "0"], { stdio: "pipe" });
  const killer = setTimeout(() => {
    child.kill("SIGKILL");
    console.error("throughput: hard limit reached");
    process.exit(1);
  }, HARD_LIMIT_MS);
  try {
    const url = await new Promise<string>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /listening on (http:\/\/\S+)/.exec(out);
        if (m) resolve(m[1]!); // the pattern's one group always takes part
      });
      child.on("exit", () => reject(new Error(`simulator exited:\n${out}`)));
    });
    const form = new URLSearchParams({ username: DEMO_USERNAME, password: DEMO_PASSWORD, token: "true" });
    const auth = await call(
      url,
      "POST",
      "/auth",
      { "Content-Type": "application/x-www-form-urlencoded" },
      form.toString(),
    );
    const headers = { Authorization: `Bearer ${auth.body}`, "Content-Type": "application/json" };
    const base = `/csapi/v1.3/registry/${DEMO_REGISTRY_ID}/schedule`;
    const ids: string[] = [];
    const body = (i: number) =>
      JSON.stringify({
        name: `bench-${i}`,
        onDemand: false,
        filters: [{ repoTags: [{ repo: `team/svc-${i}`, tag: null }], days: null }],
        scheduleScanIntervalInDays: 7,
        scheduleIntervalInDays: 7,
        weekDay: "MONDAY",
        schedule: "03:00",
        forceScan: false,
        registryType: "DockerHub",
        additionalFilters: null,
      });

    console.log(`simulator ${url}, ${CONCURRENCY} concurrent keep-alive loops`);
    await measure("create (POST …/schedule)", TOTAL, async (i) => {
      const r = await call(url, "POST", base, headers, body(i));
      ids.push((JSON.parse(r.body) as { scheduleUuid: string }).scheduleUuid);
      return r.status;
    });
    await measure(
      `list page of 50 (of ${TOTAL})`,
      TOTAL,
      async () => (await call(url, "GET", base, headers)).status,
    );
    await measure("list filter=scheduleUuid:<id>", TOTAL, async (i) => {
      const q = new URLSearchParams({ pageNumber: "1", pageSize: "50", filter: `scheduleUuid:${ids[i]}` });
      return (await call(url, "GET", `${base}?${q.toString()}`, headers)).status;
    });
  } finally {
    clearTimeout(killer);
    agent.destroy();
    child.kill("SIGTERM");
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
