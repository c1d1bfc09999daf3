/**
 * Finding and deleting the schedules left behind by interrupted test runs: those whose name starts with
 * a prefix, in the registries named. Deletes go through the provider's own delete (by ID, 404 is done, a
 * Running schedule is cancelled first, the bulk endpoint where single delete is not offered, confirmed).
 */
import { QualysError, type CliError } from "../errors";
import { deleteSchedule } from "../schedule/crud";
import type { ScheduleApi } from "../schedule/lookups";
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

const prefixError = (message: string): CliError => usageError("sweep", message);

/** Refuses an empty, too short or blank prefix (usage error). */
export function checkPrefix(prefix: string | undefined): string {
  if (prefix === undefined || prefix === "") {
    throw prefixError(
      "--prefix is required: sweep deletes only schedules whose name starts with it (the run prefix an " +
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
        "cannot match schedules someone named by hand.",
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
export interface SweepOutcome {
  deleted: SweepCandidate[];
  failed: { candidate: SweepCandidate; message: string }[];
}

/** Deletes each candidate; a failure is reported and the others still go. */
export async function deleteCandidates(
  api: ScheduleApi,
  candidates: SweepCandidate[],
  onDeleted: (c: SweepCandidate) => void = () => undefined,
): Promise<SweepOutcome> {
  const outcome: SweepOutcome = { deleted: [], failed: [] };
  await Promise.all(
    candidates.map(async (c) => {
      try {
        await deleteSchedule(api, formatResourceId(c.registryId, c.scheduleId));
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
