/**
 * `pulumi-qualys-cs sweep` against the simulator, in process: it refuses a missing, empty or short
 * prefix before any call, lists by default, and with --yes deletes exactly the schedules whose name
 * starts with the prefix, in every registry named, and the registries whose name starts with it.
 */
import { runSweepCommand } from "../../../provider/cli/sweep-command";
import { sharedClient } from "../../../provider/qualys/http/client";
import { RegistryApi } from "../../../provider/registry/api";
import { ScheduleApi } from "../../../provider/schedule/api";
import { DEMO_REGISTRY_ID, type RunningSimulator } from "../../simulator";
import { useSimulatorEnvironment } from "../../harness/use-simulator";

const R = DEMO_REGISTRY_ID;
const R2 = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
const PREFIX = "pqcs-acc-mi3k2x9a-7f3a-";

let sim: RunningSimulator;

const simulator = useSimulatorEnvironment();
beforeAll(() => {
  sim = simulator();
});
beforeEach(() => {
  sim.control.reset();
  sim.control.addRegistry(R2, "AWS");
});

function seed(
  registryId: string,
  name: string,
  registryType = registryId === R2 ? "AWS" : "DockerHub",
): string {
  return sim.control.createSchedule(registryId, {
    name,
    onDemand: true,
    filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
    forceScan: false,
    registryType,
  }).scheduleUuid;
}

async function sweep(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runSweepCommand(argv, {
    cwd: process.cwd(),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    // A fresh API per run, as each run of the command is a fresh process.
    apis: (settings) => ({
      schedules: new ScheduleApi(sharedClient(settings)),
      registries: new RegistryApi(sharedClient(settings)),
    }),
  });
  return { code, stdout, stderr };
}

function seedRegistry(name: string, host = `${name.toLowerCase()}.example.com`): string {
  return sim.control.createRegistry({
    registryType: "V2",
    registryUri: `https://${host}`,
    registryName: name,
    credentialType: "None",
  }).registryUuid;
}

const registryNames = () =>
  sim.control
    .registries()
    .filter((r) => r.origin === "api")
    .map((r) => r.registryName)
    .sort();

const names = (registryId = R) =>
  sim.control
    .schedules(registryId)
    .map((s) => s.name)
    .sort();

describe("a missing, empty or short prefix is refused before any call", () => {
  test.each([
    [["--registry", R], "--prefix is required"],
    [["--prefix", "", "--registry", R], "--prefix is required"],
    [["--prefix", "pqcs", "--registry", R], '--prefix "pqcs" is too short: give at least 6 characters'],
    [["--prefix", " pqcs-acc-", "--registry", R], "starts or ends with white space"],
    [["--prefix", PREFIX], "Name a registry to look in"],
    [["--prefix", PREFIX, "--registry", "a/b"], 'Malformed registry ID "a/b"'],
  ])("%j: exit 2", async (argv, message) => {
    seed(R, `${PREFIX}one`);
    sim.control.clearRequests();
    const res = await sweep(...argv);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
    expect(res.stderr).toContain("Run `pulumi-qualys-cs sweep --help` for the options.");
    expect(sim.control.requests()).toEqual([]);
    expect(names()).toEqual([`${PREFIX}one`]);
  });
});

describe("without --yes: a dry run", () => {
  test("lists the prefixed schedules and deletes nothing", async () => {
    const id = seed(R, `${PREFIX}lifecycle`);
    seed(R, "nightly-api");
    sim.control.clearRequests();
    const res = await sweep("--prefix", PREFIX, "--registry", R);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(
      [
        `1 schedule in registry ${R} named ${PREFIX}…:`,
        `  ${PREFIX}lifecycle  ${R}/${id}  Created`,
        "Dry run: nothing was deleted. Run again with --yes to delete them.",
        "",
      ].join("\n"),
    );
    expect(sim.control.requests().filter((r) => r.method !== "GET" && r.path !== "/auth")).toEqual([]);
    expect(names()).toEqual(["nightly-api", `${PREFIX}lifecycle`]);
  });

  test("says so when nothing matches", async () => {
    seed(R, "nightly-api");
    const res = await sweep("--prefix", PREFIX, "--registry", R);
    expect(res.code).toBe(0);
    expect(res.stdout).toBe(
      `No schedule in registry ${R} and no registry has a name starting with ${PREFIX}: nothing to delete.\n`,
    );
  });
});

describe("with --yes", () => {
  test("deletes exactly the schedules whose name starts with the prefix, in every registry named", async () => {
    for (const n of ["a", "b", "c"]) seed(R, `${PREFIX}${n}`);
    seed(R2, `${PREFIX}other-registry`);
    // Names that share part of the prefix, or contain it elsewhere, or differ in case, are not touched.
    const kept = [
      "nightly-api",
      `x-${PREFIX}a`,
      PREFIX.toUpperCase() + "a",
      PREFIX.slice(0, -1),
      "pqcs-acc-other-run-a",
    ];
    for (const n of kept) seed(R, n);
    const res = await sweep("--prefix", PREFIX, "--registry", R, "--registry", R2, "--yes");
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`4 schedules in 2 registries named ${PREFIX}…:`);
    expect(res.stdout).toContain(`Deleted 4 schedules and 0 registries; none named ${PREFIX}… is left.`);
    expect(names()).toEqual([...kept].sort());
    expect(names(R2)).toEqual([]);
    const deletes = sim.control.requests().filter((r) => r.method === "DELETE");
    expect(deletes).toHaveLength(4);
  });

  test("deletes the registries whose name starts with the prefix, with their schedules, and no other", async () => {
    const ours = seedRegistry(`${PREFIX}registry`, "pqcs-acc-a.example.com");
    seedRegistry(`${PREFIX}registry-2`, "pqcs-acc-b.example.com");
    const kept = ["team-registry", `Copy of ${PREFIX}registry`, PREFIX.toUpperCase() + "registry"];
    kept.forEach((n, i) => seedRegistry(n, `kept-${i}.example.com`));
    seed(ours, `${PREFIX}in-our-registry`, "V2");
    const dry = await sweep("--prefix", PREFIX, "--registry", R);
    expect(dry.stdout).toContain(
      `2 registries named ${PREFIX}…:\n  ${PREFIX}registry    ${ours}  https://pqcs-acc-a.example.com  Active`,
    );
    expect(registryNames()).toHaveLength(5);
    const res = await sweep("--prefix", PREFIX, "--registry", R, "--yes");
    expect(res.stderr).toBe("");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`Deleted registry ${PREFIX}registry  ${ours}`);
    expect(res.stdout).toContain(`Deleted 0 schedules and 2 registries; none named ${PREFIX}… is left.`);
    expect(registryNames()).toEqual([...kept].sort());
  });

  test("cancels a Running schedule before deleting it", async () => {
    const id = seed(R, `${PREFIX}running`);
    sim.control.setStatus(R, id, "Running");
    const res = await sweep("--prefix", PREFIX, "--registry", R, "--yes");
    expect(res.code).toBe(0);
    expect(names()).toEqual([]);
    expect(sim.control.requests().some((r) => r.path.endsWith(`/${id}/cancel`))).toBe(true);
  });

  test("a registry Qualys does not know: exit 1, nothing deleted", async () => {
    seed(R, `${PREFIX}a`);
    const res = await sweep("--prefix", PREFIX, "--registry", "no-such-registry", "--registry", R, "--yes");
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/^error: .*no-such-registry/);
    expect(names()).toEqual([`${PREFIX}a`]);
  });
});

describe("--help", () => {
  test("prints the usage and exits 0", async () => {
    const res = await sweep("--help");
    expect(res.code).toBe(0);
    expect(res.stdout).toContain("Usage: pulumi-qualys-cs sweep --prefix <prefix> --registry <id>");
  });
});
