/**
 * The function tables of the registry look-ups (`registry/lookup.ts`): arguments and result of
 * `getRegistry` and `getAwsBase`, declared once (`defineFunction`, core/properties.ts). The plugin
 * schema (provider/plugin/schema.ts) and the docs derive from them; lookup.ts's TypeScript types are
 * checked against them at compile time.
 */
import { defineFunction, enumType, tsType } from "../core/properties";
import { REGISTRY_TYPES } from "./types";

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
