/**
 * A create's note of what it sent, for a provider that can die mid-create and be started again: the
 * provider plugin (plugin/journal.ts keeps the note in a file per resource). When the plugin process is
 * killed while a POST is out, the engine forgets the create, and the next `pulumi up` creates the
 * resource again; with the note, that create first settles the earlier one and adopts what it provably
 * made: a schedule as after an ambiguous create (schedule/reconcile.ts), a registry when its URI is held
 * by one registry that was not there before the earlier POST (registry/crud.ts). The dynamic resources
 * run without a journal: there, a killed run leaves pending creates for `pulumi-qualys-cs recover`.
 *
 * The journal reaches each resource's create through AsyncLocalStorage, so the published signature of
 * the runtimes' `create(inputs)` (`<resource>/runtime-v1.ts`) stays as it is.
 */
import { AsyncLocalStorage } from "node:async_hooks";

/**
 * What a create sent: the IDs that already held the resource's natural key before the POST (a
 * schedule's name in its registry, a registry's URI), and when the POST left.
 */
export interface SentCreate {
  before: string[];
  sentAt: number;
}

/** Where a create notes what it sends, and finds what an earlier, unanswered create of it sent. */
export interface CreateJournal {
  /** What an earlier create of this resource sent and never saw answered, if any. */
  previous(): SentCreate | undefined;
  /** Notes the POST about to leave (kept until the create's outcome is known). */
  sending(sent: SentCreate): void;
}

const current = new AsyncLocalStorage<CreateJournal>();

/** Runs `create` with `journal` as the journal of the creates it makes. */
export function withCreateJournal<T>(journal: CreateJournal, create: () => T): T {
  return current.run(journal, create);
}

/** The journal of the running create, if its provider keeps one. */
export function createJournal(): CreateJournal | undefined {
  return current.getStore();
}

/**
 * Slack on "created after the POST left": the gateway's `Date` header and `created` may round
 * differently, and the offset estimate is a bound, not a measurement.
 */
export const CLOCK_SLACK_MS = 1_000;

/** A `created` of Qualys (milliseconds, a string of them, or an ISO date) in milliseconds, if readable. */
export function createdMs(created: number | string | null | undefined): number | undefined {
  if (created === null || created === undefined || created === "") return undefined;
  if (typeof created === "number") return created;
  const n = /^\d+$/.test(created) ? Number(created) : Date.parse(created);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Whether what Qualys says it created at `created` can be the POST that left at `sentAt` (this
 * machine's clock), given the gateway clock's offset from ours: `false` only when it provably existed
 * before that POST, `undefined` when `created` or the offset is unknown.
 */
export function createdAfterPost(
  created: number | string | null | undefined,
  sentAt: number,
  serverClockOffsetMs: number | undefined,
): boolean | undefined {
  const at = createdMs(created);
  if (at === undefined || serverClockOffsetMs === undefined) return undefined;
  // The earliest gateway time at which the POST can have been committed.
  return at >= sentAt + serverClockOffsetMs - CLOCK_SLACK_MS;
}
