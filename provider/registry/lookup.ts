/**
 * Look-ups made by the program itself (not the provider): `getRegistry` for a registry connected
 * elsewhere, and `getAwsBase` for the IAM role an ECR registry needs. They read Qualys with the stack's
 * `qualys:*` config (or the `QUALYS_*` environment variables), also during `pulumi preview`.
 */
import * as pulumi from "@pulumi/pulumi";

import { QualysError } from "../errors";
import { resolveSettings } from "../qualys/config";
import type { FieldsOf } from "../core/properties";
import { registryApi, type RegistryApi } from "./api";
import type { GET_AWS_BASE, GET_REGISTRY, GET_REPOSITORIES } from "./functions";
import { findRegistry, listRepositories, lookupByUri } from "./find";
import { repositoryApi } from "./repositories";
import type { RegistryType } from "./types";

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

/** What `getRepositories` takes: the registry, and optionally a part of the names to keep. */
export interface GetRepositoriesArgs {
  /** The Qualys registry UUID (e.g. a `Registry`'s ID or `getRegistry(…).registryId`). */
  registryId: string;
  /** Keep only repositories whose name contains this text, ignoring case. Default: all. */
  nameContains?: string;
}

/** `GetRepositoriesArgs` whose values may be outputs of other resources. */
export interface GetRepositoriesInputs {
  /** The Qualys registry UUID (e.g. a `Registry`'s ID or `getRegistry(…).registryId`). */
  registryId: pulumi.Input<string>;
  /** Keep only repositories whose name contains this text, ignoring case. Default: all. */
  nameContains?: pulumi.Input<string>;
}

/** One repository of a registry, as Qualys's registry scan listed it. */
export interface RepositoryInfo {
  /** The repository name, as a schedule's `repo` takes it (e.g. `team/api`). */
  name: string;
  /** How many images (tags) of it Qualys knows; 0 when Qualys does not say. */
  totalImages: number;
  /** How many of them Qualys scanned, when it says. */
  totalScannedImages?: number;
  /** How many of them have vulnerabilities, when Qualys says. */
  totalVulnerableImages?: number;
  /** When Qualys last scanned it (ISO time), when it says. */
  lastScanned?: string;
}

/** What `getRepositories` finds. */
export interface RepositoriesResult {
  /** The registry that was listed. */
  registryId: string;
  /** Its repositories (filtered by `nameContains` when given), by name. */
  repositories: RepositoryInfo[];
  /** Their names, by name: ready for a schedule's `repo`. */
  names: string[];
}

/** The program's Qualys settings, from the stack config the program runs with. */
function programSettings() {
  return resolveSettings((key) => pulumi.runtime.getConfig(key));
}

/**
 * Compile-time checks that the types above, written by hand for their TSDoc, are the function tables'
 * (registry/functions.ts) shapes: a table change that these types miss fails `tsc`.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const tablesMatch: [
  Same<RegistryLookupResult, FieldsOf<typeof GET_REGISTRY.outputs>>,
  Same<AwsBase, FieldsOf<typeof GET_AWS_BASE.outputs>>,
  Same<{ registryUri?: string; name?: string }, FieldsOf<typeof GET_REGISTRY.inputs>>,
  Same<GetRepositoriesArgs, FieldsOf<typeof GET_REPOSITORIES.inputs>>,
  Same<RepositoriesResult, FieldsOf<typeof GET_REPOSITORIES.outputs>>,
] = [true, true, true, true, true];
void tablesMatch;

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
    lookupByUri(args); // the arguments fail before the settings are read
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
