/**
 * An interrupted run through the real `pulumi` CLI: what `pulumi up` of 20 schedules killed (SIGKILL)
 * midway leaves behind, and why a user must not simply run `pulumi up` again. The CLI (3.259) leaves
 * the stack locked and the interrupted creates as pending operations without IDs; a non-interactive
 * refresh keeps them, and a plain `pulumi up` creates them again (duplicates). What converges, the
 * `recover` command, is proven in recover.test.ts.
 */
import { DEMO_REGISTRY_ID } from "../simulator";
import { convergence, upKilledMidway } from "../harness/fault-scenarios";
import { dailySchedules } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { dynamicResources, type ProgramStack } from "../harness/stack";

const COUNT = 20;

const { sim, schedulesStack } = useSimulator();
let ps: ProgramStack;

test("11, the trap: the lock stays, refresh keeps the pending creates, a plain up duplicates them", async () => {
  const declared = dailySchedules("trap", COUNT);
  ps = await schedulesStack(declared);
  const killedAt = await upKilledMidway(sim(), ps, 6);
  expect(killedAt).toBeLessThan(COUNT);
  const interrupted = await ps.exportState();
  const pending = (interrupted.deployment.pending_operations ?? []).filter((op) => op.type === "creating");
  const unrecorded = killedAt - dynamicResources(interrupted).length;
  expect(pending.length).toBeGreaterThan(0);
  expect(unrecorded).toBeGreaterThan(0);

  // The killed CLI left its lock behind.
  const locked = await ps.run(["refresh", "--yes", "--skip-preview"]);
  expect(locked.code).not.toBe(0);
  expect(locked.stdout + locked.stderr).toContain("the stack is currently locked");
  expect((await ps.run(["cancel", "--yes"])).code).toBe(0);

  // A non-interactive refresh does not resolve pending creates.
  expect((await ps.run(["refresh", "--yes", "--skip-preview"])).code).toBe(0);
  expect((await ps.exportState()).deployment.pending_operations?.length).toBe(pending.length);

  const res = await ps.run(["up", "--yes", "--skip-preview"]);
  // The CLI warns about the pending creates, then creates every resource not in state.
  expect(res.stdout + res.stderr).toContain("interrupted while creating");
  const c = convergence(
    sim().control.schedules(DEMO_REGISTRY_ID),
    await ps.exportState(),
    declared.map((d) => d.name),
  );
  expect(c.duplicates).toBeGreaterThan(0);
  expect(c.duplicates).toBeLessThanOrEqual(unrecorded);
  console.log(
    `trap: ${unrecorded} schedules unrecorded at the kill; a plain up then made ${c.duplicates} duplicates`,
  );
});
