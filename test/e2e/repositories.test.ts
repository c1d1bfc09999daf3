/**
 * A schedule's repositories against what its registry holds, and a tag per repository, with the real
 * `pulumi` CLI and the installed package against the simulator (docs/repositories.md): a typo fails
 * `pulumi preview` with its suggestion and nothing written; a repository not pushed yet is accepted the
 * documented way (pendingRepositories); a console schedule with two repositories and two tags is
 * imported, previews clean, updates in place and is destroyed; a repository list that cannot be read
 * never blocks a preview, which says why nothing was checked.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { DEMO_PASSWORD, DEMO_REGISTRY_ID, DEMO_REGISTRY_TYPE, DEMO_USERNAME } from "../simulator";
import { command, pulumiImport, writes } from "../harness/import-command";
import { declare, qualysConfig, type Declared } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { REPO_ROOT, createProgramStack, dynamicResources, type ProgramStack } from "../harness/stack";

const R = DEMO_REGISTRY_ID;
const IMPORT_PROGRAM = path.join(REPO_ROOT, "test", "e2e", "programs", "import");

const { sim, track, schedulesStack } = useSimulator({
  registries: [{ id: R, type: DEMO_REGISTRY_TYPE, repositories: ["team/api", "team/worker", "team/web"] }],
});

/** A daily schedule of these repositories in the demo registry. */
const dailyOf = (name: string, args: Record<string, unknown>): Declared => ({
  name,
  args: { registryId: R, scheduleScanIntervalInDays: 1, schedule: "19:30", ...args },
});

const repositoryListings = () =>
  sim()
    .control.requests()
    .filter((r) => r.path.endsWith("/repository"));

describe("a repository name the registry does not hold", () => {
  let ps: ProgramStack;
  beforeAll(async () => {
    ps = await schedulesStack([dailyOf("typo", { repo: ["team/apii", "team/worker"] })]);
  });

  test("a typo fails preview with the closest name, and nothing is written", async () => {
    sim().control.clearRequests();
    const res = await ps.run(["preview"]);
    console.log(`preview with a typo:\n${res.stdout}${res.stderr}`);
    expect(res.code).not.toBe(0);
    expect(res.stdout + res.stderr).toContain(
      `repo names "team/apii", which registry ${R} does not hold (it lists 3 repositories): did you mean "team/api"?`,
    );
    expect(writes(sim().control.requests())).toEqual([]);
    expect(repositoryListings()).toHaveLength(1);
    expect(sim().control.schedules(R)).toEqual([]);
  });

  test("a repository to be pushed later is accepted once listed in pendingRepositories", async () => {
    await ps.setEnv(
      declare([
        dailyOf("pending", { repo: ["team/api", "team/api2"] }),
        dailyOf("accepted", { repo: ["team/api", "team/api2"], pendingRepositories: ["team/api2"] }),
      ]),
    );
    const refused = await ps.run(["preview"]);
    expect(refused.code).not.toBe(0);
    expect(refused.stdout + refused.stderr).toContain('did you mean "team/api"?');
    expect(refused.stdout + refused.stderr).toContain("list it in pendingRepositories");

    await ps.setEnv(
      declare([dailyOf("accepted", { repo: ["team/api", "team/api2"], pendingRepositories: ["team/api2"] })]),
    );
    sim().control.clearRequests();
    const up = await ps.run(["up", "--yes"]);
    console.log(`up with pendingRepositories:\n${up.stdout}${up.stderr}`);
    expect(up.code).toBe(0);
    expect(
      sim()
        .control.schedules(R)
        .map((s) => s.filters[0]?.repoTags.map((t) => t.repo)),
    ).toEqual([["team/api", "team/api2"]]);
    // Dropping pendingRepositories once the repository is pushed changes the stack only: no API call.
    sim().control.addRepositories(R, ["team/api2"]);
    await ps.setEnv(declare([dailyOf("accepted", { repo: ["team/api", "team/api2"] })]));
    sim().control.clearRequests();
    const drop = await ps.run(["up", "--yes", "--skip-preview"]);
    expect(drop.code).toBe(0);
    expect(drop.stdout).toMatch(/1 updated/);
    expect(
      sim()
        .control.requests()
        .filter((r) => r.path !== "/auth"),
    ).toEqual([]);
  });

  test("a name with no close listed one is a warning: preview and up go on", async () => {
    await ps.setEnv(declare([dailyOf("ledger", { repo: ["payments/ledger"] })]));
    const res = await ps.run(["preview"]);
    console.log(`preview of a repository not pushed yet:\n${res.stdout}${res.stderr}`);
    expect(res.code).toBe(0);
    expect(res.stdout + res.stderr).toContain(
      `repository "payments/ledger" is not among the 4 repositories registry ${R} lists`,
    );
  });

  afterAll(async () => {
    await ps.setEnv(declare([]));
    await ps.run(["up", "--yes", "--skip-preview"]);
  });
});

describe("the repository list cannot be read", () => {
  test("preview still works, and says why nothing was checked", async () => {
    const ps = await schedulesStack([dailyOf("unchecked", { repo: ["team/apii"] })]);
    sim().control.injectFault({ path: "/repository$", kind: "status", status: 403, times: 10 });
    try {
      sim().control.clearRequests();
      const res = await ps.run(["preview"]);
      console.log(`preview with the repository list forbidden:\n${res.stdout}${res.stderr}`);
      expect(res.code).toBe(0);
      expect(res.stdout + res.stderr).toContain("were not checked against the registry");
      expect(res.stdout + res.stderr).toContain("403");
      expect(res.stdout + res.stderr).toContain("Nothing was blocked");
      expect(writes(sim().control.requests())).toEqual([]);
    } finally {
      sim().control.clearFaults();
    }
  });
});

describe("a console schedule with two repositories and two tags", () => {
  let ps: ProgramStack;
  let env: Record<string, string>;
  let uuid: string;
  const codePath = () => path.join(ps.projectDir, "qualys-schedules.ts");

  beforeAll(async () => {
    uuid = sim().control.createSchedule(R, {
      name: "console-two-tags",
      onDemand: false,
      forceScan: false,
      filters: [
        {
          repoTags: [
            { repo: "team/api", tag: "v1\\..*" },
            { repo: "team/worker", tag: "latest" },
          ],
          days: null,
        },
      ],
      scheduleScanIntervalInDays: 1,
      schedule: "02:00",
      weekDay: null,
      additionalFilters: null,
    }).scheduleUuid;
    ps = track(
      await createProgramStack({
        programDir: IMPORT_PROGRAM,
        config: qualysConfig(sim().url),
        env: declare([]),
      }),
    );
    env = {
      ...(process.env as Record<string, string>),
      ...ps.env,
      QUALYS_GATEWAY_URL: sim().url,
      QUALYS_USERNAME: DEMO_USERNAME,
      QUALYS_PASSWORD: DEMO_PASSWORD,
    };
  });

  test("is imported with a tag per repository", async () => {
    const res = await command(["import", `${R}/${uuid}`, "--protect=false"], ps.projectDir, env);
    expect(res.code).toBe(0);
    const code = fs.readFileSync(codePath(), "utf8");
    console.log(`generated code:\n${code}`);
    expect(code).toContain("repositories: [");
    expect(code).toContain('repo: "team/api",');
    expect(code).toContain('tag: "v1\\\\..*",');
    expect(code).toContain('tag: "latest",');
    expect(code).not.toMatch(/^\s+repo: \[/m);
    const imported = await pulumiImport(ps, "pulumi import --file");
    expect(imported.code).toBe(0);
    expect(dynamicResources(await ps.exportState())[0]?.inputs?.repositories).toEqual([
      { repo: "team/api", tag: "v1\\..*" },
      { repo: "team/worker", tag: "latest" },
    ]);
  });

  test("previews clean, without a call to Qualys", async () => {
    sim().control.clearRequests();
    const res = await ps.run(["preview", "--expect-no-changes"]);
    console.log(`preview after the import:\n${res.stdout}${res.stderr}`);
    expect(res.code).toBe(0);
    expect(sim().control.requests()).toEqual([]);
  });

  test("an in-place update keeps both tags (one PUT)", async () => {
    fs.writeFileSync(
      codePath(),
      fs.readFileSync(codePath(), "utf8").replace('schedule: "02:00"', 'schedule: "03:15"'),
    );
    sim().control.clearRequests();
    const res = await ps.run(["up", "--yes", "--skip-preview"]);
    expect(res.code).toBe(0);
    expect(writes(sim().control.requests()).map((r) => r.method)).toEqual(["PUT"]);
    expect(
      sim()
        .control.schedules(R)
        .find((s) => s.scheduleUuid === uuid),
    ).toMatchObject({
      schedule: "03:15",
      filters: [
        {
          repoTags: [
            { repo: "team/api", tag: "v1\\..*" },
            { repo: "team/worker", tag: "latest" },
          ],
        },
      ],
    });
    const refresh = await ps.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
    expect(refresh.code).toBe(0);
  });

  test("is destroyed", async () => {
    expect((await ps.run(["destroy", "--yes", "--skip-preview"])).code).toBe(0);
    expect(
      sim()
        .control.schedules(R)
        .find((s) => s.scheduleUuid === uuid),
    ).toBeUndefined();
  });
});
