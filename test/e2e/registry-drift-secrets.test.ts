/**
 * Through the real `pulumi` CLI and the registry program:
 * - a registry deleted outside Pulumi takes its schedules with it: refresh drops the registry and its
 *   schedules, and `up` creates them all again (a 403 would never count as gone: failure-messages and
 *   test/unit/core/failure-shown-once.test.ts);
 * - a registry's access token and the Qualys password appear nowhere in the CLI's output nor in
 *   `pulumi stack export`, even when the gateway echoes the request (the simulator's `echo` fault).
 */
import { DEMO_PASSWORD } from "../simulator";
import {
  declareRegistries,
  qualysConfig,
  REGISTRIES_PROGRAM,
  type DeclaredRegistries,
} from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { createProgramStack, dynamicResources, type ProgramStack } from "../harness/stack";

const { sim, track } = useSimulator({ bulkDeleteDelayMs: 50 });

beforeEach(() => sim().control.reset());

/** Made of distinctive words, so that any part of it left behind is found. */
const TOKEN = 'QzTokenalpha"QzTokenbravo&QzTokencharlie+/=% QzTokendelta';
const WORDS = TOKEN.match(/QzToken[a-z]+/g) ?? [];

const declared = (registryName: string): DeclaredRegistries => ({
  registries: [
    {
      name: registryName,
      args: {
        registryType: "V2_PRIVATE",
        registryUri: `https://${registryName}.example.com`,
        credentialType: "Token",
        accessToken: TOKEN,
      },
    },
  ],
  schedules: ["nightly", "weekly", "hourly"].map((name) => ({
    name: `${registryName}-${name}`,
    registry: registryName,
    args: { repo: ["team/api"], scheduleScanIntervalInDays: 1, schedule: "01:00" },
  })),
});

async function stackOf(d: DeclaredRegistries): Promise<ProgramStack> {
  return track(
    await createProgramStack({
      programDir: REGISTRIES_PROGRAM,
      config: qualysConfig(sim().url),
      env: declareRegistries(d),
    }),
  );
}

const up = (ps: ProgramStack) => ps.run(["up", "--yes", "--skip-preview"]);

describe("a registry deleted in the console", () => {
  test("refresh drops it and its schedules; up creates the registry and its schedules again", async () => {
    const ps = await stackOf(declared("drift"));
    expect((await up(ps)).code).toBe(0);
    const [registry] = sim()
      .control.registries()
      .filter((r) => r.registryName === "drift");
    expect(sim().control.schedules(registry!.registryUuid)).toHaveLength(3);

    sim().control.deleteRegistry(registry!.registryUuid);
    const refresh = await ps.run(["refresh", "--yes", "--skip-preview"]);
    expect(refresh.code).toBe(0);
    expect(dynamicResources(await ps.exportState())).toEqual([]);
    const preview = await ps.run(["preview", "--expect-no-changes"]);
    expect(preview.code).not.toBe(0);

    expect((await up(ps)).code).toBe(0);
    const [again] = sim()
      .control.registries()
      .filter((r) => r.registryName === "drift");
    expect(again!.registryUuid).not.toBe(registry!.registryUuid);
    expect(
      sim()
        .control.schedules(again!.registryUuid)
        .map((s) => s.name)
        .sort(),
    ).toEqual(["drift-hourly", "drift-nightly", "drift-weekly"]);
    expect((await ps.run(["preview", "--expect-no-changes"])).code).toBe(0);
  });
});

describe("secrets through the CLI", () => {
  test("a gateway echoing the registry create: the token and the password are nowhere in the output or the state", async () => {
    const ps = await stackOf(declared("echoed"));
    sim().control.injectFault({ kind: "echo", method: "POST", path: "/registry$", status: 400 });
    const failed = await up(ps);
    expect(failed.code).not.toBe(0);
    const out = `${failed.stdout}\n${failed.stderr}`;
    // The echo reached the user, with the secret cut out.
    expect(out).toContain("Invalid:");
    expect(out).toContain("[REDACTED]");

    expect((await up(ps)).code).toBe(0);
    const state = JSON.stringify(await ps.exportState());
    const outputs = await ps.run(["stack", "output", "--json"]);
    for (const text of [out, state, outputs.stdout]) {
      expect(text).not.toContain(DEMO_PASSWORD);
      for (const word of WORDS) expect(text).not.toContain(word);
    }
  });
});
