// Faults queued by tests: the first one whose method and path pattern match the request fires,
// and is removed after `times` firings.
import type { Fault } from "./types";

interface Armed {
  fault: Fault;
  pattern: RegExp;
  left: number;
}

export class Faults {
  private armed: Armed[] = [];

  add(fault: Fault): void {
    const times = fault.times ?? 1;
    if (!Number.isInteger(times) || times < 1) throw new Error("fault.times must be a positive integer");
    this.armed.push({ fault, pattern: new RegExp(fault.path), left: times });
  }

  clear(): void {
    this.armed = [];
  }

  take(method: string, path: string): Fault | undefined {
    const hit = this.armed.find(
      (a) =>
        (a.fault.method === undefined || a.fault.method.toUpperCase() === method) && a.pattern.test(path),
    );
    if (!hit) return undefined;
    hit.left -= 1;
    if (hit.left === 0) this.armed = this.armed.filter((a) => a !== hit);
    return hit.fault;
  }
}
