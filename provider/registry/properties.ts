/**
 * The property table of `Registry`: one declaration per property (type, required or default, update or
 * replace, secret, description, validator). `check`, `diff`, the stored-output split, the resource's
 * unset listing and the README table derive from it (docs/architecture.md). Which properties each
 * registry type takes, and how the URI must agree with them, are cross-field rules in
 * `registry/rules.ts`. The rules follow docs/qualys-registry-contract.md.
 */
import { describeValue } from "../core/describe-value";
import { defineResource, enumType, tsType, type ArgsUnion } from "../core/properties";
import { all, noOuterSpaces, notBlank, secretText, text, type TextRule } from "../core/validators";
import { isLoopbackHost } from "../qualys/gateway";
import { normalizeUri } from "./uri";
import {
  AWS_ACCOUNT_TYPES,
  REGISTRY_TYPES,
  V2_CREDENTIAL_TYPES,
  type AwsRegistryLocation,
} from "./value-sets";

/** Longest `name` accepted (as for schedules, an inference). */
export const MAX_NAME_LENGTH = 255;
export const AWS_ACCOUNT_ID = /^\d{12}$/;
export const AWS_REGION = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;
/** An IAM role ARN: partition, account, role path and name. */
export const AWS_ROLE_ARN = /^arn:(aws|aws-us-gov):iam::(\d{12}):role\/[\w+=,.@/-]+$/;
/** A Google Cloud project ID: 6–30 lower-case letters, digits and hyphens, starting with a letter. */
export const GCP_PROJECT_ID = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

/** Text rule: one of `values`; a different case gets a "did you mean". */
function oneOf(values: readonly string[]): TextRule {
  return (value, label, addIssue) => {
    if (values.includes(value)) return;
    const near = values.find((v) => v.toLowerCase() === value.toLowerCase());
    addIssue(
      `${label} must be one of ${values.join(", ")}; got ${describeValue(value)}` +
        (near ? ` (did you mean ${JSON.stringify(near)}?)` : ""),
    );
  };
}

function matching(pattern: RegExp, expected: string): TextRule {
  return (value, label, addIssue) => {
    if (!pattern.test(value)) addIssue(`${label} must be ${expected}; got ${describeValue(value)}`);
  };
}

/** An absolute https URL (http only on loopback), without credentials, query or fragment. */
const registryUriRule: TextRule = (value, label, addIssue) => {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    addIssue(
      `${label} must be an absolute URL such as "https://harbor.example.com"; got ${describeValue(value)}` +
        (/^[\w.-]+\.[a-z]{2,}(\/|$)/i.test(value) ? ` (did you mean "https://${value}"?)` : ""),
    );
    return;
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && isLoopbackHost(url.hostname))) {
    addIssue(
      `${label} must use https (http is allowed only for a registry on this machine: 127.x.x.x, localhost ` +
        `or [::1]); got ${describeValue(value)}`,
    );
  }
  if (url.username !== "" || url.password !== "") {
    addIssue(
      `${label} must not carry credentials: set username and password instead; got a URL with user info`,
    );
  }
  if (url.search !== "" || url.hash !== "") {
    addIssue(`${label} must not have a query or a fragment; got ${describeValue(value)}`);
  }
};

const id = (what: string) => text(all(notBlank(what), noOuterSpaces()));

/**
 * Which registry type takes which property, in one place: `registry/rules.ts` checks it at preview, and
 * `RegistryArgs` (`registry/resource.ts`) is generated from it, one member per entry.
 */
export const REGISTRY_ARGS: ArgsUnion = {
  discriminant: "registryType",
  variants: [
    {
      name: "DockerHubRegistryArgs",
      description: "A Docker Hub account: a username and its password or access token.",
      values: ["DockerHub"],
      takes: {
        username: "required",
        password: "optional",
        accessToken: "optional",
        dockerHubOrgName: "optional",
      },
      notes: { registryType: "Here: Docker Hub." },
    },
    {
      name: "V2RegistryArgs",
      description:
        "Any v2 registry: Harbor, JFrog, GHCR, Quay, Nexus… private (`V2_PRIVATE`) or possibly anonymous (`V2`).",
      values: ["V2_PRIVATE", "V2"],
      takes: {
        credentialType: "optional",
        username: "optional",
        password: "optional",
        accessToken: "optional",
      },
      notes: { registryType: "Here: `V2_PRIVATE` (credentials required) or `V2` (may be anonymous)." },
    },
    {
      name: "AwsRegistryArgs",
      description: "An Amazon ECR registry, read through an IAM role.",
      values: ["AWS"],
      takes: { aws: "required" },
      notes: { registryType: "Here: Amazon ECR.", aws: "See `getAwsBase` for the role's trust policy." },
    },
    {
      name: "AzureRegistryArgs",
      description: "An Azure Container Registry, read through a Qualys ACR connector.",
      values: ["Azure"],
      takes: { connectorId: "required" },
      notes: {
        registryType: "Here: Azure Container Registry; `registryUri` is `https://<name>.azurecr.io`.",
        connectorId: "Here: the Qualys ACR connector.",
      },
    },
    {
      name: "GcpRegistryArgs",
      description: "A Google Container Registry, read through a Qualys GCP connector.",
      values: ["GCP"],
      takes: { connectorId: "required", projectId: "required", location: "required" },
      notes: {
        registryType:
          "Here: Google Container Registry; `registryUri` is `https://gcr.io` or `https://<location>.gcr.io`.",
        connectorId: "Here: the Qualys GCP connector.",
      },
    },
    {
      name: "ArtifactRegistryArgs",
      description: "A Google Artifact Registry repository, read through a Qualys GCP connector.",
      values: ["GOOGLE_ARTIFACT_REGISTRY"],
      takes: { connectorId: "required", projectId: "required", registry: "required" },
      notes: {
        registryType: "Here: Google Artifact Registry; `registryUri` is `https://<location>-docker.pkg.dev`.",
        connectorId: "Here: the Qualys GCP connector.",
      },
    },
  ],
};

/** The `Registry` resource and its properties, inputs first, in canonical order. */
export const REGISTRY = defineResource({
  typeName: "Registry",
  folder: "registry",
  runtimeSubpath: "registry-runtime/v1",
  description:
    "A container registry connected to Qualys Container Security, so that Qualys can scan it. Validated in full " +
    "at preview, before any API call; which properties apply depends on `registryType`. The resource ID is " +
    "the Qualys registry UUID.",
  union: REGISTRY_ARGS,
  properties: {
    registryType: {
      kind: "input",
      description:
        "The kind of registry: `DockerHub`, `V2_PRIVATE` (a private v2 registry: Harbor, JFrog, GHCR, Quay, " +
        "Nexus…), `V2` (a v2 registry that may be anonymous), `AWS` (ECR), `Azure` (ACR), `GCP` (GCR) or " +
        "`GOOGLE_ARTIFACT_REGISTRY`. It decides which other properties apply.",
      type: enumType("RegistryType", REGISTRY_TYPES),
      presence: "required",
      requiredHint: `set it to one of ${REGISTRY_TYPES.join(", ")}`,
      change: "replace",
      aliases: ["type", "kind"],
      validate: text(oneOf(REGISTRY_TYPES)),
    },
    registryUri: {
      kind: "input",
      description:
        "The registry's URL, `https://…` (http only on loopback); for ECR `https://<accountId>.dkr.ecr.<region>." +
        "amazonaws.com`, for ACR `https://<name>.azurecr.io`. Compared without case in the host and without a " +
        "trailing slash. Qualys holds one registry per URI.",
      type: tsType<string>("string"),
      presence: "required",
      requiredHint: 'set it to the registry\'s URL, e.g. "https://harbor.example.com"',
      change: "replace",
      aliases: ["uri", "url", "registryUrl"],
      validate: text(
        all(
          notBlank('give the registry\'s URL, e.g. "https://harbor.example.com"'),
          noOuterSpaces(),
          registryUriRule,
        ),
      ),
      canonical: (value) => (typeof value === "string" ? normalizeUri(value) : value),
    },
    name: {
      kind: "input",
      description: "The registry's name in Qualys: non-empty, at most 255 characters.",
      type: tsType<string>("string"),
      presence: "resourceName",
      requiredHint: "give the registry a name, or leave name out to use the resource name",
      change: "update",
      aliases: ["registryName"],
      validate: text(
        all(
          notBlank("give the registry a name, or leave name out to use the resource name"),
          (value, label, addIssue) => {
            if (value.length > MAX_NAME_LENGTH) {
              addIssue(
                `${label} must be at most ${MAX_NAME_LENGTH} characters long; got ${value.length} characters`,
              );
            }
          },
        ),
      ),
    },
    credentialType: {
      kind: "input",
      description:
        "`V2_PRIVATE` and `V2` only: `None` (anonymous, `V2` only), `BasicAuth` (username and password) or " +
        "`Token` (an access token, e.g. JFrog's). Derived from the credentials given when left out.",
      type: enumType("V2CredentialType", V2_CREDENTIAL_TYPES),
      presence: "optional",
      change: "update",
      validate: text(oneOf(V2_CREDENTIAL_TYPES)),
    },
    username: {
      kind: "input",
      description:
        "The user Qualys signs in as: required for `DockerHub` and for `BasicAuth`, optional with a `Token`.",
      type: tsType<string>("string"),
      presence: "optional",
      change: "update",
      aliases: ["user", "login"],
      validate: text(all(notBlank("give the user Qualys signs in to the registry as"), noOuterSpaces())),
    },
    password: {
      kind: "input",
      description:
        "The password (a Pulumi secret, never returned by Qualys): `DockerHub` (or `accessToken`) and " +
        "`BasicAuth`. A change made in the Qualys console cannot be seen by refresh.",
      type: tsType<string>("string"),
      presence: "optional",
      change: "update",
      secret: true,
      aliases: ["pass", "secret"],
      validate: secretText("the registry password, best from `config.requireSecret(...)`"),
    },
    accessToken: {
      kind: "input",
      description:
        "An access token (a Pulumi secret, never returned by Qualys): a Docker Hub access token instead of " +
        "the password, or the token of a `Token` v2 registry (JFrog).",
      type: tsType<string>("string"),
      presence: "optional",
      change: "update",
      secret: true,
      aliases: ["token"],
      validate: secretText("the registry access token, best from `config.requireSecret(...)`"),
    },
    dockerHubOrgName: {
      kind: "input",
      description: "`DockerHub` only, optional: the Docker Hub organisation whose repositories are scanned.",
      type: tsType<string>("string"),
      presence: "optional",
      change: "update",
      aliases: ["organization", "organisation", "org"],
      validate: id("give the Docker Hub organisation, or leave dockerHubOrgName out"),
    },
    aws: {
      kind: "input",
      description: "`AWS` only, required: where the ECR registry lives and the IAM role Qualys assumes.",
      type: tsType<AwsRegistryLocation>("AwsRegistryLocation", "pulumi.Input<RegistryAws>", "RegistryAws"),
      blockArgs: "RegistryAws",
      presence: "optional",
      change: "replace",
      example:
        '{ accountId: "123456789012", region: "eu-west-1", arn: "arn:aws:iam::123456789012:role/qualys" }',
      fields: {
        accountId: {
          description: "The AWS account ID: 12 digits, the account in `registryUri`.",
          type: tsType<string>("string"),
          required: true,
          validate: text(matching(AWS_ACCOUNT_ID, "12 digits")),
        },
        arn: {
          description:
            "The ARN of the IAM role Qualys assumes: a role in `accountId`, partition `aws-us-gov` for GovCloud.",
          type: tsType<string>("string"),
          required: true,
          validate: text(matching(AWS_ROLE_ARN, 'an IAM role ARN, "arn:aws:iam::<accountId>:role/<name>"')),
          change: "update",
        },
        region: {
          description: "The AWS region, e.g. `eu-west-1`: the region in `registryUri`.",
          type: tsType<string>("string"),
          required: true,
          validate: text(matching(AWS_REGION, 'an AWS region name such as "eu-west-1"')),
        },
        accountType: {
          description: "`Global`, or `US_Gov` for GovCloud; derived from `region` when left out.",
          type: enumType("AwsAccountType", AWS_ACCOUNT_TYPES),
          validate: text(oneOf(AWS_ACCOUNT_TYPES)),
        },
      },
    },
    connectorId: {
      kind: "input",
      description:
        "`Azure`, `GCP` and `GOOGLE_ARTIFACT_REGISTRY`, required: the ID of the Qualys connector (made in the " +
        "Qualys console) through which Qualys reads the registry. An Azure registry's host ends in `.azurecr.io`.",
      type: tsType<string>("string"),
      presence: "optional",
      change: "update",
      aliases: ["connector", "connectorName"],
      validate: id("give the ID of the Qualys connector of the registry's cloud account"),
    },
    projectId: {
      kind: "input",
      description:
        "`GCP` and `GOOGLE_ARTIFACT_REGISTRY`, required: the Google Cloud project ID (6–30 lower-case letters, digits and hyphens).",
      type: tsType<string>("string"),
      presence: "optional",
      change: "replace",
      aliases: ["project"],
      validate: text(
        matching(
          GCP_PROJECT_ID,
          "a Google Cloud project ID (6–30 lower-case letters, digits and hyphens, starting with a letter)",
        ),
      ),
    },
    location: {
      kind: "input",
      description:
        "`GCP` only, required: the GCR location (`us`, `eu`, `asia`); must match a `<location>.gcr.io` host.",
      type: tsType<string>("string"),
      presence: "optional",
      change: "replace",
      validate: id('give the GCR location, e.g. "eu"'),
    },
    registry: {
      kind: "input",
      description:
        "`GOOGLE_ARTIFACT_REGISTRY` only, required: the Artifact Registry repository name; the registry's host is `<location>-docker.pkg.dev`.",
      type: tsType<string>("string"),
      presence: "optional",
      change: "replace",
      aliases: ["repository"],
      validate: id("give the Artifact Registry repository name"),
    },
    registryId: {
      kind: "output",
      description:
        "The Qualys registry UUID (also the resource ID): what a `RegistryScanSchedule` takes as `registryId`.",
      type: tsType<string>("string"),
    },
    status: {
      kind: "output",
      description: "The registry's Qualys status when last read (`Active`, `Deleting`, … any string).",
      type: tsType<string>("string"),
    },
    created: {
      kind: "output",
      description: "When Qualys created the registry (ISO time), if Qualys reports it.",
      type: tsType<string>("string"),
      optional: true,
    },
    updated: {
      kind: "output",
      description: "When Qualys last updated the registry (ISO time), if Qualys reports it.",
      type: tsType<string>("string"),
      optional: true,
    },
  },
});
