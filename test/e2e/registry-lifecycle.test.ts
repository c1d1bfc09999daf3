/**
 * A registry's whole life through the real `pulumi` CLI against the simulator, for each registry type:
 * preview (no API call), up, preview with no changes, an in-place update, a replacement, refresh after a
 * change behind Pulumi's back, destroy.
 */
import { type StoredRegistry } from "../simulator";
import { ACR_CONNECTOR, GCP_CONNECTOR, registryArgs } from "../cases/registry-inputs";
import { declareRegistries, qualysConfig, REGISTRIES_PROGRAM } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { createProgramStack, dynamicResources, type ProgramStack } from "../harness/stack";
import { first } from "../harness/assert";

const { sim, track } = useSimulator({ bulkDeleteDelayMs: 100 });

beforeAll(() => {
  sim().control.addConnector({ provider: "acr", connectorId: ACR_CONNECTOR });
  sim().control.addConnector({ provider: "acr", connectorId: "acr-connector-2" });
  sim().control.addConnector({ provider: "gcp", connectorId: GCP_CONNECTOR });
});

/** Per type: an in-place change, and a change that replaces the registry (with what Qualys then holds). */
const CASES: [string, Record<string, unknown>, Record<string, unknown>, Partial<StoredRegistry>][] = [
  [
    "DockerHub",
    { dockerHubOrgName: "acme-2" },
    { registryUri: "https://index.docker.io" },
    { registryUri: "https://index.docker.io" },
  ],
  [
    "V2_PRIVATE",
    { username: "robot$other" },
    { registryUri: "https://harbor2.example.com" },
    { registryUri: "https://harbor2.example.com" },
  ],
  [
    "V2",
    { credentialType: "None" },
    { registryUri: "https://quay2.example.com" },
    { registryUri: "https://quay2.example.com" },
  ],
  [
    "AWS",
    { aws: { accountId: "123456789012", region: "eu-west-1", arn: "arn:aws:iam::123456789012:role/other" } },
    {
      registryUri: "https://123456789012.dkr.ecr.us-east-1.amazonaws.com",
      aws: { accountId: "123456789012", region: "us-east-1", arn: "arn:aws:iam::123456789012:role/other" },
    },
    { registryUri: "https://123456789012.dkr.ecr.us-east-1.amazonaws.com" },
  ],
  [
    "Azure",
    { connectorId: "acr-connector-2" },
    { registryUri: "https://acme2.azurecr.io" },
    { registryUri: "https://acme2.azurecr.io" },
  ],
  ["GCP", { connectorId: GCP_CONNECTOR }, { projectId: "acme-test" }, { projectId: "acme-test" }],
  [
    "GOOGLE_ARTIFACT_REGISTRY",
    { connectorId: GCP_CONNECTOR },
    { registry: "other-images" },
    { repository: "other-images" },
  ],
];

const ours = () =>
  sim()
    .control.registries()
    .filter((r) => r.origin === "api");

describe.each(CASES)("a %s registry", (type, updateArgs, replaceArgs, replaced) => {
  let ps: ProgramStack;
  const declare = (args: Record<string, unknown>) =>
    ps.setEnv(declareRegistries({ registries: [{ name: "reg", args: registryArgs(type, args) }] }));

  beforeAll(async () => {
    sim().control.reset();
    ps = track(
      await createProgramStack({
        programDir: REGISTRIES_PROGRAM,
        config: qualysConfig(sim().url),
        env: declareRegistries({ registries: [{ name: "reg", args: registryArgs(type) }] }),
      }),
    );
  });

  test("preview plans a create and calls no Qualys API", async () => {
    sim().control.clearRequests();
    expect((await ps.stack.preview()).changeSummary).toEqual({ create: 2 });
    expect(sim().control.requests()).toEqual([]);
  });

  test("up creates it in Qualys; a second preview shows no changes", async () => {
    const up = await ps.stack.up();
    expect(up.summary.resourceChanges).toEqual({ create: 2 });
    const r = first(ours(), "a registry");
    expect(ours()).toHaveLength(1);
    expect(r).toMatchObject({ registryType: type, registryName: "reg" });
    expect(up.outputs.registryIds?.value).toEqual({ reg: r.registryUuid });
    expect((await ps.stack.preview()).changeSummary).toEqual({ same: 2 });
  });

  test("a change of name or credentials or connector updates it in place", async () => {
    const before = first(ours(), "a registry");
    await declare({ name: "renamed", ...updateArgs });
    const up = await ps.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 1, update: 1 });
    const after = first(ours(), "a registry");
    expect(after.registryUuid).toBe(before.registryUuid);
    expect(after.registryName).toBe("renamed");
  });

  test("a change of what identifies it replaces it", async () => {
    const before = first(ours(), "a registry");
    await declare({ name: "renamed", ...updateArgs, ...replaceArgs });
    const up = await ps.stack.up();
    expect(up.summary.resourceChanges).toEqual({ same: 1, replace: 1 });
    expect(ours()).toHaveLength(1);
    const after = first(ours(), "a registry");
    expect(after.registryUuid).not.toBe(before.registryUuid);
    expect(after).toMatchObject(replaced);
  });

  test("refresh records a rename made in the console; preview shows it; up restores it", async () => {
    const r = first(ours(), "a registry");
    sim().control.patchRegistry(r.registryUuid, { registryName: "console-name" });
    const refresh = await ps.stack.refresh();
    expect(refresh.summary.resourceChanges).toMatchObject({ update: 1 });
    const res = first(dynamicResources(await ps.exportState()), "a dynamic resource in the state");
    expect(res.outputs?.name).toBe("console-name");
    const preview = await ps.stack.preview({ diff: true });
    expect(preview.changeSummary).toMatchObject({ update: 1 });
    await ps.stack.up();
    expect(first(ours(), "a registry").registryName).toBe("renamed");
  });

  test("refresh drops a registry deleted in the console", async () => {
    sim().control.deleteRegistry(first(ours(), "a registry").registryUuid);
    expect((await ps.stack.refresh()).summary.resourceChanges).toMatchObject({ delete: 1 });
    expect((await ps.stack.up()).summary.resourceChanges).toMatchObject({ create: 1 });
    expect(ours()).toHaveLength(1);
  });

  test("destroy deletes it and waits until Qualys no longer has it", async () => {
    await ps.stack.destroy();
    expect(ours()).toEqual([]);
  });
});
