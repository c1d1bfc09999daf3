/**
 * `pulumi-qualys-cs/policy`: the scan-coverage policies for Pulumi's policy framework (`@pulumi/policy`),
 * which prove that every registry a stack creates is scanned, often enough, with credentials kept
 * secret. The package's ready pack (`policy-pack/`) runs them as they are; a team's own pack can take
 * them with `scanCoveragePolicies()` beside its own rules. docs/policy.md documents the rules and their
 * settings.
 *
 * Only types come from `@pulumi/policy` (an optional peer dependency): nothing here loads it, so the
 * package works without it for users who do not run policies.
 *
 * @packageDocumentation
 */
import type {
  EnforcementLevel,
  PolicyResource,
  ResourceValidationArgs,
  ResourceValidationPolicy,
  StackValidationPolicy,
} from "@pulumi/policy";

import {
  frequentForceScan,
  infrequentSchedule,
  plaintextCredentials,
  uncoveredCloudRegistries,
  unscheduledRegistries,
  type Violation,
} from "./rules";
import {
  qualysSchedule,
  REGISTRY_TOKENS,
  SCHEDULE_TOKENS,
  snapshot,
  type QualysSchedule,
  type StackResource,
} from "./stack";

/** The name of the package's ready pack (`policy-pack/`). */
export const PACK_NAME = "qualys-scan-coverage";

/** The policies' names, as policy configuration files and the CLI's output spell them. */
export const POLICY_NAMES = Object.freeze({
  recurringSchedule: "qualys-registry-has-recurring-schedule",
  maxInterval: "qualys-schedule-max-interval",
  forceScanInterval: "qualys-force-scan-min-interval",
  secretCredentials: "qualys-registry-credentials-secret",
  cloudCoverage: "qualys-cloud-registries-scanned",
} as const);

/** The defaults of the policies' settings. */
export const DEFAULT_SETTINGS = Object.freeze({
  /** `qualys-schedule-max-interval`: the longest `scheduleScanIntervalInDays` allowed. */
  maxIntervalDays: 7,
  /** `qualys-force-scan-min-interval`: the shortest interval of a `forceScan` schedule. */
  forceScanMinIntervalDays: 7,
});

/** Options of `scanCoveragePolicies`. */
export interface ScanCoverageOptions {
  /**
   * The enforcement level of every policy (default `mandatory`: a violation fails `preview` and `up`);
   * a policy configuration file (`--policy-pack-config`) still sets each policy's own.
   */
  enforcementLevel?: EnforcementLevel;
}

/** A policy of this package: a resource or a stack policy. */
export type ScanCoveragePolicy = ResourceValidationPolicy | StackValidationPolicy;

/** A stack policy reporting each violation of `rule` on its resource. */
function stackPolicy(
  base: Omit<StackValidationPolicy, "validateStack">,
  rule: (resources: StackResource[]) => Violation[],
): StackValidationPolicy {
  return {
    ...base,
    validateStack: (args, reportViolation) => {
      for (const v of rule(args.resources.map((r: PolicyResource) => snapshot(r))))
        reportViolation(v.message, v.urn);
    },
  };
}

/** A resource policy over our resources of the given type tokens. */
function resourcePolicy(
  base: Omit<ResourceValidationPolicy, "validateResource">,
  tokens: readonly string[],
  rule: (resource: StackResource, args: ResourceValidationArgs) => string[],
): ResourceValidationPolicy {
  return {
    ...base,
    validateResource: (args, reportViolation) => {
      if (!tokens.includes(args.type)) return;
      for (const message of rule(snapshot(args), args)) reportViolation(message);
    },
  };
}

/** A schedule policy with one setting, a number of days (`--policy-pack-config`). */
function scheduleDaysPolicy(
  base: Omit<ResourceValidationPolicy, "validateResource" | "configSchema">,
  setting: { name: string; description: string; default: number },
  rule: (schedule: QualysSchedule, days: number) => string[],
): ResourceValidationPolicy {
  const { name, ...schema } = setting;
  return resourcePolicy(
    {
      ...base,
      configSchema: { properties: { [name]: { type: "integer", minimum: 1, maximum: 365, ...schema } } },
    },
    SCHEDULE_TOKENS,
    (r, args) => rule(qualysSchedule(r), args.getConfig<Record<string, number>>()[name] ?? setting.default),
  );
}

/** The scan-coverage policies (docs/policy.md), each configurable by a policy configuration file. */
export function scanCoveragePolicies(options: ScanCoverageOptions = {}): ScanCoveragePolicy[] {
  const enforcementLevel = options.enforcementLevel ?? "mandatory";
  return [
    stackPolicy(
      {
        name: POLICY_NAMES.recurringSchedule,
        description: "Every Qualys Registry has at least one recurring (not on-demand only) scan schedule.",
        enforcementLevel,
        severity: "high",
      },
      unscheduledRegistries,
    ),
    scheduleDaysPolicy(
      {
        name: POLICY_NAMES.maxInterval,
        description: "No recurring registry scan schedule scans less often than every maxIntervalDays days.",
        enforcementLevel,
        severity: "medium",
      },
      {
        name: "maxIntervalDays",
        description: "The longest scheduleScanIntervalInDays allowed",
        default: DEFAULT_SETTINGS.maxIntervalDays,
      },
      infrequentSchedule,
    ),
    scheduleDaysPolicy(
      {
        name: POLICY_NAMES.forceScanInterval,
        description:
          "A forceScan schedule (which rescans every image) runs no more often than every minIntervalDays days.",
        enforcementLevel,
        severity: "low",
      },
      {
        name: "minIntervalDays",
        description: "The shortest scheduleScanIntervalInDays of a forceScan schedule",
        default: DEFAULT_SETTINGS.forceScanMinIntervalDays,
      },
      frequentForceScan,
    ),
    resourcePolicy(
      {
        name: POLICY_NAMES.secretCredentials,
        description: "Registry passwords and tokens come from secrets, not plain text in the program.",
        enforcementLevel,
        severity: "high",
      },
      REGISTRY_TOKENS,
      plaintextCredentials,
    ),
    stackPolicy(
      {
        name: POLICY_NAMES.cloudCoverage,
        description:
          "Every container registry or repository the stack creates (ECR, ACR, Artifact Registry, Harbor) is scanned by a Qualys Registry and a recurring schedule.",
        enforcementLevel,
        severity: "high",
      },
      uncoveredCloudRegistries,
    ),
  ];
}
