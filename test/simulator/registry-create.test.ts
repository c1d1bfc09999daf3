import { fingerprint } from "./index";
import { REGISTRY_TYPES } from "./types";
import { ACR_CONNECTOR, GCP_CONNECTOR, REGISTRIES, registryBody, useSimulator } from "./testkit";

const h = useSimulator();

beforeEach(() => {
  h().sim.control.addConnector({ provider: "acr", connectorId: ACR_CONNECTOR });
  h().sim.control.addConnector({ provider: "gcp", connectorId: GCP_CONNECTOR });
});

const created = () =>
  h()
    .sim.control.registries()
    .filter((r) => r.origin === "api");

/** Posts a body that breaks a rule: 400 naming the field, and nothing stored. */
async function expectRejected(body: unknown, field: string) {
  const res = await h().api.post(REGISTRIES, body);
  expect(res.status).toBe(400);
  expect(res.data.errorCode).toBe("400 BAD_REQUEST");
  expect(res.data.message).toContain(field);
  expect(created()).toHaveLength(0);
}

describe("POST /csapi/v1.3/registry (create)", () => {
  it.each([...REGISTRY_TYPES])("creates a %s registry: 200 {registryUuid}", async (type) => {
    const res = await h().api.post(REGISTRIES, registryBody(type));
    expect(res.status).toBe(200);
    expect(Object.keys(res.data)).toEqual(["registryUuid"]);
    const [r] = created();
    expect(r).toMatchObject({ registryUuid: res.data.registryUuid, registryType: type, origin: "api" });
  });

  it("keeps a fingerprint of the password, never the password", async () => {
    await h().api.post(REGISTRIES, registryBody("V2_PRIVATE"));
    const [r] = created();
    expect(r?.secretFingerprint).toBe(fingerprint("harbor-password"));
    expect(JSON.stringify(h().sim.control.registries())).not.toContain("harbor-password");
  });

  it("stores the URI normalized: lower-case host, no trailing slash", async () => {
    await h().api.post(REGISTRIES, registryBody("V2", { registryUri: "HTTPS://Quay.Example.COM/" }));
    expect(created()[0]?.registryUri).toBe("https://quay.example.com");
  });

  it("answers 400 to a body that is not JSON, or not an object", async () => {
    const res = await h().api.post(REGISTRIES, "{no", { headers: { "Content-Type": "application/json" } });
    expect(res.status).toBe(400);
    await expectRejected([1], "body");
  });
});

describe("registry create: fields every type needs", () => {
  it.each([
    ["registryType", { registryType: undefined }],
    ["registryType", { registryType: "ACR" }],
    ["registryUri", { registryUri: undefined }],
    ["registryUri", { registryUri: "harbor.example.com" }],
    ["registryName", { registryName: "" }],
    ["registryName", { registryName: "x".repeat(256) }],
    ["credentialType", { credentialType: "Oauth" }],
  ])("answers 400 naming %s", async (field, overrides) => {
    await expectRejected(registryBody("V2_PRIVATE", overrides), field);
  });

  it("answers 400 naming an unknown top-level field", async () => {
    await expectRejected(registryBody("V2", { registryUrl: "https://x.example.com" }), "registryUrl");
  });
});

describe("registry create: https except on loopback", () => {
  it("refuses http on another host", async () => {
    await expectRejected(registryBody("V2", { registryUri: "http://quay.example.com" }), "registryUri");
  });

  it.each(["http://127.0.0.1:5000", "http://localhost:5000", "http://[::1]:5000"])(
    "accepts %s",
    async (uri) => {
      expect((await h().api.post(REGISTRIES, registryBody("V2", { registryUri: uri }))).status).toBe(200);
    },
  );

  it("refuses credentials, a query or a fragment in the URI", async () => {
    await expectRejected(registryBody("V2", { registryUri: "https://u:p@quay.example.com" }), "registryUri");
    await expectRejected(registryBody("V2", { registryUri: "https://quay.example.com?x=1" }), "registryUri");
  });
});

describe("registry create: credentials per credential type", () => {
  it("DockerHub and BasicAuth need credential.username and credential.password", async () => {
    await expectRejected(registryBody("DockerHub", { credential: { username: "u" } }), "credential.password");
    await expectRejected(
      registryBody("V2_PRIVATE", { credential: { password: "p" } }),
      "credential.username",
    );
    await expectRejected(registryBody("V2_PRIVATE", { credential: undefined }), "credential");
  });

  it("Token takes credential.accessToken; the username is optional", async () => {
    const token = { credentialType: "Token", credential: { accessToken: "jfrog-token" } };
    expect((await h().api.post(REGISTRIES, registryBody("V2_PRIVATE", token))).status).toBe(200);
    expect(created()[0]?.secretFingerprint).toBe(fingerprint("jfrog-token"));
  });

  it("Token needs credential.accessToken", async () => {
    await expectRejected(
      registryBody("V2", {
        registryUri: "https://jfrog.example.com",
        credentialType: "Token",
        credential: {},
      }),
      "credential.accessToken",
    );
  });

  it("V2_PRIVATE refuses credentialType None; V2 takes it without a credential", async () => {
    await expectRejected(
      registryBody("V2_PRIVATE", { credentialType: "None", credential: undefined }),
      "credentialType",
    );
    await expectRejected(registryBody("V2", { credential: { username: "u", password: "p" } }), "credential");
  });

  it("cloud types take their own credential type and no credential", async () => {
    await expectRejected(registryBody("AWS", { credentialType: "BasicAuth" }), "credentialType");
    await expectRejected(
      registryBody("Azure", { credential: { username: "u", password: "p" } }),
      "credential",
    );
  });

  it("refuses unknown credential fields", async () => {
    await expectRejected(
      registryBody("V2_PRIVATE", { credential: { username: "u", password: "p", token: "t" } }),
      "credential.token",
    );
  });
});

describe("registry create: per-type blocks belong to their type", () => {
  it.each([
    ["aws", "V2"],
    ["acrRequest", "AWS"],
    ["gcpRequest", "GOOGLE_ARTIFACT_REGISTRY"],
    ["garRequest", "GCP"],
  ])("refuses %s on a %s registry", async (key, type) => {
    await expectRejected(registryBody(type, { [key]: {} }), key);
  });

  it("refuses dockerHubOrgName on other types", async () => {
    await expectRejected(registryBody("V2", { dockerHubOrgName: "acme" }), "dockerHubOrgName");
  });
});

describe("registry create: AWS (ECR) rules", () => {
  const aws = (patch: Record<string, unknown>, uri?: string) => {
    const base = registryBody("AWS");
    return { ...base, ...(uri ? { registryUri: uri } : {}), aws: { ...(base.aws as object), ...patch } };
  };
  it.each([
    ["aws.accountId", { accountId: "1234" }],
    ["aws.region", { region: "Europe" }],
    ["aws.accountType", { accountType: "China" }],
    ["aws.arn", { arn: "arn:aws:iam::123456789012:user/x" }],
    ["aws.arn", { arn: "arn:aws:iam::999999999999:role/qualys" }],
    ["aws.accountType", { accountType: "US_Gov" }],
  ])("answers 400 naming %s", async (field, patch) => {
    await expectRejected(aws(patch), field);
  });

  it("needs the aws block", async () => {
    await expectRejected(registryBody("AWS", { aws: undefined }), "aws");
  });

  it("needs the URI's account and region to be aws.accountId and aws.region", async () => {
    await expectRejected(aws({}, "https://123456789012.dkr.ecr.us-east-1.amazonaws.com"), "registryUri");
    await expectRejected(aws({}, "https://210987654321.dkr.ecr.eu-west-1.amazonaws.com"), "registryUri");
  });

  it("accepts a GovCloud registry with the aws-us-gov partition", async () => {
    const body = aws(
      { region: "us-gov-west-1", accountType: "US_Gov", arn: "arn:aws-us-gov:iam::123456789012:role/q" },
      "https://123456789012.dkr.ecr.us-gov-west-1.amazonaws.com",
    );
    expect((await h().api.post(REGISTRIES, body)).status).toBe(200);
  });

  it("makes an AWS connector for a new role ARN and reuses it for the next registry", async () => {
    await h().api.post(REGISTRIES, registryBody("AWS"));
    await h().api.post(
      REGISTRIES,
      aws({ region: "us-east-1" }, "https://123456789012.dkr.ecr.us-east-1.amazonaws.com"),
    );
    const aws1 = h()
      .sim.control.connectors()
      .filter((c) => c.provider === "aws");
    expect(aws1).toHaveLength(1);
    expect(aws1[0]).toMatchObject({
      arn: "arn:aws:iam::123456789012:role/qualys-ecr",
      accountId: "123456789012",
    });
  });
});

describe("registry create: Azure (ACR) rules", () => {
  it("needs acrRequest.connectorId of an existing ACR connector", async () => {
    await expectRejected(registryBody("Azure", { acrRequest: {} }), "acrRequest.connectorId");
    await expectRejected(
      registryBody("Azure", { acrRequest: { connectorId: "nope" } }),
      "acrRequest.connectorId",
    );
    await expectRejected(
      registryBody("Azure", { acrRequest: { connectorId: GCP_CONNECTOR } }),
      "acrRequest.connectorId",
    );
  });

  it("needs a host ending in .azurecr.io", async () => {
    await expectRejected(registryBody("Azure", { registryUri: "https://acme.example.com" }), "registryUri");
  });
});

describe("registry create: Google (GCR, Artifact Registry) rules", () => {
  it("GCR needs connectorId, projectId and location, and a gcr.io host matching the location", async () => {
    const gcp = (p: Record<string, unknown>) => ({
      connectorId: GCP_CONNECTOR,
      projectId: "acme-prod",
      location: "eu",
      ...p,
    });
    await expectRejected(
      registryBody("GCP", { gcpRequest: gcp({ location: undefined }) }),
      "gcpRequest.location",
    );
    await expectRejected(
      registryBody("GCP", { gcpRequest: gcp({ projectId: "A" }) }),
      "gcpRequest.projectId",
    );
    await expectRejected(
      registryBody("GCP", { gcpRequest: gcp({ location: "asia" }) }),
      "gcpRequest.location",
    );
    await expectRejected(registryBody("GCP", { registryUri: "https://eu.example.com" }), "registryUri");
  });

  it("Artifact Registry needs connectorId, projectId and registry, and a -docker.pkg.dev host", async () => {
    const gar = (p: Record<string, unknown>) => ({
      connectorId: GCP_CONNECTOR,
      projectId: "acme-prod",
      registry: "images",
      ...p,
    });
    await expectRejected(
      registryBody("GOOGLE_ARTIFACT_REGISTRY", { garRequest: gar({ registry: "" }) }),
      "garRequest.registry",
    );
    await expectRejected(
      registryBody("GOOGLE_ARTIFACT_REGISTRY", { garRequest: gar({ connectorId: ACR_CONNECTOR }) }),
      "garRequest.connectorId",
    );
    await expectRejected(
      registryBody("GOOGLE_ARTIFACT_REGISTRY", { registryUri: "https://gcr.io" }),
      "registryUri",
    );
  });
});

describe("registry create: one registry per URI (the natural key)", () => {
  it("answers 400 naming registryUri and the registry that has it, also when spelt differently", async () => {
    const first = await h().api.post(REGISTRIES, registryBody("V2"));
    const res = await h().api.post(
      REGISTRIES,
      registryBody("V2", { registryUri: "https://QUAY.example.com/" }),
    );
    expect(res.status).toBe(400);
    expect(res.data.message).toContain("registryUri");
    expect(res.data.message).toContain(first.data.registryUuid);
    expect(created()).toHaveLength(1);
  });
});
