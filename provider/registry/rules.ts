/**
 * The registry's cross-field rules, and its `check`: the per-field pass comes from the property table
 * (`registry/properties.ts`, run by `core/check.ts`); here, which properties each registry type takes
 * and requires, how credentials go together, and how the URI must agree with the rest
 * (docs/qualys-registry-contract.md §2). Pure and local: no I/O. A rule whose inputs are unknown or
 * invalid is skipped; no failure ever shows a secret's value.
 */
import {
  checkInputs,
  normalizeInputs,
  type CheckFailure,
  type CheckOutcome,
  type FieldStates,
} from "../core/check";
import { describeValue } from "../core/describe-value";
import { requiredFor, takenBy } from "../core/properties";
import { isRecord, isUnknown } from "../core/values";
import { AWS_ROLE_ARN, REGISTRY, REGISTRY_ARGS } from "./properties";
import type { RegistryInputs, RegistryType } from "./types";

/** Validates raw resource inputs (as the engine passes `news` to check) and canonicalizes them. */
export function checkRegistryInputs(news: Record<string, unknown>): CheckOutcome {
  return checkInputs(REGISTRY, news, crossFieldFailures);
}

/** Canonicalizes a value already known valid (read and import build inputs identical to what check returns). */
export function canonicalRegistryInputs(i: RegistryInputs): RegistryInputs {
  return normalizeInputs(REGISTRY, { ...i }) as unknown as RegistryInputs;
}

/**
 * The type-specific properties and the types that take each, and what each type requires besides
 * registryType, registryUri and name: from the table's one declaration of which type takes what
 * (`REGISTRY_ARGS` in `registry/properties.ts`), which `RegistryArgs` is also generated from.
 */
const TAKEN_BY = takenBy(REGISTRY.properties, REGISTRY_ARGS);

function takes(type: RegistryType): string {
  const names = [...TAKEN_BY].filter(([, types]) => types.includes(type)).map(([p]) => p);
  return names.length > 0 ? names.join(", ") : "no other properties";
}

/** The rules that tie fields together; a rule whose inputs are unknown or invalid is skipped. */
function crossFieldFailures(states: FieldStates): CheckFailure[] {
  const failures: CheckFailure[] = [];
  const fail = (property: string, reason: string) => failures.push({ property, reason });
  const state = (p: string) => states[p] ?? { state: "absent" };
  const present = (p: string) => state(p).state !== "absent";
  const valid = (p: string): unknown => {
    const s = state(p);
    return s.state === "valid" ? s.value : undefined;
  };

  const typeState = state("registryType");
  if (typeState.state !== "valid") return failures;
  const type = typeState.value as RegistryType;

  for (const [property, types] of TAKEN_BY) {
    if (present(property) && !types.includes(type)) {
      fail(
        property,
        `${property} is not a property of a ${type} registry (it is for ${types.join(", ")}); a ${type} registry ` +
          `takes ${takes(type)}: remove ${property}`,
      );
    }
  }
  for (const property of requiredFor(REGISTRY_ARGS, type)) {
    if (!present(property)) fail(property, `${property} is required for a ${type} registry`);
  }

  const uri = valid("registryUri");
  const host = typeof uri === "string" ? new URL(uri).hostname : undefined;

  if (type === "DockerHub") {
    if (present("password") && present("accessToken")) {
      fail("accessToken", "a DockerHub registry takes password or accessToken, not both: remove one");
    } else if (!present("password") && !present("accessToken")) {
      fail("password", "password (or accessToken) is required for a DockerHub registry");
    }
  }
  if (type === "V2_PRIVATE" || type === "V2") v2Credentials(type, states, fail);
  if (type === "AWS") awsRules(valid("aws"), host, fail);
  if (type === "Azure" && host !== undefined && !host.endsWith(".azurecr.io")) {
    fail(
      "registryUri",
      `registryUri of an Azure registry must be https://<name>.azurecr.io; got host ${describeValue(host)}`,
    );
  }
  if (type === "GCP" && host !== undefined) {
    if (host !== "gcr.io" && !host.endsWith(".gcr.io")) {
      fail(
        "registryUri",
        `registryUri of a GCP registry must be https://gcr.io or https://<location>.gcr.io; got host ${describeValue(host)}`,
      );
    } else {
      const location = valid("location");
      if (typeof location === "string" && host !== "gcr.io" && host !== `${location}.gcr.io`) {
        fail(
          "location",
          `location must match the registryUri host ${host}: set location to ${describeValue(host.slice(0, -".gcr.io".length))}, ` +
            `or change registryUri to https://${location}.gcr.io`,
        );
      }
    }
  }
  if (type === "GOOGLE_ARTIFACT_REGISTRY" && host !== undefined && !host.endsWith("-docker.pkg.dev")) {
    fail(
      "registryUri",
      `registryUri of a GOOGLE_ARTIFACT_REGISTRY registry must be https://<location>-docker.pkg.dev; got host ${describeValue(host)}`,
    );
  }
  return failures;
}

type Fail = (property: string, reason: string) => void;

/** credentialType, when given, must agree with the credentials; when left out, the credentials decide. */
function v2Credentials(type: "V2_PRIVATE" | "V2", states: FieldStates, fail: Fail): void {
  const present = (p: string) => (states[p]?.state ?? "absent") !== "absent";
  const ct = states.credentialType;
  if (ct?.state === "unknown" || ct?.state === "invalid") return;
  const declared = ct?.state === "valid" ? (ct.value as string) : undefined;
  if (present("password") && present("accessToken")) {
    fail(
      "accessToken",
      `a ${type} registry takes password (BasicAuth) or accessToken (Token), not both: remove one`,
    );
    return;
  }
  const derived = present("accessToken") ? "Token" : present("password") ? "BasicAuth" : "None";
  const effective = declared ?? derived;
  if (effective === "None") {
    if (type === "V2_PRIVATE") {
      fail(
        declared ? "credentialType" : "password",
        "a V2_PRIVATE registry needs credentials: set username and password (BasicAuth) or accessToken (Token), " +
          "or use registryType V2 for an anonymous registry",
      );
    } else if (present("username")) {
      fail(
        "username",
        'username is not allowed with credentialType "None": remove it, or set password or accessToken',
      );
    }
    return;
  }
  if (effective === "BasicAuth") {
    if (!present("username")) fail("username", `username is required with credentialType "BasicAuth"`);
    if (!present("password")) fail("password", `password is required with credentialType "BasicAuth"`);
    if (present("accessToken"))
      fail("accessToken", `accessToken is not allowed with credentialType "BasicAuth": use password`);
    return;
  }
  if (!present("accessToken")) fail("accessToken", `accessToken is required with credentialType "Token"`);
  if (present("password"))
    fail("password", `password is not allowed with credentialType "Token": use accessToken`);
}

/**
 * How the aws block's members agree, and the ECR URI that must name the same account and region (the
 * members it requires are the table's `required` ones, checked by `core/check.ts`).
 */
function awsRules(aws: unknown, host: string | undefined, fail: Fail): void {
  if (!isRecord(aws)) return;
  const member = (k: string): string | undefined => {
    const v = aws[k];
    return typeof v === "string" && !isUnknown(v) ? v : undefined;
  };
  const accountId = member("accountId");
  const region = member("region");
  const arn = member("arn");
  const accountType = member("accountType");
  const m = arn ? AWS_ROLE_ARN.exec(arn) : null;
  if (m && accountId && m[2] !== accountId) {
    fail("aws", `aws.arn must be a role in aws.accountId ${accountId}; got a role in account ${m[2]}`);
  }
  if (region && accountType && (accountType === "US_Gov") !== region.startsWith("us-gov-")) {
    fail(
      "aws",
      `aws.accountType must be "US_Gov" exactly for a us-gov- region; got ${describeValue(accountType)} with region ` +
        `${describeValue(region)}: leave accountType out to derive it`,
    );
  }
  if (m && region && (m[1] === "aws-us-gov") !== region.startsWith("us-gov-")) {
    fail(
      "aws",
      `aws.arn must be in the aws-us-gov partition exactly for a us-gov- region; got ${describeValue(arn)}`,
    );
  }
  if (host === undefined) return;
  const ecr = /^(\d{12})\.dkr\.ecr\.([a-z0-9-]+)\.amazonaws\.com$/.exec(host);
  if (!ecr) {
    fail(
      "registryUri",
      `registryUri of an AWS registry must be https://<accountId>.dkr.ecr.<region>.amazonaws.com; got host ${describeValue(host)}`,
    );
    return;
  }
  if (accountId && ecr[1] !== accountId) {
    fail(
      "registryUri",
      `registryUri names account ${ecr[1]}, but aws.accountId is ${accountId}: they must be the same`,
    );
  }
  if (region && ecr[2] !== region) {
    fail(
      "registryUri",
      `registryUri names region ${ecr[2]}, but aws.region is ${region}: they must be the same`,
    );
  }
}
