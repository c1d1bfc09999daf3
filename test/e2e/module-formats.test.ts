/**
 * The package as JavaScript users load it, through the real CLI: a plain CommonJS program (`require`)
 * and an ES-module program (`"type": "module"`, `import { … } from "pulumi-qualys-cs"`) each create a
 * schedule, preview it unchanged and destroy it.
 */
import * as path from "node:path";

import { DEMO_REGISTRY_ID } from "../simulator";
import { daily, declare, qualysConfig } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { REPO_ROOT, createProgramStack, type ProgramStack } from "../harness/stack";
import { first } from "../harness/assert";

const programs = path.join(REPO_ROOT, "test", "e2e", "programs");

const { sim, track } = useSimulator();
describe.each([
  ["a plain CommonJS JavaScript program", "commonjs"],
  ["an ES-module program", "esm"],
])("%s", (_title, program) => {
  let ps: ProgramStack;
  const name = `${program}-nightly`;
  const ours = () =>
    sim()
      .control.schedules(DEMO_REGISTRY_ID)
      .filter((s) => s.name === name);

  beforeAll(async () => {
    ps = track(
      await createProgramStack({
        programDir: path.join(programs, program),
        config: qualysConfig(sim().url),
        env: declare([daily(name)]),
      }),
    );
  });

  test("up creates its schedule and exports its ID", async () => {
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ create: 2 });
    expect(ours()).toHaveLength(1);
    expect(res.outputs.scheduleIds?.value).toEqual({ [name]: first(ours(), "a schedule").scheduleUuid });
  });

  test("a second preview shows no changes", async () => {
    const res = await ps.stack.preview();
    expect(res.changeSummary).toEqual({ same: 2 });
  });

  test("destroy deletes the schedule", async () => {
    await ps.stack.destroy();
    expect(ours()).toEqual([]);
  });
});
