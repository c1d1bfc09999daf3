/** Made-up stack runs for the benchmark's unit tests: every phase alike, figures chosen by the test. */
import { PHASES, type Phase, type PhaseRun, type StackRun } from "../../bench/results";
import type { Scenario } from "../../bench/workload";

export const N200: Scenario = { id: "200", n: 200, registries: 1 };

/** A stack run whose every phase took `ms`, with `cpu` per role and `calls` of each write per schedule. */
export function stackRun(
  ms: number,
  cpu: PhaseRun["cpu"],
  callsPerWrite: number,
  providerKiB: number,
  scenario: Scenario = N200,
): StackRun {
  const phases = Object.fromEntries(
    PHASES.map((p): [Phase, PhaseRun] => [
      p,
      {
        ms,
        calls: p === "updateAll" ? { auth: 1, update: scenario.n * callsPerWrite } : { auth: 1 },
        peakInFlight: 8,
        memory: { provider: providerKiB },
        cpu,
      },
    ]),
  ) as Record<Phase, PhaseRun>;
  return { phases, blobBytes: 0, stateBytesPerSchedule: { mean: 2500, max: 2600 } };
}
