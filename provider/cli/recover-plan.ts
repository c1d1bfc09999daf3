/**
 * The pure part of `pulumi-qualys-cs recover`: which pending operations of an exported deployment are
 * interrupted creates of a `RegistryScanSchedule`, what to do with each once Qualys has been asked
 * which schedules carry its name, and the deployment to import afterwards. No I/O here.
 *
 * An interrupted `pulumi up` (the CLI killed while creating) leaves each create it had started as a
 * `creating` entry of `pending_operations`, without an ID, whether or not Qualys committed the schedule.
 * The next `up` would create those schedules again. The recovery records each one Qualys has as a
 * resource, with its ID, and removes the entries whose schedule was never made.
 */
import { parseResourceId, formatResourceId } from "../schedule/wire";
import { CliError } from "../errors";
import { PROVIDER_KEY, RESOURCE_TYPE } from "./imported";

/** A JSON object of the exported deployment, kept whole: fields this tool does not know stay as they are. */
export type JsonObject = Record<string, unknown>;

/** What `pulumi stack export` prints: `{ version, deployment }`. */
export interface ExportedStack extends JsonObject {
  version: number;
  deployment: JsonObject;
}

/** One `pending_operations` entry, as exported. */
export interface PendingOperation extends JsonObject {
  type: string;
  resource: JsonObject;
}

/** An interrupted create of a `RegistryScanSchedule`, with what is needed to look it up in Qualys. */
export interface PendingCreate {
  /** Its index in `pending_operations`. */
  index: number;
  urn: string;
  /** The inputs the create was started with (they include `__provider`). */
  inputs: JsonObject;
  registryId: string;
  name: string;
}

/** A pending operation this tool does not touch, and why. */
export interface LeftAlone {
  index: number;
  type: string;
  resourceType: string;
  urn: string;
  reason: string;
}

/** The pending operations of a deployment, sorted into those to resolve and those left as they are. */
export interface PendingSurvey {
  creates: PendingCreate[];
  leftAlone: LeftAlone[];
}

/** What happens to one pending create. */
export type RecoveryAction =
  /** Qualys has exactly one schedule for it: record it under this ID. */
  | { kind: "adopt"; id: string; scheduleId: string }
  /** Qualys has none: the create never committed; the entry is removed and the next `up` creates it. */
  | { kind: "none" }
  /** Qualys has several: none is adopted, the entry stays pending, the user deletes the extras. */
  | { kind: "ambiguous"; scheduleIds: string[]; reason: string };

/** One pending create and its action. */
export interface RecoveryStep {
  create: PendingCreate;
  action: RecoveryAction;
  /** Schedules of that name skipped because another resource of the stack already owns them. */
  owned: string[];
}

/** The plan: a step per pending create, and the pending operations left alone. */
export interface RecoveryPlan {
  steps: RecoveryStep[];
  leftAlone: LeftAlone[];
}

function isObject(v: unknown): v is JsonObject {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** The `deployment` of `pulumi stack export`'s output; throws `CliError` when it is not one. */
export function parseExport(text: string): ExportedStack {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new CliError("`pulumi stack export` printed something that is not JSON.");
  }
  if (!isObject(parsed) || typeof parsed.version !== "number" || !isObject(parsed.deployment)) {
    throw new CliError(
      "`pulumi stack export` printed JSON without `version` and `deployment`: is `pulumi` the Pulumi CLI?",
    );
  }
  if (parsed.version !== 3) {
    throw new CliError(
      `The stack's deployment has version ${parsed.version}; this command understands version 3 only. ` +
        `Nothing was changed.`,
    );
  }
  return parsed as ExportedStack;
}

function list(deployment: JsonObject, key: string): JsonObject[] {
  const v = deployment[key];
  return Array.isArray(v) ? v.filter(isObject) : [];
}

const text = (v: unknown): string => (typeof v === "string" ? v : "");

/** Sorts the deployment's pending operations: `creating` of a `RegistryScanSchedule`, and the rest. */
export function surveyPending(state: ExportedStack): PendingSurvey {
  const creates: PendingCreate[] = [];
  const leftAlone: LeftAlone[] = [];
  const live = new Set(
    list(state.deployment, "resources")
      .filter((r) => r.delete !== true)
      .map((r) => text(r.urn)),
  );
  list(state.deployment, "pending_operations").forEach((op, index) => {
    const resource = isObject(op.resource) ? op.resource : {};
    const type = text(op.type);
    const resourceType = text(resource.type);
    const urn = text(resource.urn);
    const skip = (reason: string) => leftAlone.push({ index, type, resourceType, urn, reason });
    if (resourceType !== RESOURCE_TYPE) return skip("not a RegistryScanSchedule");
    if (type !== "creating") return skip(`a pending "${type}", not a create`);
    const inputs = isObject(resource.inputs) ? resource.inputs : {};
    const { registryId, name } = inputs;
    if (typeof registryId !== "string" || typeof name !== "string" || registryId === "" || name === "") {
      return skip("its inputs have no registryId and name to look the schedule up by");
    }
    if (live.has(urn)) {
      // create-before-delete: the old schedule is still in state under the same URN.
      return skip("an interrupted replacement (the resource it replaces is still in the stack)");
    }
    creates.push({ index, urn, inputs, registryId, name });
  });
  return { creates, leftAlone };
}

/** `<registryId>/<scheduleId>` of every `RegistryScanSchedule` the stack already holds. */
export function ownedIds(state: ExportedStack): Set<string> {
  const owned = new Set<string>();
  for (const r of list(state.deployment, "resources")) {
    if (r.type !== RESOURCE_TYPE || typeof r.id !== "string") continue;
    const id = parseResourceId(r.id);
    if (id) owned.add(formatResourceId(id.registryId, id.scheduleId));
  }
  return owned;
}

/** The key under which Qualys's answer for a registry and a name is passed to `planRecovery`. */
export function lookupKey(registryId: string, name: string): string {
  return JSON.stringify([registryId, name]);
}

/**
 * The action for each pending create. `found` maps `lookupKey(registryId, name)` to the IDs of the
 * registry's schedules whose name is exactly `name`. IDs another resource of the stack owns are not
 * candidates. Two pending creates of the same registry and name cannot be told apart: when Qualys has
 * any schedule of that name, neither is adopted.
 */
export function planRecovery(
  state: ExportedStack,
  survey: PendingSurvey,
  found: ReadonlyMap<string, readonly string[]>,
): RecoveryPlan {
  const owned = ownedIds(state);
  const sharing = new Map<string, number>();
  for (const c of survey.creates) {
    const key = lookupKey(c.registryId, c.name);
    sharing.set(key, (sharing.get(key) ?? 0) + 1);
  }
  const steps = survey.creates.map((create): RecoveryStep => {
    const key = lookupKey(create.registryId, create.name);
    const all = [...new Set(found.get(key) ?? [])];
    const isOwned = (s: string) => owned.has(formatResourceId(create.registryId, s));
    const candidates = all.filter((s) => !isOwned(s));
    const skipped = all.filter(isOwned);
    const others = (sharing.get(key) ?? 1) - 1;
    let action: RecoveryAction;
    if (candidates.length === 0) action = { kind: "none" };
    else if (others > 0)
      action = {
        kind: "ambiguous",
        scheduleIds: candidates,
        reason: `${others + 1} pending creates have this registry and name`,
      };
    else if (candidates.length > 1)
      action = {
        kind: "ambiguous",
        scheduleIds: candidates,
        reason: `Qualys has ${candidates.length} schedules with this name that no resource owns`,
      };
    else
      action = {
        kind: "adopt",
        id: formatResourceId(create.registryId, candidates[0]!), // exactly one candidate here
        scheduleId: candidates[0]!,
      };
    return { create, action, owned: skipped };
  });
  return { steps, leftAlone: survey.leftAlone };
}

/**
 * The deployment to import: each adopted create becomes a resource (the pending entry's resource, with
 * its ID and `outputs`, appended after the resources already there, so its parent, provider and
 * dependencies come first); the pending entries of adopted and never-created schedules are removed;
 * ambiguous ones and everything left alone stay, unless `dropUnresolved` (then no pending operation
 * stays). `outputs` maps an adopted ID to what a refresh would store (the provider's `read`, plus
 * `__provider`); an adopted create without outputs is an error.
 *
 * Note: `pulumi stack import` itself removes every pending operation (with a warning), so a deployment
 * that still has some loses them when imported; the command therefore writes only when none stays.
 */
export function applyRecovery(
  state: ExportedStack,
  plan: RecoveryPlan,
  outputs: ReadonlyMap<string, JsonObject>,
  dropUnresolved = false,
): ExportedStack {
  const copy = structuredClone(state);
  const pending = list(copy.deployment, "pending_operations");
  const resources = list(copy.deployment, "resources");
  const removed = new Set<number>();
  for (const step of plan.steps) {
    if (step.action.kind === "ambiguous") continue;
    removed.add(step.create.index);
    if (step.action.kind !== "adopt") continue;
    const outs = outputs.get(step.action.id);
    if (!outs) throw new Error(`no outputs were read for ${step.action.id}`);
    const entry = pending[step.create.index];
    if (!entry) throw new Error(`the deployment has no pending operation ${step.create.index}`);
    const resource = entry.resource as JsonObject;
    resources.push({ ...resource, id: step.action.id, outputs: outs });
  }
  copy.deployment.resources = resources;
  copy.deployment.pending_operations = dropUnresolved ? [] : pending.filter((_, i) => !removed.has(i));
  return copy;
}

/** How many pending operations recovery leaves unresolved: ambiguous creates and those left alone. */
export function unresolvedCount(plan: RecoveryPlan): number {
  return plan.steps.filter((s) => s.action.kind === "ambiguous").length + plan.leftAlone.length;
}

/** The outputs to store for an adopted schedule: the provider's read, plus the create's `__provider`. */
export function adoptedOutputs(read: object, inputs: JsonObject): JsonObject {
  const outs: JsonObject = { ...read };
  if (inputs[PROVIDER_KEY] !== undefined) outs[PROVIDER_KEY] = inputs[PROVIDER_KEY];
  return outs;
}

/** The resource name part of a URN (`…::<type>::<name>`). */
export function urnName(urn: string): string {
  const at = urn.lastIndexOf("::");
  return at < 0 ? urn : urn.slice(at + 2);
}

/** The plan as printed, one line per pending create (and per pending operation left alone). */
export function renderPlan(plan: RecoveryPlan): string {
  const lines: string[] = [];
  const width = Math.max(0, ...plan.steps.map((s) => urnName(s.create.urn).length));
  for (const s of plan.steps) {
    const head = `  ${urnName(s.create.urn).padEnd(width)}  `;
    const a = s.action;
    const note = s.owned.length > 0 ? ` (skipped, owned by other resources: ${s.owned.join(", ")})` : "";
    if (a.kind === "adopt") lines.push(`${head}adopt ${a.id}${note}`);
    else if (a.kind === "none")
      lines.push(`${head}nothing was created: the next \`pulumi up\` creates it${note}`);
    else lines.push(`${head}ambiguous: ${a.scheduleIds.join(", ")} (${a.reason}); adopt none${note}`);
  }
  for (const l of plan.leftAlone) {
    lines.push(`  left alone: pending "${l.type}" of ${l.urn || "(no URN)"}: ${l.reason}`);
  }
  return lines.length > 0 ? `${lines.join("\n")}\n` : "";
}
