/** Helpers of the fault scenarios (test/e2e/faults-*.test.ts, recover.test.ts): what a run leaves behind. */
import { spawn } from "node:child_process";
import * as path from "node:path";

import type { RunningSimulator, StoredSchedule } from "../simulator";
import { descendants } from "./proc";
import { dynamicResources, PULUMI_ROOT, type ProgramStack, type StateDeployment } from "./stack";

/** What a fault scenario ends with: the server's and the state's view of the declared schedules. */
export interface Convergence {
  /** Schedules on the server per name (only the names asked about). */
  onServer: Record<string, number>;
  /** Schedule resources in state. */
  inState: number;
  /** Server schedules beyond one per declared name. */
  duplicates: number;
  /** Server schedules (of the asked names) that no state resource points at. */
  orphans: number;
  /** State resources whose schedule is not on the server. */
  dangling: number;
}

/** Compares the simulator with the stack's state for these schedule names. */
export function convergence(
  server: Pick<StoredSchedule, "name" | "scheduleUuid">[],
  state: StateDeployment,
  names: string[],
): Convergence {
  const wanted = new Set(names);
  const mine = server.filter((s) => wanted.has(s.name));
  const onServer: Record<string, number> = {};
  for (const n of names) onServer[n] = 0;
  for (const s of mine) onServer[s.name] = (onServer[s.name] ?? 0) + 1;
  const resources = dynamicResources(state);
  const stateIds = new Set(resources.map((r) => (r.id ?? "").split("/").pop()));
  const serverIds = new Set(mine.map((s) => s.scheduleUuid));
  return {
    onServer,
    inState: resources.length,
    duplicates: Object.values(onServer).reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    orphans: mine.filter((s) => !stateIds.has(s.scheduleUuid)).length,
    dangling: [...stateIds].filter((id) => id === undefined || !serverIds.has(id)).length,
  };
}

/** One row of the fault table (docs/faults.md), printed by the test that measured it. */
export function tableRow(cells: {
  scenario: string;
  api: string;
  server: number;
  state: number;
  duplicates: number;
}): void {
  console.log(
    `FAULT-TABLE | ${cells.scenario} | ${cells.api} | ${cells.server} | ${cells.state} | ${cells.duplicates} |`,
  );
}

/**
 * Starts `pulumi up` as a user would and SIGKILLs it once the simulator holds `after` schedules (with
 * some latency, so that creates are in flight). Returns how many schedules the simulator then holds.
 */
export async function upKilledMidway(
  sim: RunningSimulator,
  ps: ProgramStack,
  after: number,
): Promise<number> {
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  sim.control.configure({ latencyMs: 150 });
  const child = spawn(
    path.join(PULUMI_ROOT, "bin", "pulumi"),
    ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", ps.stack.name],
    { cwd: ps.projectDir, env: { ...process.env, ...ps.env }, stdio: "ignore" },
  );
  const exited = new Promise((resolve) => child.on("exit", resolve));
  const t0 = Date.now();
  while (sim.control.schedules().length < after && Date.now() - t0 < 60_000) await sleep(10);
  const plugins = descendants(child.pid!);
  child.kill("SIGKILL");
  await exited;
  sim.control.configure({ latencyMs: 0 });
  // Requests the killed provider had already sent finish on the server.
  await sleep(500);
  // The SDK's dynamic-provider plugin, orphaned by the kill, has no health check and would linger
  // (the CLI starts plugins in process groups of their own): end what the killed run had started.
  for (const pid of plugins) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // Already gone.
    }
  }
  return sim.control.schedules().length;
}
