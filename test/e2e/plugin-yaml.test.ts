/**
 * The provider plugin through the real `pulumi` CLI and the YAML language host, against the simulator,
 * with the plugin of the packed package as a user installs it: a registry and two schedules that take
 * its ID, from preview to destroy, native import and an explicit provider (docs/languages.md).
 */
import {
  DEMO_PASSWORD,
  DEMO_REGISTRY_ID,
  DEMO_USERNAME,
  startSimulator,
  type RunningSimulator,
} from "../simulator";
import { classify } from "../harness/api-calls";
import { createProgramStack, writeYamlProgram, type ProgramStack } from "../harness/stack";
import { useSimulator } from "../harness/use-simulator";
import {
  dailyYaml,
  pluginConfig,
  pluginResources,
  registryProgram,
  type YamlSchedule,
} from "../harness/yaml-programs";

const HUB_PASSWORD = "hub-password-1";
const ROTATED = "hub-password-2";
const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;

const { sim, track } = useSimulator();
let ps: ProgramStack;

const weekly: YamlSchedule = {
  name: "weekly",
  properties: { repo: ["team/web"], scheduleScanIntervalInDays: 7, weekDay: "Monday", schedule: "02:00" },
};
let schedules: YamlSchedule[] = [dailyYaml("nightly"), weekly];
let extraResources: Record<string, unknown> = {};

/** Rewrites the program with the current schedules and extra resources. */
function program(): void {
  writeYamlProgram(ps.projectDir, "qualys-e2e", registryProgram(schedules, { resources: extraResources }));
}
const cli = async (...args: string[]) => {
  const res = await ps.run(args);
  return { ...res, out: res.stdout + res.stderr };
};
const apiRequests = () =>
  sim()
    .control.requests()
    .filter((r) => classify(r) !== "other");
const ourRegistry = () =>
  sim()
    .control.registries()
    .find((r) => r.registryUri === "https://registry-1.docker.io");
const ourSchedules = () => {
  const reg = ourRegistry();
  return reg ? sim().control.schedules(reg.registryUuid) : [];
};
const named = (name: string) => {
  const found = ourSchedules().filter((s) => s.name === name);
  expect(found).toHaveLength(1);
  return found[0]!;
};

beforeAll(async () => {
  ps = track(
    await createProgramStack({
      yamlProgram: registryProgram(schedules),
      config: { ...pluginConfig(sim().url), hubPassword: { value: HUB_PASSWORD, secret: true } },
    }),
  );
});

describe("preview checks every rule before any API call", () => {
  test("a bad value fails preview naming the property and the rule, with no API call", async () => {
    sim().control.clearRequests();
    schedules = [dailyYaml("nightly", "25:99"), weekly];
    program();
    const res = await cli("preview");
    expect(res.code).not.toBe(0);
    expect(res.out).toContain(
      "qualys-cs:index:RegistryScanSchedule resource 'nightly': property schedule value {25:99} has a problem:",
    );
    expect(apiRequests()).toEqual([]);
  });

  test("a wrong type and an unknown property are refused by the schema, before check", async () => {
    schedules = [
      dailyYaml("nightly"),
      { ...weekly, properties: { ...weekly.properties, scheduleScanIntervalInDays: "weekly" } },
      { name: "typo", properties: { ...dailyYaml("typo").properties, repos: ["team/x"] } },
    ];
    program();
    const res = await cli("preview");
    expect(res.code).not.toBe(0);
    expect(res.out).toMatch(/scheduleScanIntervalInDays[^\n]*Cannot assign type 'string' to type 'integer'/);
    expect(res.out).toContain("Property repos does not exist on 'qualys-cs:index:RegistryScanSchedule'");
    expect(apiRequests()).toEqual([]);
  });
});

describe("the lifecycle", () => {
  test("up creates the registry and the two schedules that take its ID", async () => {
    schedules = [dailyYaml("nightly"), weekly];
    program();
    const res = await cli("up", "--yes", "--skip-preview");
    expect(res.code).toBe(0);
    expect(
      ourSchedules()
        .map((s) => s.name)
        .sort(),
    ).toEqual(["nightly", "weekly"]);
    expect((await ps.stack.outputs()).registryId?.value).toBe(ourRegistry()?.registryUuid);
  });

  test("a second preview shows no changes", async () => {
    expect((await ps.stack.preview()).changeSummary).toEqual({ same: 4 });
  });

  test("an in-place update changes the same schedule", async () => {
    const before = named("nightly").scheduleUuid;
    schedules = [dailyYaml("nightly", "20:45"), weekly];
    program();
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ same: 3, update: 1 });
    expect(named("nightly").scheduleUuid).toBe(before);
    expect(named("nightly").schedule).toBe("20:45");
  });

  test("a change of repo replaces the schedule", async () => {
    const before = named("nightly").scheduleUuid;
    schedules = [dailyYaml("nightly", "20:45", ["team/api", "team/worker"]), weekly];
    program();
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ same: 3, replace: 1 });
    expect(named("nightly").scheduleUuid).not.toBe(before);
  });

  test("a password rotation updates the registry, and no password is in the state in plain text", async () => {
    await ps.stack.setConfig("hubPassword", { value: ROTATED, secret: true });
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ same: 3, update: 1 });
    const state = await ps.exportState();
    const text = JSON.stringify(state);
    for (const plain of [HUB_PASSWORD, ROTATED, DEMO_PASSWORD]) expect(text).not.toContain(plain);
    expect(text).not.toMatch(JWT);
    const hub = pluginResources(state).find((r) => r.type === "qualys-cs:index:Registry");
    for (const props of [hub?.inputs, hub?.outputs]) {
      expect(props?.password).toMatchObject({ ciphertext: expect.any(String) as unknown });
    }
  });
});

describe("refresh", () => {
  test("a schedule changed in the console is recorded by refresh and shown by preview", async () => {
    sim().control.patchSchedule(ourRegistry()!.registryUuid, named("weekly").scheduleUuid, {
      schedule: "03:15",
    });
    const refresh = await ps.stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1 });
    const weeklyState = pluginResources(await ps.exportState()).find((r) => r.urn.endsWith("::weekly"));
    expect(weeklyState?.outputs?.schedule).toBe("03:15");
    expect((await ps.stack.preview()).changeSummary).toMatchObject({ update: 1 });
    expect((await ps.stack.up()).summary.resourceChanges).toMatchObject({ update: 1 });
    expect(named("weekly").schedule).toBe("02:00");
  });

  test("a schedule deleted in the console is dropped by refresh and made again by up", async () => {
    sim().control.deleteSchedule(ourRegistry()!.registryUuid, named("weekly").scheduleUuid);
    const refresh = await ps.stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ delete: 1 });
    expect(pluginResources(await ps.exportState())).toHaveLength(2);
    expect((await ps.stack.up()).summary.resourceChanges).toMatchObject({ create: 1 });
    named("weekly");
  });
});

describe("native pulumi import", () => {
  test("adopts a console schedule by ID; the program declaring it then previews clean", async () => {
    const registryId = ourRegistry()!.registryUuid;
    const made = sim().control.createSchedule(registryId, {
      name: "legacy",
      onDemand: false,
      forceScan: false,
      scheduleScanIntervalInDays: 1,
      weekDay: null,
      schedule: "05:00",
      additionalFilters: null,
      registryType: "DockerHub",
      filters: [{ repoTags: [{ repo: "team/legacy", tag: null }], days: null }],
    });
    const id = `${registryId}/${made.scheduleUuid}`;
    const res = await cli(
      "import",
      "qualys-cs:index:RegistryScanSchedule",
      "legacy",
      id,
      "--yes",
      "--protect=false",
    );
    expect(res.code).toBe(0);
    expect(res.out).toContain("1 imported");
    const imported = pluginResources(await ps.exportState()).find((r) => r.urn.endsWith("::legacy"));
    expect(imported?.id).toBe(id);
    expect(imported?.inputs).toMatchObject({ name: "legacy", repo: ["team/legacy"], schedule: "05:00" });

    schedules = [
      ...schedules,
      {
        name: "legacy",
        properties: { registryId, ...dailyYaml("legacy", "05:00", ["team/legacy"]).properties },
      },
    ];
    program();
    expect((await ps.stack.preview()).changeSummary).toEqual({ same: 5 });
    expect(
      sim()
        .control.schedules(registryId)
        .filter((s) => s.name === "legacy"),
    ).toHaveLength(1);
  });
});

describe("an explicit provider", () => {
  let other: RunningSimulator;
  beforeAll(async () => {
    other = await startSimulator();
  });
  afterAll(async () => {
    await other.close();
  });

  test("takes its own settings: its schedule goes to its own gateway", async () => {
    extraResources = {
      elsewhere: {
        type: "pulumi:providers:qualys-cs",
        properties: {
          gatewayUrl: other.url,
          username: DEMO_USERNAME,
          password: { "fn::secret": DEMO_PASSWORD },
        },
      },
      remote: {
        type: "qualys-cs:index:RegistryScanSchedule",
        properties: { registryId: DEMO_REGISTRY_ID, ...dailyYaml("remote").properties },
        options: { provider: "${elsewhere}" },
      },
    };
    program();
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toMatchObject({ create: 2 });
    expect(other.control.schedules(DEMO_REGISTRY_ID).map((s) => s.name)).toEqual(["remote"]);
    expect(
      sim()
        .control.schedules(DEMO_REGISTRY_ID)
        .filter((s) => s.name === "remote"),
    ).toHaveLength(0);
    expect(JSON.stringify(await ps.exportState())).not.toContain(DEMO_PASSWORD);
  });

  test("destroy leaves nothing behind, on either gateway", async () => {
    const res = await cli("destroy", "--yes", "--skip-preview");
    expect(res.code).toBe(0);
    expect(ourRegistry()).toBeUndefined();
    expect(other.control.schedules(DEMO_REGISTRY_ID)).toEqual([]);
    expect(pluginResources(await ps.exportState())).toEqual([]);
  });
});
