/**
 * The function tables of the registry look-ups (`registry/lookup.ts`): arguments and result of
 * `getRegistry`, `getAwsBase` and `getRepositories`, declared once (`defineFunction`, core/properties.ts). The plugin
 * schema (provider/plugin/schema.ts) and the docs derive from them; the TypeScript types below are
 * checked against them at compile time.
 */
import { defineFunction, enumType, tsType, type FieldsOf } from "../core/properties";
import { REGISTRY_TYPES, type RegistryType } from "./types";

/** `getRegistry`: one Qualys registry by its URI or its name. */
export const GET_REGISTRY = defineFunction({
  name: "getRegistry",
  description:
    "Finds one Qualys registry by `registryUri` or by `name` (give exactly one); fails when none or several match.",
  inputs: {
    registryUri: {
      description: "The registry's URL; compared without case in the host and without a trailing slash.",
      type: tsType<string>("string"),
    },
    name: {
      description: "The registry's name in Qualys, compared exactly.",
      type: tsType<string>("string"),
    },
  },
  outputs: {
    registryId: {
      description: "The Qualys registry UUID: what a `RegistryScanSchedule` takes as `registryId`.",
      type: tsType<string>("string"),
      required: true,
    },
    registryUri: {
      description: "The registry's URL, normalized.",
      type: tsType<string>("string"),
      required: true,
    },
    name: { description: "The registry's name in Qualys.", type: tsType<string>("string"), required: true },
    registryType: {
      description: "The registry's type.",
      type: enumType("RegistryType", REGISTRY_TYPES),
      required: true,
    },
    status: {
      description: "The registry's Qualys status (`Active`, …).",
      type: tsType<string>("string"),
      required: true,
    },
  },
});

/** `getAwsBase`: what the trust policy of the IAM role an ECR registry names must allow. */
export const GET_AWS_BASE = defineFunction({
  name: "getAwsBase",
  description:
    "The Qualys AWS account and the external ID that the trust policy of an ECR registry's IAM role needs.",
  inputs: {},
  outputs: {
    accountId: {
      description: "The Qualys AWS account ID: trust `arn:aws:iam::<accountId>:root`.",
      type: tsType<string>("string"),
      required: true,
    },
    externalId: {
      description: "The external ID: the trust policy's `sts:ExternalId` condition.",
      type: tsType<string>("string"),
      required: true,
    },
  },
});

/** `getRepositories`: what a registry holds, as Qualys's registry scan listed it (docs/repositories.md). */
export const GET_REPOSITORIES = defineFunction({
  name: "getRepositories",
  description:
    "A registry's repositories, as Qualys's registry scan listed them (none before its first scan), read once " +
    "per registry per run; optionally only those whose name contains a text.",
  inputs: {
    registryId: {
      description: "The Qualys registry UUID (a `Registry`'s ID, or `getRegistry(…).registryId`).",
      type: tsType<string>("string"),
      required: true,
    },
    nameContains: {
      description: "Keep only repositories whose name contains this text, ignoring case. Default: all.",
      type: tsType<string>("string"),
    },
  },
  outputs: {
    registryId: {
      description: "The registry that was listed.",
      type: tsType<string>("string"),
      required: true,
    },
    repositories: {
      description: "Its repositories (filtered by `nameContains` when given), by name.",
      type: tsType<RepositoryInfo[]>("RepositoryInfo[]"),
      required: true,
      items: {
        name: {
          description: "The repository name, as a schedule's `repo` takes it (e.g. `team/api`).",
          type: tsType<string>("string"),
          required: true,
        },
        totalImages: {
          description: "How many images (tags) of it Qualys knows; 0 when Qualys does not say.",
          type: tsType<number>("number"),
          required: true,
        },
        totalScannedImages: {
          description: "How many of them Qualys scanned, when it says.",
          type: tsType<number>("number"),
        },
        totalVulnerableImages: {
          description: "How many of them have vulnerabilities, when Qualys says.",
          type: tsType<number>("number"),
        },
        lastScanned: {
          description: "When Qualys last scanned it (ISO time), when it says.",
          type: tsType<string>("string"),
        },
      },
    },
    names: {
      description: "Their names, by name: ready for a schedule's `repo`.",
      type: tsType<string[]>("string[]"),
      required: true,
    },
  },
});

/** What to look a registry up by: exactly one of its URI (unique) or its name (compared exactly). */
export type GetRegistryArgs =
  { registryUri: string; name?: undefined } | { name: string; registryUri?: undefined };

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
