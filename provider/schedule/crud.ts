/**
 * The provider's create, read, update and delete against Qualys, with the duplicate and orphan rules
 * of docs/qualys-contract.md §9: an ambiguous create is reconciled by name, a write is one call (its
 * outputs are what Qualys accepted, not read back), deletes are by ID and confirmed.
 */
import { changedInputs } from "../core/plan";
import { lastApplied as storedInputs, localNames } from "../core/properties";
import {
  AmbiguousRequestError,
  DeleteNotConfirmedError,
  InvalidResourceIdError,
  isRunningRefusal,
  MalformedResponseError,
  NothingCreatedError,
  QualysApiError,
  ScheduleRunningError,
} from "../errors";
import type { ScheduleApi } from "./api";
import { createJournal, type SentCreate } from "../core/create-journal";
import { noteHeld } from "./held";
import { reconcileCreate } from "./reconcile";
import { SCHEDULE } from "./properties";
import { canonicalizeInputs } from "./rules";
import type { ScheduleInputs, ScheduleOutputs } from "./types";
import { formatResourceId, fromWireSchedule, parseResourceId, toWireBody, type WireSchedule } from "./wire";

/** How long a delete waits for Qualys's asynchronous bulk deletion to show. */
const DELETE_CONFIRM_ATTEMPTS = 20;
const DELETE_CONFIRM_INTERVAL_MS = 500;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** The input fields of stored outputs (what was last applied). */
export function lastApplied(props: Record<string, unknown> | undefined): Partial<ScheduleInputs> {
  return storedInputs(SCHEDULE.properties, props);
}

/**
 * Outputs of a schedule this provider just wrote, without reading it back (docs/qualys-contract.md §9):
 * Qualys answered the POST or PUT of exactly these canonical inputs, so its settings are these. What
 * only Qualys sets and the write changes (`status`, `updated`) is absent until the next read (refresh);
 * `created` never changes, so an update keeps it. A read-back per write would double the calls of
 * `up` against the customer's shared rate limit, and could only be shared among the engine's few
 * concurrent operations.
 */
function writtenOutputs(
  inputs: ScheduleInputs,
  scheduleId: string,
  registryType: string,
  created?: string,
): ScheduleOutputs {
  const outputs: ScheduleOutputs = { ...canonicalizeInputs(inputs), scheduleId, registryType };
  if (created !== undefined) outputs.created = created;
  return outputs;
}

function outputsOf(
  registryId: string,
  scheduleId: string,
  item: WireSchedule,
  registryType: string,
  previous?: Partial<ScheduleInputs>,
): { outputs: ScheduleOutputs; inputs: ScheduleInputs } {
  const seen = fromWireSchedule(registryId, item, previous);
  const inputs = canonicalizeInputs(seen.inputs);
  const outputs: ScheduleOutputs = { ...inputs, scheduleId, status: seen.status, registryType };
  if (seen.created !== undefined) outputs.created = seen.created;
  if (seen.updated !== undefined) outputs.updated = seen.updated;
  return { outputs, inputs };
}

/** The registry and schedule of a resource ID the engine handed over (noted as held by the stack). */
function requireId(id: string): { registryId: string; scheduleId: string } {
  noteHeld(id);
  const parsed = parseResourceId(id);
  if (!parsed) {
    throw new InvalidResourceIdError({ id });
  }
  return parsed;
}

/** A 403 on a read is a permission problem, never "gone" (the resource stays in state). */
function explainForbidden(err: unknown, registryId: string): unknown {
  if (err instanceof QualysApiError && err.status === 403) {
    return new QualysApiError({
      status: err.status,
      errorCode: err.errorCode,
      serverMessage: err.serverMessage,
      method: err.method,
      path: err.path,
      operation: err.operation,
      hint:
        `The Qualys user may not read registry ${registryId}'s schedules: check that it has the Container ` +
        `Security permissions to view and manage registries and their scan schedules, and that the registry ` +
        `is within its scope. The resource was kept in the stack.`,
    });
  }
  return err;
}

/**
 * True when a look-up failed with a 404 because Qualys no longer has the registry itself (deleted in the
 * console, say: its listings answer 404 too). Its schedules went with it, so refresh drops them and
 * `up` creates them again with the registry. Only the registry's own 404 proves it: a 403 never does,
 * and a 404 of the listing while the registry is there is an ordinary failure.
 */
async function registryGone(api: ScheduleApi, registryId: string, err: unknown): Promise<boolean> {
  if (!(err instanceof QualysApiError && err.status === 404)) return false;
  try {
    await api.registryType(registryId);
    return false;
  } catch (check) {
    return check instanceof QualysApiError && check.status === 404;
  }
}

/**
 * Creates the schedule; never duplicates it after an ambiguous failure (docs/qualys-contract.md §9),
 * and never adopts a schedule it did not make (schedule/reconcile.ts).
 */
export async function createSchedule(
  api: ScheduleApi,
  inputs: ScheduleInputs,
): Promise<{ id: string; outs: ScheduleOutputs }> {
  const { registryId, name } = inputs;
  const registryType = await api.registryType(registryId);
  const journal = createJournal();
  const earlier = journal?.previous();
  if (earlier) {
    // An earlier create of this resource died with its POST unanswered (core/create-journal.ts).
    const adopted = await adoptEarlierCreate(api, inputs, earlier);
    if (adopted !== undefined) {
      return {
        id: formatResourceId(registryId, adopted),
        outs: writtenOutputs(inputs, adopted, registryType),
      };
    }
  }
  // Whatever already carries this name is not ours, whatever happens next. The registry's run-wide
  // view answers it; a stale view cannot mislead reconciliation, which asks for proof.
  const before = new Set(await api.namedInView(registryId, name));
  const body = toWireBody(inputs, registryType);

  let scheduleId: string;
  const sentAt = Date.now();
  journal?.sending({ before: [...before], sentAt });
  try {
    scheduleId = await api.createSchedule(registryId, body);
  } catch (err) {
    if (!(err instanceof AmbiguousRequestError || err instanceof MalformedResponseError)) throw err;
    scheduleId = await reconcileCreate(api, { inputs, before, sentAt, failure: err });
    api.noteNamed(registryId, scheduleId, name);
  }

  return {
    id: formatResourceId(registryId, scheduleId),
    outs: writtenOutputs(inputs, scheduleId, registryType),
  };
}

/** The schedule an earlier, unanswered create made, found as after an ambiguous create; undefined when none. */
async function adoptEarlierCreate(
  api: ScheduleApi,
  inputs: ScheduleInputs,
  earlier: SentCreate,
): Promise<string | undefined> {
  const failure = new AmbiguousRequestError({
    operation: `the earlier create of schedule "${inputs.name}"`,
    method: "POST",
    path: `/registry/${inputs.registryId}/schedule`,
    reason: "the provider stopped before Qualys answered",
  });
  try {
    const scheduleId = await reconcileCreate(api, {
      inputs,
      before: new Set(earlier.before),
      sentAt: earlier.sentAt,
      failure,
    });
    api.noteNamed(inputs.registryId, scheduleId, inputs.name);
    return scheduleId;
  } catch (err) {
    if (err instanceof NothingCreatedError) return undefined;
    throw err;
  }
}

/**
 * Reads the schedule back. Gone (deleted, or purged by retention) means `{}`, so refresh drops it.
 * Fields Qualys does not return keep their last applied values, so they never show as drift.
 */
export async function readSchedule(
  api: ScheduleApi,
  id: string,
  props?: Record<string, unknown>,
): Promise<{ id?: string; props?: ScheduleOutputs; inputs?: ScheduleInputs }> {
  const { registryId, scheduleId } = requireId(id);
  let item: WireSchedule | undefined;
  try {
    item = await api.findSchedule(registryId, scheduleId);
  } catch (err) {
    if (await registryGone(api, registryId, err)) return {};
    throw explainForbidden(err, registryId);
  }
  if (!item) return {};
  const registryType =
    item.registryType ??
    (typeof props?.registryType === "string" ? props.registryType : await api.registryType(registryId));
  const { outputs, inputs } = outputsOf(registryId, scheduleId, item, registryType, lastApplied(props));
  return { id, props: outputs, inputs };
}

/** Updates in place with the full body (explicit nulls for cleared fields); never blindly repeated. */
export async function updateSchedule(
  api: ScheduleApi,
  id: string,
  olds: Record<string, unknown>,
  news: ScheduleInputs,
): Promise<ScheduleOutputs> {
  const { registryId, scheduleId } = requireId(id);
  const local = new Set<string>(localNames(SCHEDULE.properties));
  if (changedInputs(SCHEDULE, olds, news).every((name) => local.has(name))) {
    // Only what the stack alone holds changed: Qualys has nothing to update, and what it last said stays.
    const outputs = writtenOutputs(
      news,
      scheduleId,
      typeof olds.registryType === "string" ? olds.registryType : "",
    );
    for (const key of ["status", "created", "updated"] as const) {
      const value = olds[key];
      if (typeof value === "string") outputs[key] = value;
    }
    return outputs;
  }
  const registryType =
    typeof olds.registryType === "string" ? olds.registryType : await api.registryType(registryId);
  try {
    await api.updateSchedule(registryId, scheduleId, toWireBody(news, registryType));
  } catch (err) {
    if (isRunningRefusal(err)) {
      throw new ScheduleRunningError({
        registryId,
        scheduleId,
        action: "update",
        serverMessage: err.serverMessage,
      });
    }
    throw err;
  }
  const created = typeof olds.created === "string" ? olds.created : undefined;
  return writtenOutputs(news, scheduleId, registryType, created);
}

/**
 * Deletes by ID only. 404 is success; a running schedule is cancelled first; when single delete is not
 * offered (405/501) the bulk endpoint is used with this one ID. Confirmed gone: by Qualys's own answer
 * to the single delete, which is synchronous, or, for the asynchronous bulk delete, by looking until
 * the schedule is no longer listed.
 */
export async function deleteSchedule(api: ScheduleApi, id: string): Promise<void> {
  const { registryId, scheduleId } = requireId(id);
  let confirmed = false;
  const attempt = async (): Promise<void> => {
    try {
      await api.deleteSchedule(registryId, scheduleId);
      confirmed = true;
    } catch (err) {
      if (err instanceof QualysApiError && err.status === 404) {
        confirmed = true;
        return;
      }
      if (err instanceof QualysApiError && (err.status === 405 || err.status === 501)) {
        await api.bulkDeleteSchedule(registryId, scheduleId);
        return;
      }
      throw err;
    }
  };

  try {
    await attempt();
  } catch (err) {
    if (!isRunningRefusal(err)) throw err;
    await api.cancelSchedule(registryId, scheduleId);
    try {
      await attempt();
    } catch (again) {
      if (isRunningRefusal(again)) {
        throw new ScheduleRunningError({
          registryId,
          scheduleId,
          action: "delete",
          serverMessage: again.serverMessage,
        });
      }
      throw again;
    }
  }

  if (confirmed) return;
  for (let i = 0; i < DELETE_CONFIRM_ATTEMPTS; i++) {
    const still = await api.findSchedule(registryId, scheduleId);
    if (!still) return;
    await sleep(DELETE_CONFIRM_INTERVAL_MS);
  }
  const still = await api.findSchedule(registryId, scheduleId);
  if (still) {
    throw new DeleteNotConfirmedError({
      registryId,
      scheduleId,
      status: still.status ?? "unknown",
      waitedMs: DELETE_CONFIRM_ATTEMPTS * DELETE_CONFIRM_INTERVAL_MS,
    });
  }
}
