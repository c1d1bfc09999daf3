/**
 * The function tables of the registry look-ups (`registry/lookup.ts`): arguments and result of
 * `getRegistry` and `getAwsBase`, declared once (`defineFunction`, core/properties.ts). The plugin
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

/**
 * Compile-time checks that the types above, written by hand for their TSDoc, are the function tables'
 * (registry/functions.ts) shapes: a table change that these types miss fails `tsc`.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const tablesMatch: [
  Same<RegistryLookupResult, FieldsOf<typeof GET_REGISTRY.outputs>>,
  Same<AwsBase, FieldsOf<typeof GET_AWS_BASE.outputs>>,
  Same<{ registryUri?: string; name?: string }, FieldsOf<typeof GET_REGISTRY.inputs>>,
] = [true, true, true];
void tablesMatch;
