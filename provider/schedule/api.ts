/**
 * The read-path optimizer of schedules: the one object the CRUD and the commands call. Per process and
 * client: each registry's type is read once; schedule look-ups that arrive together are answered by
 * filtered calls or one listing of their registry, whichever costs fewer calls; and a listing made while
 * no write to its registry is under way answers later look-ups (a refresh). Writes go through it so
 * that it knows when a listing is stale. The calls themselves are `schedule/endpoints.ts`'s.
 */
import { BatchFailure, Batcher } from "../qualys/batch";
import type { QualysClient } from "../qualys/http/client";
import type { ApiResponse } from "../qualys/http/response";
import { perClient } from "../qualys/per-client";
import { PAGE_SIZE, ScheduleEndpoints, type SchedulePage } from "./endpoints";
import { qqlTerm, type WireSchedule, type WireScheduleBody } from "./wire";

export { PAGE_SIZE } from "./endpoints";
/** How long look-ups wait for company before the batch goes out. */
export const BATCH_WINDOW_MS = 15;
/**
 * While writes to the registry are under way, a batch this small (or no larger than the registry's
 * page count) is answered by filtered calls; a larger one by a listing of the registry.
 */
const FILTERED_LOOKUP_MAX = 2;
/** Bound on the pages fetched one by one after the predicted ones (100 000 schedules per registry). */
const MAX_EXTRA_PAGES = 1000;
/**
 * How long a complete listing of a registry answers later look-ups, provided no write to that registry
 * started or ended since the listing began. A refresh of many schedules then costs the registry's pages,
 * not a page-through per batch of the engine's (at most `--parallel`) concurrent reads.
 */
export const SNAPSHOT_TTL_MS = 10_000;
/**
 * A schedule missing from an answer is looked up by ID this many more times, `GONE_RECHECK_MS` apart,
 * before it counts as gone: Qualys's list is a search index, and one answer can miss a schedule that
 * exists (refresh would then drop it from the stack, and the next `up` would duplicate it).
 */
export const GONE_RECHECKS = 2;
export const GONE_RECHECK_MS = 200;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Schedule names by ID with the reverse index, so that the name check before each create costs a
 * look-up, not a pass over the registry (an `up` of N schedules would otherwise cost N²).
 */
class NameView {
  private readonly nameOf = new Map<string, string>();
  private readonly idsOf = new Map<string, Set<string>>();

  set(id: string, name: string): void {
    this.delete(id);
    this.nameOf.set(id, name);
    let ids = this.idsOf.get(name);
    if (!ids) this.idsOf.set(name, (ids = new Set()));
    ids.add(id);
  }

  delete(id: string): void {
    const name = this.nameOf.get(id);
    if (name === undefined) return;
    this.nameOf.delete(id);
    const ids = this.idsOf.get(name);
    ids?.delete(id);
    if (ids?.size === 0) this.idsOf.delete(name);
  }

  idsNamed(name: string): string[] {
    return [...(this.idsOf.get(name) ?? [])];
  }
}

/** A complete listing of one registry, usable while its registry's write epoch is unchanged. */
interface Snapshot {
  epoch: number;
  startedAt: number;
  /** Every schedule of the registry by ID; rejects if the listing failed. */
  listing: Promise<Map<string, WireSchedule>>;
  /**
   * IDs already answered. A listing answers each ID once: asking again means polling for a change
   * (delete confirmation, an asynchronous bulk delete), which needs a fresh read.
   */
  served: Set<string>;
}

export class ScheduleApi {
  readonly endpoints: ScheduleEndpoints;
  private readonly registryTypes = new Map<string, Promise<string>>();
  /**
   * Per registry, a run-wide view of which schedule carries which name: one listing of the registry
   * the first time a create needs it, then kept current by this process's own writes. It answers the
   * name check before each create (what already carries the name), so `up` pays for the registry's
   * pages once, not per create. Other writers are not seen, and an index answer may lack a schedule:
   * the view only narrows reconciliation, it never proves anything (schedule/reconcile.ts).
   */
  private readonly views = new Map<string, Promise<NameView>>();
  private readonly byId = new Batcher<string, WireSchedule | undefined>(
    BATCH_WINDOW_MS,
    (registryId, ids) => this.flush(registryId, ids),
    undefined,
  );
  private readonly byName = new Batcher<string, WireSchedule[]>(
    BATCH_WINDOW_MS,
    (registryId, names) => this.flushNames(registryId, names),
    [],
  );
  /** Bumped when a write to the registry starts and when it ends. */
  private readonly writeEpochs = new Map<string, number>();
  private readonly writesInFlight = new Map<string, number>();
  private readonly snapshots = new Map<string, Snapshot>();
  /** The schedule count of each registry's last complete listing. */
  private readonly counts = new Map<string, number>();
  /** Schedules this process asked Qualys to delete. */
  private readonly deleted = new Set<string>();

  constructor(readonly client: QualysClient) {
    this.endpoints = new ScheduleEndpoints(client);
  }

  /**
   * How long a create whose outcome is unknown may still be at work at the gateway: one request
   * timeout (the gateway may commit it until then).
   */
  get settleTimeoutMs(): number {
    return this.client.timeoutMs;
  }

  /** The registry's type, read once per registry per process. A 404 says the registry does not exist. */
  registryType(registryId: string): Promise<string> {
    let p = this.registryTypes.get(registryId);
    if (!p) {
      p = this.endpoints.registryType(registryId);
      // A failure is not cached: the next resource may succeed.
      p.catch(() => this.registryTypes.delete(registryId));
      this.registryTypes.set(registryId, p);
    }
    return p;
  }

  /** IDs of the schedules named `name` in the registry's run-wide view (see `views`). */
  async namedInView(registryId: string, name: string): Promise<string[]> {
    let view = this.views.get(registryId);
    if (!view) {
      view = this.listAll(registryId).then((all) => {
        const names = new NameView();
        for (const s of all) names.set(s.scheduleUuid, s.name ?? "");
        return names;
      });
      // A failure is not kept: the next create lists again.
      view.catch(() => this.views.delete(registryId));
      this.views.set(registryId, view);
    }
    return (await view).idsNamed(name);
  }

  /** Records in the registry's view a schedule this process created or adopted, or renamed. */
  noteNamed(registryId: string, scheduleId: string, name: string): void {
    void this.views.get(registryId)?.then(
      (names) => names.set(scheduleId, name),
      () => undefined,
    );
  }

  private noteGone(registryId: string, scheduleId: string): void {
    void this.views.get(registryId)?.then(
      (names) => names.delete(scheduleId),
      () => undefined,
    );
  }

  /** Every schedule of the registry that matches the QQL filter (all pages). */
  listSchedules(registryId: string, filter?: string): Promise<WireSchedule[]> {
    return this.endpoints.listSchedules(registryId, filter);
  }

  /**
   * The schedule with this ID, or `undefined` when Qualys no longer has it (docs/qualys-contract.md §7). Found in a
   * fresh snapshot of the registry when there is one (no write since it began, see `SNAPSHOT_TTL_MS`),
   * else batched with the look-ups arriving within `BATCH_WINDOW_MS`.
   */
  async findSchedule(registryId: string, scheduleId: string): Promise<WireSchedule | undefined> {
    const snap = this.snapshots.get(registryId);
    if (snap && !snap.served.has(scheduleId) && this.usable(registryId, snap)) {
      snap.served.add(scheduleId);
      try {
        const hit = (await snap.listing).get(scheduleId);
        // Checked again: a write may have started while the listing was under way. Only a hit is
        // answered: "gone" always comes from a listing made after the look-up was asked for (a create
        // that timed out may commit later, and refresh must never drop a schedule on a stale listing).
        if (hit && this.usable(registryId, snap)) return hit;
      } catch {
        // The batch below reports its own failure.
      }
    }
    return this.byId.get(registryId, scheduleId);
  }

  private usable(registryId: string, snap: Snapshot): boolean {
    return this.epoch(registryId) === snap.epoch && Date.now() - snap.startedAt < SNAPSHOT_TTL_MS;
  }

  private epoch(registryId: string): number {
    return this.writeEpochs.get(registryId) ?? 0;
  }

  /** Runs a write, marking the registry's snapshot stale when it starts and again when it ends. */
  private async write<T>(registryId: string, run: () => Promise<T>): Promise<T> {
    const bump = (inFlight: number): void => {
      this.writeEpochs.set(registryId, this.epoch(registryId) + 1);
      this.writesInFlight.set(registryId, inFlight);
      this.snapshots.delete(registryId);
    };
    bump((this.writesInFlight.get(registryId) ?? 0) + 1);
    try {
      return await run();
    } finally {
      bump((this.writesInFlight.get(registryId) ?? 1) - 1);
    }
  }

  /**
   * Answers a batch of ID look-ups in one registry (see `findSchedule`). A reply that fails fails only
   * the look-ups it answered: a failed listing falls back to look-ups by ID, and a failed look-up by
   * ID fails that ID alone.
   */
  private async flush(registryId: string, ids: string[]): Promise<Map<string, WireSchedule | BatchFailure>> {
    // A schedule this process deleted is looked up by ID: a delete confirmation must never rest on a
    // page-through, whose pages shift while other deletes land.
    const exact = ids.filter((id) => this.deleted.has(id));
    const rest = ids.filter((id) => !this.deleted.has(id));
    const pages = this.estimatedPages(registryId);
    // With no write under way, a listing is kept for the look-ups to come (a refresh reads every
    // schedule of the registry), so it is worth it as soon as it costs no more calls than this batch.
    const quiet = (this.writesInFlight.get(registryId) ?? 0) === 0;
    const list =
      rest.length > 0 && (quiet ? rest.length >= pages : rest.length > Math.max(FILTERED_LOOKUP_MAX, pages));
    const answers = new Map<string, WireSchedule | BatchFailure>();
    let listed: Map<string, WireSchedule> | undefined;
    if (list) {
      try {
        listed = await (quiet
          ? this.snapshot(registryId, rest)
          : this.listAll(registryId).then((all) => new Map(all.map((s) => [s.scheduleUuid, s]))));
      } catch {
        // Each ID is then looked up on its own below, and reports its own failure.
      }
    }
    const direct = listed ? exact : ids;
    await Promise.all(direct.map((id) => this.lookUp(registryId, id, answers)));
    for (const id of rest) {
      const hit = listed?.get(id);
      if (hit) answers.set(id, hit);
    }
    // "Gone" never rests on one answer: pages shift when schedules are deleted meanwhile (in the
    // console, say), and the index behind the list can lag. A miss is looked up by ID again.
    for (let i = 0; i < GONE_RECHECKS; i++) {
      const misses = ids.filter((id) => !answers.has(id));
      if (misses.length === 0) break;
      if (i > 0 || !listed) await sleep(GONE_RECHECK_MS);
      await Promise.all(misses.map((id) => this.lookUp(registryId, id, answers)));
    }
    return answers;
  }

  /** One look-up by ID into `answers`: the schedule, nothing when Qualys lists none, or its failure. */
  private async lookUp(
    registryId: string,
    id: string,
    answers: Map<string, WireSchedule | BatchFailure>,
  ): Promise<void> {
    try {
      const hit = (await this.listSchedules(registryId, qqlTerm("scheduleUuid", id))).find(
        (s) => s.scheduleUuid === id,
      );
      if (hit) answers.set(id, hit);
    } catch (err) {
      answers.set(id, new BatchFailure(err));
    }
  }

  /**
   * The schedules of the registry named exactly `name` (Qualys's `name:` filter is not documented as
   * exact). Batched like look-ups: names asked for together in one registry (the creates of one
   * `pulumi up`) are answered by filtered calls when few, else by one listing of the registry.
   */
  schedulesNamed(registryId: string, name: string): Promise<WireSchedule[]> {
    return this.byName.get(registryId, name);
  }

  private async flushNames(
    registryId: string,
    names: string[],
  ): Promise<Map<string, WireSchedule[] | BatchFailure>> {
    const answers = new Map<string, WireSchedule[] | BatchFailure>();
    if (names.length > Math.max(FILTERED_LOOKUP_MAX, this.estimatedPages(registryId))) {
      try {
        const all = await this.listAll(registryId);
        for (const name of names)
          answers.set(
            name,
            all.filter((s) => s.name === name),
          );
        return answers;
      } catch {
        // Each name is then looked up on its own, and reports its own failure.
      }
    }
    await Promise.all(
      names.map(async (name) => {
        try {
          const hits = await this.listSchedules(registryId, qqlTerm("name", name));
          answers.set(
            name,
            hits.filter((s) => s.name === name),
          );
        } catch (err) {
          answers.set(name, new BatchFailure(err));
        }
      }),
    );
    return answers;
  }

  /** Pages of the registry's listing, as its last listing counted (1 before any). */
  private estimatedPages(registryId: string): number {
    return Math.max(1, Math.ceil((this.counts.get(registryId) ?? 0) / PAGE_SIZE));
  }

  /**
   * Every schedule of the registry: the pages its last count predicts are fetched together (one round
   * trip instead of one per page), then any further pages one by one.
   */
  private async listAll(registryId: string): Promise<WireSchedule[]> {
    const page = (n: number): Promise<SchedulePage> => this.endpoints.listPage(registryId, n);
    const first = this.estimatedPages(registryId);
    const got = await Promise.all(Array.from({ length: first }, (_, i) => page(i + 1)));
    const more = (): boolean => {
      const last = got[got.length - 1]!; // estimatedPages is at least 1, so got is never empty
      return last.data.length === PAGE_SIZE && got.length * PAGE_SIZE < last.count;
    };
    for (let n = first + 1; more() && n <= first + MAX_EXTRA_PAGES; n++) got.push(await page(n));
    this.counts.set(registryId, Math.max(...got.map((p) => p.count)));
    // Pages may overlap when schedules are created meanwhile: one entry per ID.
    return [...new Map(got.flatMap((p) => p.data).map((s) => [s.scheduleUuid, s])).values()];
  }

  /** Lists every schedule of the registry and keeps the listing as its snapshot. */
  private snapshot(registryId: string, ids: string[]): Promise<Map<string, WireSchedule>> {
    const listing = this.listAll(registryId).then((all) => new Map(all.map((s) => [s.scheduleUuid, s])));
    const snap: Snapshot = {
      epoch: this.epoch(registryId),
      startedAt: Date.now(),
      listing,
      served: new Set(ids),
    };
    this.snapshots.set(registryId, snap);
    listing.catch(() => {
      if (this.snapshots.get(registryId) === snap) this.snapshots.delete(registryId);
    });
    return listing;
  }

  /** POSTs a new schedule and returns its ID. Ambiguous failures surface as `AmbiguousRequestError`. */
  async createSchedule(registryId: string, body: WireScheduleBody): Promise<string> {
    const id = await this.write(registryId, () => this.endpoints.createSchedule(registryId, body));
    this.noteNamed(registryId, id, body.name);
    return id;
  }

  async updateSchedule(registryId: string, scheduleId: string, body: WireScheduleBody): Promise<ApiResponse> {
    const res = await this.write(registryId, () =>
      this.endpoints.updateSchedule(registryId, scheduleId, body),
    );
    this.noteNamed(registryId, scheduleId, body.name);
    return res;
  }

  /** Deletes one schedule by ID; resolves once Qualys has answered (a 404 is the caller's to read). */
  async deleteSchedule(registryId: string, scheduleId: string): Promise<void> {
    this.deleted.add(scheduleId);
    await this.write(registryId, () => this.endpoints.deleteSchedule(registryId, scheduleId));
    this.noteGone(registryId, scheduleId);
  }

  /** Bulk delete by ID only, never by filter. Asynchronous on Qualys's side. */
  bulkDeleteSchedule(registryId: string, scheduleId: string): Promise<void> {
    this.deleted.add(scheduleId);
    return this.write(registryId, () => this.endpoints.bulkDeleteSchedule(registryId, scheduleId));
  }

  cancelSchedule(registryId: string, scheduleId: string): Promise<void> {
    return this.write(registryId, () => this.endpoints.cancelSchedule(registryId, scheduleId));
  }
}

/** The process-wide API for these settings (one token, one concurrency cap, one registry cache). */
export const scheduleApi = perClient((client) => new ScheduleApi(client));
