/**
 * Adopting a registry made in the Qualys console together with its schedules, with the real `pulumi`
 * CLI and the installed package's `pulumi-qualys-cs import --with-registry` against the simulator:
 * command → `pulumi import --file` → preview (no changes) → up (records that the schedules depend on
 * the registry) → refresh (clean) → destroy (schedules first, then the registry). And a registry with
 * a password, which Qualys never returns: no password in the import file or the state, and one
 * in-place update that sets it from stack config.
 */
import { defined } from "../harness/assert";
import * as fs from "node:fs";
import * as path from "node:path";

import { DEMO_PASSWORD, DEMO_USERNAME, type RunningSimulator } from "../simulator";
import { command, pulumiImport, writes } from "../harness/import-command";
import { fingerprint } from "../simulator/registry-wire";
import { declare, qualysConfig } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { REPO_ROOT, createProgramStack, dynamicResources, type ProgramStack } from "../harness/stack";

const IMPORT_PROGRAM = path.join(REPO_ROOT, "test", "e2e", "programs", "import");
const REGISTRY_TYPE = "pulumi-nodejs:dynamic/qualys:Registry";
const SCHEDULE_TYPE = "pulumi-nodejs:dynamic/qualys:RegistryScanSchedule";

/** Two schedules on `registryId`, made "in the console": straight into the simulator. */
function consoleSchedules(sim: RunningSimulator, registryId: string, type: string): void {
  for (const [name, repo] of [
    ["nightly", "team/api"],
    ["weekly", "team/worker"],
  ]) {
    sim.control.createSchedule(registryId, {
      name,
      onDemand: false,
      forceScan: false,
      filters: [{ repoTags: [{ repo, tag: null }], days: null }],
      scheduleScanIntervalInDays: name === "nightly" ? 1 : 7,
      weekDay: name === "nightly" ? null : "MONDAY",
      schedule: "02:30",
      additionalFilters: null,
      registryType: type,
    });
  }
}

const { sim, track } = useSimulator();

/** A registry with two schedules made in the console, and an empty program stack to adopt them into. */
async function consoleRegistry(
  body: Record<string, unknown>,
): Promise<{ registryId: string; ps: ProgramStack; env: Record<string, string> }> {
  const registryId = sim().control.createRegistry(body).registryUuid;
  consoleSchedules(sim(), registryId, String(body.registryType));
  const ps = track(
    await createProgramStack({
      programDir: IMPORT_PROGRAM,
      config: qualysConfig(sim().url),
      env: declare([]),
    }),
  );
  const env = {
    ...(process.env as Record<string, string>),
    ...ps.env,
    QUALYS_GATEWAY_URL: sim().url,
    QUALYS_USERNAME: DEMO_USERNAME,
    QUALYS_PASSWORD: DEMO_PASSWORD,
  };
  return { registryId, ps, env };
}

describe("import --with-registry: a registry without secrets and its two schedules", () => {
  let ps: ProgramStack;
  let env: Record<string, string>;
  let registryId: string;

  beforeAll(async () => {
    ({ registryId, ps, env } = await consoleRegistry({
      registryType: "V2",
      registryUri: "https://quay.example.com",
      registryName: "quay",
      credentialType: "None",
    }));
  });

  test("the command reads with GETs only and writes the registry first, schedules referencing it", async () => {
    sim().control.clearRequests();
    const res = await command(
      ["import", "--registry", registryId, "--with-registry", "--protect=false"],
      ps.projectDir,
      env,
    );
    console.log(`pulumi-qualys-cs import --with-registry:\n${res.stderr}`);
    expect(res.code).toBe(0);
    expect(writes(sim().control.requests())).toEqual([]);
    const file = JSON.parse(fs.readFileSync(path.join(ps.projectDir, "qualys-import.json"), "utf8")) as {
      resources: { type: string; name: string; id: string; inputs: Record<string, unknown> }[];
    };
    expect(file.resources.map((r) => [r.type, r.name])).toEqual([
      [REGISTRY_TYPE, "quay"],
      [SCHEDULE_TYPE, "nightly"],
      [SCHEDULE_TYPE, "weekly"],
    ]);
    expect(file.resources[0]).toMatchObject({
      id: registryId,
      inputs: {
        registryType: "V2",
        registryUri: "https://quay.example.com",
        name: "quay",
        credentialType: "None",
      },
    });
    expect(defined(file.resources[0], "the registry entry").inputs.__provider).toContain(
      'require("pulumi-qualys-cs/registry-runtime/v1")',
    );
    const code = fs.readFileSync(path.join(ps.projectDir, "qualys-schedules.ts"), "utf8");
    expect(code).toContain("registryId: quay.id,");
    expect(code).not.toContain("requireSecret");
  });

  test("pulumi import --file adopts the three resources without a request to Qualys", async () => {
    sim().control.clearRequests();
    const res = await pulumiImport(ps, "pulumi import --file");
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/= 3 imported/);
    expect(res.stdout + res.stderr).not.toContain("failed to validate");
    expect(sim().control.requests()).toEqual([]);
  });

  test("preview --expect-no-changes exits 0", async () => {
    const res = await ps.run(["preview", "--diff", "--expect-no-changes"]);
    console.log(`pulumi preview --expect-no-changes (exit ${res.code}):\n${res.stdout}${res.stderr}`);
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/Resources:\s+4 unchanged/);
  });

  test("up changes nothing at Qualys and records that the schedules depend on the registry", async () => {
    sim().control.clearRequests();
    const res = await ps.run(["up", "--yes", "--expect-no-changes"]);
    console.log(`pulumi up --expect-no-changes (exit ${res.code}):\n${res.stdout}${res.stderr}`);
    expect(res.code).toBe(0);
    expect(writes(sim().control.requests())).toEqual([]);
    const state = dynamicResources(await ps.exportState()) as (ReturnType<typeof dynamicResources>[number] & {
      dependencies?: string[];
    })[];
    const registry = state.find((r) => r.type === REGISTRY_TYPE);
    // The program's own serialized provider replaced the imported one: equal, or up would have updated.
    const file = JSON.parse(fs.readFileSync(path.join(ps.projectDir, "qualys-import.json"), "utf8")) as {
      resources: { inputs: Record<string, unknown> }[];
    };
    expect(registry?.inputs?.__provider).toBe(
      defined(file.resources[0], "the registry entry").inputs.__provider,
    );
    expect(registry?.outputs?.__provider).toBe(
      defined(file.resources[0], "the registry entry").inputs.__provider,
    );
    for (const s of state.filter((r) => r.type === SCHEDULE_TYPE)) {
      expect(s.dependencies).toContain(registry?.urn);
    }
  });

  test("refresh is clean", async () => {
    sim().control.clearRequests();
    const res = await ps.stack.refresh();
    expect(res.summary.resourceChanges).toEqual({ same: 4 });
    expect(writes(sim().control.requests())).toEqual([]);
  });

  test("destroy deletes the schedules, then the registry", async () => {
    sim().control.clearRequests();
    const res = await ps.stack.destroy();
    expect(res.summary.resourceChanges).toEqual({ delete: 4 });
    const deletes = writes(sim().control.requests()).filter((r) => r.method === "DELETE");
    console.log(`destroy: ${deletes.map((r) => `${r.method} ${r.path}`).join(", ")}`);
    const registryDelete = deletes.findIndex((r) => /\/registry$/.test(r.path));
    const scheduleDeletes = deletes
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.path.includes("/schedule"))
      .map(({ i }) => i);
    expect(scheduleDeletes).toHaveLength(2);
    expect(registryDelete).toBeGreaterThan(Math.max(...scheduleDeletes));
    expect(
      sim()
        .control.registries()
        .filter((r) => r.registryUuid === registryId),
    ).toEqual([]);
  });
});

describe("import --with-registry: a registry with a password (BasicAuth)", () => {
  /** The password set in the Qualys console, and the one the stack's config holds (rotated on adoption). */
  const CONSOLE_SECRET = "harbor-Pa55-console-19c2";
  const SECRET = "harbor-Pa55-imported-7f3a";
  let ps: ProgramStack;
  let env: Record<string, string>;
  let registryId: string;

  beforeAll(async () => {
    ({ registryId, ps, env } = await consoleRegistry({
      registryType: "V2_PRIVATE",
      registryUri: "https://harbor.example.com",
      registryName: "harbor",
      credentialType: "BasicAuth",
      credential: { username: "robot$ci", password: CONSOLE_SECRET },
    }));
  });

  test("the code reads the password from stack config; the import file holds no password", async () => {
    const res = await command(
      ["import", "--registry", registryId, "--with-registry", "--protect=false"],
      ps.projectDir,
      env,
    );
    console.log(`pulumi-qualys-cs import --with-registry (BasicAuth):\n${res.stderr}`);
    expect(res.code).toBe(0);
    expect(res.stderr).toContain("pulumi config set --secret harborPassword");
    const code = fs.readFileSync(path.join(ps.projectDir, "qualys-schedules.ts"), "utf8");
    expect(code).toContain('password: config.requireSecret("harborPassword"),');
    const file = fs.readFileSync(path.join(ps.projectDir, "qualys-import.json"), "utf8");
    expect(file).not.toContain(SECRET);
    expect(file).not.toContain(CONSOLE_SECRET);
    expect(file).not.toContain('"password"');
  });

  test("import, then the first preview is one in-place update (the password), then no changes", async () => {
    expect((await ps.run(["config", "set", "--secret", "harborPassword", SECRET])).code).toBe(0);
    const imported = await pulumiImport(ps, "pulumi import --file (BasicAuth)");
    expect(imported.code).toBe(0);
    expect(imported.stdout).toMatch(/= 3 imported/);
    // The engine checks the stored inputs, which lack the password: a warning, as the README says.
    expect(imported.stdout).toContain('password is required with credentialType "BasicAuth"');
    expect(imported.stdout + imported.stderr).not.toContain(SECRET);

    const preview = await ps.run(["preview", "--diff"]);
    console.log(`pulumi preview after the import (BasicAuth):\n${preview.stdout}${preview.stderr}`);
    expect(preview.code).toBe(0);
    expect(preview.stdout).toMatch(/~ 1 to update/);
    expect(preview.stdout).toMatch(/3 unchanged/);
    expect(preview.stdout).not.toContain(SECRET);

    sim().control.clearRequests();
    const up = await ps.stack.up();
    expect(up.summary.resourceChanges).toEqual({ update: 1, same: 3 });
    expect(writes(sim().control.requests()).map((r) => r.method)).toEqual(["PUT"]);
    const stored = sim()
      .control.registries()
      .find((r) => r.registryUuid === registryId);
    expect(stored?.secretFingerprint).toBe(fingerprint(SECRET));

    const again = await ps.run(["preview", "--expect-no-changes"]);
    expect(again.code).toBe(0);
  });

  test("pulumi stack export holds the password only as a Pulumi secret", async () => {
    const exported = await ps.run(["stack", "export"]);
    expect(exported.code).toBe(0);
    expect(exported.stdout).not.toContain(SECRET);
    expect(exported.stdout).not.toContain(CONSOLE_SECRET);
    expect(exported.stdout).toContain("4dabf18193072939515e22adb298388d");
  });

  test("destroy deletes the schedules, then the registry", async () => {
    const res = await ps.stack.destroy();
    expect(res.summary.resourceChanges).toEqual({ delete: 4 });
    expect(
      sim()
        .control.registries()
        .filter((r) => r.registryUuid === registryId),
    ).toEqual([]);
  });
});
