/**
 * `qualys:maxCallsPerMinute` (provider/qualys/http/call-budget.ts): calls over the budget wait for the
 * oldest call of the window to leave it, never fail, and each wait is announced. A fake clock: no
 * wall-clock bound.
 */
import { CallBudget, HELD_MS, type BudgetWait } from "../../../provider/qualys/http/call-budget";
import { resolveSettings } from "../../../provider/qualys/config";

/** A clock whose sleeps advance it at once, in order. */
function fakeClock() {
  let now = 1_000_000;
  const sleeps: number[] = [];
  return {
    sleeps,
    now: () => now,
    advance: (ms: number) => (now += ms),
    sleep: (ms: number) => {
      sleeps.push(ms);
      now += ms;
      return Promise.resolve();
    },
  };
}

describe("the call budget: at most callsPerMinute calls in any window", () => {
  test("the first callsPerMinute calls go at once; the next waits for the oldest to leave the window", async () => {
    const clock = fakeClock();
    const waits: BudgetWait[] = [];
    const budget = new CallBudget(5, clock, (w) => waits.push(w));
    const admitted: number[] = [];
    for (let i = 0; i < 12; i++) {
      await budget.take();
      admitted.push(clock.now());
      clock.advance(100);
    }
    // Every window of HELD_MS (a minute and the arrival slack) holds at most 5 admissions.
    for (const start of admitted) {
      expect(admitted.filter((t) => t >= start && t < start + HELD_MS).length).toBeLessThanOrEqual(5);
    }
    // 12 calls at 5 per window: two waits, each announced once.
    expect(waits).toHaveLength(2);
    expect(waits.every((w) => w.callsPerMinute === 5 && w.waitMs > 0)).toBe(true);
    expect(clock.sleeps).toEqual(waits.map((w) => w.waitMs));
    expect(admitted[5]! - admitted[0]!).toBe(HELD_MS);
  });

  test("calls that arrive together are admitted in order, none fails", async () => {
    const clock = fakeClock();
    const budget = new CallBudget(3, clock, () => undefined);
    const order: number[] = [];
    await Promise.all(Array.from({ length: 7 }, (_, i) => budget.take().then(() => order.push(i))));
    expect(order).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(budget.inWindow()).toBe(1);
  });

  test("a budget of 0 is none: nothing waits, nothing is counted", async () => {
    const clock = fakeClock();
    const waits: BudgetWait[] = [];
    const budget = new CallBudget(0, clock, (w) => waits.push(w));
    for (let i = 0; i < 5000; i++) await budget.take();
    expect(waits).toEqual([]);
    expect(budget.inWindow()).toBe(0);
  });

  test("below the budget nothing waits", async () => {
    const clock = fakeClock();
    const waits: BudgetWait[] = [];
    const budget = new CallBudget(300, clock, (w) => waits.push(w));
    for (let i = 0; i < 300; i++) await budget.take();
    expect(waits).toEqual([]);
    expect(budget.inWindow()).toBe(300);
  });
});

describe("the setting qualys:maxCallsPerMinute", () => {
  const base: Record<string, string> = {
    "qualys:gatewayUrl": "https://gateway.example.test",
    "qualys:username": "u",
    "qualys:password": "p-123456",
  };
  test("defaults to 300, under a third of Qualys's 1000 per subscription", () => {
    expect(resolveSettings((k) => base[k]).maxCallsPerMinute).toBe(300);
  });
  test("takes 0 (no budget) to 1000", () => {
    expect(resolveSettings((k) => ({ ...base, "qualys:maxCallsPerMinute": "0" })[k]).maxCallsPerMinute).toBe(
      0,
    );
    expect(resolveSettings((k) => ({ ...base, "qualys:maxCallsPerMinute": "50" })[k]).maxCallsPerMinute).toBe(
      50,
    );
    expect(() => resolveSettings((k) => ({ ...base, "qualys:maxCallsPerMinute": "1001" })[k])).toThrow(
      /qualys:maxCallsPerMinute/,
    );
  });
});
