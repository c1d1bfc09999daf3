/**
 * Stacks of the acceptance tests: the end-to-end harness's projects (real CLI, package installed from its
 * tarball), pointed at the run's recording proxy, and always destroyed afterwards.
 */
import { qqlTerm, type WireSchedule } from "../../provider/schedule/wire";
import type { ScheduleApi } from "../../provider/schedule/api";
import { declare, type Declared } from "../harness/programs";
import { createProgramStack, type ProgramStack } from "../harness/stack";
import { first } from "../harness/assert";
import { stackConfig, type RunContext } from "./tenant";

/** A repository name for the schedules the tests make (Qualys does not require it to hold images). */
export const ACCEPTANCE_REPO = "pulumi-qualys-cs-acceptance/app";

/** A stack of `programDir` declaring `schedules`, configured for the run's gateway. */
export function acceptanceStack(
  run: RunContext,
  programDir: string,
  schedules: Declared[],
): Promise<ProgramStack> {
  return createProgramStack({
    programDir,
    project: "qualys-acceptance",
    config: stackConfig(run),
    env: declare(schedules),
  });
}

/**
 * Destroys the stack (deleting what it holds in Qualys) and removes its directories. Best effort: the
 * run's global teardown deletes whatever still carries the run prefix.
 */
export async function destroyStack(ps: ProgramStack | undefined): Promise<void> {
  if (!ps) return;
  try {
    await ps.stack.destroy();
  } catch (err) {
    console.error(`destroy failed (the run's clean-up deletes what is left): ${String(err)}`);
  }
  await ps.dispose();
}

/** The tenant's schedules in the registry named exactly `name` (the name filter is not relied on to be exact). */
export async function schedulesNamed(
  api: ScheduleApi,
  registryId: string,
  name: string,
): Promise<WireSchedule[]> {
  return (await api.listSchedules(registryId, qqlTerm("name", name))).filter((s) => s.name === name);
}

/** The one schedule of that name (fails the test when there are none or several). */
export async function onlyScheduleNamed(
  api: ScheduleApi,
  registryId: string,
  name: string,
): Promise<WireSchedule> {
  const found = await schedulesNamed(api, registryId, name);
  expect(found).toHaveLength(1);
  return first(found, `a schedule named ${name}`);
}
