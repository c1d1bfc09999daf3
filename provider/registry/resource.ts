import * as pulumi from "@pulumi/pulumi";

import {
  holdsSecret,
  isOfType,
  MODULE,
  PLAINTEXT_KEY,
  resourceProperties,
  typeToken,
  type PropertyTable,
} from "../core/properties";
import { REGISTRY } from "./properties";
import * as runtime from "./runtime-v1";
import type { AwsAccountType, AwsRegistryLocation, RegistryType, V2CredentialType } from "./types";

/** What every registry type takes. */
interface RegistryArgsBase {
  /**
   * The registry's URL, `https://…` (http only on loopback); for ECR `https://<accountId>.dkr.ecr.<region>.amazonaws.com`,
   * for ACR `https://<name>.azurecr.io`. Compared without case in the host and without a trailing slash. Qualys
   * holds one registry per URI. Changing it replaces the registry.
   */
  registryUri: pulumi.Input<string>;
  /**
   * The registry's name in Qualys: non-empty, at most 255 characters. Defaults to the Pulumi resource name.
   * Updates in place.
   */
  name?: pulumi.Input<string>;
}

/** A Docker Hub account: a username and its password or access token. */
export interface DockerHubRegistryArgs extends RegistryArgsBase {
  /**
   * The kind of registry: `DockerHub`, `V2_PRIVATE` (a private v2 registry: Harbor, JFrog, GHCR, Quay,
   * Nexus…), `V2` (a v2 registry that may be anonymous), `AWS` (ECR), `Azure` (ACR), `GCP` (GCR) or
   * `GOOGLE_ARTIFACT_REGISTRY`. It decides which other properties apply.
   * Here: Docker Hub. Changing it replaces the registry.
   */
  registryType: "DockerHub";
  /** The user Qualys signs in as: required for `DockerHub` and for `BasicAuth`, optional with a `Token`. Updates in place. */
  username: pulumi.Input<string>;
  /**
   * The password (a Pulumi secret, never returned by Qualys): `DockerHub` (or `accessToken`) and
   * `BasicAuth`. A change made in the Qualys console cannot be seen by refresh. Kept as a Pulumi secret.
   * Updates in place.
   */
  password?: pulumi.Input<string>;
  /**
   * An access token (a Pulumi secret, never returned by Qualys): a Docker Hub access token instead of
   * the password, or the token of a `Token` v2 registry (JFrog). Kept as a Pulumi secret. Updates in place.
   */
  accessToken?: pulumi.Input<string>;
  /** `DockerHub` only, optional: the Docker Hub organisation whose repositories are scanned. Updates in place. */
  dockerHubOrgName?: pulumi.Input<string>;
}

/** Any v2 registry: Harbor, JFrog, GHCR, Quay, Nexus… private (`V2_PRIVATE`) or possibly anonymous (`V2`). */
export interface V2RegistryArgs extends RegistryArgsBase {
  /**
   * The kind of registry: `DockerHub`, `V2_PRIVATE` (a private v2 registry: Harbor, JFrog, GHCR, Quay,
   * Nexus…), `V2` (a v2 registry that may be anonymous), `AWS` (ECR), `Azure` (ACR), `GCP` (GCR) or
   * `GOOGLE_ARTIFACT_REGISTRY`. It decides which other properties apply.
   * Here: `V2_PRIVATE` (credentials required) or `V2` (may be anonymous). Changing it replaces the registry.
   */
  registryType: "V2_PRIVATE" | "V2";
  /**
   * `V2_PRIVATE` and `V2` only: `None` (anonymous, `V2` only), `BasicAuth` (username and password) or
   * `Token` (an access token, e.g. JFrog's). Derived from the credentials given when left out. Updates in place.
   */
  credentialType?: pulumi.Input<V2CredentialType>;
  /** The user Qualys signs in as: required for `DockerHub` and for `BasicAuth`, optional with a `Token`. Updates in place. */
  username?: pulumi.Input<string>;
  /**
   * The password (a Pulumi secret, never returned by Qualys): `DockerHub` (or `accessToken`) and
   * `BasicAuth`. A change made in the Qualys console cannot be seen by refresh. Kept as a Pulumi secret.
   * Updates in place.
   */
  password?: pulumi.Input<string>;
  /**
   * An access token (a Pulumi secret, never returned by Qualys): a Docker Hub access token instead of
   * the password, or the token of a `Token` v2 registry (JFrog). Kept as a Pulumi secret. Updates in place.
   */
  accessToken?: pulumi.Input<string>;
}

/** Where an ECR registry lives and the IAM role Qualys assumes to read it. */
export interface RegistryAws {
  /** The AWS account ID: 12 digits, the account in `registryUri`. Changing it replaces the registry. */
  accountId: pulumi.Input<string>;
  /**
   * The ARN of the IAM role Qualys assumes: a role in `accountId`, partition `aws-us-gov` for GovCloud. See
   * `getAwsBase` for the role's trust policy. Updates in place.
   */
  arn: pulumi.Input<string>;
  /** The AWS region, e.g. `eu-west-1`: the region in `registryUri`. Changing it replaces the registry. */
  region: pulumi.Input<string>;
  /**
   * `Global`, or `US_Gov` for GovCloud; derived from `region` when left out. Changing it replaces the
   * registry.
   */
  accountType?: pulumi.Input<AwsAccountType>;
}

/** An Amazon ECR registry, read through an IAM role. */
export interface AwsRegistryArgs extends RegistryArgsBase {
  /**
   * The kind of registry: `DockerHub`, `V2_PRIVATE` (a private v2 registry: Harbor, JFrog, GHCR, Quay,
   * Nexus…), `V2` (a v2 registry that may be anonymous), `AWS` (ECR), `Azure` (ACR), `GCP` (GCR) or
   * `GOOGLE_ARTIFACT_REGISTRY`. It decides which other properties apply.
   * Here: Amazon ECR. Changing it replaces the registry.
   */
  registryType: "AWS";
  /**
   * `AWS` only, required: where the ECR registry lives and the IAM role Qualys assumes. Changing it replaces
   * the registry, except when only `arn` changes: a new role ARN updates the registry in place.
   */
  aws: pulumi.Input<RegistryAws>;
}

/** An Azure Container Registry, read through a Qualys ACR connector. */
export interface AzureRegistryArgs extends RegistryArgsBase {
  /**
   * The kind of registry: `DockerHub`, `V2_PRIVATE` (a private v2 registry: Harbor, JFrog, GHCR, Quay,
   * Nexus…), `V2` (a v2 registry that may be anonymous), `AWS` (ECR), `Azure` (ACR), `GCP` (GCR) or
   * `GOOGLE_ARTIFACT_REGISTRY`. It decides which other properties apply.
   * Here: Azure Container Registry; `registryUri` is `https://<name>.azurecr.io`. Changing it replaces the registry.
   */
  registryType: "Azure";
  /**
   * `Azure`, `GCP` and `GOOGLE_ARTIFACT_REGISTRY`, required: the ID of the Qualys connector (made in the
   * Qualys console) through which Qualys reads the registry. An Azure registry's host ends in `.azurecr.io`.
   * Here: the Qualys ACR connector. Updates in place.
   */
  connectorId: pulumi.Input<string>;
}

/** A Google Container Registry, read through a Qualys GCP connector. */
export interface GcpRegistryArgs extends RegistryArgsBase {
  /**
   * The kind of registry: `DockerHub`, `V2_PRIVATE` (a private v2 registry: Harbor, JFrog, GHCR, Quay,
   * Nexus…), `V2` (a v2 registry that may be anonymous), `AWS` (ECR), `Azure` (ACR), `GCP` (GCR) or
   * `GOOGLE_ARTIFACT_REGISTRY`. It decides which other properties apply.
   * Here: Google Container Registry; `registryUri` is `https://gcr.io` or `https://<location>.gcr.io`. Changing it replaces the registry.
   */
  registryType: "GCP";
  /**
   * `Azure`, `GCP` and `GOOGLE_ARTIFACT_REGISTRY`, required: the ID of the Qualys connector (made in the
   * Qualys console) through which Qualys reads the registry. An Azure registry's host ends in `.azurecr.io`.
   * Here: the Qualys GCP connector. Updates in place.
   */
  connectorId: pulumi.Input<string>;
  /**
   * `GCP` and `GOOGLE_ARTIFACT_REGISTRY`, required: the Google Cloud project ID (6–30 lower-case
   * letters, digits and hyphens). Changing it replaces the registry.
   */
  projectId: pulumi.Input<string>;
  /**
   * `GCP` only, required: the GCR location (`us`, `eu`, `asia`); must match a `<location>.gcr.io` host.
   * Changing it replaces the registry.
   */
  location: pulumi.Input<string>;
}

/** A Google Artifact Registry repository, read through a Qualys GCP connector. */
export interface ArtifactRegistryArgs extends RegistryArgsBase {
  /**
   * The kind of registry: `DockerHub`, `V2_PRIVATE` (a private v2 registry: Harbor, JFrog, GHCR, Quay,
   * Nexus…), `V2` (a v2 registry that may be anonymous), `AWS` (ECR), `Azure` (ACR), `GCP` (GCR) or
   * `GOOGLE_ARTIFACT_REGISTRY`. It decides which other properties apply.
   * Here: Google Artifact Registry; `registryUri` is `https://<location>-docker.pkg.dev`. Changing it replaces the registry.
   */
  registryType: "GOOGLE_ARTIFACT_REGISTRY";
  /**
   * `Azure`, `GCP` and `GOOGLE_ARTIFACT_REGISTRY`, required: the ID of the Qualys connector (made in the
   * Qualys console) through which Qualys reads the registry. An Azure registry's host ends in `.azurecr.io`.
   * Here: the Qualys GCP connector. Updates in place.
   */
  connectorId: pulumi.Input<string>;
  /**
   * `GCP` and `GOOGLE_ARTIFACT_REGISTRY`, required: the Google Cloud project ID (6–30 lower-case
   * letters, digits and hyphens). Changing it replaces the registry.
   */
  projectId: pulumi.Input<string>;
  /**
   * `GOOGLE_ARTIFACT_REGISTRY` only, required: the Artifact Registry repository name; the registry's host is
   * `<location>-docker.pkg.dev`. Changing it replaces the registry.
   */
  registry: pulumi.Input<string>;
}

/**
 * The arguments of a `Registry`: one shape per `registryType`, so an editor offers exactly the
 * properties of the chosen type.
 */
export type RegistryArgs =
  | DockerHubRegistryArgs
  | V2RegistryArgs
  | AwsRegistryArgs
  | AzureRegistryArgs
  | GcpRegistryArgs
  | ArtifactRegistryArgs;

/** The secret inputs: wrapped as Pulumi secrets whatever the program passes, and marked secret as outputs. */
const SECRETS = Object.entries(REGISTRY.properties as PropertyTable)
  .filter(([, spec]) => holdsSecret(spec))
  .map(([name]) => name);

/**
 * The secret inputs the program gave as plain text (a string, or an `Output` that is not secret), for
 * the scan-coverage policy (`PLAINTEXT_KEY`); `undefined` when there are none, so the input is left out.
 */
async function plaintextSecrets(given: Record<string, unknown>): Promise<string[] | undefined> {
  const plain: string[] = [];
  for (const key of SECRETS) {
    const value = given[key];
    if (value === undefined || value === null) continue;
    const secret = pulumi.Output.isInstance(value) ? await pulumi.isSecret(value) : false;
    if (!secret) plain.push(key);
  }
  return plain.length > 0 ? plain : undefined;
}

/**
 * The provider object is the stable subpath module itself: state stores only
 * `require("pulumi-qualys-cs/registry-runtime/v1")` (docs/architecture.md, "The stored provider").
 */
const provider: pulumi.dynamic.ResourceProvider = runtime;

/**
 * A container registry connected to Qualys Container Security, so that Qualys can scan it.
 *
 * Validated in full at `pulumi preview`, before any API call. Changes to `registryType`, `registryUri`,
 * `aws.accountId`, `aws.region`, `aws.accountType`, `projectId`, `location` or `registry` replace the
 * registry; other changes (name, credentials, role ARN, connector) update it in place. Passwords and
 * tokens are Pulumi secrets in state and outputs. The resource ID is the Qualys registry UUID.
 */
export class Registry extends pulumi.dynamic.Resource {
  /** The type token the engine records (what `@pulumi/policy`'s `validateResourceOfType` matches). */
  public static readonly __pulumiType: string = typeToken(REGISTRY);

  /** True when `obj` is a `Registry`, also one made by another copy of this package. */
  public static override isInstance(obj: unknown): obj is Registry {
    return isOfType(obj, Registry.__pulumiType);
  }

  /** The Qualys registry UUID (also the resource ID): what a `RegistryScanSchedule` takes as `registryId`. */
  declare public readonly registryId: pulumi.Output<string>;
  /** The kind of registry. */
  declare public readonly registryType: pulumi.Output<RegistryType>;
  /** The registry's URL, normalized (lower-case host, no trailing slash). */
  declare public readonly registryUri: pulumi.Output<string>;
  /** The registry's name in Qualys. */
  declare public readonly name: pulumi.Output<string>;
  /** How a v2 registry authenticates, if set. */
  declare public readonly credentialType: pulumi.Output<V2CredentialType | undefined>;
  /** The user Qualys signs in as, if any. */
  declare public readonly username: pulumi.Output<string | undefined>;
  /** The password, a Pulumi secret, as last applied (Qualys never returns it). */
  declare public readonly password: pulumi.Output<string | undefined>;
  /** The access token, a Pulumi secret, as last applied (Qualys never returns it). */
  declare public readonly accessToken: pulumi.Output<string | undefined>;
  /** The Docker Hub organisation, if any. */
  declare public readonly dockerHubOrgName: pulumi.Output<string | undefined>;
  /** The ECR account, region and role, for an AWS registry. */
  declare public readonly aws: pulumi.Output<AwsRegistryLocation | undefined>;
  /** The Qualys connector ID, for Azure and Google registries. */
  declare public readonly connectorId: pulumi.Output<string | undefined>;
  /** The Google Cloud project ID, for Google registries. */
  declare public readonly projectId: pulumi.Output<string | undefined>;
  /** The GCR location, for a GCP registry. */
  declare public readonly location: pulumi.Output<string | undefined>;
  /** The Artifact Registry repository, for a GOOGLE_ARTIFACT_REGISTRY registry. */
  declare public readonly registry: pulumi.Output<string | undefined>;
  /** The registry's Qualys status when last read (`Active`, `Deleting`, … any string). */
  declare public readonly status: pulumi.Output<string>;
  /** When Qualys created the registry (ISO time), if Qualys reports it. */
  declare public readonly created: pulumi.Output<string | undefined>;
  /** When Qualys last updated the registry (ISO time), if Qualys reports it. */
  declare public readonly updated: pulumi.Output<string | undefined>;

  constructor(name: string, args: RegistryArgs, opts?: pulumi.CustomResourceOptions) {
    const given = args as unknown as Record<string, unknown>;
    const secretArgs: Record<string, unknown> = { ...given, [PLAINTEXT_KEY]: plaintextSecrets(given) };
    for (const key of SECRETS) {
      if (given[key] !== undefined && given[key] !== null) secretArgs[key] = pulumi.secret(given[key]);
    }
    super(
      provider,
      name,
      resourceProperties(REGISTRY.properties, name, secretArgs),
      pulumi.mergeOptions(opts, { additionalSecretOutputs: SECRETS }),
      MODULE,
      REGISTRY.typeName,
    );
  }
}
