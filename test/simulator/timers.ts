// Every timer the simulator starts goes through here, so reset and close leave nothing behind.
export class Timers {
  private readonly jobs = new Set<NodeJS.Timeout>();
  private readonly sleeps = new Map<NodeJS.Timeout, () => void>();

  /** Deferred work (bulk deletes); dropped by cancelJobs. */
  later(fn: () => void, ms: number): void {
    const t = setTimeout(() => {
      this.jobs.delete(t);
      fn();
    }, ms);
    this.jobs.add(t);
  }

  /** A wait inside a request (latency, hang); cut short by wakeAll on close. */
  sleep(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const t = setTimeout(() => {
        this.sleeps.delete(t);
        resolve();
      }, ms);
      this.sleeps.set(t, resolve);
    });
  }

  cancelJobs(): void {
    for (const t of this.jobs) clearTimeout(t);
    this.jobs.clear();
  }

  wakeAll(): void {
    for (const [t, resolve] of this.sleeps) {
      clearTimeout(t);
      resolve();
    }
    this.sleeps.clear();
  }
}
