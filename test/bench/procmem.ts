/**
 * Peak memory of the processes a CLI run starts, from Linux's /proc: the descendants of the `pulumi`
 * process are found through `/proc/<pid>/task/<tid>/children`, classified by command line, and their
 * `VmHWM` (peak resident set, which the kernel keeps per process) is read on every tick. The last value
 * read before a process exits is its peak, up to one sampling interval of growth.
 *
 * Walking only the CLI's own tree keeps other people's Pulumi processes on the same machine out, and
 * costs a handful of small reads per tick.
 */
import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import { children } from "../harness/proc";

export type ProcessRole = "provider" | "program" | "languageHost" | "engine" | "other";

/** Peak resident set per role, in KiB (the largest process of that role). */
export type PeakMemory = Partial<Record<ProcessRole, number>>;
/** CPU time (user + system) per role, ms, summed over the processes of that role. */
export type CpuTime = Partial<Record<ProcessRole, number>>;

let ticksPerSecond: number | undefined;
/** The kernel's clock tick (`getconf CLK_TCK`), 100 on every usual Linux. */
function clockTicks(): number {
  if (ticksPerSecond === undefined) {
    try {
      ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      ticksPerSecond = 100;
    }
  }
  return ticksPerSecond;
}

/** User + system CPU time of one process so far, ms (from /proc/<pid>/stat). */
export function cpuMs(pid: number): number | undefined {
  const stat = read(`/proc/${pid}/stat`);
  if (!stat) return undefined;
  // The command name (field 2) may hold spaces and parentheses: count fields after its last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return Number.isFinite(utime) && Number.isFinite(stime)
    ? ((utime + stime) * 1000) / clockTicks()
    : undefined;
}

function read(file: string): string | undefined {
  try {
    return fs.readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
}

export function roleOf(cmdline: string): ProcessRole {
  // The dynamic provider's process, or the provider plugin's (test/harness/yaml-programs.ts runs its bin).
  if (
    cmdline.includes("cmd/dynamic-provider") ||
    cmdline.includes("pulumi-resource-qualys-cs") ||
    cmdline.includes("provider/plugin/main")
  )
    return "provider";
  if (cmdline.includes("cmd/run")) return "program";
  // The YAML host evaluates the program itself: its CPU is the YAML program's.
  if (cmdline.includes("pulumi-language-yaml")) return "program";
  if (cmdline.includes("language-host")) return "languageHost";
  if (/(^|\/)pulumi\0/.test(cmdline)) return "engine";
  return "other";
}

function vmHwmKiB(pid: number): number | undefined {
  const status = read(`/proc/${pid}/status`);
  const m = status ? /^VmHWM:\s+(\d+)\s+kB/m.exec(status) : null;
  return m ? Number(m[1]) : undefined;
}

/**
 * Samples the tree under `rootPid` every `intervalMs` until `stop()`; returns peak memory and CPU time
 * per role (CPU time as last seen, so up to one interval of a process's last work is missed).
 */
export function sampleTree(
  rootPid: number,
  intervalMs = 100,
): { stop(): { memory: PeakMemory; cpu: CpuTime } } {
  const peaks = new Map<number, { role: ProcessRole; kib: number; cpu: number }>();
  const available = fs.existsSync(`/proc/${rootPid}`);
  const tick = (): void => {
    // Bounded walk: a CLI run has a few dozen processes at most.
    const queue = [rootPid];
    for (let i = 0; i < queue.length && i < 256; i++) {
      const pid = queue[i]!; // i < queue.length
      queue.push(...children(pid));
      const known = peaks.get(pid);
      const role = known?.role ?? roleOf(read(`/proc/${pid}/cmdline`) ?? "");
      const kib = vmHwmKiB(pid);
      const cpu = cpuMs(pid);
      if (kib !== undefined) {
        peaks.set(pid, {
          role,
          kib: Math.max(kib, known?.kib ?? 0),
          cpu: Math.max(cpu ?? 0, known?.cpu ?? 0),
        });
      }
    }
  };
  const timer = available ? setInterval(tick, intervalMs) : undefined;
  if (available) tick();
  return {
    stop(): { memory: PeakMemory; cpu: CpuTime } {
      if (timer) clearInterval(timer);
      const memory: PeakMemory = {};
      const cpu: CpuTime = {};
      for (const p of peaks.values()) {
        memory[p.role] = Math.max(memory[p.role] ?? 0, p.kib);
        cpu[p.role] = (cpu[p.role] ?? 0) + p.cpu;
      }
      return { memory, cpu };
    },
  };
}
