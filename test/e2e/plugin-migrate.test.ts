/**
 * Moving a TypeScript stack from the dynamic resources to the plugin's without touching Qualys
 * (docs/languages.md, "Moving a TypeScript stack to the plugin"): `plugin migrate` writes the native
 * import file from the stack's state, the dynamic resources are forgotten, the program declares the
 * plugin's resources under the same names, `pulumi import --file` adopts them by ID; the API log shows
 * reads only, and the next preview shows no change to them.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { DEMO_REGISTRY_ID } from "../simulator";
import { classify } from "../harness/api-calls";
import { daily, dailySchedules } from "../harness/programs";
import { dynamicResources, PULUMI_ROOT, runPackageCommand, writeYamlProgram } from "../harness/stack";
import { useSimulator } from "../harness/use-simulator";
import { pluginConfig, pluginResources, PLUGIN_ENTRY } from "../harness/yaml-programs";

const { sim, schedulesStack } = useSimulator();
const WRITES = new Set([
  "create",
  "update",
  "delete",
  "bulkDelete",
  "cancel",
  "registryCreate",
  "registryUpdate",
  "registryDelete",
]);

test("a stack of dynamic schedules moves to the plugin's resources with no write to Qualys", async () => {
  const declared = [...dailySchedules("moved", 2), daily("moved-late", "21:00")];
  const ps = await schedulesStack(declared);
  expect((await ps.stack.up()).summary.resourceChanges).toEqual({ create: 4 });
  const before = sim()
    .control.schedules(DEMO_REGISTRY_ID)
    .map((s) => s.scheduleUuid)
    .sort();
  sim().control.clearRequests();

  const migrate = await runPackageCommand(
    ["plugin", "migrate", "--stack", ps.stack.name, "--pulumi", path.join(PULUMI_ROOT, "bin", "pulumi")],
    ps.projectDir,
    { ...process.env, ...ps.env },
  );
  expect(migrate.stderr).toBe("");
  expect(migrate.code).toBe(0);
  const file = path.join(ps.projectDir, "qualys-plugin-import.json");
  const entries = (
    JSON.parse(fs.readFileSync(file, "utf8")) as { resources: { type: string; name: string }[] }
  ).resources;
  // In the state's order (the order of the creates), which varies from run to run.
  expect(entries.map((e) => [e.type, e.name]).sort()).toEqual(
    declared.map((d) => ["qualys-cs:index:RegistryScanSchedule", d.name]).sort(),
  );

  // The program now declares the plugin's resources, under the same names.
  writeYamlProgram(ps.projectDir, "qualys-e2e", {
    plugins: PLUGIN_ENTRY,
    resources: Object.fromEntries(
      declared.map((d) => [d.name, { type: "qualys-cs:index:RegistryScanSchedule", properties: d.args }]),
    ),
  });
  await ps.stack.setAllConfig(pluginConfig(sim().url));
  for (const r of dynamicResources(await ps.exportState())) {
    expect(migrate.stdout).toContain(`pulumi state delete '${r.urn}'`);
    expect((await ps.run(["state", "delete", r.urn, "--yes"])).code).toBe(0);
  }
  const imported = await ps.run([
    "import",
    "--file",
    file,
    "--generate-code=false",
    "--protect=false",
    "--yes",
  ]);
  expect(imported.stdout + imported.stderr).toContain("3 imported");
  expect(imported.code).toBe(0);

  const state = await ps.exportState();
  expect(dynamicResources(state)).toEqual([]);
  expect(
    pluginResources(state)
      .map((r) => (r.id ?? "").split("/")[1])
      .sort(),
  ).toEqual(before);
  const preview = await ps.stack.preview();
  // The schedules are unchanged; only the dynamic resources' default provider, now unused, would go.
  expect(preview.changeSummary.same).toBe(4);
  expect(Object.keys(preview.changeSummary).filter((k) => k !== "same" && k !== "delete")).toEqual([]);
  expect(
    sim()
      .control.requests()
      .filter((r) => WRITES.has(classify(r))),
  ).toEqual([]);
  expect(
    sim()
      .control.schedules(DEMO_REGISTRY_ID)
      .map((s) => s.scheduleUuid)
      .sort(),
  ).toEqual(before);

  // From now on the plugin runs them: destroy deletes them at Qualys.
  expect((await ps.run(["destroy", "--yes", "--skip-preview"])).code).toBe(0);
  expect(
    sim()
      .control.schedules(DEMO_REGISTRY_ID)
      .filter((s) => s.name.startsWith("moved")),
  ).toEqual([]);
});
