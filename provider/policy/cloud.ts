/**
 * Container registries and repositories that a stack creates through other providers, and what covers
 * each: a Qualys `Registry` of the matching kind and host, scanned by a recurring schedule (which, for a
 * repository, lists it by name). Only what the type token and properties make sure is matched: a host
 * or name the engine does not know yet (preview) is not compared, and nothing is reported from it.
 */
import {
  hostOf,
  NOT_KNOWN,
  text,
  type QualysRegistry,
  type QualysSchedule,
  type StackResource,
} from "./stack";

/** A registry or repository of another provider that Qualys should scan. */
export interface CloudTarget {
  urn: string;
  /** How messages name it, e.g. `ECR repository "team/api"`. */
  label: string;
  /** The Qualys registry types that can scan it. */
  registryTypes: readonly string[];
  /** The registry host it lives on, when known. */
  host: string | typeof NOT_KNOWN | undefined;
  /** Which schedules cover it, once one selects a matching registry. */
  repositories:
    | { kind: "exact"; name: string | typeof NOT_KNOWN }
    | { kind: "prefix"; prefix: string | typeof NOT_KNOWN }
    | { kind: "any" };
  /** A further match on the Qualys registry (Artifact Registry: repository name and project). */
  matchesRegistry?: (registry: QualysRegistry) => boolean;
  /** What to declare to cover it, in a message. */
  fix: string;
}

/** One kind of registry or repository of another provider. */
interface CloudKind {
  /** The type tokens, e.g. `aws:ecr/repository:Repository`. */
  matches(type: string): boolean;
  target(r: StackResource): CloudTarget | undefined;
}

const lower = (v: string | typeof NOT_KNOWN | undefined) => (typeof v === "string" ? v.toLowerCase() : v);
const shown = (v: string | typeof NOT_KNOWN | undefined, placeholder: string) =>
  typeof v === "string" ? v : placeholder;

/** `aws:ecr/repository:Repository`: `repositoryUrl` is `<account>.dkr.ecr.<region>.amazonaws.com/<name>`. */
const ECR_REPOSITORY: CloudKind = {
  matches: (type) => type === "aws:ecr/repository:Repository",
  target(r) {
    const name = text(r.props["name"]);
    const url = text(r.props["repositoryUrl"]);
    const host = typeof url === "string" ? hostOf(url) : url === undefined ? NOT_KNOWN : url;
    return {
      urn: r.urn,
      label: `ECR repository ${JSON.stringify(shown(name, r.name))}`,
      registryTypes: ["AWS"],
      host,
      repositories: { kind: "exact", name: name ?? NOT_KNOWN },
      fix:
        `declare a Registry with registryType "AWS" and registryUri "https://${shown(host, "<account>.dkr.ecr.<region>.amazonaws.com")}", ` +
        `and a recurring RegistryScanSchedule on it whose repo lists ${JSON.stringify(shown(name, "<repository name>"))}`,
    };
  },
};

/** `azure-native:containerregistry[/<version>]:Registry`: `loginServer` is `<name>.azurecr.io`. */
const ACR_REGISTRY: CloudKind = {
  matches: (type) => /^azure-native:containerregistry(\/[^:]+)?:Registry$/.test(type),
  target(r) {
    const login = text(r.props["loginServer"]);
    const name = text(r.props["registryName"]);
    const host =
      typeof login === "string"
        ? hostOf(login)
        : typeof name === "string"
          ? `${name.toLowerCase()}.azurecr.io`
          : NOT_KNOWN;
    return {
      urn: r.urn,
      label: `Azure container registry ${JSON.stringify(shown(name, r.name))}`,
      registryTypes: ["Azure"],
      host,
      repositories: { kind: "any" },
      fix:
        `declare a Registry with registryType "Azure", registryUri "https://${shown(host, "<name>.azurecr.io")}" and ` +
        `your Qualys ACR connector, and a recurring RegistryScanSchedule on it`,
    };
  },
};

/**
 * `gcp:artifactregistry/repository:Repository` of format `DOCKER` (other formats hold no images): its
 * registry host is `<location>-docker.pkg.dev`, matched by a `GOOGLE_ARTIFACT_REGISTRY` registry naming
 * the repository (`registry`) and, when both are known, the project.
 */
const ARTIFACT_REGISTRY_REPOSITORY: CloudKind = {
  matches: (type) => type === "gcp:artifactregistry/repository:Repository",
  target(r) {
    const format = text(r.props["format"]);
    if (typeof format === "string" && format.toUpperCase() !== "DOCKER") return undefined;
    const id = text(r.props["repositoryId"]);
    const location = lower(text(r.props["location"]));
    const project = text(r.props["project"]);
    const host = typeof location === "string" ? `${location}-docker.pkg.dev` : NOT_KNOWN;
    return {
      urn: r.urn,
      label: `Artifact Registry repository ${JSON.stringify(shown(id, r.name))}`,
      registryTypes: ["GOOGLE_ARTIFACT_REGISTRY"],
      host,
      repositories: { kind: "any" },
      matchesRegistry: (registry) =>
        (typeof id !== "string" || typeof registry.registry !== "string" || registry.registry === id) &&
        (typeof project !== "string" ||
          typeof registry.projectId !== "string" ||
          registry.projectId === project),
      fix:
        `declare a Registry with registryType "GOOGLE_ARTIFACT_REGISTRY", registryUri "https://${shown(host, "<location>-docker.pkg.dev")}", ` +
        `registry ${JSON.stringify(shown(id, "<repository>"))}, projectId and your Qualys GCP connector, and a recurring RegistryScanSchedule on it`,
    };
  },
};

/**
 * `harbor:index/project:Project`: its repositories are `<project>/<name>` on the Harbor of the provider's
 * `url` (compared when the provider's properties carry it).
 */
const HARBOR_PROJECT: CloudKind = {
  matches: (type) => type === "harbor:index/project:Project",
  target(r) {
    const name = text(r.props["name"]);
    const url = text(r.providerProps["url"]);
    const host = typeof url === "string" ? hostOf(url) : undefined;
    return {
      urn: r.urn,
      label: `Harbor project ${JSON.stringify(shown(name, r.name))}`,
      registryTypes: ["V2_PRIVATE", "V2"],
      host,
      repositories: { kind: "prefix", prefix: typeof name === "string" ? `${name}/` : (name ?? NOT_KNOWN) },
      fix:
        `declare a Registry with registryType "V2_PRIVATE" and registryUri "https://${shown(host, "<harbor host>")}", ` +
        `and a recurring RegistryScanSchedule on it whose repo lists the project's repositories ("${shown(name, "<project>")}/…")`,
    };
  },
};

const KINDS: readonly CloudKind[] = [
  ECR_REPOSITORY,
  ACR_REGISTRY,
  ARTIFACT_REGISTRY_REPOSITORY,
  HARBOR_PROJECT,
];

/** The registries and repositories of other providers among the resources of a stack. */
export function cloudTargets(resources: readonly StackResource[]): CloudTarget[] {
  const targets: CloudTarget[] = [];
  for (const r of resources) {
    const kind = KINDS.find((k) => k.matches(r.type));
    const target = kind?.target(r);
    if (target) targets.push(target);
  }
  return targets;
}

/** True when the Qualys registry can scan the target: same kind, same host and further match when known. */
export function registryMatches(target: CloudTarget, registry: QualysRegistry): boolean {
  if (typeof registry.registryType === "string" && !target.registryTypes.includes(registry.registryType))
    return false;
  if (typeof target.host === "string" && typeof registry.host === "string" && target.host !== registry.host)
    return false;
  return target.matchesRegistry?.(registry) ?? true;
}

/** True when the schedule's repositories take in the target (or cannot be known yet). */
export function scheduleCovers(target: CloudTarget, schedule: QualysSchedule): boolean {
  const wanted = target.repositories;
  if (wanted.kind === "any") return true;
  if (schedule.repoFrom.includes(target.urn) || schedule.repo === NOT_KNOWN) return true;
  const want = wanted.kind === "exact" ? wanted.name : wanted.prefix;
  if (want === NOT_KNOWN) return true;
  return schedule.repo.some(
    (entry) => entry === NOT_KNOWN || (wanted.kind === "exact" ? entry === want : entry.startsWith(want)),
  );
}
