/**
 * After a create whose outcome is unknown (the reply was lost, or could not be read), find the schedule
 * it made, if it made one, without ever taking another schedule for it.
 *
 * Qualys's list is a search index: an answer can miss a schedule that exists, but does not invent
 * one. So nothing here rests on a single list answer being complete. A schedule with the name is
 * adopted only when it is provably this create's:
 * - its settings equal the body just sent (a replacement's old schedule differs in the very field
 *   that forced the replacement);
 * - Qualys created it after the POST left, by the gateway's own clock (`QualysClient.serverClockOffsetMs`),
 *   when Qualys reports a creation time;
 * - the stack does not already manage it (schedule/held.ts: the engine hands the provider the ID of the
 *   schedule being replaced before the create);
 * - it was not listed with the name before the POST.
 * "Nothing was created" is concluded only from several answers, spread over the time the gateway may
 * still commit the request.
 */
import {
  AmbiguousRequestError,
  CreateOutcomeUnknownError,
  DuplicateSchedulesError,
  MalformedResponseError,
  NothingCreatedError,
  type ScheduleCandidate,
} from "../errors";
import { createdAfterPost, createdMs } from "../core/create-journal";
import { sameValue } from "../core/values";
import { isHeld } from "./held";
import type { ScheduleApi } from "./api";
import { canonicalizeInputs } from "./rules";
import type { ScheduleInputs } from "./types";
import { fromWireSchedule, type WireSchedule } from "./wire";

/** Cap on how long the gateway is given to commit a create that timed out. */
export const MAX_SETTLE_MS = 30_000;
/** Pause between two looks. */
export const SETTLE_POLL_MS = 500;
/** Answers without the schedule needed before "nothing was created" (each may have missed it). */
export const EMPTY_ANSWERS_FOR_NOTHING = 3;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** What `reconcileCreate` needs to know about the create. */
export interface UnknownOutcome {
  inputs: ScheduleInputs;
  /** IDs listed with the name before the POST. */
  before: ReadonlySet<string>;
  /** This machine's clock when the POST left. */
  sentAt: number;
  /** The failure that left the outcome unknown. */
  failure: AmbiguousRequestError | MalformedResponseError;
}

/** True when Qualys holds exactly the settings that were sent (fields it does not return count as equal). */
export function matchesSent(registryId: string, item: WireSchedule, inputs: ScheduleInputs): boolean {
  try {
    const seen = canonicalizeInputs(fromWireSchedule(registryId, item, inputs).inputs);
    return sameValue(seen, canonicalizeInputs(inputs));
  } catch {
    // A reply this resource cannot read is not what was sent.
    return false;
  }
}

/** A few words on a schedule's settings, for messages. */
function summary(registryId: string, item: WireSchedule, inputs: ScheduleInputs): string {
  const s = (() => {
    try {
      return fromWireSchedule(registryId, item, {}).inputs;
    } catch {
      return undefined;
    }
  })();
  if (!s) return "settings this resource cannot hold";
  const when = s.onDemand
    ? "on demand"
    : s.scheduleScanIntervalInDays === 7
      ? `weekly on ${s.weekDay ?? "?"}${s.schedule ? ` at ${s.schedule}` : ""}`
      : s.scheduleScanIntervalInDays === 1
        ? `daily at ${s.schedule ?? "?"}`
        : `every ${s.scheduleScanIntervalInDays ?? "?"} days`;
  const tag = s.tag ?? inputs.tag;
  const selection = s.repositories
    ? `repositories ${s.repositories.map((r) => `${r.repo}${r.tag ? ` (tag ${r.tag})` : ""}`).join(", ")}`
    : `repo ${(s.repo ?? []).join(", ") || "?"}${tag ? `, tag ${tag}` : ""}`;
  return `${selection}${s.days ? `, last ${s.days} days` : ""}, ${when}`;
}

/** Every schedule with the name, with what the provider can prove about each. */
export function candidatesOf(
  api: ScheduleApi,
  named: WireSchedule[],
  outcome: UnknownOutcome,
): ScheduleCandidate[] {
  const { registryId } = outcome.inputs;
  const offset = api.client.serverClockOffsetMs;
  return named.map((item) => {
    const created = createdMs(item.created);
    const c: ScheduleCandidate = {
      scheduleId: item.scheduleUuid,
      settings: summary(registryId, item, outcome.inputs),
      matchesSent: matchesSent(registryId, item, outcome.inputs),
      ownedByStack: isHeld(registryId, item.scheduleUuid),
    };
    if (created !== undefined) c.created = new Date(created).toISOString();
    const afterPost = createdAfterPost(item.created, outcome.sentAt, offset);
    if (afterPost !== undefined) c.createdAfterPost = afterPost;
    return c;
  });
}

/** Provably this create's: see the file comment. */
function adoptable(c: ScheduleCandidate, before: ReadonlySet<string>): boolean {
  return c.matchesSent && c.createdAfterPost !== false && !c.ownedByStack && !before.has(c.scheduleId);
}

/**
 * The ID of the schedule the create made. Throws when nothing was created (run `up` again), when
 * several schedules could be its (`DuplicateSchedulesError`, none adopted), or when the check failed.
 */
export async function reconcileCreate(api: ScheduleApi, outcome: UnknownOutcome): Promise<string> {
  const { registryId, name } = outcome.inputs;
  const { failure } = outcome;
  // A 2xx reply (malformed or not) means the gateway is done; a timeout or a broken connection does
  // not: a schedule committed a moment later must still be found, or the next `up` duplicates it.
  const settleMs =
    failure instanceof AmbiguousRequestError ? Math.min(api.settleTimeoutMs, MAX_SETTLE_MS) : 0;
  const deadline = Date.now() + settleMs;
  let empty = 0;
  for (;;) {
    let candidates: ScheduleCandidate[];
    try {
      candidates = candidatesOf(api, await api.schedulesNamed(registryId, name), outcome);
    } catch (checkErr) {
      // The outcome stays unknown: say so, and what to look for, rather than only the second failure.
      throw new CreateOutcomeUnknownError({ registryId, name, cause: failure, checkFailure: checkErr });
    }
    const ours = candidates.filter((c) => adoptable(c, outcome.before));
    if (ours.length === 1) return ours[0]!.scheduleId;
    if (ours.length > 1) {
      throw new DuplicateSchedulesError({ registryId, name, candidates, cause: failure });
    }
    empty += 1;
    if (Date.now() >= deadline && empty >= EMPTY_ANSWERS_FOR_NOTHING) break;
    await sleep(SETTLE_POLL_MS);
  }
  throw new NothingCreatedError({ registryId, name, cause: failure, checkedMs: settleMs, answers: empty });
}
