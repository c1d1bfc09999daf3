/**
 * Look-ups made by the program itself (not the provider): `getRegistry` for a registry connected
 * elsewhere, and `getAwsBase` for the IAM role an ECR registry needs. They read Qualys with the stack's
 * `qualys:*` config (or the `QUALYS_*` environment variables), also during `pulumi preview`.
 */
import * as pulumi from "@pulumi/pulumi";

import { QualysError } from "../errors";
import { RegistryLookupError } from "../errors/registry-lookup-error";
import { resolveSettings } from "../qualys/config";
import { registryApi, type RegistryApi } from "./api";
import type { RegistryType } from "./types";
import { normalizeUri } from "./uri";
import type { WireRegistry } from "./wire";

/** What to look a registry up by: exactly one of its URI (unique) or its name (compared exactly). */
export type GetRegistryArgs =
  { registryUri: string; name?: undefined } | { name: string; registryUri?: undefined };

/** `GetRegistryArgs` whose values may be outputs of other resources. */
export type GetRegistryInputs =
  | { registryUri: pulumi.Input<string>; name?: undefined }
  | { name: pulumi.Input<string>; registryUri?: undefined };

/** A registry found by `getRegistry`. */
export interface RegistryLookupResult {
  /** The Qualys registry UUID: what a `RegistryScanSchedule` takes as `registryId`. */
  registryId: string;
  /** The registry's URL, normalized. */
  registryUri: string;
  /** The registry's name in Qualys. */
  name: string;
  /** The registry's type. */
  registryType: RegistryType;
  /** The registry's Qualys status (`Active`, …). */
  status: string;
}

/** The Qualys AWS account and the external ID an ECR role's trust policy needs. */
export interface AwsBase {
  /** The Qualys AWS account ID: trust `arn:aws:iam::<accountId>:root`. */
  accountId: string;
  /** The external ID: the trust policy's `sts:ExternalId` condition. */
  externalId: string;
}

/** The program's Qualys API, from the stack config the program runs with. */
function programApi(): RegistryApi {
  return registryApi(resolveSettings((key) => pulumi.runtime.getConfig(key)));
}

/** Pulumi prints an error marked as a run error once, without a stack trace: an expected failure. */
function expected<T>(run: () => Promise<T>): Promise<T> {
  return run().catch((err: unknown) => {
    if (err instanceof QualysError) Object.defineProperty(err, "__pulumiRunError", { value: true });
    throw err;
  });
}

function result(r: WireRegistry): RegistryLookupResult {
  return {
    registryId: r.registryUuid,
    registryUri: normalizeUri(r.registryUri ?? ""),
    name: r.registryName ?? "",
    registryType: (r.registryType ?? "V2") as RegistryType,
    status: r.status ?? "Unknown",
  };
}

/**
 * Finds one Qualys registry by `registryUri` or by `name`; a `RegistryLookupError` when none or several
 * match. The promise form of `getRegistry`.
 */
export function getRegistryAsync(args: GetRegistryArgs): Promise<RegistryLookupResult> {
  return expected(async () => {
    const byUri = typeof args.registryUri === "string";
    if (byUri === (typeof args.name === "string")) {
      throw new QualysError("getRegistry: give exactly one of registryUri and name.");
    }
    const api = programApi();
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
  });
}

/**
 * Finds one Qualys registry by `registryUri` or by `name`, as an `Output` (usable in preview and as an
 * input of other resources); fails the program with a `RegistryLookupError` when none or several match.
 */
export function getRegistry(args: GetRegistryInputs): pulumi.Output<RegistryLookupResult> {
  return pulumi
    .output(args as pulumi.Input<Record<string, pulumi.Input<string> | undefined>>)
    .apply((resolved) => {
      const found = getRegistryAsync(resolved as GetRegistryArgs);
      // Marked handled here: the Output reports the failure; Node must not warn that it was handled late.
      found.catch(() => undefined);
      return found;
    });
}

/** The Qualys AWS account and external ID for an ECR role's trust policy; the promise form of `getAwsBase`. */
export function getAwsBaseAsync(): Promise<AwsBase> {
  return expected(() => programApi().awsBase());
}

/** The Qualys AWS account and external ID for an ECR role's trust policy, as an `Output`. */
export function getAwsBase(): pulumi.Output<AwsBase> {
  return pulumi.output(getAwsBaseAsync());
}
