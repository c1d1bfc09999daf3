/**
 * The value sets and plain shapes a registry's properties use: imported by its property table
 * (`registry/properties.ts`) and re-exported by `registry/types.ts`, which derives the rest from the
 * table, so that the table and the types do not import each other.
 */
/** The registry types Qualys knows (docs/qualys-registry-contract.md §2). */
export const REGISTRY_TYPES = Object.freeze([
  "DockerHub",
  "V2_PRIVATE",
  "V2",
  "AWS",
  "Azure",
  "GCP",
  "GOOGLE_ARTIFACT_REGISTRY",
] as const);
/** A registry type as Qualys spells it. */
export type RegistryType = (typeof REGISTRY_TYPES)[number];

/** How a private or anonymous v2 registry authenticates. */
export const V2_CREDENTIAL_TYPES = Object.freeze(["None", "BasicAuth", "Token"] as const);
/** How a private or anonymous v2 registry authenticates. */
export type V2CredentialType = (typeof V2_CREDENTIAL_TYPES)[number];

/** The AWS partitions of an ECR registry. */
export const AWS_ACCOUNT_TYPES = Object.freeze(["Global", "US_Gov"] as const);
/** The AWS partition of an ECR registry. */
export type AwsAccountType = (typeof AWS_ACCOUNT_TYPES)[number];

/** Where an ECR registry lives and the IAM role Qualys assumes to read it (required members as in `registry/properties.ts`). */
export interface AwsRegistryLocation {
  /** The AWS account ID (12 digits). */
  accountId: string;
  /** The ARN of the IAM role Qualys assumes. */
  arn: string;
  /** The AWS region, e.g. `eu-west-1`. */
  region: string;
  /** `Global`, or `US_Gov` for GovCloud regions; derived from the region when left out. */
  accountType?: AwsAccountType;
}
