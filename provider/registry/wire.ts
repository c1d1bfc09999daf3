/**
 * The Qualys CS wire format of registries (docs/qualys-registry-contract.md): request bodies, reply
 * parsing, the URI filter. Pure functions; the HTTP calls live in `api.ts`.
 */
import type { z } from "zod";

import { malformed, replySchema, type ApiResponse, type Zod } from "../qualys/http/response";
import type { AwsRegistryLocation, RegistryInputs, RegistryType } from "./types";
import { normalizeUri } from "./uri";

/** The create and update body (docs/qualys-registry-contract.md §2). Secrets travel only in `credential`. */
export interface WireRegistryBody {
  registryType: RegistryType;
  registryUri: string;
  registryName: string;
  credentialType: string;
  credential?: { username?: string; password?: string; accessToken?: string };
  dockerHubOrgName?: string;
  aws?: Required<AwsRegistryLocation>;
  acrRequest?: { connectorId: string };
  gcpRequest?: { connectorId: string; projectId: string; location: string };
  garRequest?: { connectorId: string; projectId: string; registry: string };
}

/** The wire credential type of each registry type (V2 types carry their own, docs/qualys-registry-contract.md §2). */
const CLOUD_CREDENTIAL_TYPES: Partial<Record<RegistryType, string>> = {
  DockerHub: "DockerHub",
  AWS: "AWS",
  Azure: "Azure",
  GCP: "GCP",
  GOOGLE_ARTIFACT_REGISTRY: "GCP",
};

/** Builds the body from canonical inputs; a Docker Hub access token travels as the password (docs/qualys-registry-contract.md §2). */
export function toWireRegistryBody(inputs: RegistryInputs): WireRegistryBody {
  const body: WireRegistryBody = {
    registryType: inputs.registryType,
    registryUri: inputs.registryUri,
    registryName: inputs.name,
    credentialType:
      CLOUD_CREDENTIAL_TYPES[inputs.registryType] ??
      inputs.credentialType ??
      // Left out by the program: the credentials decide (registry/rules.ts checked that they agree).
      (inputs.accessToken !== undefined ? "Token" : inputs.password !== undefined ? "BasicAuth" : "None"),
  };
  switch (body.credentialType) {
    case "DockerHub":
    case "BasicAuth":
      body.credential = { username: inputs.username, password: inputs.password ?? inputs.accessToken };
      break;
    case "Token":
      body.credential = { accessToken: inputs.accessToken };
      if (inputs.username !== undefined) body.credential.username = inputs.username;
      break;
  }
  const { connectorId = "", projectId = "" } = inputs;
  switch (inputs.registryType) {
    case "DockerHub":
      if (inputs.dockerHubOrgName !== undefined) body.dockerHubOrgName = inputs.dockerHubOrgName;
      break;
    case "AWS": {
      const aws = inputs.aws;
      const region = aws?.region ?? "";
      body.aws = {
        accountId: aws?.accountId ?? "",
        arn: aws?.arn ?? "",
        region,
        accountType: aws?.accountType ?? (region.startsWith("us-gov-") ? "US_Gov" : "Global"),
      };
      break;
    }
    case "Azure":
      body.acrRequest = { connectorId };
      break;
    case "GCP":
      body.gcpRequest = { connectorId, projectId, location: inputs.location ?? "" };
      break;
    case "GOOGLE_ARTIFACT_REGISTRY":
      body.garRequest = { connectorId, projectId, registry: inputs.registry ?? "" };
      break;
  }
  return body;
}

function registrySchema(z: Zod) {
  const text = z.string().nullish();
  return z
    .object({
      registryUuid: z.string().min(1),
      registryUri: text,
      registryName: text,
      registryType: text,
      credentialType: text,
      credential: z.object({ username: text }).loose().nullish(),
      dockerHubOrgName: text,
      status: text,
      created: z.union([z.number(), z.string()]).nullish(),
      updated: z.union([z.number(), z.string()]).nullish(),
      aws: z.object({ accountId: text, arn: text, region: text, accountType: text }).loose().nullish(),
      acrRequest: z.object({ connectorId: text }).loose().nullish(),
      gcpRequest: z.object({ connectorId: text, projectId: text, location: text }).loose().nullish(),
      garRequest: z.object({ connectorId: text, projectId: text, registry: text }).loose().nullish(),
      scheduleStatusList: z.record(z.string(), z.number()).nullish(),
    })
    .loose();
}

/** One registry as details and list replies hold it. Fields the server left out are `undefined`. */
export type WireRegistry = z.infer<ReturnType<typeof registrySchema>>;

const detailsSchema = replySchema(registrySchema);
const pageSchema = replySchema((z) =>
  z.object({ count: z.number().optional(), data: z.array(registrySchema(z)).nullish() }).loose(),
);

/** A registry-details reply. */
export function parseRegistryDetails(res: ApiResponse, operation: string): WireRegistry {
  const parsed = detailsSchema().safeParse(res.data);
  if (!parsed.success) throw malformed(res, operation, 'a JSON object with "registryUuid"');
  return parsed.data;
}

/** A page of the registry list; only 204 means "no match". */
export function parseRegistryPage(
  res: ApiResponse,
  operation: string,
): { count: number; data: WireRegistry[] } {
  if (res.status === 204) return { count: 0, data: [] };
  const parsed = pageSchema().safeParse(res.data);
  if (res.text.trim() === "" || !parsed.success || (parsed.data.count === undefined && !parsed.data.data)) {
    throw malformed(res, operation, 'a JSON object {"count": n, "data": [registries with "registryUuid"]}');
  }
  const data = parsed.data.data ?? [];
  return { count: parsed.data.count ?? data.length, data };
}

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/**
 * The registry ID from a create reply: `registryUuid`, or a bare or quoted UUID. `undefined` when the
 * reply holds neither: the caller then finds the registry by its URI (docs/qualys-registry-contract.md §6).
 */
export function parseCreatedRegistryId(res: ApiResponse): string | undefined {
  const data = res.data;
  if (data && typeof data === "object" && !Array.isArray(data)) {
    const v = (data as Record<string, unknown>).registryUuid;
    if (typeof v === "string" && v.trim() !== "") return v.trim();
  }
  const text = (typeof data === "string" ? data : res.text).trim().replace(/^"(.*)"$/, "$1");
  return UUID_RE.test(text) ? text : undefined;
}

/** The QQL filter that finds a registry by its (normalized) URI, quoted as Qualys expects. */
export function uriFilter(registryUri: string): string {
  return `registryUri:"${registryUri.replace(/(["\\])/g, "\\$1")}"`;
}

const awsBaseSchema = replySchema((z) =>
  z
    .object({ accountId: z.union([z.string(), z.number()]), externalId: z.union([z.string(), z.number()]) })
    .loose(),
);

/** `aws-base`: the Qualys AWS account and external ID (a number on the wire, a string here). */
export function parseAwsBase(res: ApiResponse, operation: string): { accountId: string; externalId: string } {
  const parsed = awsBaseSchema().safeParse(res.data);
  if (!parsed.success) throw malformed(res, operation, 'a JSON object with "accountId" and "externalId"');
  return { accountId: String(parsed.data.accountId), externalId: String(parsed.data.externalId) };
}

function timestamp(v: number | string | null | undefined): string | undefined {
  if (v === null || v === undefined || v === "") return undefined;
  if (typeof v === "number") return new Date(v).toISOString();
  return /^\d+$/.test(v) ? new Date(Number(v)).toISOString() : v;
}

/** What Qualys says about a registry, mapped onto our fields. */
export interface ObservedRegistry {
  inputs: RegistryInputs;
  status: string;
  created?: string;
  updated?: string;
}

/**
 * Maps a registry reply onto inputs. Secrets are never returned, so they keep their last applied values
 * (a password changed in the console cannot be seen); a field the server left out keeps its last
 * applied value too, so it never shows as drift.
 */
export function fromWireRegistry(item: WireRegistry, last: Partial<RegistryInputs> = {}): ObservedRegistry {
  const type = (item.registryType ?? last.registryType ?? "V2") as RegistryType;
  const keep = <T>(wire: T | null | undefined, previous: T | undefined): T | undefined =>
    wire === undefined ? previous : (wire ?? undefined);
  const inputs: RegistryInputs = {
    registryType: type,
    registryUri: normalizeUri(item.registryUri ?? last.registryUri ?? ""),
    name: item.registryName ?? last.name ?? "",
  };
  const optional: Partial<RegistryInputs> = {
    password: last.password,
    accessToken: last.accessToken,
  };
  // Derived values (credentialType, aws.accountType) are kept only where the program set them, so that
  // leaving them out never shows as drift; an import (nothing applied yet) takes what Qualys says.
  const imported = last.registryType === undefined;
  if ((type === "V2" || type === "V2_PRIVATE") && (imported || last.credentialType !== undefined)) {
    const ct = item.credentialType ?? last.credentialType;
    optional.credentialType = ct === "BasicAuth" || ct === "Token" || ct === "None" ? ct : "None";
  }
  if (type === "DockerHub" || type === "V2" || type === "V2_PRIVATE") {
    optional.username =
      item.credential === undefined ? last.username : (item.credential?.username ?? undefined);
  }
  if (type === "DockerHub") optional.dockerHubOrgName = keep(item.dockerHubOrgName, last.dockerHubOrgName);
  if (type === "AWS") {
    const a = item.aws;
    optional.aws =
      a && a.accountId && a.arn && a.region
        ? {
            accountId: a.accountId,
            arn: a.arn,
            region: a.region,
            ...(imported || last.aws?.accountType !== undefined
              ? { accountType: a.accountType === "US_Gov" ? ("US_Gov" as const) : ("Global" as const) }
              : {}),
          }
        : last.aws;
  }
  const block = item.acrRequest ?? item.gcpRequest ?? item.garRequest;
  if (type === "Azure" || type === "GCP" || type === "GOOGLE_ARTIFACT_REGISTRY") {
    optional.connectorId = keep(block?.connectorId, last.connectorId);
  }
  if (type === "GCP" || type === "GOOGLE_ARTIFACT_REGISTRY") {
    const g = item.gcpRequest ?? item.garRequest;
    optional.projectId = keep(g?.projectId, last.projectId);
  }
  if (type === "GCP") optional.location = keep(item.gcpRequest?.location, last.location);
  if (type === "GOOGLE_ARTIFACT_REGISTRY") optional.registry = keep(item.garRequest?.registry, last.registry);
  for (const [k, v] of Object.entries(optional)) {
    if (v !== undefined) (inputs as unknown as Record<string, unknown>)[k] = v;
  }
  return {
    inputs,
    status: item.status ?? "Unknown",
    created: timestamp(item.created),
    updated: timestamp(item.updated),
  };
}
