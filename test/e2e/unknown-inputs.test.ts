/**
 * Values unknown at preview (outputs of resources not created yet) skip the rules that depend on them
 * (pulumi-notes §1 item 4); once known, the same rules apply at `up`.
 */
import { DEMO_REGISTRY_ID } from "../simulator";
import { qualysConfig } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { REPO_ROOT, createProgramStack, type ProgramStack } from "../harness/stack";
import * as path from "node:path";

const { sim, track } = useSimulator();
let ps: ProgramStack;

beforeAll(async () => {
  ps = track(
    await createProgramStack({
      programDir: path.join(REPO_ROOT, "test", "e2e", "programs", "unknown-inputs"),
      config: { ...qualysConfig(sim().url), "qualys-e2e:registryId": { value: DEMO_REGISTRY_ID } },
    }),
  );
});

describe("unknown inputs during preview", () => {
  test("preview passes with registryId and the interval unknown, and writes nothing", async () => {
    sim().control.clearRequests();
    const res = await ps.stack.preview();
    expect(res.changeSummary).toEqual({ create: 3 });
    // The engine previews the stand-in registry's outputs from its inputs, so the registry ID reaches the
    // schedule's check, whose repository check (docs/repositories.md) reads the list: the only call.
    expect(
      sim()
        .control.requests()
        .map((r) => `${r.method} ${r.path}`),
    ).toEqual(["POST /auth", `GET /csapi/v1.3/registry/${DEMO_REGISTRY_ID}/repository`]);
  });

  test("up resolves them and creates the weekly schedule with the canonical weekDay", async () => {
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ create: 3 });
    const [s] = sim().control.schedules(DEMO_REGISTRY_ID);
    expect(s).toMatchObject({ scheduleScanIntervalInDays: 7, weekDay: "MONDAY" });
    await ps.stack.destroy();
    expect(sim().control.schedules(DEMO_REGISTRY_ID)).toEqual([]);
  });
});
