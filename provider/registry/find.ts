/**
 * What the look-ups `getRegistry` and `getAwsBase` ask of Qualys, given an API: run in the program by
 * `lookup.ts` (with the stack's settings) and by the provider plugin's Invoke (plugin/server.ts, with the
 * provider's), so that both answer and fail alike. Loads no Pulumi SDK.
 */
import { QualysError } from "../errors";
import { RegistryLookupError } from "../errors/registry-lookup-error";
import type { RegistryApi } from "./api";
import type { GetRegistryArgs, RegistryLookupResult } from "./functions";
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
export async function findRegistry(api: RegistryApi, args: GetRegistryArgs): Promise<RegistryLookupResult> {
  const byUri = typeof args.registryUri === "string";
  if (byUri === (typeof args.name === "string")) {
    throw new QualysError("getRegistry: give exactly one of registryUri and name.");
  }
  const found = byUri ? await api.withUri(args.registryUri) : await api.named(args.name);
  const [only] = found;
  if (only === undefined || found.length !== 1) {
    throw new RegistryLookupError({
      by: byUri ? "registryUri" : "name",
      value: byUri ? normalizeUri(args.registryUri) : args.name,
      matches: found.map((r) => ({ registryId: r.registryUuid, registryUri: r.registryUri ?? "" })),
    });
  }
  return result(only);
}
