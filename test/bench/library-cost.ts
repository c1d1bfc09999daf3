/**
 * What the provider's two libraries alone cost in the process the dynamic provider runs in, measured in
 * the same run as the floor. The floor's provider does nothing, so it never loads an HTTP client or a
 * schema library; ours must load axios and zod (the project's chosen libraries) and send its calls
 * through axios. This probe starts Node.js as the dynamic provider host does: `@pulumi/pulumi` loaded
 * first from the installed package's `node_modules`, then
 *
 * 1. `load`: axios and zod, resolved from the installed package (what a refresh's first reply loads);
 * 2. `requests`: N requests through axios, 8 at a time on a keep-alive agent, with the options our
 *    client sets (provider/qualys/http/client.ts), to the simulator, whose answer (401, a small JSON
 *    body) is not parsed: the HTTP client's cost per call, as an `up` or an update of N pays it.
 *
 * A second process sends the same N requests through Node.js's own `node:http`, without loading
 * either library: any provider that talks to Qualys pays that much, so only what axios adds to it
 * counts as the library's share.
 *
 * Each step reports its CPU time and how far it raised the process's peak resident set. Medians over a
 * few runs go into `bench-results.json` (`meta.libraryCost`) and beside the floor in targets.ts: what is
 * left of ours once the libraries' share is taken out is what this package's own code costs.
 */
import { spawn } from "node:child_process";
import * as path from "node:path";

import { CONSUMER_MODULES } from "../harness/stack";
import type { LibraryCost } from "./results";
import { summarize } from "./stats";

/** One probe run's figures: CPU ms and peak-RSS growth KiB per step (`load` is 0 through `node:http`). */
interface ProbeRun {
  loadCpuMs: number;
  loadKiB: number;
  requestsCpuMs: number;
  requestsKiB: number;
}

type Client = "axios" | "node:http";

/**
 * The probe, run with `node -e` (CommonJS, no file to install). `process.resourceUsage().maxRSS` is the
 * kernel's peak resident set of the process, in KiB.
 */
const PROBE = `
const [, pulumiDir, packageDir, url, count, client] = process.argv;
const paths = { paths: [packageDir] };
require(require.resolve("@pulumi/pulumi", { paths: [pulumiDir] }));
const mark = () => ({ cpu: process.cpuUsage(), kib: process.resourceUsage().maxRSS });
const since = (m) => {
  const c = process.cpuUsage(m.cpu);
  return { cpuMs: (c.user + c.system) / 1000, kib: process.resourceUsage().maxRSS - m.kib };
};
const http = require("node:http");
const agent = new http.Agent({ keepAlive: true });
let load = { cpuMs: 0, kib: 0 };
let send;
if (client === "axios") {
  const beforeLoad = mark();
  const axios = require(require.resolve("axios", paths));
  require(require.resolve("zod", paths));
  load = since(beforeLoad);
  const instance = axios.create({
    httpAgent: agent,
    maxRedirects: 0,
    validateStatus: () => true,
    responseType: "text",
    transformResponse: [(d) => d],
    proxy: false,
  });
  send = (u, headers) => instance.request({ method: "GET", url: u, headers });
} else {
  send = (u, headers) => new Promise((resolve, reject) => {
    const req = http.request(u, { agent, headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => resolve(body));
    });
    req.on("error", reject);
    req.end();
  });
}
(async () => {
  const beforeRequests = mark();
  const n = Number(count);
  for (let i = 0; i < n; i += 8) {
    await Promise.all(
      Array.from({ length: Math.min(8, n - i) }, (_, j) =>
        send(url + "/csapi/v1.3/registry/probe-" + (i + j) + "/schedule", {
          Accept: "application/json",
          "X-Request-Id": String(i + j),
        }),
      ),
    );
  }
  const requests = since(beforeRequests);
  process.stdout.write(JSON.stringify({
    loadCpuMs: load.cpuMs, loadKiB: load.kib, requestsCpuMs: requests.cpuMs, requestsKiB: requests.kib,
  }));
  process.exit(0);
})().catch((e) => { console.error(String(e)); process.exit(1); });
`;

function probeOnce(simulatorUrl: string, requests: number, client: Client): Promise<ProbeRun> {
  const packageDir = path.join(CONSUMER_MODULES, "pulumi-qualys-cs");
  const args = ["-e", PROBE, "--", CONSUMER_MODULES, packageDir, simulatorUrl, String(requests), client];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  let out = "";
  let err = "";
  child.stdout.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr.on("data", (d: Buffer) => (err += d.toString()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("exit", (code) => {
      if (code !== 0) reject(new Error(`library probe exited ${String(code)}: ${err.trim()}`));
      else resolve(JSON.parse(out) as ProbeRun);
    });
  });
}

/** `runs` probes in a row against the simulator at `simulatorUrl`, summarized. */
export async function libraryCost(
  simulatorUrl: string,
  requests: number,
  runs: number,
): Promise<LibraryCost> {
  const got: ProbeRun[] = [];
  const plain: ProbeRun[] = [];
  // Alternating, so that a drift in machine load falls on both clients.
  for (let i = 0; i < runs; i++) {
    got.push(await probeOnce(simulatorUrl, requests, "axios"));
    plain.push(await probeOnce(simulatorUrl, requests, "node:http"));
  }
  return {
    requests,
    loadCpuMs: summarize(got.map((r) => r.loadCpuMs)),
    loadKiB: summarize(got.map((r) => r.loadKiB)),
    requestsCpuMs: summarize(got.map((r) => r.requestsCpuMs)),
    requestsKiB: summarize(got.map((r) => r.requestsKiB)),
    nodeHttpCpuMs: summarize(plain.map((r) => r.requestsCpuMs)),
    nodeHttpKiB: summarize(plain.map((r) => r.requestsKiB)),
  };
}
