/**
 * What `npm run bench` (test/bench/run.ts) measures and writes to `bench-results.json`: the phases a
 * stack goes through, one run's figures, and the aggregated results, targets included.
 */
import type { CpuTime, PeakMemory, ProcessRole } from "./procmem";
import type { Summary } from "./stats";
import type { Scenario } from "./workload";

export const PHASES = ["preview", "up", "previewAgain", "refresh", "updateAll", "destroy"] as const;
export type Phase = (typeof PHASES)[number];
/**
 * `ours`: the dynamic resources in a TypeScript program; `plugin`: the provider plugin
 * (`pulumi-resource-qualys-cs`) in a YAML program; `floor`: a no-op dynamic resource.
 */
export type Side = "ours" | "floor" | "plugin";

/** One CLI run of one phase. */
export interface PhaseRun {
  ms: number;
  calls: Record<string, number>;
  peakInFlight: number;
  memory: PeakMemory;
  /** CPU time of the CLI's process tree by role, and of the simulator, ms. */
  cpu: CpuTime & { simulator?: number };
}

/** One stack through every phase. */
export interface StackRun {
  phases: Record<Phase, PhaseRun>;
  blobBytes: number;
  stateBytesPerSchedule: { mean: number; max: number };
}

/** A side's runs of a phase against the floor's: ours's figures in PhaseResult, the plugin's whole. */
export interface AgainstFloor {
  wall: Summary;
  /** median(side) / median(floor), wall time. */
  ratio: number;
  /**
   * The same ratio in CPU time of the CLI's process tree (engine, program, provider; the simulator left
   * out): on a shared machine it varies far less between repetitions than wall time does.
   */
  cpuRatio: number;
  /**
   * The CPU ratio without the program's process (the Node.js program, or the YAML host that evaluates a
   * YAML program): engine and provider only, which a program's language does not change.
   */
  cpuRatioWithoutProgram: number;
  /** API calls by kind (the median run's; they are the same in every run of a deterministic phase). */
  calls: Record<string, number>;
  callsTotal: number;
  callsPerSchedule: number;
  /** Largest count over the repetitions, for the "per run" targets. */
  maxCalls: Record<string, number>;
  peakInFlight: number;
  /** Peak resident set of the provider process, KiB (largest over repetitions). */
  providerPeakKiB: number;
  /** Median CPU time per process role (and the simulator's), ms: less noisy than wall time on a busy machine. */
  cpuMs: CpuSummary;
}

/** Ours (the dynamic resources) and the floor in one phase, and the plugin when the run had it. */
export interface PhaseResult extends Omit<AgainstFloor, "wall" | "providerPeakKiB" | "cpuMs"> {
  ours: Summary;
  floor: Summary;
  providerPeakKiB: { ours: number; floor: number };
  cpuMs: { ours: CpuSummary; floor: CpuSummary };
  /** The provider plugin's runs against the same floor's, when the run had them. */
  plugin?: AgainstFloor;
}

export type CpuSummary = Partial<Record<ProcessRole | "simulator" | "total", number>>;

export interface LatencyPhaseResult {
  ours: Summary;
  /** Median of the runs of ours without added latency that the slow runs are paired with. */
  oursNoLatencyMedian: number;
  floorMedian: number;
  /**
   * Median over pairs of (ours with latency − ours without, run just before): what the latency cost,
   * which concurrency is there to hide. Negative when load noise outweighs it.
   */
  addedByLatencyMs: number;
  /** The pairs' differences, ms. */
  addedByLatencySamplesMs: number[];
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
  /** The provider plugin's size and memory, when the run had it. */
  plugin?: { stateBytesPerSchedule: { mean: number; max: number }; providerPeakKiB: number };
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
    /** The installed plugin's start-up to its first answered request (test/bench/plugin-startup.ts). */
    pluginStartup?: PluginStartup;
    /** What axios and zod alone cost in the provider host's process (test/bench/library-cost.ts). */
    libraryCost?: LibraryCost;
  };
  scenarios: ScenarioResult[];
  /** API calls per schedule, by scenario and phase: compare with `--baseline` to see a change raise them. */
  callsPerSchedule: Record<string, Record<Phase, number>>;
  targets: Target[];
}

/** Start-ups of the plugin, the first one cold-ish and the others warm, ms. */
export interface PluginStartup {
  firstWallMs: number;
  firstCpuMs: number;
  warmWallMs: Summary;
  warmCpuMs: Summary;
}

/**
 * The provider's libraries in the dynamic provider host's process, after `@pulumi/pulumi`: loading axios
 * and zod, then `requests` calls through axios; and the same calls through `node:http` in a process that
 * loads neither (test/bench/library-cost.ts). CPU in ms, peak resident set growth in KiB.
 */
export interface LibraryCost {
  requests: number;
  loadCpuMs: Summary;
  loadKiB: Summary;
  requestsCpuMs: Summary;
  requestsKiB: Summary;
  nodeHttpCpuMs: Summary;
  nodeHttpKiB: Summary;
}
