/**
 * The calls per minute this provider may spend at Qualys (`qualys:maxCallsPerMinute`): Qualys allows a
 * subscription 1000 calls per 60 s, shared with every other integration, so the provider keeps to a
 * share of it. A call over the budget waits for the oldest call of the last 60 s to leave the window;
 * it never fails. A budget of 0 is none (a gateway without that limit: the simulator, the benchmark).
 * Pure apart from the clock and the sleep it is given (tests pass fake ones).
 */

/** The window Qualys counts calls in. */
export const WINDOW_MS = 60_000;
/**
 * How long a call counts here: the window, plus a second for the time between a call's start here and
 * its arrival at Qualys (where it is counted), so that two calls this budget keeps a window apart are a
 * window apart at Qualys too.
 */
export const HELD_MS = WINDOW_MS + 1000;

/** A wait the budget imposed: announced once per wait, so users see why the run slowed down. */
export interface BudgetWait {
  /** How long this call waits, in ms. */
  waitMs: number;
  /** The budget: calls per `WINDOW_MS`. */
  callsPerMinute: number;
}

export class CallBudget {
  /** When each call of the current window started, oldest first. */
  readonly #started: number[] = [];
  /** The calls waiting for their turn, in order: each is admitted once the one before it was. */
  #queue: Promise<void> = Promise.resolve();

  constructor(
    readonly callsPerMinute: number,
    private readonly clock: { now(): number; sleep(ms: number): Promise<void> },
    private readonly onWait: (wait: BudgetWait) => void,
  ) {
    if (!Number.isInteger(callsPerMinute) || callsPerMinute < 0) {
      throw new RangeError(
        `CallBudget: callsPerMinute must be an integer ≥ 0, got ${String(callsPerMinute)}`,
      );
    }
  }

  /** Resolves when one more call fits the budget, and counts it. Calls are admitted in order. */
  take(): Promise<void> {
    if (this.callsPerMinute === 0) return Promise.resolve();
    const turn = this.#queue.then(() => this.#admit());
    // A failed sleep must not stop the calls queued behind it.
    this.#queue = turn.catch(() => undefined);
    return turn;
  }

  /** Calls counted in the window ending now (tests, the benchmark). */
  inWindow(): number {
    this.#forget(this.clock.now());
    return this.#started.length;
  }

  async #admit(): Promise<void> {
    for (;;) {
      const now = this.clock.now();
      this.#forget(now);
      if (this.#started.length < this.callsPerMinute) {
        this.#started.push(now);
        return;
      }
      const waitMs = this.#started[0]! + HELD_MS - now; // the window is full, so it has an oldest call
      this.onWait({ waitMs, callsPerMinute: this.callsPerMinute });
      await this.clock.sleep(waitMs);
    }
  }

  #forget(now: number): void {
    while (this.#started.length > 0 && this.#started[0]! <= now - HELD_MS) this.#started.shift();
  }
}
