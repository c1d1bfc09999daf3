/**
 * `npm run bench`: what the provider costs the user and the Qualys API, against a floor measured in the
 * same run. See `--help`.
 *
 * For every scenario (N schedules over R registries) and repetition, a fresh stack of ours (the
 * end-to-end generic program with `RegistryScanSchedule`) and a fresh stack of the floor (the same
 * program with a no-op dynamic resource) each go through the phases below with the real CLI; each CLI
 * run is timed from spawn to exit, with the simulator's request log cleared before and read after.
 * Then a second pass repeats ours with added API latency.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";

import { DEFAULTS } from "../../provider/qualys/config";
import { PAGE_SIZE } from "../../provider/schedule/endpoints";
import { first } from "../harness/assert";
import { apiCalls, declareInFile, qualysConfig, SCHEDULES_PROGRAM } from "../harness/qualys";
import {
  createProgramStack,
  dynamicResources,
  REPO_ROOT,
  TOOLS_DIR,
  type ProgramStack,
} from "../harness/stack";
import type { LoggedRequest } from "../simulator";
import { startSimulatorProcess, timedCli, type SimulatorProcess } from "./processes";
import type { CpuTime, PeakMemory, ProcessRole } from "./procmem";
import { renderMarkdown, renderSvg } from "./report";
import { median, peakInFlight, summarize, type Summary } from "./stats";
import { parseScenarios, registryIds, schedules, type Scenario, type Variant } from "./workload";

export const FLOOR_PROGRAM = path.join(REPO_ROOT, "test", "bench", "programs", "floor");
/** The floor's provider module, compiled (this file's sibling). */
const FLOOR_PROVIDER_JS = path.join(__dirname, "floor-provider.js");
const FLOOR_MODULE = "bench-floor-noop";

/**
 * Installs the floor's provider as a package in `<project>/.floor/node_modules` and returns the
 * NODE_PATH that lets both the program and the dynamic-provider process `require()` it by name.
 */
function installFloorProvider(projectDir: string): string {
  const modules = path.join(projectDir, ".floor", "node_modules");
  const dir = path.join(modules, FLOOR_MODULE);
  fs.mkdirSync(dir, { recursive: true });
  fs.copyFileSync(FLOOR_PROVIDER_JS, path.join(dir, "index.js"));
  fs.writeFileSync(
    path.join(dir, "package.json"),
    JSON.stringify({ name: FLOOR_MODULE, version: "0.0.0", main: "index.js" }),
  );
  return modules;
}

export const PHASES = ["preview", "up", "previewAgain", "refresh", "updateAll", "destroy"] as const;
export type Phase = (typeof PHASES)[number];
export type Side = "ours" | "floor";

/** The Pulumi CLI's default `--parallel` (resource operations at once), which the runs keep. */
export const ENGINE_PARALLEL = 8;

interface PhaseSpec {
  args: string[];
  variant: Variant;
  /** What the CLI's summary must say, given N. */
  expect: (n: number) => RegExp;
}

/** `up`, `refresh` and `destroy` skip their preview, as the Automation API and CI runs do. */
const PHASE_SPECS: Record<Phase, PhaseSpec> = {
  preview: { args: ["preview"], variant: "base", expect: (n) => new RegExp(`\\b${n + 1} to create`) },
  up: {
    args: ["up", "--yes", "--skip-preview"],
    variant: "base",
    expect: (n) => new RegExp(`\\b${n + 1} created`),
  },
  previewAgain: { args: ["preview"], variant: "base", expect: (n) => new RegExp(`\\b${n + 1} unchanged`) },
  refresh: {
    args: ["refresh", "--yes", "--skip-preview"],
    variant: "base",
    expect: (n) => new RegExp(`\\b${n + 1} unchanged`),
  },
  updateAll: {
    args: ["up", "--yes", "--skip-preview"],
    variant: "updated",
    expect: (n) => new RegExp(`\\b${n} updated`),
  },
  destroy: {
    args: ["destroy", "--yes", "--skip-preview"],
    variant: "updated",
    expect: (n) => new RegExp(`\\b${n + 1} deleted`),
  },
};

/** One CLI run of one phase. */
interface PhaseRun {
  ms: number;
  calls: Record<string, number>;
  peakInFlight: number;
  memory: PeakMemory;
  /** CPU time of the CLI's process tree by role, and of the simulator, ms. */
  cpu: CpuTime & { simulator?: number };
}

/** One stack through every phase. */
interface StackRun {
  phases: Record<Phase, PhaseRun>;
  blobBytes: number;
  stateBytesPerSchedule: { mean: number; max: number };
}

export interface PhaseResult {
  ours: Summary;
  floor: Summary;
  /** median(ours) / median(floor), wall time. */
  ratio: number;
  /**
   * The same ratio in CPU time of the CLI's process tree (engine, program, provider; the simulator left
   * out): on a shared machine it varies far less between repetitions than wall time does.
   */
  cpuRatio: number;
  /** API calls of ours by kind (the median run's; they are the same in every run of a deterministic phase). */
  calls: Record<string, number>;
  callsTotal: number;
  callsPerSchedule: number;
  /** Largest count over the repetitions, for the "per run" targets. */
  maxCalls: Record<string, number>;
  peakInFlight: number;
  /** Peak resident set of the dynamic-provider process, KiB (largest over repetitions). */
  providerPeakKiB: { ours: number; floor: number };
  /** Median CPU time per process role (and the simulator's), ms: less noisy than wall time on a busy machine. */
  cpuMs: { ours: CpuSummary; floor: CpuSummary };
}

export type CpuSummary = Partial<Record<ProcessRole | "simulator" | "total", number>>;

export interface LatencyPhaseResult {
  ours: Summary;
  /** Median of ours in the same scenario without added latency. */
  oursNoLatencyMedian: number;
  floorMedian: number;
  /** ours with latency − ours without: what the latency cost, which concurrency is there to hide. */
  addedByLatencyMs: number;
  /** ours with latency − floor: what the API costs on top of Pulumi. */
  excessOverFloorMs: number;
  /** N × latency / concurrency cap (one call per schedule, every slot busy). */
  lowerBoundMs: number;
  /** addedByLatency / lower bound. */
  ratioToBound: number;
  /** excessOverFloor / lower bound. */
  overFloorRatioToBound: number;
  /** calls × latency / cap: the bound for the calls actually made. */
  callsBoundMs: number;
  calls: Record<string, number>;
  callsTotal: number;
  peakInFlight: number;
}

export interface ScenarioResult {
  scenario: Scenario;
  phases: Record<Phase, PhaseResult>;
  blobBytes: { ours: number; floor: number };
  stateBytesPerSchedule: { ours: { mean: number; max: number }; floor: { mean: number; max: number } };
  providerPeakKiB: { ours: number; floor: number };
  latency?: { latencyMs: number; phases: Record<Phase, LatencyPhaseResult> };
}

export interface Target {
  name: string;
  goal: string;
  value: string;
  met: boolean | null;
}

export interface BenchResults {
  meta: {
    date: string;
    command: string;
    reps: number;
    latencyReps: number;
    latencyMs: number;
    concurrencyCap: number;
    engineParallel: number;
    machine: { cpus: number; cpuModel: string; memoryGiB: number; os: string; node: string; pulumi: string };
    loadAverage: { start: number[]; end: number[] };
    durationS: number;
    /** Stack runs repeated after a failure (0 on a quiet machine). */
    retried: number;
  };
  scenarios: ScenarioResult[];
  /** API calls per schedule, by scenario and phase: compare with `--baseline` to see a change raise them. */
  callsPerSchedule: Record<string, Record<Phase, number>>;
  targets: Target[];
}

function usage(): string {
  return [
    "usage: npm run bench -- [--reps N] [--sizes 1,50,200,200x10] [--latency MS] [--latency-reps N] [--quick]",
    "  --reps N          repetitions per scenario, ours and floor interleaved (default 3)",
    "  --sizes LIST      scenarios: N schedules in one registry, or NxR over R registries",
    "                    (default 1,50,200,200x10)",
    "  --latency MS      added API latency of the second pass; 0 skips it (default 50)",
    "  --latency-reps N  repetitions of the latency pass (default: --reps)",
    "  --quick           --sizes 1,50 --reps 1 unless given",
    "  --out DIR         where bench-results.{json,md,svg} go (default: the repository root)",
    "  --render FILE     no run: recompute targets from a bench-results.json and write the outputs again",
    "  --baseline FILE   an earlier bench-results.json: flag every phase whose calls per schedule rose",
  ].join("\n");
}

function positiveInt(flag: string, raw: string | undefined, dflt: number, min = 1): number {
  if (raw === undefined) return dflt;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > 1000)
    throw new Error(`${flag} expects an integer ≥ ${min}, got ${raw}`);
  return n;
}

const log = (msg: string): void => void process.stderr.write(`[bench] ${msg}\n`);

function state(ps: ProgramStack): Promise<{ blobBytes: number; perSchedule: { mean: number; max: number } }> {
  return ps.exportState().then((st) => {
    const res = dynamicResources(st);
    const sizes = res.map((r) => Buffer.byteLength(JSON.stringify(r)));
    const blob = res[0]?.inputs?.__provider;
    return {
      blobBytes: typeof blob === "string" ? Buffer.byteLength(blob) : 0,
      perSchedule: {
        mean: sizes.length ? Math.round(sizes.reduce((a, b) => a + b, 0) / sizes.length) : 0,
        max: sizes.length ? Math.max(...sizes) : 0,
      },
    };
  });
}

/** Stack runs that failed once and were run again (a shared machine may reinstall the package mid-run). */
let retried = 0;

/** `runStack`, run once more on failure; a second failure ends the benchmark. */
async function runStackRetrying(
  sim: SimulatorProcess,
  scenario: Scenario,
  side: Side,
  latencyMs: number,
): Promise<StackRun> {
  try {
    return await runStack(sim, scenario, side, latencyMs);
  } catch (err) {
    retried += 1;
    log(
      `${side} ${scenario.id} failed, running it once more: ${err instanceof Error ? err.message.slice(0, 2000) : String(err)}`,
    );
    return runStack(sim, scenario, side, latencyMs);
  }
}

/** One fresh stack of `side` through every phase. */
async function runStack(
  sim: SimulatorProcess,
  scenario: Scenario,
  side: Side,
  latencyMs: number,
): Promise<StackRun> {
  await sim.control.reset();
  await sim.control.configure({ latencyMs });
  const ps = await createProgramStack({
    programDir: side === "ours" ? SCHEDULES_PROGRAM : FLOOR_PROGRAM,
    project: side === "ours" ? "bench-ours" : "bench-floor",
    config: qualysConfig(sim.url),
  });
  // The workload goes through a file: at N = 1000 it no longer fits in an environment variable.
  const workload = path.join(ps.workDir, "schedules.json");
  if (side === "floor") await ps.setEnv({ NODE_PATH: installFloorProvider(ps.projectDir) });
  const phases: Partial<Record<Phase, PhaseRun>> = {};
  let st: Awaited<ReturnType<typeof state>> | undefined;
  try {
    for (const phase of PHASES) {
      const spec = PHASE_SPECS[phase];
      await ps.setEnv(declareInFile(workload, schedules(scenario, spec.variant)));
      await sim.control.clearRequests();
      const simCpu = sim.cpuMs();
      const run = await timedCli(
        [...spec.args, "--stack", ps.stack.name, "--non-interactive"],
        ps.projectDir,
        ps.env,
        30 * 60_000,
      );
      const reqs: LoggedRequest[] = await sim.control.requests();
      const summary = `${run.stdout}\n${run.stderr}`;
      if (run.code !== 0 || !spec.expect(scenario.n).test(summary)) {
        throw new Error(
          `${side} ${scenario.id} ${phase}: exit ${run.code}, expected ${String(spec.expect(scenario.n))}:\n` +
            summary.slice(-4000),
        );
      }
      phases[phase] = {
        ms: run.ms,
        calls: apiCalls(reqs),
        peakInFlight: peakInFlight(reqs),
        memory: run.memory,
        cpu: { ...run.cpu, simulator: sim.cpuMs() - simCpu },
      };
      if (phase === "up") {
        st = await state(ps);
        if (side === "ours") {
          const held = (await sim.control.schedules()).length;
          if (held !== scenario.n)
            throw new Error(`ours ${scenario.id}: the simulator holds ${held} schedules after up`);
        }
      }
      log(
        `  ${side.padEnd(5)} ${phase.padEnd(12)} ${(run.ms / 1000).toFixed(2)} s  ${JSON.stringify(phases[phase]?.calls)}`,
      );
    }
    if (side === "ours") {
      const left = (await sim.control.schedules()).length;
      if (left !== 0) throw new Error(`ours ${scenario.id}: ${left} schedules left after destroy`);
    }
  } finally {
    await ps.dispose();
  }
  return {
    phases: phases as Record<Phase, PhaseRun>,
    blobBytes: st?.blobBytes ?? 0,
    stateBytesPerSchedule: st?.perSchedule ?? { mean: 0, max: 0 },
  };
}

const sum = (r: Record<string, number>): number => Object.values(r).reduce((a, b) => a + b, 0);

/** The run whose time is the median's (or nearest), for call counts. */
function medianRun(runs: PhaseRun[]): PhaseRun {
  const m = summarize(runs.map((r) => r.ms)).median;
  return runs.reduce((best, r) => (Math.abs(r.ms - m) < Math.abs(best.ms - m) ? r : best));
}

function maxCalls(runs: PhaseRun[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of runs) for (const [k, v] of Object.entries(r.calls)) out[k] = Math.max(out[k] ?? 0, v);
  return out;
}

function cpuSummary(runs: PhaseRun[]): CpuSummary {
  const out: CpuSummary = {};
  const roles = new Set(runs.flatMap((r) => Object.keys(r.cpu))) as Set<keyof CpuSummary>;
  for (const role of roles)
    out[role] = Math.round(median(runs.map((r) => r.cpu[role as keyof PhaseRun["cpu"]] ?? 0)));
  out.total = Math.round(median(runs.map((r) => sum(r.cpu as Record<string, number>))));
  return out;
}

/** CPU time of the CLI's process tree: everything but the simulator. */
function cliCpu(c: CpuSummary): number {
  return (c.total ?? 0) - (c.simulator ?? 0);
}

function aggregate(scenario: Scenario, ours: StackRun[], floor: StackRun[]): ScenarioResult {
  const phases = {} as Record<Phase, PhaseResult>;
  for (const phase of PHASES) {
    const o = ours.map((r) => r.phases[phase]);
    const f = floor.map((r) => r.phases[phase]);
    const os_ = summarize(o.map((r) => r.ms));
    const fs_ = summarize(f.map((r) => r.ms));
    const mid = medianRun(o);
    phases[phase] = {
      ours: os_,
      floor: fs_,
      ratio: os_.median / fs_.median,
      cpuRatio: cliCpu(cpuSummary(o)) / cliCpu(cpuSummary(f)),
      calls: mid.calls,
      callsTotal: sum(mid.calls),
      callsPerSchedule: sum(mid.calls) / scenario.n,
      maxCalls: maxCalls(o),
      peakInFlight: Math.max(...o.map((r) => r.peakInFlight)),
      providerPeakKiB: {
        ours: Math.max(...o.map((r) => r.memory.provider ?? 0)),
        floor: Math.max(...f.map((r) => r.memory.provider ?? 0)),
      },
      cpuMs: { ours: cpuSummary(o), floor: cpuSummary(f) },
    };
  }
  const peak = (runs: StackRun[]): number =>
    Math.max(...runs.flatMap((r) => PHASES.map((p) => r.phases[p].memory.provider ?? 0)));
  const [ours0, floor0] = [first(ours, "a run of ours"), first(floor, "a run of the floor")];
  return {
    scenario,
    phases,
    blobBytes: { ours: ours0.blobBytes, floor: floor0.blobBytes },
    stateBytesPerSchedule: {
      ours: {
        mean: ours0.stateBytesPerSchedule.mean,
        max: Math.max(...ours.map((r) => r.stateBytesPerSchedule.max)),
      },
      floor: {
        mean: floor0.stateBytesPerSchedule.mean,
        max: Math.max(...floor.map((r) => r.stateBytesPerSchedule.max)),
      },
    },
    providerPeakKiB: { ours: peak(ours), floor: peak(floor) },
  };
}

function latencyResult(
  scenario: Scenario,
  runs: StackRun[],
  base: ScenarioResult,
  latencyMs: number,
  cap: number,
): Record<Phase, LatencyPhaseResult> {
  const out = {} as Record<Phase, LatencyPhaseResult>;
  for (const phase of PHASES) {
    const o = runs.map((r) => r.phases[phase]);
    const s = summarize(o.map((r) => r.ms));
    const mid = medianRun(o);
    const floorMedian = base.phases[phase].floor.median;
    const lowerBoundMs = (scenario.n * latencyMs) / cap;
    const calls = sum(mid.calls);
    const noLatency = base.phases[phase].ours.median;
    out[phase] = {
      ours: s,
      oursNoLatencyMedian: noLatency,
      floorMedian,
      addedByLatencyMs: s.median - noLatency,
      excessOverFloorMs: s.median - floorMedian,
      lowerBoundMs,
      ratioToBound: (s.median - noLatency) / lowerBoundMs,
      overFloorRatioToBound: (s.median - floorMedian) / lowerBoundMs,
      callsBoundMs: (calls * latencyMs) / cap,
      calls: mid.calls,
      callsTotal: calls,
      peakInFlight: Math.max(...o.map((r) => r.peakInFlight)),
    };
  }
  return out;
}

const fmt = (x: number, d = 2): string => x.toFixed(d);

/** The write phases whose API calls and latency have a budget. */
const BUDGETED_PHASES = ["up", "updateAll", "destroy"] as const;
const PHASE_NAMES: Record<Phase, string> = {
  preview: "preview",
  up: "up",
  previewAgain: "preview again",
  refresh: "refresh",
  updateAll: "update all",
  destroy: "destroy",
};

/** 1.1 calls per schedule plus ⌈M / page size⌉ list calls per registry (M: its schedules). */
export function callBudget(scenario: Scenario): number {
  const perRegistry = registryIds(scenario.registries).map(
    (_, i) => Math.floor(scenario.n / scenario.registries) + (i < scenario.n % scenario.registries ? 1 : 0),
  );
  return 1.1 * scenario.n + perRegistry.reduce((sum, m) => sum + Math.ceil(m / PAGE_SIZE), 0);
}

/** Calls per schedule of every phase and scenario, as `bench-results.json` keeps them for comparison. */
export function callsPerSchedule(results: ScenarioResult[]): Record<string, Record<Phase, number>> {
  const out: Record<string, Record<Phase, number>> = {};
  for (const r of results) {
    out[r.scenario.id] = Object.fromEntries(
      PHASES.map((p) => [p, Math.round(r.phases[p].callsPerSchedule * 1000) / 1000]),
    ) as Record<Phase, number>;
  }
  return out;
}

/** A target per phase whose calls per schedule rose against an earlier `bench-results.json`. */
function againstBaseline(
  results: ScenarioResult[],
  baseline: BenchResults["callsPerSchedule"] | undefined,
): Target[] {
  const out: Target[] = [];
  const now = callsPerSchedule(results);
  for (const [id, phases] of Object.entries(now)) {
    const before = baseline?.[id];
    if (!before) continue;
    const risen = PHASES.filter((p) => before[p] !== undefined && phases[p] > before[p] + 1e-9);
    out.push({
      name: `calls per schedule against the baseline (${id})`,
      goal: "no phase higher",
      value:
        risen.length === 0
          ? "none higher"
          : risen.map((p) => `${PHASE_NAMES[p]} ${before[p]} → ${phases[p]}`).join(", "),
      met: risen.length === 0,
    });
  }
  return out;
}

function targets(results: ScenarioResult[]): Target[] {
  const out: Target[] = [];
  const at200 = results.filter((r) => r.scenario.n === 200);
  for (const r of at200) {
    for (const phase of ["preview", "previewAgain"] as const) {
      const { ratio, cpuRatio } = r.phases[phase];
      out.push({
        name: `${phase} ≤ 1.10 × floor (${r.scenario.id})`,
        goal: "≤ 1.10",
        value: `${fmt(ratio)} (CPU ${fmt(cpuRatio)})`,
        met: ratio <= 1.1,
      });
    }
  }
  for (const r of results) {
    for (const phase of ["up", "refresh"] as const) {
      const { ratio, cpuRatio } = r.phases[phase];
      out.push({
        name: `${phase} ≤ 1.3 × floor (${r.scenario.id})`,
        goal: "≤ 1.30",
        value: `${fmt(ratio)} (CPU ${fmt(cpuRatio)})`,
        met: ratio <= 1.3,
      });
    }
  }
  const runs = results.flatMap((r) => PHASES.map((p) => ({ r, p, calls: r.phases[p].maxCalls })));
  const maxAuth = Math.max(0, ...runs.map((x) => x.calls.auth ?? 0));
  out.push({
    name: "one /auth call per CLI run",
    goal: "≤ 1",
    value: `${maxAuth} (most in any run)`,
    met: maxAuth <= 1,
  });
  const worstRegistry = runs.reduce(
    (w, x) => Math.max(w, (x.calls.registry ?? 0) / x.r.scenario.registries),
    0,
  );
  out.push({
    name: "one registry read per registry per run",
    goal: "≤ 1",
    value: `${fmt(worstRegistry, 2)} (most per registry in any run)`,
    met: worstRegistry <= 1,
  });
  const refresh200 = results.find((r) => r.scenario.n === 200 && r.scenario.registries === 1);
  if (refresh200) {
    const lists = refresh200.phases.refresh.maxCalls.list ?? 0;
    out.push({
      name: "refresh of 200 in one registry: list calls",
      goal: "a handful (≤ 5)",
      value: `${lists}`,
      met: lists <= 5,
    });
  }
  // The API budget of a write phase: one write per schedule plus a paged listing per registry touched,
  // with 10 % slack per schedule for authentication, registry reads and the odd confirmation.
  for (const r of results.filter((x) => x.scenario.n >= 200)) {
    for (const phase of BUDGETED_PHASES) {
      const x = r.phases[phase];
      const budget = callBudget(r.scenario);
      out.push({
        name: `${PHASE_NAMES[phase]} of ${r.scenario.n} (${r.scenario.id}): API calls`,
        goal: `≤ 1.1 × N + Σ⌈M / ${PAGE_SIZE}⌉ = ${fmt(budget, 0)}`,
        value: `${x.callsTotal} (${fmt(x.callsPerSchedule)} per schedule, ${x.calls.list ?? 0} list)`,
        met: x.callsTotal <= budget,
      });
    }
  }
  for (const r of at200) {
    const ms = r.latency?.latencyMs ?? 0;
    for (const phase of BUDGETED_PHASES) {
      const l = r.latency?.phases[phase];
      if (!l) continue;
      // Two readings of "wall time against the bound": what the latency added to our own run, and
      // everything ours takes beyond the floor (the provider's own work included).
      out.push({
        name: `${PHASE_NAMES[phase]} of 200 with ${ms} ms latency (${r.scenario.id}): time the latency added (ours − ours without latency)`,
        goal: "≤ 1.5 × N×latency/cap",
        value: `${fmt(l.addedByLatencyMs / 1000)} s / ${fmt(l.lowerBoundMs / 1000)} s = ${fmt(l.ratioToBound)}`,
        met: l.ratioToBound <= 1.5,
      });
      if (phase !== "up") continue;
      out.push({
        name: `up of 200 with ${ms} ms latency (${r.scenario.id}): time over the floor (ours − floor)`,
        goal: "≤ 1.5 × N×latency/cap",
        value: `${fmt(l.excessOverFloorMs / 1000)} s / ${fmt(l.lowerBoundMs / 1000)} s = ${fmt(l.overFloorRatioToBound)}`,
        met: l.overFloorRatioToBound <= 1.5,
      });
    }
  }
  const blob = Math.max(0, ...results.map((r) => r.blobBytes.ours));
  out.push({
    name: "serialized provider",
    goal: "≤ 4096 B",
    value: `${blob} B`,
    met: results.length ? blob <= 4096 : null,
  });
  const st = Math.max(0, ...results.map((r) => r.stateBytesPerSchedule.ours.max));
  out.push({
    name: "state per schedule",
    goal: "≤ 8192 B",
    value: `${st} B (largest)`,
    met: results.length ? st <= 8192 : null,
  });
  return out;
}

function pulumiVersion(): string {
  try {
    return execFileSync(path.join(TOOLS_DIR, "bin", "pulumi"), ["version"], {
      encoding: "utf8",
      env: { ...process.env, PULUMI_SKIP_UPDATE_CHECK: "true" },
    }).trim();
  } catch {
    return "unknown";
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      reps: { type: "string" },
      sizes: { type: "string" },
      latency: { type: "string" },
      "latency-reps": { type: "string" },
      quick: { type: "boolean", default: false },
      out: { type: "string" },
      render: { type: "string" },
      baseline: { type: "string" },
      help: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  if (values.help) {
    process.stdout.write(`${usage()}\n`);
    return;
  }
  const baseline =
    values.baseline === undefined
      ? undefined
      : (JSON.parse(fs.readFileSync(values.baseline, "utf8")) as BenchResults).callsPerSchedule;
  if (values.render !== undefined) {
    rerender(values.render, path.resolve(values.out ?? REPO_ROOT), baseline);
    return;
  }
  const reps = positiveInt("--reps", values.reps, values.quick ? 1 : 3);
  const latencyReps = positiveInt("--latency-reps", values["latency-reps"], reps);
  const latencyMs = positiveInt("--latency", values.latency, 50, 0);
  const scenarios = parseScenarios(values.sizes ?? (values.quick ? "1,50" : "1,50,200,200x10"));
  const outDir = path.resolve(values.out ?? REPO_ROOT);
  const cap = DEFAULTS.concurrency;

  const started = Date.now();
  const loadStart = os.loadavg();
  const maxRegistries = Math.max(...scenarios.map((s) => s.registries));
  const sim = await startSimulatorProcess(
    registryIds(maxRegistries).map((id) => ({ id, type: "DockerHub" })),
  );
  log(`simulator at ${sim.url}; reps ${reps}; scenarios ${scenarios.map((s) => s.id).join(", ")}`);

  const results: ScenarioResult[] = [];
  try {
    for (const scenario of scenarios) {
      const ours: StackRun[] = [];
      const floor: StackRun[] = [];
      for (let rep = 0; rep < reps; rep++) {
        // Alternate which side goes first, so a drift in machine load falls on both.
        const order: Side[] = rep % 2 === 0 ? ["ours", "floor"] : ["floor", "ours"];
        for (const side of order) {
          log(`${scenario.id} rep ${rep + 1}/${reps}: ${side}`);
          (side === "ours" ? ours : floor).push(await runStackRetrying(sim, scenario, side, 0));
        }
      }
      const result = aggregate(scenario, ours, floor);
      if (latencyMs > 0) {
        const slow: StackRun[] = [];
        for (let rep = 0; rep < latencyReps; rep++) {
          log(`${scenario.id} latency ${latencyMs} ms rep ${rep + 1}/${latencyReps}: ours`);
          slow.push(await runStackRetrying(sim, scenario, "ours", latencyMs));
        }
        result.latency = { latencyMs, phases: latencyResult(scenario, slow, result, latencyMs, cap) };
      }
      results.push(result);
    }
  } finally {
    await sim.stop();
  }

  const cpus = os.cpus();
  const results_: BenchResults = {
    meta: {
      date: new Date().toISOString(),
      command: `npm run bench -- ${process.argv.slice(2).join(" ")}`.trim(),
      reps,
      latencyReps,
      latencyMs,
      concurrencyCap: cap,
      engineParallel: ENGINE_PARALLEL,
      machine: {
        cpus: cpus.length,
        cpuModel: cpus[0]?.model ?? "unknown",
        memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
        os: `${os.type()} ${os.release()} ${os.arch()}`,
        node: process.version,
        pulumi: pulumiVersion(),
      },
      loadAverage: { start: loadStart, end: os.loadavg() },
      durationS: Math.round((Date.now() - started) / 1000),
      retried,
    },
    scenarios: results,
    callsPerSchedule: callsPerSchedule(results),
    targets: [...targets(results), ...againstBaseline(results, baseline)],
  };
  write(results_, outDir);
}

function write(results: BenchResults, outDir: string): void {
  fs.mkdirSync(outDir, { recursive: true });
  const md = renderMarkdown(results);
  fs.writeFileSync(path.join(outDir, "bench-results.json"), `${JSON.stringify(results, null, 2)}\n`);
  fs.writeFileSync(path.join(outDir, "bench-results.md"), md);
  fs.writeFileSync(path.join(outDir, "bench-results.svg"), renderSvg(results));
  process.stdout.write(md);
  log(`wrote bench-results.{json,md,svg} in ${outDir} (${results.meta.durationS} s)`);
}

/** Recomputes the derived figures and targets of a results file from its medians, and renders it again. */
function rerender(file: string, outDir: string, baseline?: BenchResults["callsPerSchedule"]): void {
  const results = JSON.parse(fs.readFileSync(file, "utf8")) as BenchResults;
  for (const sc of results.scenarios) {
    const lat = sc.latency;
    if (!lat) continue;
    for (const phase of PHASES) {
      const x = lat.phases[phase];
      x.oursNoLatencyMedian = sc.phases[phase].ours.median;
      x.floorMedian = sc.phases[phase].floor.median;
      x.addedByLatencyMs = x.ours.median - x.oursNoLatencyMedian;
      x.excessOverFloorMs = x.ours.median - x.floorMedian;
      x.ratioToBound = x.addedByLatencyMs / x.lowerBoundMs;
      x.overFloorRatioToBound = x.excessOverFloorMs / x.lowerBoundMs;
    }
  }
  for (const sc of results.scenarios) {
    for (const phase of PHASES) {
      const x = sc.phases[phase];
      x.cpuRatio = cliCpu(x.cpuMs.ours) / cliCpu(x.cpuMs.floor);
    }
  }
  results.callsPerSchedule = callsPerSchedule(results.scenarios);
  results.targets = [...targets(results.scenarios), ...againstBaseline(results.scenarios, baseline)];
  write(results, outDir);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
