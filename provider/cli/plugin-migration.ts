/**
 * Moving a stack from the dynamic resources to the plugin's (docs/languages.md, "Moving a TypeScript
 * stack to the plugin"), without touching Qualys: from the stack's state, a native import file that
 * adopts each Registry and RegistryScanSchedule by ID as `qualys-cs:index:<type>` under the same name
 * (the plugin's Read only reads), and the `pulumi state delete` of each dynamic resource, which forgets
 * it without deleting anything. Pure.
 */
import { typeToken } from "../core/properties";
import { RESOURCES } from "../resources";
import { pluginToken } from "../plugin/settings";
import type { ExportedStack } from "./recover-plan";

/** What the migration does to one resource. */
export interface MigratedResource {
  /** The dynamic resource's URN (to forget). */
  urn: string;
  /** Its entry in the native import file. */
  entry: { type: string; name: string; id: string };
}

/** The dynamic resources of the package in `state`, each with its plugin import entry, registries first. */
export function migrationPlan(state: ExportedStack): MigratedResource[] {
  const byToken = new Map(RESOURCES.map((r) => [typeToken(r), pluginToken(r.typeName)]));
  const resources = (Array.isArray(state.deployment.resources) ? state.deployment.resources : []) as {
    urn?: unknown;
    type?: unknown;
    id?: unknown;
  }[];
  const plan: MigratedResource[] = [];
  for (const r of resources) {
    const type = typeof r.type === "string" ? byToken.get(r.type) : undefined;
    if (type === undefined || typeof r.urn !== "string" || typeof r.id !== "string" || r.id === "") continue;
    plan.push({ urn: r.urn, entry: { type, name: r.urn.split("::").slice(3).join("::"), id: r.id } });
  }
  const rank = (m: MigratedResource): number =>
    RESOURCES.findIndex((r) => pluginToken(r.typeName) === m.entry.type);
  return plan.sort((a, b) => rank(a) - rank(b));
}

/**
 * The native import file of a plan: type, name and ID only. Without `outputs` the engine asks the
 * plugin's Read, which adopts each resource by ID (with outputs it would store them unread).
 */
export function migrationImportFile(plan: readonly MigratedResource[]): {
  resources: MigratedResource["entry"][];
} {
  return { resources: plan.map((m) => m.entry) };
}
