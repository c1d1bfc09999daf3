/**
 * A schedule made outside Pulumi (here with the API, as the console would) is brought under management
 * with the package's `import` command and `pulumi import --file`, without being recreated: the first
 * preview and a refresh show no change, and destroy deletes it.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { toWireBody } from "../../provider/schedule/wire";
import { dynamicResources, REPO_ROOT, runPackageCommand, type ProgramStack } from "../harness/stack";
import { ACCEPTANCE_REPO, acceptanceStack, destroyStack, schedulesNamed } from "./stacks";
import { commandEnv, runContext, tenantApi } from "./tenant";

const IMPORT_PROGRAM = path.join(REPO_ROOT, "test", "e2e", "programs", "import");

const run = runContext();
const api = tenantApi(run);
const name = `${run.prefix}console-weekly`;
let scheduleId: string;
let ps: ProgramStack;

beforeAll(async () => {
  const registryType = await api.registryType(run.registryId);
  scheduleId = await api.createSchedule(
    run.registryId,
    toWireBody(
      {
        registryId: run.registryId,
        name,
        onDemand: false,
        repo: [ACCEPTANCE_REPO],
        tag: ".*",
        days: 14,
        forceScan: false,
        scheduleScanIntervalInDays: 7,
        weekDay: "THURSDAY",
        schedule: "06:55",
      },
      registryType,
    ),
  );
  ps = await acceptanceStack(run, IMPORT_PROGRAM, []);
});
afterAll(async () => {
  await destroyStack(ps);
  api.client.close();
});

describe("pulumi-qualys-cs import", () => {
  test("reads the schedule and writes its declaration and the import file", async () => {
    const res = await runPackageCommand(
      ["import", "--registry", run.registryId, "--name", `${run.prefix}console-*`, "--protect=false"],
      ps.projectDir,
      { ...process.env, ...ps.env, ...commandEnv(run) },
    );
    expect(res.stderr).toContain("Read 1 schedule from Qualys");
    expect(res.code).toBe(0);
    const file = JSON.parse(fs.readFileSync(path.join(ps.projectDir, "qualys-import.json"), "utf8")) as {
      resources: { id: string }[];
    };
    expect(file.resources.map((r) => r.id)).toEqual([`${run.registryId}/${scheduleId}`]);
  });
});

describe("pulumi import --file", () => {
  test("adopts the schedule without recreating it", async () => {
    const res = await ps.run([
      "import",
      "--file",
      "qualys-import.json",
      "--protect=false",
      "--generate-code=false",
      "--yes",
    ]);
    expect(res.stdout).toMatch(/= 1 imported/);
    expect(res.code).toBe(0);
    expect(dynamicResources(await ps.exportState()).map((r) => r.id)).toEqual([
      `${run.registryId}/${scheduleId}`,
    ]);
  });

  test("the first preview shows no changes", async () => {
    expect((await ps.stack.preview()).changeSummary).toEqual({ same: 2 });
  });

  test("a refresh is clean", async () => {
    expect((await ps.stack.refresh()).summary.resourceChanges).toEqual({ same: 2 });
  });
});

describe("destroy of the imported schedule", () => {
  test("deletes it from Qualys", async () => {
    const res = await ps.stack.destroy();
    expect(res.summary.resourceChanges).toEqual({ delete: 2 });
    expect(await schedulesNamed(api, run.registryId, name)).toEqual([]);
  });
});
