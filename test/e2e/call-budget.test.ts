/**
 * `qualys:maxCallsPerMinute` through the real `pulumi` CLI: an `up` of 250 schedules (253 calls) with a
 * budget of 200 keeps to at most 200 calls in any 60 s at the simulator (its request log, arrival times),
 * waits rather than fails, and says so in the progress output. About 70 s, most of it the wait the
 * budget imposes.
 */
import { dailySchedules } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";

const { sim, schedulesStack } = useSimulator();
const BUDGET = 200;
const WINDOW_MS = 60_000;

test(`up of 250 schedules with a budget of ${BUDGET} calls per minute: never more in any 60 s, all created, the wait announced`, async () => {
  const ps = await schedulesStack(dailySchedules("budget", 250), {
    "qualys:maxCallsPerMinute": { value: String(BUDGET) },
  });
  sim().control.clearRequests();
  const up = await ps.run(["up", "--yes", "--skip-preview"]);
  expect(up.code).toBe(0);
  expect(sim().control.schedules()).toHaveLength(250);

  const arrivals = sim()
    .control.requests()
    .map((r) => r.at)
    .sort((a, b) => a - b);
  // More calls than the budget: the budget had to hold some back.
  expect(arrivals.length).toBeGreaterThan(BUDGET);
  // Counted from the simulator's own log: no window of 60 s, starting at any call, holds more than the budget.
  const busiest = Math.max(
    ...arrivals.map((t) => arrivals.filter((u) => u >= t && u < t + WINDOW_MS).length),
  );
  console.log(`CALL-BUDGET ${arrivals.length} calls, at most ${busiest} in any 60 s (budget ${BUDGET})`);
  expect(busiest).toBeLessThanOrEqual(BUDGET);
  // Waited, not failed: the calls past the budget came a window after the first.
  expect(arrivals[BUDGET]! - arrivals[0]!).toBeGreaterThanOrEqual(WINDOW_MS);
  // Said so in the progress output.
  expect(`${up.stdout}\n${up.stderr}`).toContain(
    `${BUDGET} calls to Qualys in the last minute, the budget of qualys:maxCallsPerMinute`,
  );
}, 600_000);
