/**
 * Peak memory of the processes a CLI run starts, from Linux's /proc: the descendants of the `pulumi`
 * process are found through `/proc/<pid>/task/<tid>/children`, classified by command line, and their
 * `VmHWM` (peak resident set, which the kernel keeps per process) is read on every tick. The last value
 * read before a process exits is its peak, up to one sampling interval of growth.
 *
 * Walking only the CLI's own tree keeps other people's Pulumi processes on the same machine out, and
 * costs a handful of small reads per tick.
 */
import * as fs from "node:fs";

export type ProcessRole = "provider" | "program" | "languageHost" | "engine" | "other";

/** Peak resident set per role, in KiB (the largest process of that role). */
export type PeakMemory = Partial<Record<ProcessRole, number>>;

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

function children(pid: number): number[] {
  let tids: string[];
  try {
    tids = fs.readdirSync(`/proc/${pid}/task`);
  } catch {
    return [];
  }
  const out: number[] = [];
  for (const tid of tids) {
    const text = read(`/proc/${pid}/task/${tid}/children`);
    if (text) for (const c of text.trim().split(/\s+/)) if (c !== "") out.push(Number(c));
  }
  return out;
}

export function roleOf(cmdline: string): ProcessRole {
  if (cmdline.includes("cmd/dynamic-provider")) return "provider";
  if (cmdline.includes("cmd/run")) return "program";
  if (cmdline.includes("language-host")) return "languageHost";
  if (/(^|\/)pulumi\0/.test(cmdline)) return "engine";
  return "other";
}

function vmHwmKiB(pid: number): number | undefined {
  const status = read(`/proc/${pid}/status`);
  const m = status ? /^VmHWM:\s+(\d+)\s+kB/m.exec(status) : null;
  return m ? Number(m[1]) : undefined;
}

/** Samples the tree under `rootPid` every `intervalMs` until `stop()`; returns peaks per role. */
export function sampleTree(rootPid: number, intervalMs = 100): { stop(): PeakMemory } {
  const peaks = new Map<number, { role: ProcessRole; kib: number }>();
  const available = fs.existsSync(`/proc/${rootPid}`);
  const tick = (): void => {
    // Bounded walk: a CLI run has a few dozen processes at most.
    const queue = [rootPid];
    for (let i = 0; i < queue.length && i < 256; i++) {
      const pid = queue[i];
      queue.push(...children(pid));
      const known = peaks.get(pid);
      const role = known?.role ?? roleOf(read(`/proc/${pid}/cmdline`) ?? "");
      const kib = vmHwmKiB(pid);
      if (kib !== undefined) peaks.set(pid, { role, kib: Math.max(kib, known?.kib ?? 0) });
    }
  };
  const timer = available ? setInterval(tick, intervalMs) : undefined;
  if (available) tick();
  return {
    stop(): PeakMemory {
      if (timer) clearInterval(timer);
      const out: PeakMemory = {};
      for (const { role, kib } of peaks.values()) out[role] = Math.max(out[role] ?? 0, kib);
      return out;
    },
  };
}
