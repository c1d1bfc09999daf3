// The gateway's own check of a registry create or update body (docs/qualys-registry-contract.md).
// Written independently of the provider's rules on purpose: the simulator is the oracle the provider
// is tested against. Every refusal is a 400 whose message starts with the field it is about.
import { createHash } from "node:crypto";
import { absent, bad, isObj, type Obj } from "./parse";
import {
  emptyRegistryFields,
  REGISTRY_TYPES,
  type AwsBlock,
  type RegistryFields,
  type StoredConnector,
} from "./types";

/** Which credential types each registry type takes; the first is what a client usually sends. */
const CREDENTIAL_TYPES: Record<(typeof REGISTRY_TYPES)[number], string[]> = {
  DockerHub: ["DockerHub"],
  V2_PRIVATE: ["BasicAuth", "Token"],
  V2: ["None", "BasicAuth", "Token"],
  AWS: ["AWS"],
  Azure: ["Azure"],
  GCP: ["GCP"],
  GOOGLE_ARTIFACT_REGISTRY: ["GCP"],
};

/** The per-type block and the registry type it belongs to. */
const BLOCKS: Record<string, string> = {
  aws: "AWS",
  acrRequest: "Azure",
  gcpRequest: "GCP",
  garRequest: "GOOGLE_ARTIFACT_REGISTRY",
};

const TOP_LEVEL = new Set([
  "registryType",
  "registryUri",
  "registryName",
  "credentialType",
  "credential",
  "dockerHubOrgName",
  ...Object.keys(BLOCKS),
]);

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);
const AWS_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
const GCP_PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

function text(v: unknown, field: string, max = 255): string {
  if (absent(v)) bad(`${field} is required`);
  if (typeof v !== "string") bad(`${field} must be a string`);
  if (v.trim() === "") bad(`${field} must not be empty`);
  if (v.length > max) bad(`${field} must be at most ${max} characters`);
  return v;
}

export function fingerprint(secret: string): string {
  return createHash("sha256").update(secret).digest("hex").slice(0, 16);
}

/**
 * The registry URI as compared everywhere (natural key, filter): lower-case scheme and host, no default
 * port, no trailing slash. Refuses what is not an absolute https URL (http on loopback only).
 */
export function normalizeRegistryUri(raw: unknown): string {
  const v = text(raw, "registryUri", 2048);
  let u: URL;
  try {
    u = new URL(v.trim());
  } catch {
    bad(`registryUri ${JSON.stringify(v)} is not an absolute URL`);
  }
  if (u.protocol !== "https:" && !(u.protocol === "http:" && LOOPBACK.has(u.hostname))) {
    bad(`registryUri ${JSON.stringify(v)} must use https (http only on loopback)`);
  }
  if (u.username !== "" || u.password !== "") bad("registryUri must not carry credentials");
  if (u.search !== "" || u.hash !== "") bad("registryUri must not have a query or a fragment");
  return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}`;
}

function block(body: Obj, key: string): Obj {
  const v = body[key];
  if (absent(v)) bad(`${key} is required for registryType ${BLOCKS[key]}`);
  if (!isObj(v)) bad(`${key} must be an object`);
  return v;
}

function onlyKeys(v: Obj, at: string, keys: string[]): void {
  for (const k of Object.keys(v)) {
    if (!keys.includes(k)) bad(`${at}.${k} is not a known field (expected ${keys.join(", ")})`);
  }
}

function connector(
  connectors: Iterable<StoredConnector>,
  provider: StoredConnector["provider"],
  id: string,
  field: string,
): void {
  for (const c of connectors) if (c.provider === provider && c.connectorId === id) return;
  bad(`${field} ${JSON.stringify(id)}: no ${provider.toUpperCase()} connector with this ID`);
}

function parseAws(body: Obj, host: string): AwsBlock {
  const aws = block(body, "aws");
  onlyKeys(aws, "aws", ["accountId", "arn", "region", "accountType"]);
  const accountId = text(aws.accountId, "aws.accountId");
  if (!/^\d{12}$/.test(accountId)) bad("aws.accountId must be 12 digits");
  const region = text(aws.region, "aws.region");
  if (!AWS_REGION.test(region)) bad(`aws.region ${JSON.stringify(region)} is not an AWS region`);
  const accountType = text(aws.accountType, "aws.accountType");
  if (accountType !== "Global" && accountType !== "US_Gov") bad("aws.accountType must be Global or US_Gov");
  if ((accountType === "US_Gov") !== region.startsWith("us-gov-")) {
    bad("aws.accountType must be US_Gov exactly when aws.region is a us-gov- region");
  }
  const arn = text(aws.arn, "aws.arn", 2048);
  const m = /^arn:(aws|aws-us-gov):iam::(\d{12}):role\/[\w+=,.@/-]+$/.exec(arn);
  if (!m) bad("aws.arn must be an IAM role ARN (arn:aws:iam::<account>:role/<name>)");
  if (m[2] !== accountId) bad(`aws.arn is in account ${m[2]}, not aws.accountId ${accountId}`);
  if ((m[1] === "aws-us-gov") !== (accountType === "US_Gov")) {
    bad("aws.arn partition must be aws-us-gov exactly when aws.accountType is US_Gov");
  }
  const expected = `${accountId}.dkr.ecr.${region}.amazonaws.com`;
  if (host !== expected) bad(`registryUri host must be ${expected} for this aws.accountId and aws.region`);
  return { accountId, arn, region, accountType };
}

export interface RegistryWireContext {
  connectors: Iterable<StoredConnector>;
}

/** Validates a create or update body; throws HttpError 400 naming the field. */
export function parseRegistryBody(body: unknown, ctx: RegistryWireContext): RegistryFields {
  if (!isObj(body)) bad("request body must be a JSON object");
  for (const k of Object.keys(body)) if (!TOP_LEVEL.has(k)) bad(`${k} is not a known field`);
  const registryType = text(body.registryType, "registryType");
  if (!(REGISTRY_TYPES as readonly string[]).includes(registryType)) {
    bad(`registryType must be one of ${REGISTRY_TYPES.join(", ")}`);
  }
  for (const [key, type] of Object.entries(BLOCKS)) {
    if (!absent(body[key]) && type !== registryType) bad(`${key} is only allowed for registryType ${type}`);
  }
  if (!absent(body.dockerHubOrgName) && registryType !== "DockerHub") {
    bad("dockerHubOrgName is only allowed for registryType DockerHub");
  }
  const registryUri = normalizeRegistryUri(body.registryUri);
  const host = new URL(registryUri).hostname;
  const registryName = text(body.registryName, "registryName");
  const credentialType = text(body.credentialType, "credentialType");
  const allowed = CREDENTIAL_TYPES[registryType as (typeof REGISTRY_TYPES)[number]]; // checked above
  if (!allowed.includes(credentialType)) {
    bad(`credentialType must be ${allowed.join(" or ")} for registryType ${registryType}`);
  }

  const fields: RegistryFields = {
    ...emptyRegistryFields(),
    registryType,
    registryUri,
    registryName,
    credentialType,
  };

  const credential = body.credential;
  if (credentialType === "BasicAuth" || credentialType === "DockerHub") {
    if (!isObj(credential))
      bad(`credential {username, password} is required for credentialType ${credentialType}`);
    onlyKeys(credential, "credential", ["username", "password"]);
    fields.username = text(credential.username, "credential.username");
    fields.secretFingerprint = fingerprint(text(credential.password, "credential.password", 4096));
  } else if (credentialType === "Token") {
    if (!isObj(credential)) bad("credential {accessToken} is required for credentialType Token");
    onlyKeys(credential, "credential", ["username", "accessToken"]);
    fields.username = absent(credential.username) ? null : text(credential.username, "credential.username");
    fields.secretFingerprint = fingerprint(text(credential.accessToken, "credential.accessToken", 8192));
  } else if (!absent(credential)) {
    bad(`credential is not allowed for credentialType ${credentialType}`);
  }

  switch (registryType) {
    case "DockerHub":
      if (!absent(body.dockerHubOrgName))
        fields.dockerHubOrgName = text(body.dockerHubOrgName, "dockerHubOrgName");
      break;
    case "AWS":
      fields.aws = parseAws(body, host);
      break;
    case "Azure": {
      const acr = block(body, "acrRequest");
      onlyKeys(acr, "acrRequest", ["connectorId"]);
      fields.connectorId = text(acr.connectorId, "acrRequest.connectorId");
      if (!host.endsWith(".azurecr.io"))
        bad("registryUri host must end in .azurecr.io for registryType Azure");
      connector(ctx.connectors, "acr", fields.connectorId, "acrRequest.connectorId");
      break;
    }
    case "GCP": {
      const gcp = block(body, "gcpRequest");
      onlyKeys(gcp, "gcpRequest", ["connectorId", "projectId", "location"]);
      fields.connectorId = text(gcp.connectorId, "gcpRequest.connectorId");
      fields.projectId = text(gcp.projectId, "gcpRequest.projectId");
      if (!GCP_PROJECT.test(fields.projectId)) bad("gcpRequest.projectId is not a Google Cloud project ID");
      fields.location = text(gcp.location, "gcpRequest.location");
      if (host !== "gcr.io" && !host.endsWith(".gcr.io"))
        bad("registryUri host must be gcr.io or <location>.gcr.io");
      if (host !== "gcr.io" && host !== `${fields.location}.gcr.io`) {
        bad(`registryUri host ${host} does not match gcpRequest.location ${fields.location}`);
      }
      connector(ctx.connectors, "gcp", fields.connectorId, "gcpRequest.connectorId");
      break;
    }
    case "GOOGLE_ARTIFACT_REGISTRY": {
      const gar = block(body, "garRequest");
      onlyKeys(gar, "garRequest", ["connectorId", "projectId", "registry"]);
      fields.connectorId = text(gar.connectorId, "garRequest.connectorId");
      fields.projectId = text(gar.projectId, "garRequest.projectId");
      if (!GCP_PROJECT.test(fields.projectId)) bad("garRequest.projectId is not a Google Cloud project ID");
      fields.repository = text(gar.registry, "garRequest.registry");
      if (!host.endsWith("-docker.pkg.dev")) bad("registryUri host must be <location>-docker.pkg.dev");
      connector(ctx.connectors, "gcp", fields.connectorId, "garRequest.connectorId");
      break;
    }
  }
  return fields;
}

/** Fields a PUT may not change: the registry's identity, here and at its cloud. */
export function immutableChange(stored: RegistryFields, next: RegistryFields): string | undefined {
  if (next.registryType !== stored.registryType) return "registryType";
  if (next.registryUri !== stored.registryUri) return "registryUri";
  if (stored.aws && next.aws) {
    for (const k of ["accountId", "region", "accountType"] as const) {
      if (stored.aws[k] !== next.aws[k]) return `aws.${k}`;
    }
  }
  const block = next.registryType === "GCP" ? "gcpRequest" : "garRequest";
  if (next.projectId !== stored.projectId) return `${block}.projectId`;
  if (next.location !== stored.location) return `${block}.location`;
  if (next.repository !== stored.repository) return `${block}.registry`;
  return undefined;
}
