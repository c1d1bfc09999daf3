/**
 * Look-ups made by the program itself (not the provider): `getRegistry` for a registry connected
 * elsewhere, and `getAwsBase` for the IAM role an ECR registry needs. They read Qualys with the stack's
 * `qualys:*` config (or the `QUALYS_*` environment variables), also during `pulumi preview`.
 */
import * as pulumi from "@pulumi/pulumi";

import { QualysError } from "../errors";
import { resolveSettings } from "../qualys/config";
import { registryApi, type RegistryApi } from "./api";
import { checkLookupArgs, findRegistry, listRepositories } from "./find";
import type {
  AwsBase,
  GetRegistryArgs,
  GetRepositoriesArgs,
  RegistryLookupResult,
  RepositoriesResult,
} from "./functions";
import { repositoryApi } from "./repositories";

export type {
  AwsBase,
  GetRegistryArgs,
  GetRepositoriesArgs,
  RegistryLookupResult,
  RepositoriesResult,
  RepositoryInfo,
} from "./functions";

/** `GetRegistryArgs` whose values may be outputs of other resources. */
export type GetRegistryInputs =
  | { registryUri: pulumi.Input<string>; name?: undefined }
  | { name: pulumi.Input<string>; registryUri?: undefined };

/** `GetRepositoriesArgs` whose values may be outputs of other resources. */
export interface GetRepositoriesInputs {
  /** The Qualys registry UUID (e.g. a `Registry`'s ID or `getRegistry(…).registryId`). */
  registryId: pulumi.Input<string>;
  /** Keep only repositories whose name contains this text, ignoring case. Default: all. */
  nameContains?: pulumi.Input<string>;
}

/** The program's Qualys settings, from the stack config the program runs with. */
function programSettings() {
  return resolveSettings((key) => pulumi.runtime.getConfig(key));
}

/** The program's Qualys API, from the stack config the program runs with. */
function programApi(): RegistryApi {
  return registryApi(programSettings());
}

/** Pulumi prints an error marked as a run error once, without a stack trace: an expected failure. */
function expected<T>(run: () => Promise<T>): Promise<T> {
  return run().catch((err: unknown) => {
    if (err instanceof QualysError) Object.defineProperty(err, "__pulumiRunError", { value: true });
    throw err;
  });
}

/**
 * Finds one Qualys registry by `registryUri` or by `name`; a `RegistryLookupError` when none or several
 * match. The promise form of `getRegistry`.
 */
export function getRegistryAsync(args: GetRegistryArgs): Promise<RegistryLookupResult> {
  return expected(async () => {
    checkLookupArgs(args); // before the settings: a wrong call fails without a configured stack
    return findRegistry(programApi(), args);
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

/**
 * A registry's repositories, as Qualys's registry scan listed them (none before its first scan), read
 * once per registry per run however often it is asked; the promise form of `getRepositories`. A
 * registry Qualys does not have fails with a `RegistryLookupError`.
 */
export function getRepositoriesAsync(args: GetRepositoriesArgs): Promise<RepositoriesResult> {
  return expected(() => listRepositories(repositoryApi(programSettings()), args));
}

/**
 * A registry's repositories as an `Output` (usable in preview, and as an input of other resources): see
 * `getRepositoriesAsync`.
 */
export function getRepositories(args: GetRepositoriesInputs): pulumi.Output<RepositoriesResult> {
  return pulumi.output({ registryId: args.registryId, nameContains: args.nameContains }).apply((resolved) => {
    const found = getRepositoriesAsync({
      registryId: resolved.registryId,
      ...(resolved.nameContains === undefined ? {} : { nameContains: resolved.nameContains }),
    });
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
