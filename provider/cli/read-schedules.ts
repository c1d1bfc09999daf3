/**
 * Reads the schedules to import from Qualys, with the provider's own read path (`readSchedule`, as
 * `pulumi refresh` runs it), so that imported state is what a refresh would store. Only reads: the
 * registry's details and its schedule lists.
 */
import type { ScheduleApi } from "../schedule/api";
import { readSchedule } from "../schedule/crud";
import { QualysApiError } from "../errors";
import { checkScheduleInputs } from "../schedule/rules";
import type { ScheduleInputs } from "../schedule/types";
import { formatResourceId } from "../schedule/wire";
import { CliError } from "../errors";
import type { ImportedSchedule } from "./imported";
import { resourceNames } from "./names";
import { SETTINGS } from "../qualys/settings";

/** What to import from one registry: given schedule IDs, schedules whose name matches, or (neither) all. */
export interface RegistrySelection {
  registryId: string;
  /** Schedule IDs to import; each must exist. */
  scheduleIds: string[];
  /** Name patterns (`*` any run of characters, `?` one character; otherwise exact). */
  names: string[];
}

/** A name pattern as a regular expression matching the whole name. */
export function namePattern(pattern: string): RegExp {
  const body = Array.from(pattern)
    .map((c) => (c === "*" ? ".*" : c === "?" ? "." : c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${body}$`, "su");
}

/** Throws `CliError` naming the registry when Qualys has no registry `registryId` (a 404). */
export async function requireRegistry(api: ScheduleApi, registryId: string): Promise<void> {
  try {
    await api.registryType(registryId);
  } catch (err) {
    if (err instanceof QualysApiError && err.status === 404) {
      throw new CliError(
        `Qualys has no registry ${registryId} (${err.errorCode}: ${err.serverMessage}). Check the registry ID ` +
          `in the Qualys console (Container Security > Registries) and that ${SETTINGS.gatewayUrl.env} (or ` +
          `${SETTINGS.gatewayUrl.key}) points at the platform that holds it.`,
      );
    }
    throw err;
  }
}

async function selectIds(api: ScheduleApi, sel: RegistrySelection, allowNone: boolean): Promise<string[]> {
  const ids = [...sel.scheduleIds];
  if (sel.names.length > 0 || sel.scheduleIds.length === 0) {
    const listed = await api.listSchedules(sel.registryId);
    const patterns = sel.names.map(namePattern);
    const matched = listed.filter((s) => patterns.length === 0 || patterns.some((p) => p.test(s.name ?? "")));
    if (matched.length === 0 && !(allowNone && sel.names.length === 0)) {
      throw new CliError(
        sel.names.length === 0
          ? `Registry ${sel.registryId} has no schedules: there is nothing to import.`
          : `No schedule of registry ${sel.registryId} has a name matching ${sel.names.map((n) => JSON.stringify(n)).join(" or ")} ` +
              `(it has ${listed.length} schedule${listed.length === 1 ? "" : "s"}). Patterns match the whole name; ` +
              `use * for any characters, for example --name 'nightly-*'.`,
      );
    }
    ids.push(...matched.map((s) => s.scheduleUuid));
  }
  return [...new Set(ids)];
}

/**
 * Reads every selected schedule and turns it into inputs and outputs. Throws `CliError` for an
 * unknown registry, unknown schedule IDs (all of them named), or a schedule whose settings, as Qualys
 * returns them, do not pass `check` (for example a field Qualys left out of its reply). With
 * `allowNone` (the registry itself is adopted), a registry without schedules is no error.
 */
export async function readImportable(
  api: ScheduleApi,
  selections: readonly RegistrySelection[],
  allowNone = false,
): Promise<ImportedSchedule[]> {
  const read: { id: string; inputs: ScheduleInputs; outputs: ImportedSchedule["outputs"] }[] = [];
  for (const sel of selections) {
    await requireRegistry(api, sel.registryId);
    const ids = await selectIds(api, sel, allowNone);
    const results = await Promise.all(
      ids.map((scheduleId) => readSchedule(api, formatResourceId(sel.registryId, scheduleId))),
    );
    const missing = ids.filter((_, i) => results[i]!.id === undefined); // results is ids mapped one to one
    if (missing.length > 0) {
      throw new CliError(
        `Registry ${sel.registryId} has no schedule ${missing.join(", ")}: check the ID${missing.length === 1 ? "" : "s"} ` +
          `(Qualys purges Finished, Canceled and Failed schedules after a while), or run ` +
          `\`pulumi-qualys-cs import --registry ${sel.registryId}\` to import every schedule it has.`,
      );
    }
    for (const r of results) {
      if (r.id === undefined || !r.props || !r.inputs) continue;
      read.push({ id: r.id, inputs: r.inputs, outputs: r.props });
    }
  }

  const problems: string[] = [];
  const checked = read.map((r) => {
    const { inputs, failures } = checkScheduleInputs({ ...r.inputs });
    for (const f of failures)
      problems.push(`schedule ${r.id} (${JSON.stringify(r.outputs.name)}): ${f.property}: ${f.reason}`);
    return { ...r, inputs: inputs as ScheduleInputs };
  });
  if (problems.length > 0) {
    throw new CliError(
      `Qualys returned settings that a RegistryScanSchedule cannot declare, so these schedules cannot be ` +
        `imported as they are:\n  ${problems.join("\n  ")}\nFix the schedule in the Qualys console, or leave ` +
        `it out with --schedule/--name.`,
    );
  }

  const names = resourceNames(
    checked.map((c) => ({ scheduleName: c.outputs.name, scheduleId: c.outputs.scheduleId })),
  );
  // names is checked mapped one to one
  return checked.map((c, i) => ({ resourceName: names[i]!, id: c.id, inputs: c.inputs, outputs: c.outputs }));
}
