/** Every program in examples/ works as a user copies it: real CLI, package from its tarball, simulator. */
import * as path from "node:path";

import { DEMO_REGISTRY_ID } from "../simulator";
import { qualysConfig } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { EXAMPLES_DIR, createProgramStack } from "../harness/stack";
import { first } from "../harness/assert";

const { sim } = useSimulator();

/** An example prints no warning (e.g. an exported output that is absent until the next read). */
function noWarning(run: { stdout: string; stderr: string }): void {
  expect(run.stdout).not.toMatch(/warning/i);
  expect(run.stderr).not.toMatch(/warning/i);
}

async function withExample<T>(
  name: string,
  fn: (ps: Awaited<ReturnType<typeof createProgramStack>>) => Promise<T>,
) {
  const ps = await createProgramStack({
    programDir: path.join(EXAMPLES_DIR, name),
    config: { ...qualysConfig(sim().url), "qualys-e2e:registryId": { value: DEMO_REGISTRY_ID } },
  });
  try {
    return await fn(ps);
  } finally {
    await ps.dispose();
  }
}

describe.each([
  [
    "daily",
    { onDemand: false, scheduleScanIntervalInDays: 1, schedule: "19:30", weekDay: null, forceScan: false },
  ],
  [
    "weekly-force-scan",
    { scheduleScanIntervalInDays: 7, weekDay: "SUNDAY", schedule: "02:00", forceScan: true },
  ],
  ["on-demand", { onDemand: true, scheduleScanIntervalInDays: null, schedule: null }],
])("examples/%s", (name, expected) => {
  test("up creates the schedule it declares, preview then shows no change, destroy removes it", async () => {
    await withExample(name, async (ps) => {
      sim().control.reset();
      const up = await ps.stack.up();
      expect(up.summary.resourceChanges).toEqual({ create: 2 });
      noWarning(up);
      const s = first(sim().control.schedules(DEMO_REGISTRY_ID), "a schedule");
      expect(s).toMatchObject(expected);
      expect(up.outputs.scheduleId?.value).toBe(s.scheduleUuid);
      expect((await ps.stack.preview()).changeSummary).toEqual({ same: 2 });
      await ps.stack.destroy();
      expect(sim().control.schedules(DEMO_REGISTRY_ID)).toEqual([]);
    });
  });
});

describe("examples/invalid-input", () => {
  test("preview fails naming weekDay and its rule, and calls nothing", async () => {
    await withExample("invalid-input", async (ps) => {
      sim().control.clearRequests();
      const message = await ps.stack.preview().then(
        () => "",
        (err: Error) => err.message,
      );
      expect(message).toContain("property weekDay value");
      expect(message).toContain("weekDay is required when scheduleScanIntervalInDays is 7");
      expect(sim().control.requests()).toEqual([]);
      console.log(
        message
          .split("\n")
          .filter((l) => l.includes("has a problem"))
          .join("\n"),
      );
    });
  });
});

describe("examples/registry-with-schedules", () => {
  test("up registers the registry and its two schedules; preview then shows no change; destroy removes all", async () => {
    const ps = await createProgramStack({
      programDir: path.join(EXAMPLES_DIR, "registry-with-schedules"),
      config: {
        ...qualysConfig(sim().url),
        "qualys-e2e:harborPassword": { value: "example-password", secret: true },
      },
    });
    try {
      sim().control.reset();
      const up = await ps.stack.up();
      expect(up.summary.resourceChanges).toEqual({ create: 4 });
      noWarning(up);
      const registry = first(
        sim()
          .control.registries()
          .filter((r) => r.origin === "api"),
        "a registry",
      );
      expect(registry).toMatchObject({ registryType: "V2_PRIVATE", registryName: "harbor-prod" });
      expect(up.outputs.registryId?.value).toBe(registry.registryUuid);
      expect(
        sim()
          .control.schedules(registry.registryUuid)
          .map((s) => s.name)
          .sort(),
      ).toEqual(["nightly-api", "weekly-all-tags"]);
      expect((await ps.stack.preview()).changeSummary).toEqual({ same: 4 });
      await ps.stack.destroy();
      expect(
        sim()
          .control.registries()
          .filter((r) => r.origin === "api"),
      ).toEqual([]);
      expect(sim().control.schedules()).toEqual([]);
    } finally {
      await ps.dispose();
    }
  });
});
