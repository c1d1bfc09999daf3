/**
 * The benchmark's plugin side (test/bench/): the plugin's runs are compared with the same floor as the
 * dynamic resources' by the same code (aggregate.ts), held to the same API budget and to its start-up
 * goal (targets.ts), and its processes are counted in the right roles (procmem.ts).
 */
import { aggregate } from "../../bench/aggregate";
import { roleOf } from "../../bench/procmem";
import type { PluginStartup } from "../../bench/results";
import { summarize } from "../../bench/stats";
import { targets } from "../../bench/targets";
import { N200, stackRun } from "./stack-runs";

const floor = stackRun(1000, { engine: 400, program: 400, provider: 200, simulator: 50 }, 0, 100_000);
const ours = stackRun(1200, { engine: 400, program: 400, provider: 400, simulator: 50 }, 1, 150_000);

describe("aggregate: the plugin is compared with the same floor as the dynamic resources", () => {
  const plugin = stackRun(500, { engine: 400, program: 50, provider: 350, simulator: 50 }, 1, 120_000);
  const r = aggregate(N200, [ours], [floor], [plugin]);

  it("gives the plugin's wall and CPU ratios against the floor's runs", () => {
    const x = r.phases.up.plugin;
    expect(x?.ratio).toBeCloseTo(0.5);
    expect(x?.cpuRatio).toBeCloseTo(800 / 1000);
    // Engine and provider only: 750 against the floor's 600.
    expect(x?.cpuRatioWithoutProgram).toBeCloseTo(750 / 600);
    expect(r.phases.up.ratio).toBeCloseTo(1.2);
  });

  it("counts the plugin's calls per schedule from its own runs", () => {
    expect(r.phases.updateAll.plugin?.callsTotal).toBe(201);
    expect(r.phases.updateAll.plugin?.callsPerSchedule).toBeCloseTo(1.005);
  });

  it("keeps the plugin's provider peak apart from ours", () => {
    expect(r.plugin?.providerPeakKiB).toBe(120_000);
    expect(r.providerPeakKiB).toEqual({ ours: 150_000, floor: 100_000 });
  });

  it("leaves the plugin out of a run without it", () => {
    const without = aggregate(N200, [ours], [floor]);
    expect(without.plugin).toBeUndefined();
    expect(without.phases.up.plugin).toBeUndefined();
  });
});

describe("targets: the plugin's write phases have the dynamic resources' API budget", () => {
  const names = (ts: ReturnType<typeof targets>): Record<string, boolean | null> =>
    Object.fromEntries(ts.map((t) => [t.name, t.met]));

  it("is met at one call per changed schedule", () => {
    const plugin = stackRun(500, { engine: 1 }, 1, 1);
    const met = names(targets([aggregate(N200, [ours], [floor], [plugin])]));
    expect(met["update all of 200 (200, plugin): API calls"]).toBe(true);
  });

  it("fails at two calls per changed schedule", () => {
    const plugin = stackRun(500, { engine: 1 }, 2, 1);
    const met = names(targets([aggregate(N200, [ours], [floor], [plugin])]));
    expect(met["update all of 200 (200, plugin): API calls"]).toBe(false);
    expect(met["update all of 200 (200): API calls"]).toBe(true);
  });
});

describe("targets: plugin start-up ≤ 1 s warm", () => {
  const startup = (warm: number[]): PluginStartup => ({
    firstWallMs: 2000,
    firstCpuMs: 500,
    warmWallMs: summarize(warm),
    warmCpuMs: summarize(warm),
  });
  const met = (s: PluginStartup): boolean | null | undefined =>
    targets([], s).find((t) => t.name.startsWith("plugin start-up"))?.met;

  it("is judged on the warm median, not the first start", () => {
    expect(met(startup([300, 400, 900]))).toBe(true);
    expect(met(startup([900, 1100, 1200]))).toBe(false);
  });

  it("is absent from a run without the plugin", () => {
    expect(targets([]).some((t) => t.name.startsWith("plugin start-up"))).toBe(false);
  });
});

describe("roleOf: the plugin is the provider, the YAML host the program", () => {
  it.each([
    ["node\0/x/node_modules/.bin/pulumi-resource-qualys-cs\0", "provider"],
    ["node\0/x/pulumi-qualys-cs/dist/provider/plugin/main.js\0", "provider"],
    ["/x/bin/pulumi-language-yaml\0-root\0", "program"],
    ["node\0/x/@pulumi/pulumi/cmd/dynamic-provider/index.js\0", "provider"],
  ])("%j is %s", (cmdline, role) => {
    expect(roleOf(cmdline)).toBe(role);
  });
});
