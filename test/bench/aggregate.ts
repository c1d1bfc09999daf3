/** From the runs of a scenario to its results (test/bench/results.ts): medians, ratios to the floor, calls. */
import { first } from "../harness/assert";
import {
  PHASES,
  type AgainstFloor,
  type CpuSummary,
  type LatencyPhaseResult,
  type Phase,
  type PhaseResult,
  type PhaseRun,
  type ScenarioResult,
  type StackRun,
} from "./results";
import { median, summarize } from "./stats";
import type { Scenario } from "./workload";

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
export function cliCpu(c: CpuSummary): number {
  return (c.total ?? 0) - (c.simulator ?? 0);
}

/** CPU time of the CLI's process tree without the program's process: engine, provider and the rest. */
const cliCpuWithoutProgram = (c: CpuSummary): number => cliCpu(c) - (c.program ?? 0);

/** One side's runs of a phase against the floor's: the figures ours and the plugin share. */
export function againstFloor(runs: PhaseRun[], floor: PhaseRun[], n: number): AgainstFloor {
  const wall = summarize(runs.map((r) => r.ms));
  const mid = medianRun(runs);
  const cpuMs = cpuSummary(runs);
  return {
    wall,
    ratio: wall.median / summarize(floor.map((r) => r.ms)).median,
    cpuRatio: cliCpu(cpuMs) / cliCpu(cpuSummary(floor)),
    cpuRatioWithoutProgram: cliCpuWithoutProgram(cpuMs) / cliCpuWithoutProgram(cpuSummary(floor)),
    calls: mid.calls,
    callsTotal: sum(mid.calls),
    callsPerSchedule: sum(mid.calls) / n,
    maxCalls: maxCalls(runs),
    peakInFlight: Math.max(...runs.map((r) => r.peakInFlight)),
    providerPeakKiB: Math.max(...runs.map((r) => r.memory.provider ?? 0)),
    cpuMs,
  };
}

/** The largest provider resident set over every phase of the runs, KiB. */
const peak = (runs: StackRun[]): number =>
  Math.max(...runs.flatMap((r) => PHASES.map((p) => r.phases[p].memory.provider ?? 0)));

const stateSize = (runs: StackRun[], what: string): { mean: number; max: number } => ({
  mean: first(runs, what).stateBytesPerSchedule.mean,
  max: Math.max(...runs.map((r) => r.stateBytesPerSchedule.max)),
});

export function aggregate(
  scenario: Scenario,
  ours: StackRun[],
  floor: StackRun[],
  plugin: StackRun[] = [],
): ScenarioResult {
  const phases = {} as Record<Phase, PhaseResult>;
  for (const phase of PHASES) {
    const o = ours.map((r) => r.phases[phase]);
    const f = floor.map((r) => r.phases[phase]);
    const { wall, providerPeakKiB, cpuMs, ...rest } = againstFloor(o, f, scenario.n);
    const fa = againstFloor(f, f, scenario.n);
    phases[phase] = {
      ours: wall,
      floor: fa.wall,
      ...rest,
      providerPeakKiB: { ours: providerPeakKiB, floor: fa.providerPeakKiB },
      cpuMs: { ours: cpuMs, floor: fa.cpuMs },
      ...(plugin.length > 0
        ? {
            plugin: againstFloor(
              plugin.map((r) => r.phases[phase]),
              f,
              scenario.n,
            ),
          }
        : {}),
    };
  }
  const [ours0, floor0] = [first(ours, "a run of ours"), first(floor, "a run of the floor")];
  return {
    scenario,
    phases,
    blobBytes: { ours: ours0.blobBytes, floor: floor0.blobBytes },
    stateBytesPerSchedule: {
      ours: stateSize(ours, "a run of ours"),
      floor: stateSize(floor, "a run of the floor"),
    },
    providerPeakKiB: { ours: peak(ours), floor: peak(floor) },
    ...(plugin.length > 0
      ? {
          plugin: {
            stateBytesPerSchedule: stateSize(plugin, "a run of the plugin"),
            providerPeakKiB: peak(plugin),
          },
        }
      : {}),
  };
}

export function latencyResult(
  scenario: Scenario,
  runs: StackRun[],
  pairedOurs: StackRun[],
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
    // What the latency added, pair by pair (each slow run against the run of ours just before it).
    const added = summarize(o.map((r, i) => r.ms - (pairedOurs[i]?.phases[phase].ms ?? NaN)));
    out[phase] = {
      ours: s,
      oursNoLatencyMedian: median(pairedOurs.map((r) => r.phases[phase].ms)),
      floorMedian,
      addedByLatencyMs: added.median,
      addedByLatencySamplesMs: added.samples,
      excessOverFloorMs: s.median - floorMedian,
      lowerBoundMs,
      ratioToBound: added.median / lowerBoundMs,
      overFloorRatioToBound: (s.median - floorMedian) / lowerBoundMs,
      callsBoundMs: (calls * latencyMs) / cap,
      calls: mid.calls,
      callsTotal: calls,
      peakInFlight: Math.max(...o.map((r) => r.peakInFlight)),
    };
  }
  return out;
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
