// The gateway's registry endpoints (docs/qualys-registry-contract.md): the paged list with its QQL
// filter, details, create, update, the asynchronous bulk delete, `aws-base` and the connector lists.
import { randomUUID } from "node:crypto";
import type { CsContext, CsRequest } from "./cs-context";
import { parseTerms, type QqlTerm } from "./qql";
import { fingerprint, immutableChange, normalizeRegistryUri, parseRegistryBody } from "./registry-wire";
import { intParam, parseJson } from "./parse";
import { empty, errorReply, HttpError, json, methodNotAllowed, type Reply } from "./reply";
import type { ConnectorProvider, RegistryFields, StoredConnector, StoredRegistry } from "./types";

/** The Qualys AWS account and external ID that a customer's IAM role must trust (fixed in the simulator). */
export const AWS_BASE = { accountId: "111122223333", externalId: 1618033988 };

const MAX_PAGE_SIZE = 250;
const FILTER_FIELDS = ["registryUri", "registryName", "registryType", "registryUuid"] as const;
type RegistryTerm = QqlTerm<(typeof FILTER_FIELDS)[number]>;

/** Details as the gateway answers them: never a password or token, only the username. */
export function registryView(ctx: CsContext, r: StoredRegistry): Record<string, unknown> {
  const statuses: Record<string, number> = {};
  for (const s of ctx.store.list(r.registryUuid)) statuses[s.status] = (statuses[s.status] ?? 0) + 1;
  const view: Record<string, unknown> = {
    registryUuid: r.registryUuid,
    registryUri: r.registryUri,
    registryName: r.registryName,
    registryType: r.registryType,
    credentialType: r.credentialType,
    credential: r.username === null ? null : { username: r.username },
    status: r.deletionJobId === null ? "Active" : "Deleting",
    created: r.created,
    updated: r.updated,
    lastScanned: null,
    repoCount: 0,
    totalImages: 0,
    totalScannedImages: 0,
    totalVulnerableImages: 0,
    scheduleStatusList: statuses,
  };
  if (r.registryType === "DockerHub") view.dockerHubOrgName = r.dockerHubOrgName;
  if (r.aws) view.aws = { ...r.aws };
  if (r.registryType === "Azure") view.acrRequest = { connectorId: r.connectorId };
  if (r.registryType === "GCP") {
    view.gcpRequest = { connectorId: r.connectorId, projectId: r.projectId, location: r.location };
  }
  if (r.registryType === "GOOGLE_ARTIFACT_REGISTRY") {
    view.garRequest = { connectorId: r.connectorId, projectId: r.projectId, registry: r.repository };
  }
  return view;
}

function connectorView(c: StoredConnector): Record<string, unknown> {
  const view: Record<string, unknown> = {
    connectorId: c.connectorId,
    name: c.name,
    description: c.description,
    created: c.created,
  };
  if (c.provider === "aws") {
    view.arn = c.arn;
    view.accountId = c.accountId;
    view.externalId = String(AWS_BASE.externalId);
  }
  return view;
}

/** An AWS registry uses the connector of its role ARN, made on first use (as Qualys does). */
function ensureAwsConnector(ctx: CsContext, fields: RegistryFields): void {
  if (!fields.aws) return;
  const arn = fields.aws.arn;
  for (const c of ctx.store.connectors.values()) {
    if (c.provider === "aws" && c.arn === arn) {
      fields.connectorId = c.connectorId;
      return;
    }
  }
  const c: StoredConnector = {
    provider: "aws",
    connectorId: randomUUID(),
    name: `aws-${fields.aws.accountId}`,
    description: "created with a registry",
    arn,
    accountId: fields.aws.accountId,
    origin: "api",
    created: Date.now(),
  };
  ctx.store.addConnector(c);
  fields.connectorId = c.connectorId;
}

function byUri(ctx: CsContext, uri: string): StoredRegistry | undefined {
  for (const r of ctx.store.registries.values()) if (r.registryUri === uri) return r;
  return undefined;
}

/** Validates a create body and stores it; 400 naming the field, or naming the registry that has the URI. */
export function createRegistry(ctx: CsContext, body: unknown): StoredRegistry {
  const fields = parseRegistryBody(body, { connectors: ctx.store.connectors.values() });
  const existing = byUri(ctx, fields.registryUri);
  if (existing) {
    // 400, not 409: a 409 must never be mistaken for the classic rate-limit answer (csapi.ts).
    throw new HttpError(
      400,
      `registryUri ${fields.registryUri} is already registered as registry ${existing.registryUuid} ` +
        `(${JSON.stringify(existing.registryName)})`,
    );
  }
  ensureAwsConnector(ctx, fields);
  return ctx.store.createRegistry(fields);
}

function matchesTerm(r: StoredRegistry, t: RegistryTerm): boolean {
  switch (t.field) {
    case "registryUri": {
      let uri: string;
      try {
        uri = normalizeRegistryUri(t.value);
      } catch {
        uri = t.value.toLowerCase().replace(/\/+$/, "");
      }
      return r.registryUri === uri;
    }
    case "registryName":
      // A QQL text match is a "contains", case-insensitive: callers compare names exactly themselves.
      return r.registryName.toLowerCase().includes(t.value.toLowerCase());
    case "registryType":
      return r.registryType === t.value;
    case "registryUuid":
      return r.registryUuid === t.value;
  }
}

function list(ctx: CsContext, q: URLSearchParams): Reply {
  const pageNumber = intParam(q, "pageNumber", 1, 1, Number.MAX_SAFE_INTEGER);
  const pageSize = intParam(q, "pageSize", 50, 1, MAX_PAGE_SIZE);
  const terms = parseTerms(q.get("filter") ?? "", FILTER_FIELDS);
  const hits = [...ctx.store.registries.values()].filter((r) => terms.every((t) => matchesTerm(r, t)));
  if (hits.length === 0) return empty(204);
  const page = hits.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return json(200, { count: hits.length, data: page.map((r) => registryView(ctx, r)) });
}

/** IDs from the JSON body `{"registryIds": […]}` or the query (repeated or comma-separated). */
function deletionIds(q: URLSearchParams, body: string): string[] {
  const ids = q.getAll("registryIds").flatMap((v) => v.split(","));
  if (body.trim() !== "") {
    const parsed = parseJson(body);
    const raw = (parsed as { registryIds?: unknown } | null)?.registryIds;
    if (!Array.isArray(raw) || raw.some((id) => typeof id !== "string")) {
      throw new HttpError(400, "registryIds must be an array of registry IDs");
    }
    ids.push(...(raw as string[]));
  }
  const clean = [...new Set(ids.map((id) => id.trim()).filter((id) => id !== ""))];
  if (clean.length === 0) throw new HttpError(400, "registryIds is required");
  return clean;
}

function bulkDelete(ctx: CsContext, q: URLSearchParams, body: string): Reply {
  const ids = deletionIds(q, body);
  const found = ids.flatMap((id) => ctx.store.registries.get(id) ?? []);
  const running = found.flatMap((r) =>
    ctx.store
      .list(r.registryUuid)
      .filter((s) => s.status.toLowerCase() === "running")
      .map((s) => `${JSON.stringify(s.name)} (${s.scheduleUuid}) of registry ${r.registryUuid}`),
  );
  if (running.length > 0) {
    // The whole request is refused: nothing is deleted while any of its registries is being scanned.
    throw new HttpError(
      400,
      `registryIds: cannot delete a registry whose scan schedules are Running: ${running.join(", ")}`,
    );
  }
  const deletionJobId = randomUUID();
  for (const r of found) ctx.store.patchRegistry(r, { deletionJobId });
  ctx.later(() => {
    for (const r of found) {
      if (ctx.store.registries.get(r.registryUuid)?.deletionJobId === deletionJobId) {
        ctx.store.removeRegistry(r.registryUuid);
      }
    }
  }, ctx.bulkDeleteDelayMs);
  return json(200, { deletionJobId });
}

function update(ctx: CsContext, r: StoredRegistry, body: string): Reply {
  const fields = parseRegistryBody(parseJson(body), { connectors: ctx.store.connectors.values() });
  const frozen = immutableChange(r, fields);
  if (frozen) throw new HttpError(400, `${frozen} cannot be updated`);
  ensureAwsConnector(ctx, fields);
  ctx.store.patchRegistry(r, { ...fields, updated: Date.now() });
  return json(200, { registryUuid: r.registryUuid });
}

/** `/csapi/v1.3/registry` itself: list, create, bulk delete. */
export function handleRegistryCollection(ctx: CsContext, req: CsRequest): Reply {
  switch (req.method) {
    case "GET":
      return list(ctx, req.query);
    case "POST": {
      const r = createRegistry(ctx, parseJson(req.body));
      return json(200, { registryUuid: r.registryUuid });
    }
    case "DELETE":
      return bulkDelete(ctx, req.query, req.body);
    default:
      return methodNotAllowed(req.method, ["GET", "POST", "DELETE"]);
  }
}

const CONNECTOR_PATHS: Record<string, ConnectorProvider> = { aws: "aws", acr: "acr", gcp: "gcp" };

/** Registry paths that are not a registry ID (`aws-base`, connector lists), or undefined. */
export function handleRegistryExtras(ctx: CsContext, req: CsRequest): Reply | undefined {
  const [first, second, third, ...rest] = req.segments;
  if (first === "aws-base" && second === undefined) {
    if (req.method !== "GET") return methodNotAllowed(req.method, ["GET"]);
    return json(200, AWS_BASE);
  }
  const provider = first === undefined ? undefined : CONNECTOR_PATHS[first];
  if (provider === undefined || second !== "connectors" || rest.length > 0) return undefined;
  if (third !== undefined && provider !== "aws") return errorReply(404, "No such endpoint");
  if (req.method !== "GET") return methodNotAllowed(req.method, ["GET"]);
  const listed = [...ctx.store.connectors.values()].filter(
    (c) => c.provider === provider && (third === undefined || c.accountId === third),
  );
  return json(200, listed.map(connectorView));
}

/** `/csapi/v1.3/registry/{id}`: details and update. Deletion is the bulk endpoint only. */
export function handleRegistryItem(ctx: CsContext, req: CsRequest, id: string): Reply {
  if (req.method !== "GET" && req.method !== "PUT") return methodNotAllowed(req.method, ["GET", "PUT"]);
  const r = ctx.store.registries.get(id);
  if (r === undefined) return errorReply(404, `registry ${id} not found`);
  if (req.method === "GET") return json(200, registryView(ctx, r));
  return update(ctx, r, req.body);
}

/** The fingerprint a secret gets when stored, for tests that check a rotation arrived. */
export { fingerprint };
