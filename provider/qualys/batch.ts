/**
 * Collects the keys asked for within a short window, per group (a registry), and answers them with
 * one flush: every waiter of a key gets the flush's answer for it, or every waiter the flush's error.
 */

interface Waiter<V> {
  resolve: (value: V) => void;
  reject: (e: unknown) => void;
}

/** A batch of keys per group, flushed `windowMs` after its first key. */
export class Batcher<K, V> {
  private readonly pending = new Map<string, Map<K, Waiter<V>[]>>();

  /**
   * @param windowMs how long a batch waits for company before it goes out
   * @param flush answers the batch's keys; a key it leaves out resolves with `missing`
   */
  constructor(
    private readonly windowMs: number,
    private readonly flush: (group: string, keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: V,
  ) {}

  /** The answer for `key`, asked together with the other keys of `group` that arrive within the window. */
  get(group: string, key: K): Promise<V> {
    return new Promise((resolve, reject) => {
      let batch = this.pending.get(group);
      if (!batch) {
        batch = new Map();
        this.pending.set(group, batch);
        setTimeout(() => void this.run(group), this.windowMs);
      }
      const waiters = batch.get(key) ?? [];
      waiters.push({ resolve, reject });
      batch.set(key, waiters);
    });
  }

  private async run(group: string): Promise<void> {
    const batch = this.pending.get(group);
    this.pending.delete(group);
    if (!batch) return;
    try {
      const answers = await this.flush(group, [...batch.keys()]);
      for (const [key, waiters] of batch) {
        const answer = answers.has(key) ? (answers.get(key) as V) : this.missing;
        for (const w of waiters) w.resolve(answer);
      }
    } catch (err) {
      for (const waiters of batch.values()) for (const w of waiters) w.reject(err);
    }
  }
}
