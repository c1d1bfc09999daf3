/**
 * Registries in real programs, through the real `pulumi` CLI against the simulator: bad input per type
 * at preview, a registry with schedules (order of up and destroy), a rotated password that never shows,
 * an ambiguous create, a delete refused while a scan runs, and the `getRegistry` look-ups.
 */
import { ACR_CONNECTOR, BAD_REGISTRIES, GCP_CONNECTOR, registryArgs } from "../cases/registry-inputs";
import { classify } from "../harness/api-calls";
import {
  declareRegistries,
  qualysConfig,
  REGISTRIES_PROGRAM,
  type DeclaredRegistries,
} from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { createProgramStack, dynamicResources, type ProgramStack } from "../harness/stack";
import { first } from "../harness/assert";

const { sim } = useSimulator({ bulkDeleteDelayMs: 100 });

beforeAll(() => {
  sim().control.addConnector({ provider: "acr", connectorId: ACR_CONNECTOR });
  sim().control.addConnector({ provider: "gcp", connectorId: GCP_CONNECTOR });
});

async function withStack<T>(d: DeclaredRegistries, fn: (ps: ProgramStack) => Promise<T>): Promise<T> {
  sim().control.reset();
  const ps = await createProgramStack({
    programDir: REGISTRIES_PROGRAM,
    config: qualysConfig(sim().url),
    env: declareRegistries(d),
  });
  try {
    return await fn(ps);
  } finally {
    await ps.dispose();
  }
}

/** The SDK's and the engine's traces of RPC payloads (-v=3 and -v=9). */
const RPC_TRACE =
  /"msg":"(eventSink::Debug\(\S*)?(RegisterResource RPC finished|Unmarshaling property for RPC|Marshaling property for RPC)/;

const failureOf = (p: Promise<unknown>): Promise<string | undefined> =>
  p.then(
    () => undefined,
    (err: Error) => err.message,
  );

const ours = () =>
  sim()
    .control.registries()
    .filter((r) => r.origin === "api");

describe("bad input for each registry type fails preview naming the property, with 0 requests", () => {
  const onePerType = [...new Map(BAD_REGISTRIES.map((c) => [c.type, c])).values()];
  test.each(onePerType.map((c) => [`${c.type}: ${c.property}`, c] as const))("%s", async (_t, c) => {
    await withStack({ registries: [{ name: "bad", args: registryArgs(c.type, c.args) }] }, async (ps) => {
      sim().control.clearRequests();
      const failure = await failureOf(ps.stack.preview());
      expect(failure).toContain(`property ${c.property} value`);
      for (const word of c.words) expect(failure).toContain(word);
      expect(sim().control.requests()).toEqual([]);
    });
  });
});

const HARBOR = (password: string) => ({
  name: "harbor",
  args: registryArgs("V2_PRIVATE", { password }),
});
const SCHEDULES = [
  {
    name: "nightly",
    registry: "harbor",
    args: { repo: ["team/api"], scheduleScanIntervalInDays: 1, schedule: "02:00" },
  },
  {
    name: "weekly",
    registry: "harbor",
    args: { repo: "team/web", scheduleScanIntervalInDays: 7, weekDay: "SUNDAY" },
  },
];

describe("a registry and two schedules that take its ID", () => {
  test("up creates the registry first; destroy deletes the schedules first; nothing is left", async () => {
    await withStack({ registries: [HARBOR("harbor-password-1")], schedules: SCHEDULES }, async (ps) => {
      sim().control.clearRequests();
      expect((await ps.stack.up()).summary.resourceChanges).toEqual({ create: 4 });
      const registry = first(ours(), "a registry");
      expect(sim().control.schedules(registry.registryUuid)).toHaveLength(2);
      const upCalls = sim().control.requests().map(classify);
      expect(upCalls.indexOf("registryCreate")).toBeLessThan(upCalls.indexOf("create"));

      sim().control.clearRequests();
      await ps.stack.destroy();
      const downCalls = sim().control.requests().map(classify);
      const lastScheduleDelete = downCalls.lastIndexOf("delete");
      expect(lastScheduleDelete).toBeGreaterThanOrEqual(0);
      expect(lastScheduleDelete).toBeLessThan(downCalls.indexOf("registryDelete"));
      expect(sim().control.schedules()).toEqual([]);
      expect(ours()).toEqual([]);
    });
  });
});

describe("a rotated password", () => {
  const OLD = "harbor-password-1";
  const NEW = "harbor-rotated-2";
  test("is `~ 1 updated`, reaches Qualys, and shows in no export, provider blob, engine log or error", async () => {
    await withStack({ registries: [HARBOR(OLD)], schedules: SCHEDULES }, async (ps) => {
      await ps.stack.up();
      await ps.setEnv(declareRegistries({ registries: [HARBOR(NEW)], schedules: SCHEDULES }));
      const up = await ps.run(["up", "--yes", "--skip-preview", "--logtostderr", "-v=9"]);
      expect(up.code).toBe(0);
      expect(up.stdout).toContain("~ 1 updated");
      const { fingerprint } = await import("../simulator");
      expect(first(ours(), "a registry").secretFingerprint).toBe(fingerprint(NEW));

      // A failing update with the new password: the error shows neither password.
      sim().control.injectFault({ kind: "status", method: "PUT", path: "/registry/", status: 400, times: 1 });
      await ps.setEnv(
        declareRegistries({ registries: [{ ...HARBOR(NEW), args: { ...HARBOR(NEW).args, name: "x" } }] }),
      );
      const failed = await ps.run(["up", "--yes", "--skip-preview"]);
      expect(failed.code).not.toBe(0);
      expect(failed.stdout + failed.stderr).toContain("Qualys rejected update registry");

      const state = await ps.exportState();
      const registry = first(
        dynamicResources(state).filter((r) => r.type.endsWith(":Registry")),
        "a Registry resource in the state",
      );
      const texts = {
        stackExport: JSON.stringify(state),
        providerBlob: String(registry.inputs?.__provider),
        // From -v=3 the Node SDK's RPC traces ("RegisterResource RPC finished … resp") and from -v=9 the
        // engine's ("(Un)marshaling property for RPC") print every payload, secret outputs in plaintext,
        // for any resource of any provider (docs/reference/Registry.md, "Secrets"). Every other line must be clean.
        engineLog: up.stdout
          .concat(up.stderr)
          .split("\n")
          .filter((line) => !RPC_TRACE.test(line))
          .join("\n"),
        error: failed.stdout + failed.stderr,
      };
      expect(texts.providerBlob).toContain('require("pulumi-qualys-cs/registry-runtime/v1")');
      for (const [where, text] of Object.entries(texts)) {
        expect({ where, old: text.includes(OLD), new: text.includes(NEW) }).toEqual({
          where,
          old: false,
          new: false,
        });
      }
      // Kept as a Pulumi secret, in inputs and outputs.
      expect(JSON.stringify(registry.inputs?.password)).toContain("ciphertext");
      expect(JSON.stringify(registry.outputs?.password)).toContain("ciphertext");
      const traces = (up.stdout + up.stderr).split("\n").filter((l) => l.includes(NEW));
      expect(traces.every((l) => RPC_TRACE.test(l))).toBe(true);
      console.log(
        `${traces.length} SDK/engine RPC trace lines carry the password at -v=9; provider blob: ${Buffer.byteLength(texts.providerBlob)} bytes; engine log (-v=9): ` +
          `${texts.engineLog.split("\n").length} other lines, none with either password`,
      );
    });
  });
});

describe("an ambiguous create (committed, then the connection dropped)", () => {
  test("leaves exactly one registry, recorded in the stack", async () => {
    await withStack({ registries: [HARBOR("harbor-password-1")] }, async (ps) => {
      sim().control.injectFault({
        kind: "commitThenFail",
        mode: "drop",
        method: "POST",
        path: "/csapi/v1.3/registry$",
      });
      const up = await ps.stack.up();
      expect(up.summary.resourceChanges).toEqual({ create: 2 });
      expect(ours()).toHaveLength(1);
      const res = first(dynamicResources(await ps.exportState()), "a dynamic resource in the state");
      expect(res.id).toBe(first(ours(), "a registry").registryUuid);
      expect((await ps.stack.preview()).changeSummary).toEqual({ same: 2 });
      await ps.stack.destroy();
    });
  });

  test("a registry that already had the URI is not adopted: the error says what to do instead", async () => {
    await withStack({ registries: [HARBOR("harbor-password-1")] }, async (ps) => {
      const existing = sim().control.createRegistry({
        registryType: "V2_PRIVATE",
        registryUri: "https://harbor.example.com",
        registryName: "made-in-console",
        credentialType: "BasicAuth",
        credential: { username: "u", password: "console-password" },
      });
      const failure = await failureOf(ps.stack.up());
      expect(failure).toContain(existing.registryUuid);
      expect(failure).toContain("getRegistry");
      expect(ours()).toHaveLength(1);
    });
  });
});

describe("a registry whose schedule is Running", () => {
  test("destroy fails naming the running schedule, and keeps the registry in the stack", async () => {
    await withStack({ registries: [HARBOR("harbor-password-1")] }, async (ps) => {
      await ps.stack.up();
      const registry = first(ours(), "a registry");
      const s = sim().control.createSchedule(registry.registryUuid, {
        name: "console-scan",
        onDemand: true,
        filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
      });
      sim().control.setStatus(registry.registryUuid, s.scheduleUuid, "Running");
      const failure = await failureOf(ps.stack.destroy());
      expect(failure).toContain("console-scan");
      expect(failure).toContain(s.scheduleUuid);
      expect(failure).toContain("Running");
      expect(dynamicResources(await ps.exportState())).toHaveLength(1);
      sim().control.setStatus(registry.registryUuid, s.scheduleUuid, "Completed");
      await ps.stack.destroy();
      expect(ours()).toEqual([]);
    });
  });
});

describe("getRegistry", () => {
  const seed = () => {
    const body = (name: string, uri: string) => ({
      registryType: "V2",
      registryUri: uri,
      registryName: name,
      credentialType: "None",
    });
    const a = sim().control.createRegistry(body("shared", "https://a.example.com"));
    sim().control.createRegistry(body("shared", "https://b.example.com"));
    const c = sim().control.createRegistry(body("unique", "https://c.example.com"));
    return { a, c };
  };

  test("finds by URI and by name, in the Output and the async form, at preview and up", async () => {
    await withStack({}, async (ps) => {
      const { a, c } = seed();
      await ps.setEnv(
        declareRegistries({
          lookups: [
            { name: "byUri", by: { registryUri: "HTTPS://A.example.com/" } },
            { name: "byName", by: { name: "unique" } },
            { name: "byNameAsync", by: { name: "unique" }, async: true },
          ],
          awsBase: true,
        }),
      );
      const up = await ps.stack.up();
      expect(up.outputs.lookups?.value).toEqual({
        byUri: { registryId: a.registryUuid, name: "shared" },
        byName: { registryId: c.registryUuid, name: "unique" },
        byNameAsync: { registryId: c.registryUuid, name: "unique" },
      });
      expect(up.outputs.awsBase?.value).toEqual({ accountId: "111122223333", externalId: "1618033988" });
    });
  });

  test.each([
    ["no registry", { name: "nothing-like-it" }, "no Qualys registry has name"],
    ["several", { name: "shared" }, "2 Qualys registries have name"],
    ["no registry by URI", { registryUri: "https://z.example.com" }, "no Qualys registry has registryUri"],
  ])("%s: preview fails with the error, once, without a stack trace", async (_t, by, words) => {
    await withStack({}, async (ps) => {
      seed();
      await ps.setEnv(declareRegistries({ lookups: [{ name: "x", by }] }));
      const preview = await ps.run(["preview"]);
      expect(preview.code).not.toBe(0);
      const output = preview.stdout + preview.stderr;
      const diagnostics = output.slice(output.indexOf("Diagnostics:"));
      expect(diagnostics).toContain(words);
      expect(diagnostics.split(words).length - 1).toBe(1);
      expect(output).not.toMatch(/\n\s+at .*\(.*\.js:\d+:\d+\)/);
      // Not asserted: Node may add "PromiseRejectionHandledWarning" lines, because the SDK attaches the
      // handlers of a failed Output's derived promises late (when the stack's outputs are registered).
    });
  });
});
