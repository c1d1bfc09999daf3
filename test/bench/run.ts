/**
 * `npm run bench`: what the provider costs the user and the Qualys API, against a floor measured in the
 * same run. See `--help`.
 *
 * For every scenario (N schedules over R registries) and repetition, a fresh stack of ours (the
 * end-to-end generic program with `RegistryScanSchedule`), a fresh stack of the provider plugin (a YAML
 * program declaring the same schedules as `qualys-cs:index:RegistryScanSchedule`) and a fresh stack of the
 * floor (the TypeScript program with a no-op dynamic resource) each go through the phases below with the
 * real CLI; each CLI
 * run is timed from spawn to exit, with the simulator's request log cleared before and read after.
 * Then a second pass repeats ours with added API latency. What a run yields is in `results.ts`, how
 * runs become results in `aggregate.ts`, what results must meet in `targets.ts`.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseArgs } from "node:util";

import { DEFAULTS } from "../../provider/qualys/config";
import { apiCalls } from "../harness/api-calls";
import { declareInFile, qualysConfig, SCHEDULES_PROGRAM } from "../harness/programs";
import {
  createProgramStack,
  dynamicResources,
  REPO_ROOT,
  TOOLS_DIR,
  writeYamlProgram,
  type ProgramStack,
} from "../harness/stack";
import { PLUGIN_ENTRY, pluginConfig, pluginResources } from "../harness/yaml-programs";
import type { LoggedRequest } from "../simulator";
import { aggregate, callsPerSchedule, cliCpu, latencyResult } from "./aggregate";
import { libraryCost } from "./library-cost";
import { startSimulatorProcess, timedCli, type SimulatorProcess } from "./processes";
import { INSTALLED_PLUGIN, startUps } from "./plugin-startup";
import { renderMarkdown, renderSvg } from "./report";
import {
  PHASES,
  type BenchResults,
  type LibraryCost,
  type Phase,
  type PhaseRun,
  type ScenarioResult,
  type Side,
  type StackRun,
} from "./results";
import { profilingEnv, providerProfiles, renderProfiles } from "./profile";
import { peakInFlight } from "./stats";
import { againstBaseline, targets } from "./targets";
import { parseScenarios, registryIds, schedules, type Scenario, type Variant } from "./workload";

/** The library probe's calls: as many as the schedules of the scenario its figures are set beside. */
const LIBRARY_PROBE_REQUESTS = 200;

/**
 * The plugin's YAML program: the workload's schedules as the plugin's resources, the plugin found as
 * the end-to-end tests find it (test/harness/yaml-programs.ts).
 */
function yamlProgram(scenario: Scenario, variant: Variant): Record<string, unknown> {
  return {
    plugins: PLUGIN_ENTRY,
    resources: Object.fromEntries(
      schedules(scenario, variant).map((d) => [
        d.name,
        { type: "qualys-cs:index:RegistryScanSchedule", properties: d.args },
      ]),
    ),
  };
}

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

function usage(): string {
  return [
    "usage: npm run bench -- [--reps N] [--sizes 1,50,200,200x10] [--latency MS] [--latency-reps N] [--quick]",
    "  --reps N          repetitions per scenario, ours and floor interleaved (default 3)",
    "  --sizes LIST      scenarios: N schedules in one registry, or NxR over R registries",
    "                    (default 1,50,200,200x10)",
    "  --latency MS      added API latency of the second pass; 0 skips it (default 50)",
    "  --latency-reps N  repetitions of the latency pass (default: --reps)",
    "  --quick           --sizes 1,50 --reps 1 unless given",
    "  --skip-plugin     leave out the provider plugin's YAML stacks and its start-up measurement",
    "  --out DIR         where bench-results.{json,md,svg} go (default: the repository root)",
    "  --render FILE     no run: recompute targets from a bench-results.json and write the outputs again",
    "  --baseline FILE   an earlier bench-results.json: flag every phase whose calls per schedule rose",
    "  --profile DIR     CPU profiles of every Node.js process into DIR, and the provider's CPU by package",
    "                    (profiling slows the processes: compare shares, not times, with other runs)",
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

function state(
  ps: ProgramStack,
  side: Side,
): Promise<{ blobBytes: number; perSchedule: { mean: number; max: number } }> {
  return ps.exportState().then((st) => {
    const res = side === "plugin" ? pluginResources(st) : dynamicResources(st);
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
  profileDir?: string,
): Promise<StackRun> {
  try {
    return await runStack(sim, scenario, side, latencyMs, profileDir);
  } catch (err) {
    retried += 1;
    log(
      `${side} ${scenario.id} failed, running it once more: ${err instanceof Error ? err.message.slice(0, 2000) : String(err)}`,
    );
    return runStack(sim, scenario, side, latencyMs, profileDir);
  }
}

/** One fresh stack of `side` through every phase; with `profileDir`, each phase's CPU profiles go in `<profileDir>/<phase>`. */
async function runStack(
  sim: SimulatorProcess,
  scenario: Scenario,
  side: Side,
  latencyMs: number,
  profileDir?: string,
): Promise<StackRun> {
  await sim.control.reset();
  await sim.control.configure({ latencyMs });
  const project = `bench-${side}`;
  // No call budget: the simulator is no shared subscription, and the benchmark measures the provider.
  const ps = await createProgramStack(
    side === "plugin"
      ? {
          yamlProgram: yamlProgram(scenario, "base"),
          project,
          config: { ...pluginConfig(sim.url), "qualys-cs:maxCallsPerMinute": { value: "0" } },
        }
      : {
          programDir: side === "ours" ? SCHEDULES_PROGRAM : FLOOR_PROGRAM,
          project,
          config: { ...qualysConfig(sim.url), "qualys:maxCallsPerMinute": { value: "0" } },
        },
  );
  // The workload goes through a file: at N = 1000 it no longer fits in an environment variable.
  const workload = path.join(ps.workDir, "schedules.json");
  if (side === "floor") await ps.setEnv({ NODE_PATH: installFloorProvider(ps.projectDir) });
  const phases: Partial<Record<Phase, PhaseRun>> = {};
  let st: Awaited<ReturnType<typeof state>> | undefined;
  try {
    for (const phase of PHASES) {
      const spec = PHASE_SPECS[phase];
      if (side === "plugin") writeYamlProgram(ps.projectDir, project, yamlProgram(scenario, spec.variant));
      else await ps.setEnv(declareInFile(workload, schedules(scenario, spec.variant)));
      await sim.control.clearRequests();
      const simCpu = sim.cpuMs();
      const run = await timedCli(
        [...spec.args, "--stack", ps.stack.name, "--non-interactive"],
        ps.projectDir,
        profileDir === undefined ? ps.env : { ...ps.env, ...profilingEnv(path.join(profileDir, phase)) },
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
        st = await state(ps, side);
        if (side !== "floor") {
          const held = (await sim.control.schedules()).length;
          if (held !== scenario.n)
            throw new Error(`${side} ${scenario.id}: the simulator holds ${held} schedules after up`);
        }
      }
      log(
        `  ${side.padEnd(6)} ${phase.padEnd(12)} ${(run.ms / 1000).toFixed(2)} s  ${JSON.stringify(phases[phase]?.calls)}`,
      );
    }
    if (side !== "floor") {
      const left = (await sim.control.schedules()).length;
      if (left !== 0) throw new Error(`${side} ${scenario.id}: ${left} schedules left after destroy`);
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
      "skip-plugin": { type: "boolean", default: false },
      out: { type: "string" },
      render: { type: "string" },
      baseline: { type: "string" },
      profile: { type: "string" },
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
  const profileRoot = values.profile === undefined ? undefined : path.resolve(values.profile);
  const profileDir = (scenario: Scenario, side: Side, rep: number): string | undefined =>
    profileRoot && path.join(profileRoot, `${scenario.id}-${side}-${rep + 1}`);

  const started = Date.now();
  const loadStart = os.loadavg();
  const maxRegistries = Math.max(...scenarios.map((s) => s.registries));
  const sim = await startSimulatorProcess(
    registryIds(maxRegistries).map((id) => ({ id, type: "DockerHub" })),
  );
  log(`simulator at ${sim.url}; reps ${reps}; scenarios ${scenarios.map((s) => s.id).join(", ")}`);

  const withPlugin = !values["skip-plugin"];
  const sides: Side[] = withPlugin ? ["ours", "floor", "plugin"] : ["ours", "floor"];
  const results: ScenarioResult[] = [];
  let libraries: LibraryCost | undefined;
  try {
    for (const scenario of scenarios) {
      const ours: StackRun[] = [];
      const floor: StackRun[] = [];
      const plugin: StackRun[] = [];
      // Runs with added latency, each made right after the run of ours without it that it is compared
      // with: on a shared machine, load drifts over minutes, and a pair sees about the same load.
      const slow: StackRun[] = [];
      const pairedOurs: StackRun[] = [];
      for (let rep = 0; rep < reps; rep++) {
        // Rotate which side goes first, so a drift in machine load falls on every side.
        const order: Side[] = sides.map((_, i) => sides[(i + rep) % sides.length] as Side);
        for (const side of order) {
          log(`${scenario.id} rep ${rep + 1}/${reps}: ${side}`);
          const run = await runStackRetrying(sim, scenario, side, 0, profileDir(scenario, side, rep));
          ({ ours, floor, plugin })[side].push(run);
          if (side === "ours" && latencyMs > 0 && rep < latencyReps) {
            log(`${scenario.id} rep ${rep + 1}/${reps}: ours with ${latencyMs} ms latency`);
            slow.push(await runStackRetrying(sim, scenario, "ours", latencyMs));
            pairedOurs.push(run);
          }
        }
      }
      const result = aggregate(scenario, ours, floor, plugin);
      if (slow.length > 0) {
        result.latency = {
          latencyMs,
          phases: latencyResult(scenario, slow, pairedOurs, result, latencyMs, cap),
        };
      }
      results.push(result);
    }
    // After the stacks, against the same simulator: what axios and zod alone cost in the provider's host.
    if (scenarios.some((sc) => sc.n === LIBRARY_PROBE_REQUESTS)) {
      log(`library probe: axios and zod, then ${LIBRARY_PROBE_REQUESTS} requests, ${reps + 2} runs`);
      libraries = await libraryCost(sim.url, LIBRARY_PROBE_REQUESTS, reps + 2);
    }
  } finally {
    await sim.stop();
  }
  // After the stacks, so the plugin's files are as warm as every CLI command after the first finds them.
  const pluginStartup = withPlugin ? await startUps(INSTALLED_PLUGIN, 6) : undefined;

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
      ...(pluginStartup ? { pluginStartup } : {}),
      ...(libraries ? { libraryCost: libraries } : {}),
    },
    scenarios: results,
    callsPerSchedule: callsPerSchedule(results),
    targets: [...targets(results, pluginStartup, libraries), ...againstBaseline(results, baseline)],
  };
  write(results_, outDir);
  if (profileRoot !== undefined) {
    const table = renderProfiles(providerProfiles(profileRoot));
    fs.writeFileSync(path.join(profileRoot, "profile.md"), table);
    process.stdout.write(`\n## The provider process's CPU by package, ms (--profile)\n\n${table}`);
  }
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
  results.targets = [
    ...targets(results.scenarios, results.meta.pluginStartup, results.meta.libraryCost),
    ...againstBaseline(results.scenarios, baseline),
  ];
  write(results, outDir);
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(1);
  });
}
