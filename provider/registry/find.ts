/**
 * What the look-ups `getRegistry` and `getAwsBase` ask of Qualys, given an API: run in the program by
 * `lookup.ts` (with the stack's settings) and by the provider plugin's Invoke (plugin/server.ts, with the
 * provider's), so that both answer and fail alike. Loads no Pulumi SDK.
 */
import { RegistryLookupArgsError, RegistryLookupError } from "../errors";
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
