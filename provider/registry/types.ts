/**
 * Plain (resolved) shapes of a Qualys registry, shared by validation, planning, the wire format and the
 * provider's CRUD. The Pulumi-facing `Input`/`Output` types live in `resource.ts`.
 */

/** The registry types Qualys knows (docs/qualys-registry-contract.md §2). */
export const REGISTRY_TYPES = [
  "DockerHub",
  "V2_PRIVATE",
  "V2",
  "AWS",
  "Azure",
  "GCP",
  "GOOGLE_ARTIFACT_REGISTRY",
] as const;
/** A registry type as Qualys spells it. */
export type RegistryType = (typeof REGISTRY_TYPES)[number];

/** How a private or anonymous v2 registry authenticates. */
export const V2_CREDENTIAL_TYPES = ["None", "BasicAuth", "Token"] as const;
/** How a private or anonymous v2 registry authenticates. */
export type V2CredentialType = (typeof V2_CREDENTIAL_TYPES)[number];

/** The AWS partition of an ECR registry. */
export type AwsAccountType = "Global" | "US_Gov";

/** Where an ECR registry lives and the IAM role Qualys assumes to read it. */
export interface AwsRegistryLocation {
  /** The AWS account ID (12 digits). */
  accountId: string;
  /** The ARN of the IAM role Qualys assumes. */
  arn: string;
  /** The AWS region, e.g. `eu-west-1`. */
  region: string;
  /** `Global`, or `US_Gov` for GovCloud regions. */
  accountType: AwsAccountType;
}

/**
 * Canonical inputs of one registry, as `check` returns them and the engine stores and diffs them. One
 * flat record for every type: the fields a type does not take are absent (never `undefined`-valued).
 */
export interface RegistryInputs {
  registryType: RegistryType;
  /** Normalized: lower-case scheme and host, no default port, no trailing slash. */
  registryUri: string;
  name: string;
  /** V2_PRIVATE and V2 only; always set for them after `check`. */
  credentialType?: V2CredentialType;
  username?: string;
  password?: string;
  accessToken?: string;
  dockerHubOrgName?: string;
  aws?: AwsRegistryLocation;
  connectorId?: string;
  projectId?: string;
  location?: string;
  registry?: string;
}

/** Outputs of one registry: every input (the engine diffs against old outputs) plus what Qualys assigns. */
export interface RegistryOutputs extends RegistryInputs {
  /** The Qualys registry UUID (also the resource ID). */
  registryId: string;
  /** The registry's status when last read (`Active`, `Deleting`, …). */
  status: string;
  /** When Qualys created the registry, if reported (ISO 8601). */
  created?: string;
  /** When Qualys last updated the registry, if reported (ISO 8601). */
  updated?: string;
}

/** Inputs that are credentials: Pulumi secrets everywhere, never sent anywhere but Qualys. */
export const SECRET_FIELDS = ["password", "accessToken"] as const;
