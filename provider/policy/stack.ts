/**
 * The resources of a stack as the scan-coverage rules read them: our registries and schedules (the
 * dynamic resources and the plugin's), and plain snapshots of what the policy framework hands over.
 *
 * During preview a value the engine does not know yet reads as `NOT_KNOWN`: `@pulumi/policy` throws when
 * a policy touches such a value (and then skips the whole policy with an advisory note), so every read
 * here goes through `known()`, and no rule reports a violation from a value it could not read.
 */
import { MODULE } from "../core/properties";
import { REGISTRY } from "../registry/properties";
import { SCHEDULE } from "../schedule/properties";

/** A value the engine does not know yet (during preview). */
export const NOT_KNOWN: unique symbol = Symbol("not known during preview");
/** A value read from a resource: plain data, or `NOT_KNOWN`. */
export type Read = unknown;

/**
 * A plain copy of `read()`'s result, with every value the policy framework would refuse to give (an
 * unknown, which its proxy throws on) replaced by `NOT_KNOWN`. Plain objects never throw on a read, so
 * a throw here can only be the framework's unknown-value error.
 */
export function known(read: () => unknown, depth = 0): Read {
  let value: unknown;
  try {
    value = read();
  } catch {
    return NOT_KNOWN;
  }
  if (depth > 16 || typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) {
    const list = value as unknown[];
    return Array.from({ length: list.length }, (_, i) => known(() => list[i], depth + 1));
  }
  const record = value as Record<string, unknown>;
  return Object.fromEntries(Object.keys(record).map((key) => [key, known(() => record[key], depth + 1)]));
}

/** The part of a `@pulumi/policy` resource (resource or stack policy) the rules read. */
export interface PolicyResourceLike {
  type: string;
  urn: string;
  name: string;
  props: Record<string, unknown>;
  propertyDependencies?: Record<string, Array<{ urn: string }>>;
  provider?: { props: Record<string, unknown> };
}

/** A resource reduced to plain data: its properties, what each depends on, its provider's properties. */
export interface StackResource {
  type: string;
  urn: string;
  name: string;
  props: Record<string, Read>;
  /** For each property, the URNs of the resources its value came from. */
  dependsOn: Record<string, string[]>;
  providerProps: Record<string, Read>;
}

export function snapshot(r: PolicyResourceLike): StackResource {
  const props = known(() => r.props);
  const providerProps = known(() => r.provider?.props ?? {});
  const dependsOn: Record<string, string[]> = {};
  for (const [key, deps] of Object.entries(r.propertyDependencies ?? {})) {
    dependsOn[key] = deps.map((d) => d.urn);
  }
  return {
    type: r.type,
    urn: r.urn,
    name: r.name,
    props: isObject(props) ? props : {},
    dependsOn,
    providerProps: isObject(providerProps) ? providerProps : {},
  };
}

function isObject(v: unknown): v is Record<string, Read> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * The type tokens of our resources: the dynamic resources (`pulumi-nodejs:dynamic/qualys:<Type>`, see
 * core/properties.ts `typeToken`) and the plugin's (`qualys-cs:index:<Type>`).
 */
export const REGISTRY_TOKENS: readonly string[] = Object.freeze([
  `pulumi-nodejs:dynamic/${MODULE}:${REGISTRY.typeName}`,
  `qualys-cs:index:${REGISTRY.typeName}`,
]);
export const SCHEDULE_TOKENS: readonly string[] = Object.freeze([
  `pulumi-nodejs:dynamic/${MODULE}:${SCHEDULE.typeName}`,
  `qualys-cs:index:${SCHEDULE.typeName}`,
]);

/** A string property, `NOT_KNOWN`, or `undefined` when absent or of another type. */
export function text(value: Read): string | typeof NOT_KNOWN | undefined {
  if (value === NOT_KNOWN || typeof value === "string") return value;
  return undefined;
}

/** A Qualys registry of the stack. */
export interface QualysRegistry {
  urn: string;
  name: string;
  registryType: string | typeof NOT_KNOWN | undefined;
  /** The registry's host, lower case (from `registryUri`). */
  host: string | typeof NOT_KNOWN | undefined;
  registryUri: string | typeof NOT_KNOWN | undefined;
  /** The Qualys registry UUID once known. */
  registryId: string | typeof NOT_KNOWN | undefined;
  /** Artifact Registry: the repository name and project. */
  registry: string | typeof NOT_KNOWN | undefined;
  projectId: string | typeof NOT_KNOWN | undefined;
}

/** A scan schedule of the stack. */
export interface QualysSchedule {
  urn: string;
  name: string;
  registryId: string | typeof NOT_KNOWN | undefined;
  /** The URNs `registryId` came from (a registry's ID taken in the program). */
  registryFrom: string[];
  /** The repositories; an entry or the whole list may be `NOT_KNOWN`. */
  repo: Array<string | typeof NOT_KNOWN> | typeof NOT_KNOWN;
  repoFrom: string[];
  onDemand: boolean | typeof NOT_KNOWN;
  interval: number | typeof NOT_KNOWN | undefined;
  forceScan: boolean | typeof NOT_KNOWN;
}

/** The host of a URL or a bare `host/path`, lower case; `undefined` when it has none. */
export function hostOf(uri: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(uri) ? uri : `https://${uri}`;
  try {
    const host = new URL(withScheme).host.toLowerCase();
    return host === "" ? undefined : host;
  } catch {
    return undefined;
  }
}

export function qualysRegistry(r: StackResource): QualysRegistry {
  const uri = text(r.props["registryUri"]);
  return {
    urn: r.urn,
    name: r.name,
    registryType: text(r.props["registryType"]),
    registryUri: uri,
    host: uri === NOT_KNOWN || uri === undefined ? uri : hostOf(uri),
    registryId: text(r.props["registryId"]),
    registry: text(r.props["registry"]),
    projectId: text(r.props["projectId"]),
  };
}

function flag(value: Read, absent: boolean): boolean | typeof NOT_KNOWN {
  if (value === NOT_KNOWN || typeof value === "boolean") return value;
  return absent;
}

export function qualysSchedule(r: StackResource): QualysSchedule {
  const repo = r.props["repo"];
  const interval = r.props["scheduleScanIntervalInDays"];
  return {
    urn: r.urn,
    name: r.name,
    registryId: text(r.props["registryId"]),
    registryFrom: r.dependsOn["registryId"] ?? [],
    // A single name is a list of one, as check makes it (schedule/properties.ts `repo`).
    repo:
      repo === NOT_KNOWN
        ? NOT_KNOWN
        : typeof repo === "string"
          ? [repo]
          : Array.isArray(repo)
            ? repo.filter((e): e is string | typeof NOT_KNOWN => e === NOT_KNOWN || typeof e === "string")
            : [],
    repoFrom: r.dependsOn["repo"] ?? [],
    onDemand: flag(r.props["onDemand"], false),
    interval: interval === NOT_KNOWN || typeof interval === "number" ? interval : undefined,
    forceScan: flag(r.props["forceScan"], false),
  };
}

/** True when `schedule` takes its registry ID from `registry` (in the program, or by the same UUID). */
export function selects(schedule: QualysSchedule, registry: QualysRegistry): boolean {
  if (schedule.registryFrom.includes(registry.urn)) return true;
  return (
    typeof schedule.registryId === "string" &&
    typeof registry.registryId === "string" &&
    schedule.registryId === registry.registryId
  );
}

/** True when the schedule may be recurring: only a known `onDemand: true` rules it out. */
export function recurring(schedule: QualysSchedule): boolean {
  return schedule.onDemand !== true;
}

/** Our registries and schedules among the resources of a stack. */
export function ours(resources: readonly StackResource[]): {
  registries: QualysRegistry[];
  schedules: QualysSchedule[];
} {
  return {
    registries: resources.filter((r) => REGISTRY_TOKENS.includes(r.type)).map(qualysRegistry),
    schedules: resources.filter((r) => SCHEDULE_TOKENS.includes(r.type)).map(qualysSchedule),
  };
}
