// Faults queued by tests: the first one whose method and path pattern match the request (and whose
// random draw hits, for a fault with a probability) fires, and is removed after `times` firings.
import type { Fault } from "./types";

interface Armed {
  fault: Fault;
  pattern: RegExp;
  left: number;
  random: () => number;
}

/** A fault that fired, with its own random source (a `staleList` fault uses it to pick the schedule). */
export interface Fired {
  fault: Fault;
  random: () => number;
}

/** mulberry32: a small seeded generator, so a faulted run can be repeated exactly. */
function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export class Faults {
  private armed: Armed[] = [];

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error("fault.times must be a positive integer");
    const p = fault.probability ?? 1;
    if (!(p > 0 && p <= 1)) throw new Error("fault.probability must be in (0, 1]");
    this.armed.push({
      fault,
      pattern: new RegExp(fault.path),
      left: times,
      random: seeded(fault.seed ?? 1),
    });
  }

  clear(): void {
    this.armed = [];
  }

  take(method: string, path: string): Fired | undefined {
    for (const a of this.armed) {
      const f = a.fault;
      if (f.method !== undefined && f.method.toUpperCase() !== method) continue;
      if (!a.pattern.test(path)) continue;
      if (f.probability !== undefined && f.probability < 1 && a.random() >= f.probability) continue;
      a.left -= 1;
      if (a.left === 0) this.armed = this.armed.filter((x) => x !== a);
      return { fault: f, random: a.random };
    }
    return undefined;
  }
}
