/** Glue between the end-to-end harness and the simulator: stack config, program inputs, counts. */
import { spawn } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

import type { ConfigMap } from "@pulumi/pulumi/automation";

import type { ClientSettings } from "../../provider/qualys/config";
import { QualysClient } from "../../provider/qualys/http/client";

import { DEMO_PASSWORD, DEMO_REGISTRY_ID, DEMO_USERNAME, startSimulator } from "../simulator";
import type { LoggedRequest, RunningSimulator, SimulatorOptions, StoredSchedule } from "../simulator";
import { startForwardingProxy, type ForwardingProxy } from "./forwarding-proxy";
import { descendants } from "./proc";
import {
  createProgramStack,
  dynamicResources,
  PULUMI_ROOT,
  REPO_ROOT,
  type ProgramStack,
  type StateDeployment,
} from "./stack";

/** The generic program of the end-to-end tests (compiled copy is not used: the CLI runs the .ts). */
export const SCHEDULES_PROGRAM = path.join(REPO_ROOT, "test", "e2e", "programs", "schedules");

/** Stack config that points the provider at a simulator; the password is a secret, as users store it. */
export function qualysConfig(url: string, password = DEMO_PASSWORD): ConfigMap {
  return {
    "qualys:gatewayUrl": { value: url },
    "qualys:username": { value: DEMO_USERNAME },
    "qualys:password": { value: password, secret: true },
  };
}

/** The simulator of one test file, and the stacks to dispose before it closes. */
export interface SimulatorOfTests {
  /** The running simulator (from the file's first `beforeAll` on). */
  sim(): RunningSimulator;
  /** Disposes `stack` after the file's tests, before the simulator closes; returns `stack`. */
  track<T extends { dispose(): Promise<void> }>(stack: T): T;
  /**
   * A tracked stack of the schedules program (SCHEDULES_PROGRAM) declaring `schedules` (none when left
   * out), configured for the simulator, with `config` added to its stack config.
   */
  schedulesStack(schedules?: Declared[], config?: ConfigMap): Promise<ProgramStack>;
}

/**
 * For a test file: starts a simulator with `options` before its tests; after them, disposes every
 * tracked stack, then closes the simulator.
 */
export function useSimulator(options: SimulatorOptions = {}): SimulatorOfTests {
  let running: RunningSimulator | undefined;
  const tracked: Array<{ dispose(): Promise<void> }> = [];
  beforeAll(async () => {
    running = await startSimulator(options);
  });
  afterAll(async () => {
    try {
      for (const stack of tracked.splice(0)) await stack.dispose();
    } finally {
      await running?.close();
    }
  });
  const sim = (): RunningSimulator => {
    if (!running) throw new Error("useSimulator: the simulator starts in beforeAll");
    return running;
  };
  const track = <T extends { dispose(): Promise<void> }>(stack: T): T => {
    tracked.push(stack);
    return stack;
  };
  return {
    sim,
    track,
    schedulesStack: async (schedules, config = {}) =>
      track(
        await createProgramStack({
          programDir: SCHEDULES_PROGRAM,
          config: { ...qualysConfig(sim().url), ...config },
          ...(schedules === undefined ? {} : { env: declare(schedules) }),
        }),
      ),
  };
}

/**
 * For a test file of a command: starts a simulator before its tests and points QUALYS_GATEWAY_URL,
 * QUALYS_USERNAME and QUALYS_PASSWORD at it (demo credentials), as a user of the command sets them;
 * restores the environment after. Returns the running simulator (available from the first test on).
 */
export function useSimulatorEnvironment(): () => RunningSimulator {
  const { sim } = useSimulator();
  const savedEnv = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, {
      QUALYS_GATEWAY_URL: sim().url,
      QUALYS_USERNAME: DEMO_USERNAME,
      QUALYS_PASSWORD: DEMO_PASSWORD,
    });
  });
  afterAll(() => {
    process.env = savedEnv;
  });
  return sim;
}

/** The registry program of the end-to-end tests: registries, schedules on them, look-ups. */
export const REGISTRIES_PROGRAM = path.join(REPO_ROOT, "test", "e2e", "programs", "registries");

/** What the registry program declares. */
export interface DeclaredRegistries {
  registries?: {
    name: string;
    args: Record<string, unknown>;
    opts?: { import?: string; protect?: boolean };
  }[];
  /** `registry` names a declared registry whose ID the schedule takes. */
  schedules?: { name: string; registry?: string; args: Record<string, unknown> }[];
  lookups?: { name: string; by: { registryUri: string } | { name: string }; async?: boolean }[];
  awsBase?: boolean;
}

/** The environment that makes the registry program declare these. */
export function declareRegistries(d: DeclaredRegistries): Record<string, string> {
  return {
    E2E_REGISTRIES: JSON.stringify(d.registries ?? []),
    E2E_SCHEDULES: JSON.stringify(d.schedules ?? []),
    E2E_LOOKUPS: JSON.stringify(d.lookups ?? []),
    E2E_AWS_BASE: d.awsBase ? "1" : "0",
  };
}

/** A schedule the generic program declares. */
export interface Declared {
  name: string;
  args: Record<string, unknown>;
  opts?: { import?: string; protect?: boolean; retainOnDelete?: boolean };
}

/** The environment that makes the generic program declare these schedules. */
export function declare(schedules: Declared[]): Record<string, string> {
  return { E2E_SCHEDULES: JSON.stringify(schedules) };
}

/**
 * The same through a file, for long lists: one environment string may hold at most 128 KiB on Linux,
 * and starting the CLI with a larger one fails with E2BIG (about 900 schedules).
 */
export function declareInFile(file: string, schedules: Declared[]): Record<string, string> {
  fs.writeFileSync(file, JSON.stringify(schedules));
  return { E2E_SCHEDULES: "", E2E_SCHEDULES_FILE: file };
}

/** Requests the provider made to the Qualys API (not the control API), by kind. */
export function apiCalls(log: LoggedRequest[]): Record<string, number> {
  const kinds: Record<string, number> = {};
  for (const r of log) {
    const kind = classify(r);
    kinds[kind] = (kinds[kind] ?? 0) + 1;
  }
  return kinds;
}

/** The kind of a Qualys API call, from its method and path (the simulator's log, the acceptance run's proxy). */
export function classify(r: Pick<LoggedRequest, "method" | "path">): string {
  if (r.path === "/auth") return "auth";
  if (/\/schedule\/bulk$/.test(r.path)) return "bulkDelete";
  if (/\/cancel$/.test(r.path)) return "cancel";
  if (/\/schedule$/.test(r.path)) return r.method === "POST" ? "create" : "list";
  if (/\/schedule\/[^/]+$/.test(r.path))
    return r.method === "PUT" ? "update" : r.method === "DELETE" ? "delete" : "other";
  if (/\/registry\/aws-base$/.test(r.path)) return "awsBase";
  if (/\/registry\/[^/]+$/.test(r.path)) return r.method === "PUT" ? "registryUpdate" : "registry";
  if (/\/registry$/.test(r.path)) {
    return r.method === "POST" ? "registryCreate" : r.method === "DELETE" ? "registryDelete" : "registryList";
  }
  return "other";
}

// ---- Helpers of the fault scenarios (test/e2e/faults-*.test.ts) ---------------------------------

/** What a fault scenario ends with: the server's and the state's view of the declared schedules. */
export interface Convergence {
  /** Schedules on the server per name (only the names asked about). */
  onServer: Record<string, number>;
  /** Schedule resources in state. */
  inState: number;
  /** Server schedules beyond one per declared name. */
  duplicates: number;
  /** Server schedules (of the asked names) that no state resource points at. */
  orphans: number;
  /** State resources whose schedule is not on the server. */
  dangling: number;
}

/** Compares the simulator with the stack's state for these schedule names. */
export function convergence(
  server: Pick<StoredSchedule, "name" | "scheduleUuid">[],
  state: StateDeployment,
  names: string[],
): Convergence {
  const wanted = new Set(names);
  const mine = server.filter((s) => wanted.has(s.name));
  const onServer: Record<string, number> = {};
  for (const n of names) onServer[n] = 0;
  for (const s of mine) onServer[s.name] = (onServer[s.name] ?? 0) + 1;
  const resources = dynamicResources(state);
  const stateIds = new Set(resources.map((r) => (r.id ?? "").split("/").pop()));
  const serverIds = new Set(mine.map((s) => s.scheduleUuid));
  return {
    onServer,
    inState: resources.length,
    duplicates: Object.values(onServer).reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    orphans: mine.filter((s) => !stateIds.has(s.scheduleUuid)).length,
    dangling: [...stateIds].filter((id) => id === undefined || !serverIds.has(id)).length,
  };
}

/** One row of the README's fault table, printed by the test that measured it. */
export function tableRow(cells: {
  scenario: string;
  api: string;
  server: number;
  state: number;
  duplicates: number;
}): void {
  console.log(
    `FAULT-TABLE | ${cells.scenario} | ${cells.api} | ${cells.server} | ${cells.state} | ${cells.duplicates} |`,
  );
}

/** A daily schedule of `team/api` in the demo registry. */
export function daily(name: string, schedule = "19:30"): Declared {
  return {
    name,
    args: { registryId: DEMO_REGISTRY_ID, repo: ["team/api"], scheduleScanIntervalInDays: 1, schedule },
  };
}

/** `count` daily schedules named `<prefix>-00`, `<prefix>-01`, … in the demo registry. */
export function dailySchedules(prefix: string, count: number): Declared[] {
  return Array.from({ length: count }, (_, i) => daily(`${prefix}-${String(i).padStart(2, "0")}`));
}

/** The provider's HTTP client pointed at a simulator with the demo credentials (unit tests). */
export function simulatorClient(
  sim: RunningSimulator,
  overrides: Partial<ClientSettings> = {},
): QualysClient {
  return new QualysClient({
    gatewayUrl: sim.url,
    username: DEMO_USERNAME,
    password: DEMO_PASSWORD,
    timeoutMs: 5000,
    maxRetries: 0,
    concurrency: 8,
    ...overrides,
  });
}

/**
 * Starts `pulumi up` as a user would and SIGKILLs it once the simulator holds `after` schedules (with
 * some latency, so that creates are in flight). Returns how many schedules the simulator then holds.
 */
export async function upKilledMidway(
  sim: RunningSimulator,
  ps: ProgramStack,
  after: number,
): Promise<number> {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  sim.control.configure({ latencyMs: 150 });
  const child = spawn(
    path.join(PULUMI_ROOT, "bin", "pulumi"),
    ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", ps.stack.name],
    { cwd: ps.projectDir, env: { ...process.env, ...ps.env }, stdio: "ignore" },
  );
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const t0 = Date.now();
  while (sim.control.schedules().length < after && Date.now() - t0 < 60_000) await sleep(10);
  const plugins = descendants(child.pid!);
  child.kill("SIGKILL");
  await exited;
  sim.control.configure({ latencyMs: 0 });
  // Requests the killed provider had already sent finish on the server.
  await sleep(500);
  // The SDK's dynamic-provider plugin, orphaned by the kill, has no health check and would linger
  // (the CLI starts plugins in process groups of their own): end what the killed run had started.
  for (const pid of plugins) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  return sim.control.schedules().length;
}

/** A gateway in front of the simulator that holds chosen requests, then lets the simulator do them. */
export type HoldingProxy = ForwardingProxy;

/**
 * Forwards everything to `target`, except the next `times` requests matching `method` and `path`:
 * those are forwarded only after `holdMs` (longer than the provider's timeout), so the client gives up
 * while the simulator still performs the request a moment later. A reply that never comes, and a
 * commit after the client stopped waiting: what the simulator's own faults cannot do.
 */
export function startHoldingProxy(
  target: string,
  hold: { method: string; path: RegExp; holdMs: number; times?: number },
): Promise<HoldingProxy> {
  let left = hold.times ?? 1;
  return startForwardingProxy(target, {
    hold: (method, path) => {
      if (left <= 0 || method !== hold.method || !hold.path.test(path)) return undefined;
      left -= 1;
      return hold.holdMs;
    },
  });
}
