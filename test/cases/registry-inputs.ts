/**
 * Registry inputs shared by the unit tests of `check` and the end-to-end preview test: a valid set of
 * args per registry type, and per type bad inputs that must fail naming one property. The values point
 * at the simulator's seeded connectors (test/e2e/registry-*.test.ts seed them).
 */
export const ACR_CONNECTOR = "acr-connector-1";
export const GCP_CONNECTOR = "gcp-connector-1";

/** Valid args of each registry type (no `name`: the resource name is used). */
export const VALID_REGISTRIES: Record<string, Record<string, unknown>> = {
  DockerHub: {
    registryType: "DockerHub",
    registryUri: "https://registry-1.docker.io",
    username: "ci-bot",
    password: "hub-password-1",
    dockerHubOrgName: "acme",
  },
  V2_PRIVATE: {
    registryType: "V2_PRIVATE",
    registryUri: "https://harbor.example.com",
    username: "robot$ci",
    password: "harbor-password-1",
  },
  V2: { registryType: "V2", registryUri: "https://quay.example.com" },
  AWS: {
    registryType: "AWS",
    registryUri: "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com",
    aws: { accountId: "123456789012", region: "eu-west-1", arn: "arn:aws:iam::123456789012:role/qualys-ecr" },
  },
  Azure: { registryType: "Azure", registryUri: "https://acme.azurecr.io", connectorId: ACR_CONNECTOR },
  GCP: {
    registryType: "GCP",
    registryUri: "https://eu.gcr.io",
    connectorId: GCP_CONNECTOR,
    projectId: "acme-prod",
    location: "eu",
  },
  GOOGLE_ARTIFACT_REGISTRY: {
    registryType: "GOOGLE_ARTIFACT_REGISTRY",
    registryUri: "https://europe-west1-docker.pkg.dev",
    connectorId: GCP_CONNECTOR,
    projectId: "acme-prod",
    registry: "images",
  },
};

export interface BadRegistryInput {
  type: string;
  /** Merged over the type's valid args; a key set to undefined removes it. */
  args: Record<string, unknown>;
  /** The one property that must fail. */
  property: string;
  /** Words the reason must contain. */
  words: string[];
}

/** One or more bad inputs per registry type, each failing exactly one property. */
export const BAD_REGISTRIES: BadRegistryInput[] = [
  {
    type: "DockerHub",
    args: { username: undefined },
    property: "username",
    words: ["required", "DockerHub"],
  },
  { type: "DockerHub", args: { password: undefined }, property: "password", words: ["required"] },
  { type: "DockerHub", args: { accessToken: "tok-123456" }, property: "accessToken", words: ["not both"] },
  {
    type: "DockerHub",
    args: { connectorId: "x" },
    property: "connectorId",
    words: ["not a property of a DockerHub"],
  },
  {
    type: "V2_PRIVATE",
    args: { registryUri: "http://harbor.example.com" },
    property: "registryUri",
    words: ["https"],
  },
  { type: "V2_PRIVATE", args: { password: undefined }, property: "password", words: ["needs credentials"] },
  {
    type: "V2_PRIVATE",
    args: { username: undefined },
    property: "username",
    words: ["required", "BasicAuth"],
  },
  {
    type: "V2_PRIVATE",
    args: { credentialType: "Token", password: undefined },
    property: "accessToken",
    words: ["required", "Token"],
  },
  {
    type: "V2_PRIVATE",
    args: { registryUri: "harbor.example.com" },
    property: "registryUri",
    words: ["absolute URL", "https://harbor.example.com"],
  },
  { type: "V2", args: { username: "anon" }, property: "username", words: ['"None"'] },
  {
    type: "V2",
    args: { dockerHubOrgName: "acme" },
    property: "dockerHubOrgName",
    words: ["not a property of a V2"],
  },
  { type: "V2", args: { registryType: "v2" }, property: "registryType", words: ['did you mean "V2"'] },
  {
    type: "AWS",
    args: { registryUri: "https://123456789012.dkr.ecr.us-east-1.amazonaws.com" },
    property: "registryUri",
    words: ["region us-east-1", "eu-west-1"],
  },
  {
    type: "AWS",
    args: { registryUri: "https://210987654321.dkr.ecr.eu-west-1.amazonaws.com" },
    property: "registryUri",
    words: ["account 210987654321", "123456789012"],
  },
  { type: "AWS", args: { aws: undefined }, property: "aws", words: ["required", "AWS"] },
  {
    type: "AWS",
    args: { aws: { accountId: "123456789012", region: "eu-west-1" } },
    property: "aws",
    words: ["aws.arn", "required"],
  },
  {
    type: "AWS",
    args: { aws: { accountId: "123456789012", region: "Ireland", arn: "arn:aws:iam::123456789012:role/q" } },
    property: "aws",
    words: ["aws.region", "Ireland"],
  },
  {
    type: "AWS",
    args: {
      aws: { accountId: "123456789012", region: "eu-west-1", arn: "arn:aws:iam::999999999999:role/q" },
    },
    property: "aws",
    words: ["aws.arn", "999999999999"],
  },
  {
    type: "Azure",
    args: { registryUri: "https://acme.example.com" },
    property: "registryUri",
    words: ["azurecr.io"],
  },
  { type: "Azure", args: { connectorId: undefined }, property: "connectorId", words: ["required", "Azure"] },
  { type: "GCP", args: { location: "asia" }, property: "location", words: ["eu.gcr.io", '"eu"'] },
  { type: "GCP", args: { projectId: "Acme" }, property: "projectId", words: ["Google Cloud project ID"] },
  { type: "GCP", args: { location: undefined }, property: "location", words: ["required", "GCP"] },
  {
    type: "GOOGLE_ARTIFACT_REGISTRY",
    args: { registry: undefined },
    property: "registry",
    words: ["required"],
  },
  {
    type: "GOOGLE_ARTIFACT_REGISTRY",
    args: { registryUri: "https://gcr.io" },
    property: "registryUri",
    words: ["-docker.pkg.dev"],
  },
  {
    type: "GOOGLE_ARTIFACT_REGISTRY",
    args: { location: "eu" },
    property: "location",
    words: ["not a property"],
  },
];

/** The type's valid args with `args` merged over them (a key set to undefined removes it). */
export function registryArgs(type: string, args: Record<string, unknown> = {}): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...VALID_REGISTRIES[type], ...args };
  for (const [k, v] of Object.entries(merged)) if (v === undefined) delete merged[k];
  return merged;
}
