/**
 * A registry's life on the tenant, and `getRegistry`, through the real `pulumi` CLI: a `V2` registry
 * without credentials (the one type that needs no cloud connector and no secret of a real registry) is
 * created, renamed in place, replaced by a new URI and destroyed; `getRegistry` finds it by its URI, and
 * the run's registry (QUALYS_ACCEPTANCE_REGISTRY_ID) by its name. Each step is checked in Qualys itself.
 */
import { declareRegistries, REGISTRIES_PROGRAM } from "../harness/programs";
import type { ProgramStack } from "../harness/stack";
import { defined } from "../harness/assert";
import { acceptanceStack, destroyStack } from "./stacks";
import { runContext, tenantApis } from "./tenant";

const run = runContext();
const apis = tenantApis(run);
const name = `${run.prefix}registry`;
/** A URI of this run: the prefix as a host name label (no trailing hyphen). */
const uri = (n: number) => `https://${run.prefix.replace(/-+$/, "")}-${n}.example.com`;
const registry = (over: Record<string, unknown> = {}) => ({
  name: "reg",
  args: { registryType: "V2", registryUri: uri(1), name, ...over },
});

let ps: ProgramStack;
beforeAll(async () => {
  ps = await acceptanceStack(run, REGISTRIES_PROGRAM, []);
  await ps.setEnv(declareRegistries({ registries: [registry()] }));
});
afterAll(async () => {
  await destroyStack(ps);
  apis.schedules.client.close();
});

const registryId = async (): Promise<string> =>
  defined((await ps.outputs()).registryIds, "the registryIds output").value.reg as string;

describe("up of a new registry", () => {
  test("creates it in Qualys with the declared type, URI and name", async () => {
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ create: 2 });
    const details = await apis.registries.details(await registryId());
    expect(details).toMatchObject({ registryType: "V2", registryName: name });
    expect(details?.registryUri?.replace(/\/$/, "")).toBe(uri(1));
  });

  test("a second preview shows no changes", async () => {
    expect((await ps.stack.preview()).changeSummary).toEqual({ same: 2 });
  });
});

describe("getRegistry", () => {
  test("finds the new registry by its URI, and the run's registry by its name", async () => {
    const tenantRegistry = await apis.registries.details(run.registryId);
    expect(tenantRegistry?.registryName).toBeTruthy();
    await ps.setEnv(
      declareRegistries({
        registries: [registry()],
        lookups: [
          { name: "byUri", by: { registryUri: uri(1) } },
          { name: "byName", by: { name: tenantRegistry!.registryName! } },
        ],
      }),
    );
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ same: 2 });
    expect(res.outputs.lookups?.value).toEqual({
      byUri: { registryId: await registryId(), name },
      byName: { registryId: run.registryId, name: tenantRegistry!.registryName },
    });
    await ps.setEnv(declareRegistries({ registries: [registry()] }));
  });
});

describe("an in-place update", () => {
  test("a new name renames the same registry", async () => {
    const before = await registryId();
    await ps.setEnv(declareRegistries({ registries: [registry({ name: `${name}-renamed` })] }));
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    expect(await registryId()).toBe(before);
    expect((await apis.registries.details(before))?.registryName).toBe(`${name}-renamed`);
  });
});

describe("a replacement", () => {
  test("a new URI creates a new registry and deletes the old one", async () => {
    const before = await registryId();
    await ps.setEnv(
      declareRegistries({ registries: [registry({ name: `${name}-renamed`, registryUri: uri(2) })] }),
    );
    const res = await ps.stack.up();
    expect(res.summary.resourceChanges).toEqual({ same: 1, replace: 1 });
    const after = await registryId();
    expect(after).not.toBe(before);
    expect((await apis.registries.details(after))?.registryUri?.replace(/\/$/, "")).toBe(uri(2));
    expect(await apis.registries.details(before)).toBeUndefined();
  });
});

describe("destroy", () => {
  test("deletes the registry from Qualys", async () => {
    const id = await registryId();
    const res = await ps.stack.destroy();
    expect(res.summary.resourceChanges).toEqual({ delete: 2 });
    expect(await apis.registries.details(id)).toBeUndefined();
  });
});
