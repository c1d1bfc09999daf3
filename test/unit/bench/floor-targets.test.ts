/**
 * The benchmark's floor targets (test/bench/targets.ts, `floorTargets`): refresh CPU and the provider's
 * peak memory against 1.1 × the floor as measured, and the same with the share of axios and zod
 * (test/bench/library-cost.ts) taken out of ours.
 */
import { aggregate } from "../../bench/aggregate";
import type { LibraryCost } from "../../bench/results";
import { summarize } from "../../bench/stats";
import { floorTargets } from "../../bench/targets";
import type { Scenario } from "../../bench/workload";
import { N200, stackRun } from "./stack-runs";

const floor = stackRun(1000, { engine: 700, provider: 800 }, 0, 170_000);

/** Ours with `cpu` ms of provider CPU (the floor's is 800) and a provider peak of `kib`. */
const ours = (providerCpu: number, kib: number, scenario: Scenario = N200): ReturnType<typeof stackRun> =>
  stackRun(1000, { engine: 700, provider: providerCpu }, 1, kib, scenario);

const one = (x: number): ReturnType<typeof summarize> => summarize([x]);
/** Loading costs 120 ms and 7 MiB; 200 calls 24 MiB through axios, 6 MiB through node:http. */
const libraries: LibraryCost = {
  requests: 200,
  loadCpuMs: one(120),
  loadKiB: one(7 * 1024),
  requestsCpuMs: one(140),
  requestsKiB: one(24 * 1024),
  nodeHttpCpuMs: one(80),
  nodeHttpKiB: one(6 * 1024),
};

const met = (ts: ReturnType<typeof floorTargets>, start: string): boolean | null | undefined =>
  ts.find((t) => t.name.startsWith(start))?.met;

describe("refresh CPU and peak memory are held to 1.1 × the floor as measured", () => {
  it("meets both within 10 % of the floor", () => {
    const ts = floorTargets([aggregate(N200, [ours(900, 180_000)], [floor])]);
    // CPU 1600 against 1500: 1.07; peak 180 000 against 170 000 KiB: 1.06.
    expect(met(ts, "refresh CPU ≤ 1.1 × floor (200)")).toBe(true);
    expect(met(ts, "provider peak memory ≤ 1.1 × floor (200)")).toBe(true);
  });

  it("misses both beyond it", () => {
    const ts = floorTargets([aggregate(N200, [ours(1000, 200_000)], [floor])]);
    expect(met(ts, "refresh CPU ≤ 1.1 × floor (200)")).toBe(false);
    expect(met(ts, "provider peak memory ≤ 1.1 × floor (200)")).toBe(false);
  });
});

describe("the libraries' share is taken out of ours when the run measured it", () => {
  it("takes out loading from refresh CPU, and loading plus axios beyond node:http from the peak", () => {
    // CPU (1700 − 120) / 1500 = 1.05; peak (200 000 − 7 − 18 MiB) / 170 000 = 1.03.
    const ts = floorTargets([aggregate(N200, [ours(1000, 200_000)], [floor])], libraries);
    expect(met(ts, "refresh CPU less axios and zod's loading (120 ms)")).toBe(true);
    expect(met(ts, "provider peak memory less axios and zod's (25.0 MiB)")).toBe(true);
  });

  it("still fails when ours exceeds the floor by more than the libraries' share", () => {
    const ts = floorTargets([aggregate(N200, [ours(1300, 230_000)], [floor])], libraries);
    expect(met(ts, "refresh CPU less")).toBe(false);
    expect(met(ts, "provider peak memory less")).toBe(false);
  });

  it("counts no negative share when node:http costs more than axios", () => {
    const cheap: LibraryCost = { ...libraries, requestsKiB: one(4 * 1024) };
    const ts = floorTargets([aggregate(N200, [ours(1000, 200_000)], [floor])], cheap);
    expect(ts.some((t) => t.name.startsWith("provider peak memory less axios and zod's (7.0 MiB)"))).toBe(
      true,
    );
  });

  it("is left out without a probe, or for a scenario of another size than the probe's", () => {
    const n1000: Scenario = { id: "1000", n: 1000, registries: 1 };
    const without = floorTargets([aggregate(N200, [ours(1000, 200_000)], [floor])]);
    const otherSize = floorTargets(
      [
        aggregate(
          n1000,
          [ours(1000, 200_000, n1000)],
          [stackRun(1000, { provider: 800 }, 0, 170_000, n1000)],
        ),
      ],
      libraries,
    );
    for (const ts of [without, otherSize]) {
      expect(ts.filter((t) => t.name.includes("less axios"))).toEqual([]);
      expect(ts).toHaveLength(2);
    }
  });
});
