/** The benchmark's child processes: the simulator in a process of its own, and timed CLI runs. */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";

import { controlClient, type ControlClient } from "../simulator";
import { REPO_ROOT, TOOLS_DIR } from "../harness/stack";
import { cpuMs, sampleTree, type CpuTime, type PeakMemory } from "./procmem";

export interface SimulatorProcess {
  url: string;
  /** CPU time the simulator process has used so far, ms. */
  cpuMs(): number;
  control: ControlClient;
  stop(): Promise<void>;
}

/**
 * Starts `dist/test/simulator/cli.js` on an ephemeral loopback port (demo credentials unless given). In its own process, the
 * simulator's work (and its 50 ms sleeps) never competes with the driver's event loop, which samples
 * /proc and times the CLI, and the driver's work never delays an API answer.
 */
export async function startSimulatorProcess(
  registries: { id: string; type: string }[],
  credentials: { username?: string; password?: string } = {},
): Promise<SimulatorProcess> {
  const script = path.join(REPO_ROOT, "dist", "test", "simulator", "cli.js");
  const args = [
    script,
    "--port",
    "0",
    ...registries.flatMap((r) => ["--registry", `${r.id}:${r.type}`]),
    ...(credentials.username === undefined ? [] : ["--username", credentials.username]),
    ...(credentials.password === undefined ? [] : ["--password", credentials.password]),
  ];
  const child = spawn(process.execPath, args, { stdio: ["ignore", "pipe", "pipe"] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = "";
    let err = "";
    const timer = setTimeout(() => reject(new Error(`simulator did not start in 20 s: ${err}`)), 20_000);
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`simulator exited with ${String(code)}: ${err}`));
    });
  });
  child.stdout.resume();
  const pid = child.pid ?? -1;
  return { url, control: controlClient(url), cpuMs: () => cpuMs(pid) ?? 0, stop: () => stopChild(child) };
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export interface TimedRun {
  code: number;
  stdout: string;
  stderr: string;
  /** Wall time from spawn to exit, ms. */
  ms: number;
  memory: PeakMemory;
  /** CPU time per role of the CLI's process tree, ms. */
  cpu: CpuTime;
}

/** Runs the `pulumi` binary once, timing it and sampling the peak memory of its process tree. */
export function timedCli(
  args: string[],
  cwd: string,
  env: Record<string, string>,
  timeoutMs: number,
): Promise<TimedRun> {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const child = spawn(path.join(TOOLS_DIR, "bin", "pulumi"), args, {
      cwd,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    if (child.pid === undefined) {
      reject(new Error("could not start the pulumi CLI"));
      return;
    }
    const sampler = sampleTree(child.pid);
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (d: Buffer) => out.push(d));
    child.stderr.on("data", (d: Buffer) => err.push(d));
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      clearTimeout(timer);
      resolve({
        code: code ?? 1,
        stdout: Buffer.concat(out).toString(),
        stderr: Buffer.concat(err).toString(),
        ms,
        ...sampler.stop(),
      });
    });
  });
}
