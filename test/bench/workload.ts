/** What the benchmark programs declare: N schedules spread round-robin over R registries. */
import type { Declared } from "../harness/programs";

export interface Scenario {
  /** `200` or `200x10`. */
  id: string;
  n: number;
  registries: number;
}

/** Parses `1,50,200,200x10` (N, or N×registries). */
export function parseScenarios(spec: string): Scenario[] {
  return spec
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "")
    .map((s) => {
      const m = /^(\d+)(?:x(\d+))?$/.exec(s);
      if (!m) throw new Error(`--sizes: expected N or NxR (e.g. 200x10), got ${JSON.stringify(s)}`);
      const n = Number(m[1]);
      const registries = m[2] === undefined ? 1 : Number(m[2]);
      if (n < 1 || n > 1000 || registries < 1 || registries > 50 || registries > n) {
        throw new Error(`--sizes: ${s} is out of range (1 ≤ R ≤ N ≤ 1000, R ≤ 50)`);
      }
      return { id: registries === 1 ? `${n}` : `${n}x${registries}`, n, registries };
    });
}

/** Deterministic registry IDs (valid UUIDs), the same in the simulator and the programs. */
export function registryIds(count: number): string[] {
  return Array.from(
    { length: count },
    (_, i) => `b0000000-0000-4000-8000-${(i + 1).toString(16).padStart(12, "0")}`,
  );
}

/** `base` is created; `updated` changes every schedule's start time (an in-place update of all). */
export type Variant = "base" | "updated";

export function schedules(scenario: Scenario, variant: Variant): Declared[] {
  const regs = registryIds(scenario.registries);
  return Array.from({ length: scenario.n }, (_, i) => ({
    name: `bench-${String(i).padStart(4, "0")}`,
    args: {
      registryId: regs[i % regs.length],
      repo: [`team/service-${i}`],
      tag: ".*",
      scheduleScanIntervalInDays: 1,
      schedule: variant === "base" ? "19:30" : "20:45",
    },
  }));
}
