import { AWS_BASE, fingerprint } from "./index";
import {
  ACR_CONNECTOR,
  eventually,
  GCP_CONNECTOR,
  REGISTRIES,
  registryBody,
  sleep,
  useSimulator,
  weekly,
} from "./testkit";

const h = useSimulator({ bulkDeleteDelayMs: 100 });

beforeEach(() => {
  h().sim.control.addConnector({ provider: "acr", connectorId: ACR_CONNECTOR });
  h().sim.control.addConnector({ provider: "gcp", connectorId: GCP_CONNECTOR });
});

async function create(type: string, overrides: Record<string, unknown> = {}): Promise<string> {
  const res = await h().api.post(REGISTRIES, registryBody(type, overrides));
  expect(res.status).toBe(200);
  return res.data.registryUuid as string;
}

const stored = (id: string) =>
  h()
    .sim.control.registries()
    .find((r) => r.registryUuid === id);
const exists = (id: string) => stored(id) !== undefined;

describe("GET /csapi/v1.3/registry/{id} (details)", () => {
  it("answers every field, the username but never the password", async () => {
    const id = await create("DockerHub");
    const res = await h().api.get(`${REGISTRIES}/${id}`);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({
      registryUuid: id,
      registryUri: "https://registry-1.docker.io",
      registryName: "hub",
      registryType: "DockerHub",
      credentialType: "DockerHub",
      credential: { username: "ci-bot" },
      dockerHubOrgName: "acme",
      status: "Active",
      scheduleStatusList: {},
    });
    expect(JSON.stringify(res.data)).not.toContain("hub-password");
  });

  it.each([
    ["AWS", "aws", { accountId: "123456789012", region: "eu-west-1", accountType: "Global" }],
    ["Azure", "acrRequest", { connectorId: ACR_CONNECTOR }],
    ["GCP", "gcpRequest", { connectorId: GCP_CONNECTOR, projectId: "acme-prod", location: "eu" }],
    ["GOOGLE_ARTIFACT_REGISTRY", "garRequest", { connectorId: GCP_CONNECTOR, registry: "images" }],
  ])("answers a %s registry's %s block as it was sent", async (type, key, block) => {
    const id = await create(type);
    expect((await h().api.get(`${REGISTRIES}/${id}`)).data[key]).toMatchObject(block);
  });

  it("counts the registry's schedules by status", async () => {
    const id = await create("V2");
    const s = h().sim.control.createSchedule(id, weekly({ registryType: "V2" }));
    h().sim.control.createSchedule(id, weekly({ registryType: "V2", name: "b" }));
    h().sim.control.setStatus(id, s.scheduleUuid, "Running");
    expect((await h().api.get(`${REGISTRIES}/${id}`)).data.scheduleStatusList).toEqual({
      Running: 1,
      Created: 1,
    });
  });

  it("answers 404 for an unknown registry, and 405 to DELETE (deletion is the bulk endpoint)", async () => {
    expect((await h().api.get(`${REGISTRIES}/nope`)).status).toBe(404);
    const id = await create("V2");
    const res = await h().api.delete(`${REGISTRIES}/${id}`);
    expect(res.status).toBe(405);
    expect(res.headers.allow).toBe("GET, PUT");
  });
});

describe("GET /csapi/v1.3/registry (list, QQL filter)", () => {
  it("answers 204 with no body when the filter matches nothing", async () => {
    const res = await h().api.get(REGISTRIES, {
      params: { filter: 'registryUri:"https://nothing.example.com"' },
      responseType: "text",
    });
    expect(res.status).toBe(204);
    expect(res.data).toBe("");
  });

  it('finds one registry by registryUri:"…", whatever the spelling of scheme, host and trailing slash', async () => {
    const id = await create("V2");
    await create("V2_PRIVATE");
    const res = await h().api.get(REGISTRIES, {
      params: { filter: 'registryUri:"HTTPS://quay.EXAMPLE.com/"' },
    });
    expect(res.status).toBe(200);
    expect(res.data.count).toBe(1);
    expect(res.data.data[0].registryUuid).toBe(id);
  });

  it("matches registryName as a case-insensitive contains, so callers compare exactly", async () => {
    await create("V2", { registryName: "prod" });
    await create("V2_PRIVATE", { registryName: "Prod-Harbor" });
    const res = await h().api.get(REGISTRIES, { params: { filter: 'registryName:"prod"' } });
    expect(res.data.count).toBe(2);
  });

  it("pages with pageNumber and pageSize, count is the total", async () => {
    for (let i = 0; i < 5; i++) await create("V2", { registryUri: `https://r${i}.example.com` });
    const res = await h().api.get<{ count: number; data: { registryUri: string }[] }>(REGISTRIES, {
      params: { filter: "registryType:V2", pageNumber: 2, pageSize: 2 },
    });
    expect(res.data.count).toBe(5);
    expect(res.data.data.map((r) => r.registryUri)).toEqual([
      "https://r2.example.com",
      "https://r3.example.com",
    ]);
  });

  it("answers 400 to an unsupported filter field and to a bad page size", async () => {
    expect((await h().api.get(REGISTRIES, { params: { filter: "password:x" } })).status).toBe(400);
    expect((await h().api.get(REGISTRIES, { params: { pageSize: 1000 } })).status).toBe(400);
  });
});

describe("PUT /csapi/v1.3/registry/{id} (update)", () => {
  it("updates the name and the password in place", async () => {
    const id = await create("V2_PRIVATE");
    const res = await h().api.put(
      `${REGISTRIES}/${id}`,
      registryBody("V2_PRIVATE", {
        registryName: "renamed",
        credential: { username: "robot$ci", password: "rotated" },
      }),
    );
    expect(res.status).toBe(200);
    expect(res.data).toEqual({ registryUuid: id });
    expect(stored(id)).toMatchObject({ registryName: "renamed", secretFingerprint: fingerprint("rotated") });
  });

  it("needs the whole body, password included: Qualys never returns it", async () => {
    const id = await create("V2_PRIVATE");
    const res = await h().api.put(
      `${REGISTRIES}/${id}`,
      registryBody("V2_PRIVATE", { credential: { username: "robot$ci" } }),
    );
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("credential.password");
  });

  it("updates the connector of an Azure registry", async () => {
    h().sim.control.addConnector({ provider: "acr", connectorId: "acr-2" });
    const id = await create("Azure");
    expect(
      (
        await h().api.put(
          `${REGISTRIES}/${id}`,
          registryBody("Azure", { acrRequest: { connectorId: "acr-2" } }),
        )
      ).status,
    ).toBe(200);
    expect(stored(id)?.connectorId).toBe("acr-2");
  });

  it.each([
    [
      "registryType",
      "V2",
      {
        registryType: "V2_PRIVATE",
        credentialType: "BasicAuth",
        credential: { username: "u", password: "p" },
      },
    ],
    ["registryUri", "V2", { registryUri: "https://other.example.com" }],
    [
      "gcpRequest.projectId",
      "GCP",
      { gcpRequest: { connectorId: GCP_CONNECTOR, projectId: "acme-test", location: "eu" } },
    ],
    [
      "garRequest.registry",
      "GOOGLE_ARTIFACT_REGISTRY",
      { garRequest: { connectorId: GCP_CONNECTOR, projectId: "acme-prod", registry: "other" } },
    ],
  ])("refuses to change %s: 400, nothing changed", async (field, type, overrides) => {
    const id = await create(type);
    const before = stored(id);
    const res = await h().api.put(`${REGISTRIES}/${id}`, registryBody(type, overrides));
    expect(res.status).toBe(400);
    expect(res.data.message).toBe(`${field} cannot be updated`);
    expect(stored(id)).toEqual(before);
  });

  it("validates like create (400 naming the field) and answers 404 for an unknown registry", async () => {
    const id = await create("V2");
    expect(
      (await h().api.put(`${REGISTRIES}/${id}`, registryBody("V2", { registryName: "" }))).data.message,
    ).toContain("registryName");
    expect((await h().api.put(`${REGISTRIES}/nope`, registryBody("V2"))).status).toBe(404);
  });
});

describe("DELETE /csapi/v1.3/registry (asynchronous bulk delete)", () => {
  it("answers 200 {deletionJobId} at once; the registry is listed until the job runs", async () => {
    const id = await create("V2");
    const res = await h().api.delete(REGISTRIES, { data: { registryIds: [id] } });
    expect(res.status).toBe(200);
    expect(typeof res.data.deletionJobId).toBe("string");
    expect((await h().api.get(`${REGISTRIES}/${id}`)).data.status).toBe("Deleting");
    expect(await eventually(() => !exists(id))).toBe(true);
    expect((await h().api.get(`${REGISTRIES}/${id}`)).status).toBe(404);
  });

  it("takes the IDs from the query too, and removes the registry's schedules with it", async () => {
    const a = await create("V2");
    const b = await create("V2_PRIVATE");
    h().sim.control.createSchedule(a, weekly({ registryType: "V2" }));
    await h().api.delete(REGISTRIES, { params: { registryIds: `${a},${b}` } });
    expect(await eventually(() => !exists(a) && !exists(b))).toBe(true);
    expect(h().sim.control.schedules()).toHaveLength(0);
  });

  it("refuses the whole request while a schedule of a registry is Running, naming it", async () => {
    const a = await create("V2");
    const b = await create("V2_PRIVATE");
    const s = h().sim.control.createSchedule(b, weekly({ registryType: "V2_PRIVATE", name: "nightly" }));
    h().sim.control.setStatus(b, s.scheduleUuid, "Running");
    const res = await h().api.delete(REGISTRIES, { data: { registryIds: [a, b] } });
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("Running");
    expect(res.data.message).toContain("nightly");
    expect(res.data.message).toContain(s.scheduleUuid);
    await sleep(150);
    expect(exists(a) && exists(b)).toBe(true);
  });

  it("ignores unknown IDs and answers 400 without any", async () => {
    expect((await h().api.delete(REGISTRIES, { data: { registryIds: ["nope"] } })).status).toBe(200);
    const none = await h().api.delete(REGISTRIES);
    expect(none.status).toBe(400);
    expect(none.data.message).toContain("registryIds");
  });
});

describe("GET /csapi/v1.3/registry/aws-base", () => {
  it("answers the Qualys account ID and the external ID (a number, as Qualys types it)", async () => {
    const res = await h().api.get(`${REGISTRIES}/aws-base`);
    expect(res.status).toBe(200);
    expect(res.data).toEqual(AWS_BASE);
    expect(typeof res.data.externalId).toBe("number");
  });
});

describe("GET /csapi/v1.3/registry/{aws,acr,gcp}/connectors", () => {
  it("lists each provider's connectors, AWS ones also by account", async () => {
    await create("AWS");
    const aws = await h().api.get(`${REGISTRIES}/aws/connectors`);
    expect(aws.data).toHaveLength(1);
    expect(aws.data[0]).toMatchObject({
      arn: "arn:aws:iam::123456789012:role/qualys-ecr",
      accountId: "123456789012",
    });
    expect((await h().api.get(`${REGISTRIES}/aws/connectors/123456789012`)).data).toHaveLength(1);
    expect((await h().api.get(`${REGISTRIES}/aws/connectors/000000000000`)).data).toHaveLength(0);
    const acr = (await h().api.get(`${REGISTRIES}/acr/connectors`)).data;
    expect(acr).toContainEqual(expect.objectContaining({ connectorId: ACR_CONNECTOR }));
    expect(acr).not.toContainEqual(expect.objectContaining({ connectorId: GCP_CONNECTOR }));
    expect((await h().api.get(`${REGISTRIES}/gcp/connectors`)).data).toEqual([
      expect.objectContaining({ connectorId: GCP_CONNECTOR }),
    ]);
  });
});

describe("control: registries and connectors", () => {
  it("createRegistry validates like POST; reset drops API-made registries and keeps seeded ones", () => {
    const r = h().sim.control.createRegistry(registryBody("V2"));
    expect(r.origin).toBe("api");
    expect(() => h().sim.control.createRegistry(registryBody("V2"))).toThrow(/registryUri/);
    h().sim.control.addRegistry("seeded-1", "V2", { uri: "https://seeded.example.com", name: "seeded" });
    h().sim.control.reset();
    const left = h().sim.control.registries();
    expect(left.map((x) => x.registryUuid)).toContain("seeded-1");
    expect(left.map((x) => x.registryUuid)).not.toContain(r.registryUuid);
  });

  it("patchRegistry changes fields behind the provider's back; deleteRegistry removes at once", async () => {
    const id = await create("V2");
    h().sim.control.patchRegistry(id, { registryName: "console-rename" });
    expect((await h().api.get(`${REGISTRIES}/${id}`)).data.registryName).toBe("console-rename");
    h().sim.control.deleteRegistry(id);
    expect((await h().api.get(`${REGISTRIES}/${id}`)).status).toBe(404);
  });
});
