/**
 * The provider plugin's start-up, as the engine sees it: from spawning the plugin's executable to the
 * answer of its first request (`GetPluginInfo`, the first call the engine makes). The first run reads
 * the package's files from disk; the later ones are warm (the operating system has them cached), which
 * is what every CLI command after the first sees. Goal: ≤ 1 s warm.
 *
 *   node dist/test/bench/plugin-startup.js [--plugin FILE] [--runs N]
 *
 * FILE defaults to the plugin of this checkout (`dist/provider/plugin/main.js`).
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseArgs } from "node:util";

import * as grpc from "@grpc/grpc-js";
import * as emptyproto from "google-protobuf/google/protobuf/empty_pb";

import { CONSUMER_MODULES, REPO_ROOT } from "../harness/stack";
import { cpuMs } from "./procmem";
import type { PluginStartup } from "./results";
import { summarize } from "./stats";

// The SDK's generated service definitions, as the engine's own client uses them.
const provrpc = require("@pulumi/pulumi/proto/provider_grpc_pb") as {
  ResourceProviderClient: new (
    address: string,
    creds: grpc.ChannelCredentials,
  ) => grpc.Client & {
    getPluginInfo(req: emptyproto.Empty, cb: (err: grpc.ServiceError | null) => void): void;
  };
};

/**
 * Milliseconds from spawn to the answer of `GetPluginInfo`, and the plugin process's CPU time until
 * then: on a loaded machine the wall time mostly measures the wait for a core, the CPU time does not.
 */
export async function startUp(plugin: string): Promise<{ wallMs: number; cpuMs: number }> {
  const started = process.hrtime.bigint();
  const child = spawn(process.execPath, [plugin], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
  try {
    const port = await new Promise<number>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (d: Buffer) => {
        out += d.toString();
        const m = /^(\d+)\s*$/m.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child.once("exit", (code) => reject(new Error(`the plugin exited (${String(code)}): ${stderr}`)));
    });
    const client = new provrpc.ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    try {
      await new Promise<void>((resolve, reject) =>
        client.getPluginInfo(new emptyproto.Empty(), (err) => (err ? reject(err) : resolve())),
      );
    } finally {
      client.close();
    }
    return { wallMs: Number(process.hrtime.bigint() - started) / 1e6, cpuMs: cpuMs(child.pid ?? -1) ?? NaN };
  } finally {
    child.kill("SIGINT");
  }
}

/** `runs` start-ups in a row (at least 2): the first, and the warm ones summarized. */
export async function startUps(plugin: string, runs: number): Promise<PluginStartup> {
  const got: { wallMs: number; cpuMs: number }[] = [];
  for (let i = 0; i < Math.max(2, runs); i++) got.push(await startUp(plugin));
  const [cold, ...warm] = got as [{ wallMs: number; cpuMs: number }, ...{ wallMs: number; cpuMs: number }[]];
  return {
    firstWallMs: cold.wallMs,
    firstCpuMs: cold.cpuMs,
    warmWallMs: summarize(warm.map((r) => r.wallMs)),
    warmCpuMs: summarize(warm.map((r) => r.cpuMs)),
  };
}

/** The plugin's executable as the packed package installs it (what the bench's YAML programs run). */
export const INSTALLED_PLUGIN = path.join(
  CONSUMER_MODULES,
  "pulumi-qualys-cs",
  "dist",
  "provider",
  "plugin",
  "main.js",
);

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { plugin: { type: "string" }, runs: { type: "string", default: "6" } },
  });
  const plugin = path.resolve(values.plugin ?? path.join(REPO_ROOT, "dist", "provider", "plugin", "main.js"));
  if (!fs.existsSync(plugin)) throw new Error(`no plugin at ${plugin}: build it, or give --plugin FILE`);
  const r = await startUps(plugin, Number(values.runs));
  const show = (xs: number[]): string => xs.map((v) => v.toFixed(0)).join(", ");
  process.stdout.write(
    `plugin start-up to the first answered request, ms: first ${r.firstWallMs.toFixed(0)} wall ` +
      `(${r.firstCpuMs.toFixed(0)} CPU); warm median ${r.warmWallMs.median.toFixed(0)} wall ` +
      `(${show(r.warmWallMs.samples)}), ${r.warmCpuMs.median.toFixed(0)} CPU ` +
      `(${show(r.warmCpuMs.samples)}); goal ≤ 1000 ms warm: ${r.warmWallMs.median <= 1000 ? "met" : "NOT met"}\n`,
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
