/**
 * `pulumi-qualys-cs recover` with the real `pulumi` CLI: `pulumi up` of 20 schedules is killed (SIGKILL)
 * midway (what the kill leaves is shown in faults-interrupt.test.ts); then the installed command repairs the stack (refusing first
 * while the killed run's lock is there), and `pulumi refresh` and `pulumi up` converge on exactly 20
 * schedules, no duplicates, 20 resources in state and a preview without changes. The command only
 * reads from Qualys.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";

import { DEMO_PASSWORD, DEMO_REGISTRY_ID } from "../simulator";
import type { LoggedRequest } from "../simulator";
import { convergence, tableRow, upKilledMidway } from "../harness/fault-scenarios";
import { dailySchedules } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { dynamicResources, type ProgramStack } from "../harness/stack";

const COUNT = 20;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

const { sim, schedulesStack } = useSimulator();
let ps: ProgramStack | undefined;

/** Requests that are neither a GET nor the /auth POST. */
const writes = (log: LoggedRequest[]) =>
  log.filter((r) => !(r.method === "GET" || (r.method === "POST" && r.path === "/auth")));

/** The installed command, run as `npx pulumi-qualys-cs` runs it, with the project's environment. */
function recover(stack: ProgramStack, args: string[]): Promise<Run> {
  const main = path.join(
    stack.projectDir,
    "node_modules",
    "pulumi-qualys-cs",
    "dist",
    "provider",
    "cli",
    "main.js",
  );
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [main, "recover", "--stack", stack.stack.name, ...args],
      { cwd: stack.projectDir, env: { ...process.env, ...stack.env } },
      (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

test("up of 20 killed midway: recover, refresh, up give exactly 20 schedules, no duplicates, no changes", async () => {
  const declared = dailySchedules("rec", COUNT);
  const names = declared.map((d) => d.name);
  ps = await schedulesStack(declared);

  const killedAt = await upKilledMidway(sim(), ps, 8);
  expect(killedAt).toBeGreaterThanOrEqual(8);
  expect(killedAt).toBeLessThan(COUNT);
  const interrupted = await ps.exportState();
  const pending = (interrupted.deployment.pending_operations ?? []).filter((op) => op.type === "creating");
  const recordedAtKill = dynamicResources(interrupted).length;
  // Schedules Qualys made but the state does not know; the twists below need two.
  const unrecorded = killedAt - recordedAtKill;
  expect(unrecorded).toBeGreaterThanOrEqual(2);

  // The killed run left its lock: the command says how to lift it and changes nothing.
  const locked = await recover(ps, ["--yes"]);
  expect(locked.code).toBe(1);
  expect(locked.stderr).toContain(`pulumi cancel --yes --stack ${ps.stack.name}`);
  expect(await ps.exportState()).toEqual(interrupted);
  expect((await ps.run(["cancel", "--yes"])).code).toBe(0);

  // A dry run prints the plan and changes nothing.
  const dry = await recover(ps, ["--dry-run"]);
  expect(dry.code).toBe(0);
  expect(dry.stdout).toContain("Dry run: the stack was not changed.");
  expect(await ps.exportState()).toEqual(interrupted);

  // Two twists on what the kill left: one create never reached Qualys (its schedule is removed, as if
  // the POST was lost), and another name got a second schedule (made in the console meanwhile).
  const onServer = new Set(
    sim()
      .control.schedules(DEMO_REGISTRY_ID)
      .map((s) => s.name),
  );
  const committed = pending.map((op) => String(op.resource.inputs?.name)).filter((n) => onServer.has(n));
  const nameOf = (i: number) => committed[i];
  const lost = sim()
    .control.schedules(DEMO_REGISTRY_ID)
    .find((s) => s.name === nameOf(0));
  if (!lost) throw new Error(`no schedule ${nameOf(0)} on the server`);
  sim().control.deleteSchedule(DEMO_REGISTRY_ID, lost.scheduleUuid);
  const extra = sim().control.createSchedule(DEMO_REGISTRY_ID, {
    name: nameOf(1),
    onDemand: false,
    forceScan: false,
    filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
    scheduleScanIntervalInDays: 1,
    weekDay: null,
    schedule: "19:30",
    additionalFilters: null,
    registryType: "DockerHub",
  });

  sim().control.clearRequests();
  const first = await recover(ps, ["--yes"]);
  console.log(`pulumi-qualys-cs recover (ambiguous):\n${first.stdout}${first.stderr}`);
  expect(first.stderr).toBe("");
  // Exit code 1 and nothing written: `pulumi stack import` would drop the ambiguous pending create.
  expect(first.code).toBe(1);
  expect(writes(sim().control.requests())).toEqual([]);
  expect(first.stdout).toMatch(new RegExp(`${nameOf(0)} +nothing was created`));
  expect(first.stdout).toMatch(new RegExp(`${nameOf(1)} +ambiguous: .*${extra.scheduleUuid}`));
  expect(first.stdout).toContain("nothing is written");
  expect(await ps.exportState()).toEqual(interrupted);

  // The user deletes the extra schedule in Qualys and runs the command again.
  sim().control.deleteSchedule(DEMO_REGISTRY_ID, extra.scheduleUuid);
  sim().control.clearRequests();
  const res = await recover(ps, ["--yes"]);
  const log = sim().control.requests();
  console.log(`pulumi-qualys-cs recover:\n${res.stdout}${res.stderr}`);
  expect(res.stderr).toBe("");
  expect(res.code).toBe(0);
  expect(log.length).toBeGreaterThan(0);
  expect(writes(log)).toEqual([]);
  expect(first.stdout + first.stderr + res.stdout + res.stderr).not.toContain(DEMO_PASSWORD);
  expect(res.stdout).toMatch(new RegExp(`${nameOf(1)} +adopt `));
  const adopted = (res.stdout.match(/ adopt /g) ?? []).length;
  const dropped = (res.stdout.match(/nothing was created/g) ?? []).length;
  // Every schedule Qualys had at the kill but the state did not know was adopted, but the lost one; the
  // pending creates whose POST never left (if any) and the lost one were dropped.
  expect(adopted).toBe(unrecorded - 1);
  expect(dropped).toBe(pending.length - unrecorded + 1);

  const recovered = await ps.exportState();
  expect(recovered.deployment.pending_operations ?? []).toEqual([]);
  expect(dynamicResources(recovered)).toHaveLength(killedAt - 1);
  expect(sim().control.schedules()).toHaveLength(killedAt - 1);

  const refresh = await ps.run(["refresh", "--yes", "--skip-preview"]);
  expect(refresh.code).toBe(0);
  const up = await ps.run(["up", "--yes", "--skip-preview"]);
  expect(up.code).toBe(0);
  const c = convergence(sim().control.schedules(), await ps.exportState(), names);
  expect(c.inState).toBe(COUNT);
  expect(Object.values(c.onServer)).toEqual(names.map(() => 1));
  expect(c).toMatchObject({ duplicates: 0, orphans: 0, dangling: 0 });
  expect(sim().control.schedules()).toHaveLength(COUNT);

  const preview = await ps.run(["preview", "--expect-no-changes"]);
  expect(preview.code).toBe(0);
  tableRow({
    scenario: "11. up of 20 killed (SIGKILL) midway, then recover, refresh, up",
    api: `${killedAt} created before the kill; ${pending.length} creates left pending`,
    server: COUNT,
    state: c.inState,
    duplicates: c.duplicates,
  });
  console.log(
    `killed with ${killedAt} schedules on the server, ${recordedAtKill} in state, ${pending.length} pending ` +
      `creates: recover adopted ${adopted} (after an ambiguity was resolved), dropped ${dropped}; after ` +
      `refresh and up: ${COUNT} schedules, 0 duplicates`,
  );
});
