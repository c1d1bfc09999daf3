/**
 * Finding and deleting what interrupted test runs left behind: the schedules whose name starts with a
 * prefix, in the registries named, and the registries whose name starts with it. Deletes go through the
 * provider's own deletes (schedules: by ID, 404 is done, a Running schedule is cancelled first, the bulk
 * endpoint where single delete is not offered, confirmed; registries: the bulk delete of one ID, then
 * waiting until Qualys no longer has it).
 */
import { QualysError, type CliError } from "../errors";
import type { RegistryApi } from "../registry/api";
import { deleteRegistry, runningSchedulesOf } from "../registry/crud";
import { deleteSchedule } from "../schedule/crud";
import type { ScheduleApi } from "../schedule/api";
import { formatResourceId } from "../schedule/wire";
import { usageError } from "./command";

/**
 * The shortest prefix accepted. Short prefixes match names people give their own schedules (`prod`,
 * `team-`); the runs that leave schedules behind name theirs with a longer, generated prefix.
 */
export const MIN_PREFIX_LENGTH = 6;

/** A schedule whose name starts with the prefix. */
export interface SweepCandidate {
  registryId: string;
  scheduleId: string;
  name: string;
  status: string;
}

/** A registry whose name starts with the prefix. */
export interface RegistryCandidate {
  registryId: string;
  name: string;
  registryUri: string;
  status: string;
}

/** The APIs a sweep uses. */
export interface SweepApis {
  schedules: ScheduleApi;
  registries: RegistryApi;
}

const prefixError = (message: string): CliError => usageError("sweep", message);

/** Refuses an empty, too short or blank prefix (usage error). */
export function checkPrefix(prefix: string | undefined): string {
  if (prefix === undefined || prefix === "") {
    throw prefixError(
      "--prefix is required: sweep deletes only schedules and registries whose name starts with it (the run prefix an " +
        "acceptance run printed, e.g. pqcs-acc-…).",
    );
  }
  if (prefix.trim() !== prefix) {
    throw prefixError(
      `--prefix ${JSON.stringify(prefix)} starts or ends with white space: give the prefix exactly.`,
    );
  }
  if (prefix.length < MIN_PREFIX_LENGTH) {
    throw prefixError(
      `--prefix ${JSON.stringify(prefix)} is too short: give at least ${MIN_PREFIX_LENGTH} characters, so that it ` +
        "cannot match schedules or registries someone named by hand.",
    );
  }
  return prefix;
}

/** The schedules of these registries whose name starts with `prefix` (reads only). */
export async function findPrefixed(
  api: ScheduleApi,
  registryIds: string[],
  prefix: string,
): Promise<SweepCandidate[]> {
  const found: SweepCandidate[] = [];
  for (const registryId of registryIds) {
    // Registry first: a 404 there says the registry is unknown, clearer than an empty listing.
    await api.registryType(registryId);
    for (const s of await api.listSchedules(registryId)) {
      const name = s.name ?? "";
      if (name.startsWith(prefix)) {
        found.push({ registryId, scheduleId: s.scheduleUuid, name, status: s.status ?? "Unknown" });
      }
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name) || a.scheduleId.localeCompare(b.scheduleId));
}

/** What deleting the candidates did. */
export interface SweepOutcome<T> {
  deleted: T[];
  failed: { candidate: T; message: string }[];
}

/** Runs `remove` on each candidate at once; a failure is reported and the others still go. */
async function deleteEach<T>(
  candidates: T[],
  remove: (c: T) => Promise<void>,
  onDeleted: (c: T) => void,
): Promise<SweepOutcome<T>> {
  const outcome: SweepOutcome<T> = { deleted: [], failed: [] };
  await Promise.all(
    candidates.map(async (c) => {
      try {
        await remove(c);
        outcome.deleted.push(c);
        onDeleted(c);
      } catch (err) {
        const message = err instanceof Error ? new QualysError(err.message).message : String(err);
        outcome.failed.push({ candidate: c, message });
      }
    }),
  );
  return outcome;
}

/** Deletes each schedule. */
export function deleteCandidates(
  api: ScheduleApi,
  candidates: SweepCandidate[],
  onDeleted: (c: SweepCandidate) => void = () => undefined,
): Promise<SweepOutcome<SweepCandidate>> {
  return deleteEach(
    candidates,
    (c) => deleteSchedule(api, formatResourceId(c.registryId, c.scheduleId)),
    onDeleted,
  );
}

/**
 * The registries whose name starts with `prefix` (reads only). Qualys's `registryName` filter is a
 * "contains" that ignores case (docs/qualys-registry-contract.md §1), so the names are compared exactly here.
 */
export async function findPrefixedRegistries(api: RegistryApi, prefix: string): Promise<RegistryCandidate[]> {
  return (await api.nameContains(prefix))
    .filter((r) => (r.registryName ?? "").startsWith(prefix))
    .map((r) => ({
      registryId: r.registryUuid,
      name: r.registryName ?? "",
      registryUri: r.registryUri ?? "",
      status: r.status ?? "Unknown",
    }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.registryId.localeCompare(b.registryId));
}

/** Deletes each registry (Qualys deletes its schedules with it). */
export function deleteRegistryCandidates(
  apis: SweepApis,
  candidates: RegistryCandidate[],
  onDeleted: (c: RegistryCandidate) => void = () => undefined,
): Promise<SweepOutcome<RegistryCandidate>> {
  return deleteEach(
    candidates,
    (c) => deleteRegistry(apis.registries, c.registryId, runningSchedulesOf(apis.schedules)),
    onDeleted,
  );
}
