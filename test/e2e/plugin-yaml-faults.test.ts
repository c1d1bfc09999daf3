/**
 * The provider plugin when things go wrong, through the real `pulumi` CLI and a YAML program: settings
 * missing, a gateway that does not answer, the plugin process killed while its create (a schedule's or a
 * registry's) is out, and the plugin installed the documented way (`npx pulumi-qualys-cs plugin install`)
 * instead of Pulumi.yaml's entry.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";

import { DEMO_REGISTRY_ID } from "../simulator";
import { classify } from "../harness/api-calls";
import { startHoldingProxy, type HoldingProxy } from "../harness/holding-proxy";
import { descendants } from "../harness/proc";
import {
  createProgramStack,
  PULUMI_ROOT,
  runCli,
  runPackageCommand,
  type ProgramStack,
} from "../harness/stack";
import { useSimulator } from "../harness/use-simulator";
import {
  dailyYaml,
  pluginConfig,
  pluginResources,
  PLUGIN_ENTRY,
  registryProgram,
} from "../harness/yaml-programs";

const { sim, track } = useSimulator();
/** The URI of the registry of `registryProgram` (Docker Hub's). */
const HUB_URI = "https://registry-1.docker.io";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** The package's version: the plugin's. */
const VERSION = (
  JSON.parse(fs.readFileSync(`${__dirname}/../../../package.json`, "utf8")) as { version: string }
).version;

/** A program of schedules in the simulator's demo registry (no registry resource). */
function schedulesProgram(names: string[], plugins: unknown = PLUGIN_ENTRY): Record<string, unknown> {
  return {
    ...(plugins === undefined ? {} : { plugins }),
    resources: Object.fromEntries(
      names.map((name) => [
        name,
        {
          type: "qualys-cs:index:RegistryScanSchedule",
          properties: { registryId: DEMO_REGISTRY_ID, ...dailyYaml(name).properties },
        },
      ]),
    ),
  };
}

const up = async (ps: ProgramStack) => {
  const res = await ps.run(["up", "--yes", "--skip-preview"]);
  return { ...res, out: res.stdout + res.stderr };
};
const withoutQualysEnv = (): Record<string, string> =>
  Object.fromEntries(
    Object.keys(process.env)
      .filter((k) => k.startsWith("QUALYS_"))
      .map((k) => [k, ""]),
  );

describe("settings", () => {
  test("missing settings: preview passes without credentials, up says what to set, with the plugin's names", async () => {
    const ps = track(
      await createProgramStack({ yamlProgram: schedulesProgram(["unset"]), env: withoutQualysEnv() }),
    );
    expect((await ps.run(["preview"])).code).toBe(0);
    const res = await up(ps);
    expect(res.code).not.toBe(0);
    expect(res.out).toContain("The Qualys gateway");
    expect(res.out).toContain("qualys-cs:gatewayUrl");
    expect(res.out).toContain("QUALYS_GATEWAY_URL");
    // The dynamic resources' config key would mislead a plugin user.
    expect(res.out).not.toMatch(/[^-]qualys:gatewayUrl/);
    expect(res.out).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
  });

  test("an unreachable gateway: says which setting to check, once per resource, without a stack trace", async () => {
    const ps = track(
      await createProgramStack({
        yamlProgram: schedulesProgram(["unreachable"]),
        config: {
          ...pluginConfig("http://127.0.0.1:9"),
          "qualys-cs:maxRetries": { value: "0" },
          "qualys-cs:requestTimeoutSeconds": { value: "2" },
        },
      }),
    );
    const res = await up(ps);
    expect(res.code).not.toBe(0);
    expect(res.out).toContain("qualys-cs:gatewayUrl");
    expect(res.out).not.toMatch(/\n\s+at .*\.js:\d+/);
  });
});

/**
 * Runs `pulumi up` of `ps` and SIGKILLs its plugin processes as soon as `proxy` holds the create's POST:
 * the POST reaches the simulator only after the plugin is gone, as a create committed late would.
 */
async function upKilledMidCreate(ps: ProgramStack, proxy: HoldingProxy): Promise<void> {
  const child = spawn(
    `${PULUMI_ROOT}/bin/pulumi`,
    ["up", "--yes", "--skip-preview", "--non-interactive", "--stack", ps.stack.name],
    { cwd: ps.projectDir, env: { ...process.env, ...ps.env }, stdio: "ignore" },
  );
  const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
  while (proxy.held() < 1 && child.exitCode === null) await sleep(20);
  expect(proxy.held()).toBe(1);
  const plugins = descendants(child.pid!).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("pulumi-resource-qualys-cs");
    } catch {
      return false;
    }
  });
  // The engine's and the YAML host's (which reads the schema): kill both.
  expect(plugins.length).toBeGreaterThan(0);
  for (const pid of plugins) process.kill(pid, "SIGKILL");
  expect(await exited).not.toBe(0);
}

describe("the plugin process killed mid-create", () => {
  test("creates nothing twice: the next up adopts the schedule the killed create made", async () => {
    const name = "killed-mid-create";
    const proxy = await startHoldingProxy(sim().url, { method: "POST", path: /\/schedule$/, holdMs: 3000 });
    try {
      const ps = track(
        await createProgramStack({ yamlProgram: schedulesProgram([name]), config: pluginConfig(proxy.url) }),
      );
      await upKilledMidCreate(ps, proxy);
      // The held POST commits now.
      while (
        sim()
          .control.schedules(DEMO_REGISTRY_ID)
          .every((s) => s.name !== name)
      )
        await sleep(50);
      expect(pluginResources(await ps.exportState())).toHaveLength(0);

      const again = await up(ps);
      expect(again.code).toBe(0);
      const onServer = sim()
        .control.schedules(DEMO_REGISTRY_ID)
        .filter((s) => s.name === name);
      expect(onServer).toHaveLength(1);
      const inState = pluginResources(await ps.exportState());
      expect(inState.map((r) => r.id)).toEqual([`${DEMO_REGISTRY_ID}/${onServer[0]!.scheduleUuid}`]);
      // Only the killed create ever POSTed.
      expect(
        sim()
          .control.requests()
          .filter((r) => classify(r) === "create"),
      ).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });

  test("a registry too: the next up adopts the registry the killed create made, and destroy removes it", async () => {
    const proxy = await startHoldingProxy(sim().url, { method: "POST", path: /\/registry$/, holdMs: 3000 });
    const hub = () =>
      sim()
        .control.registries()
        .filter((r) => r.registryUri === HUB_URI);
    const registryPosts = () =>
      sim()
        .control.requests()
        .filter((r) => classify(r) === "registryCreate");
    try {
      const ps = track(
        await createProgramStack({
          yamlProgram: registryProgram([]),
          config: { ...pluginConfig(proxy.url), hubPassword: { value: "hub-password-1", secret: true } },
        }),
      );
      await upKilledMidCreate(ps, proxy);
      // The held POST commits now.
      while (hub().length === 0) await sleep(50);
      expect(pluginResources(await ps.exportState())).toHaveLength(0);

      const again = await up(ps);
      expect(again.out).not.toContain("RegistryExistsError");
      expect(again.code).toBe(0);
      expect(hub()).toHaveLength(1);
      const inState = pluginResources(await ps.exportState());
      expect(inState.map((r) => [r.type, r.id])).toEqual([
        ["qualys-cs:index:Registry", hub()[0]!.registryUuid],
      ]);
      // Only the killed create ever POSTed.
      expect(registryPosts()).toHaveLength(1);

      expect((await ps.run(["destroy", "--yes", "--skip-preview"])).code).toBe(0);
      expect(hub()).toHaveLength(0);
      expect(pluginResources(await ps.exportState())).toHaveLength(0);
      expect(registryPosts()).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});

describe("a plugin of another version than the program asks for", () => {
  test("up fails at Configure (VersionMismatchError) saying what to install; nothing is sent to Qualys", async () => {
    const program = schedulesProgram(["mismatch"]);
    const resources = program.resources as Record<string, Record<string, unknown>>;
    // What a program's SDK of another release asks for: the resource's provider version.
    resources.mismatch = { ...resources.mismatch, options: { version: "0.0.1" } };
    const ps = track(await createProgramStack({ yamlProgram: program, config: pluginConfig(sim().url) }));
    sim().control.clearRequests();
    const res = await up(ps);
    expect(res.code).not.toBe(0);
    expect(res.out).toContain("qualys-cs:index:RegistryScanSchedule (mismatch):");
    expect(res.out).toContain(`provider plugin is version ${VERSION}, but the program's SDK asks for 0.0.1`);
    expect(res.out).toContain("npm install pulumi-qualys-cs@0.0.1");
    expect(res.out).not.toMatch(/\n\s+at .*\.js:\d+/); // no stack trace
    expect(sim().control.requests()).toEqual([]);
  });
});

describe("installing the plugin", () => {
  test("`npx pulumi-qualys-cs plugin install` makes the plugin known to the CLI, of the package's version", async () => {
    const ps = track(
      await createProgramStack({
        yamlProgram: schedulesProgram(["installed"], undefined),
        config: pluginConfig(sim().url),
      }),
    );
    const env = { ...process.env, ...ps.env };
    const install = await runPackageCommand(
      ["plugin", "install", "--pulumi", `${PULUMI_ROOT}/bin/pulumi`],
      ps.projectDir,
      env,
    );
    expect(install.stderr).toBe("");
    expect(install.code).toBe(0);
    expect(install.stdout).toContain(`v${VERSION}`);
    const list = await runCli(["plugin", "ls"], ps.projectDir, ps.env);
    expect(list.stdout).toMatch(new RegExp(`qualys-cs\\s+resource\\s+${VERSION.replace(/\./g, "\\.")}`));
    const res = await up(ps);
    expect(res.code).toBe(0);
    expect(res.out).not.toContain("warning");
    expect(
      sim()
        .control.schedules(DEMO_REGISTRY_ID)
        .filter((s) => s.name === "installed"),
    ).toHaveLength(1);
    expect((await ps.run(["destroy", "--yes", "--skip-preview"])).code).toBe(0);
  });
});
