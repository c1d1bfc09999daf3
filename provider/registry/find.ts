/**
 * What the look-ups `getRegistry`, `getAwsBase` and `getRepositories` ask of Qualys, given an API: run in the program by
 * `lookup.ts` (with the stack's settings) and by the provider plugin's Invoke (plugin/server.ts, with the
 * provider's), so that both answer and fail alike. Loads no Pulumi SDK.
 */
import { QualysApiError, RegistryLookupArgsError, RegistryLookupError } from "../errors";
import type { RegistryApi } from "./api";
import type {
  GetRegistryArgs,
  GetRepositoriesArgs,
  RegistryLookupResult,
  RepositoriesResult,
  RepositoryInfo,
} from "./functions";
import type { RepositoryApi, WireRepository } from "./repositories";
import type { RegistryType } from "./types";
import { normalizeUri } from "./uri";
import type { WireRegistry } from "./wire";

function result(r: WireRegistry): RegistryLookupResult {
  return {
    registryId: r.registryUuid,
    registryUri: normalizeUri(r.registryUri ?? ""),
    name: r.registryName ?? "",
    registryType: (r.registryType ?? "V2") as RegistryType,
    status: r.status ?? "Unknown",
  };
}

/** The one registry with this URI or name; a `RegistryLookupError` when none or several match. */
/** Fails with `RegistryLookupArgsError` unless exactly one of `registryUri` and `name` is given. */
export function checkLookupArgs(args: GetRegistryArgs): void {
  const byUri = typeof args.registryUri === "string";
  if (byUri === (typeof args.name === "string")) {
    throw new RegistryLookupArgsError({
      given: (["registryUri", "name"] as const).filter((key) => typeof args[key] === "string"),
    });
  }
}

export async function findRegistry(api: RegistryApi, args: GetRegistryArgs): Promise<RegistryLookupResult> {
  checkLookupArgs(args);
  const [by, value] =
    typeof args.registryUri === "string"
      ? (["registryUri", normalizeUri(args.registryUri)] as const)
      : (["name", args.name] as const);
  const found = by === "registryUri" ? await api.withUri(value) : await api.named(value);
  const [only] = found;
  if (only === undefined || found.length !== 1) {
    throw new RegistryLookupError({
      by,
      value,
      matches: found.map((r) => ({ registryId: r.registryUuid, registryUri: r.registryUri ?? "" })),
    });
  }
  return result(only);
}

function repositoryInfo(r: WireRepository): RepositoryInfo {
  const info: RepositoryInfo = { name: r.repoName, totalImages: r.totalImages ?? 0 };
  if (typeof r.totalScannedImages === "number") info.totalScannedImages = r.totalScannedImages;
  if (typeof r.totalVulnerableImages === "number") info.totalVulnerableImages = r.totalVulnerableImages;
  if (r.lastScanned !== null && r.lastScanned !== undefined && r.lastScanned !== "") {
    info.lastScanned =
      typeof r.lastScanned === "number" ? new Date(r.lastScanned).toISOString() : r.lastScanned;
  }
  return info;
}

/**
 * The registry's repositories, by name, optionally only those whose name contains `nameContains`
 * (ignoring case); a `RegistryLookupError` when Qualys has no such registry.
 */
export async function listRepositories(
  api: RepositoryApi,
  args: GetRepositoriesArgs,
): Promise<RepositoriesResult> {
  if (typeof args.registryId !== "string" || args.registryId.trim() === "") {
    throw new RegistryLookupError({ by: "registryId", value: String(args.registryId ?? ""), matches: [] });
  }
  let listed: WireRepository[];
  try {
    listed = await api.list(args.registryId);
  } catch (err) {
    if (err instanceof QualysApiError && err.status === 404) {
      throw new RegistryLookupError({ by: "registryId", value: args.registryId, matches: [] });
    }
    throw err;
  }
  // Filtered here, on the one listing, rather than with Qualys's filter, whose syntax for repositories
  // is not documented (docs/qualys-contract.md §3, "Repositories").
  const part = typeof args.nameContains === "string" ? args.nameContains.toLowerCase() : undefined;
  const repositories = listed
    .filter((r) => part === undefined || r.repoName.toLowerCase().includes(part))
    .map(repositoryInfo)
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { registryId: args.registryId, repositories, names: repositories.map((r) => r.name) };
}
