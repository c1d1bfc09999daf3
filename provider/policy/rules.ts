/**
 * The scan-coverage rules, as pure functions of a stack's resources (policy/stack.ts) and the rule's
 * settings. Each returns the violations it finds, each with a message that says how to fix it; none
 * reports from a value the engine does not know yet. policy/index.ts turns them into `@pulumi/policy`
 * policies; docs/policy.md documents them.
 */
import { PLAINTEXT_KEY } from "../core/properties";
import { cloudTargets, registryMatches, scheduleCovers } from "./cloud";
import {
  ours,
  recurring,
  selects,
  type QualysRegistry,
  type QualysSchedule,
  type StackResource,
} from "./stack";

/** A broken rule: the resource (by URN) and what to do. */
export interface Violation {
  urn: string;
  message: string;
}

const label = (r: { name: string }) => JSON.stringify(r.name);
const uriOf = (r: QualysRegistry) => (typeof r.registryUri === "string" ? ` (${r.registryUri})` : "");

/** Every registry has at least one recurring (not on-demand only) schedule. */
export function unscheduledRegistries(resources: readonly StackResource[]): Violation[] {
  const { registries, schedules } = ours(resources);
  return registries
    .filter((registry) => !schedules.some((s) => selects(s, registry) && recurring(s)))
    .map((registry) => {
      const onDemand = schedules.filter((s) => selects(s, registry)).length;
      return {
        urn: registry.urn,
        message:
          `Registry ${label(registry)}${uriOf(registry)} has no recurring scan schedule` +
          (onDemand > 0
            ? ` (only ${onDemand} on-demand one${onDemand > 1 ? "s" : ""}, which run once)`
            : "") +
          `: add a RegistryScanSchedule with registryId: <registry>.id, onDemand left false and ` +
          `scheduleScanIntervalInDays set, e.g. { repo: ["team/api"], scheduleScanIntervalInDays: 1, schedule: "02:00" }`,
      };
    });
}

/** No recurring schedule scans less often than every `maxIntervalDays` days. */
export function infrequentSchedule(schedule: QualysSchedule, maxIntervalDays: number): string[] {
  if (!recurring(schedule) || typeof schedule.interval !== "number") return [];
  if (schedule.interval <= maxIntervalDays) return [];
  return [
    `RegistryScanSchedule ${label(schedule)} scans every ${schedule.interval} days, less often than every ` +
      `${maxIntervalDays} days: set scheduleScanIntervalInDays to ${maxIntervalDays} or less ` +
      `(the policy's maxIntervalDays setting)`,
  ];
}

/** A recurring schedule with `forceScan` runs no more often than every `minIntervalDays` days. */
export function frequentForceScan(schedule: QualysSchedule, minIntervalDays: number): string[] {
  if (schedule.forceScan !== true || !recurring(schedule) || typeof schedule.interval !== "number") return [];
  if (schedule.interval >= minIntervalDays) return [];
  return [
    `RegistryScanSchedule ${label(schedule)} rescans every image (forceScan) every ${schedule.interval} days, ` +
      `more often than every ${minIntervalDays} days: set scheduleScanIntervalInDays to ${minIntervalDays} or ` +
      `more, or keep forceScan for a separate, less frequent schedule (the policy's minIntervalDays setting)`,
  ];
}

/**
 * Registry credentials are secrets: a password or token the program gave as plain text (rather than from
 * `config.requireSecret(...)` or `pulumi.secret(...)`) is a violation. The `Registry` class records such
 * names in `PLAINTEXT_KEY`, since the policy framework shows every value unwrapped.
 */
export function plaintextCredentials(registry: StackResource): string[] {
  const listed = registry.props[PLAINTEXT_KEY];
  if (!Array.isArray(listed)) return [];
  const names = listed.filter((n): n is string => typeof n === "string");
  if (names.length === 0) return [];
  return [
    `Registry ${label(registry)} takes ${names.join(" and ")} as plain text in the program, where anyone who ` +
      `reads the code sees ${names.length > 1 ? "them" : "it"}: store ${names.length > 1 ? "them" : "it"} as a ` +
      `secret (pulumi config set --secret <key> …) and pass config.requireSecret("<key>")`,
  ];
}

/**
 * Every container registry or repository the stack creates through another provider (policy/cloud.ts) is
 * covered: a Qualys registry of the matching kind and URI, and a recurring schedule on it that selects it.
 */
export function uncoveredCloudRegistries(resources: readonly StackResource[]): Violation[] {
  const { registries, schedules } = ours(resources);
  const violations: Violation[] = [];
  for (const target of cloudTargets(resources)) {
    const matching = registries.filter((g) => registryMatches(target, g));
    const covered = matching.some((g) =>
      schedules.some((s) => selects(s, g) && recurring(s) && scheduleCovers(target, s)),
    );
    if (covered) continue;
    const why =
      matching.length === 0
        ? "no Qualys Registry in this stack matches it"
        : `Qualys Registry ${matching.map(label).join(", ")} matches it, but no recurring schedule on it selects it`;
    violations.push({
      urn: target.urn,
      message: `${target.label} is not scanned by Qualys (${why}): ${target.fix}`,
    });
  }
  return violations;
}
