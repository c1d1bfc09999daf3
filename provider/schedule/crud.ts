/**
 * The provider's create, read, update and delete against Qualys, with the duplicate and orphan rules
 * of docs/qualys-contract.md §9: an ambiguous create is reconciled by name, a created-but-unreadable schedule is
 * recorded through `PartialCreateError`, deletes are by ID and confirmed.
 */
import { lastApplied as storedInputs } from "../core/properties";
import {
  AmbiguousRequestError,
  CreateOutcomeUnknownError,
  DeleteNotConfirmedError,
  DuplicateSchedulesError,
  InvalidResourceIdError,
  isRunningRefusal,
  MalformedResponseError,
  NothingCreatedError,
  PartialCreateError,
  QualysApiError,
  ScheduleRunningError,
  ScheduleVanishedError,
} from "../errors";
import type { ScheduleApi } from "./lookups";
import { SCHEDULE } from "./properties";
import { canonicalizeInputs } from "./rules";
import type { ScheduleInputs, ScheduleOutputs } from "./types";
import { formatResourceId, fromWireSchedule, parseResourceId, toWireBody, type WireSchedule } from "./wire";

/** How long a delete waits for Qualys's asynchronous bulk deletion to show. */
const DELETE_CONFIRM_ATTEMPTS = 20;
const DELETE_CONFIRM_INTERVAL_MS = 500;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * After a create timed out or its connection broke, the gateway may still be at work on it. Before
 * concluding that nothing was created, the provider keeps looking for the schedule for one more
 * request timeout (at most this long), every `SETTLE_POLL_MS`.
 */
const MAX_SETTLE_MS = 30_000;
const SETTLE_POLL_MS = 500;

/** The input fields of stored outputs (what was last applied). */
export function lastApplied(props: Record<string, unknown> | undefined): Partial<ScheduleInputs> {
  return storedInputs(SCHEDULE.properties, props);
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

function requireId(id: string): { registryId: string; scheduleId: string } {
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

/** Creates the schedule; never duplicates it after an ambiguous failure (docs/qualys-contract.md §9). */
export async function createSchedule(
  api: ScheduleApi,
  inputs: ScheduleInputs,
): Promise<{ id: string; outs: ScheduleOutputs }> {
  const { registryId, name } = inputs;
  const registryType = await api.registryType(registryId);
  const namedIds = async (): Promise<string[]> =>
    (await api.schedulesNamed(registryId, name)).map((s) => s.scheduleUuid);
  // Whatever already carries this name is not ours, whatever happens next.
  const before = new Set(await namedIds());
  const body = toWireBody(inputs, registryType);

  let scheduleId: string;
  try {
    scheduleId = await api.createSchedule(registryId, body);
  } catch (err) {
    if (!(err instanceof AmbiguousRequestError || err instanceof MalformedResponseError)) throw err;
    const freshIds = async (): Promise<string[]> => (await namedIds()).filter((id) => !before.has(id));
    // A 2xx reply (malformed or not) means the gateway is done; a timeout or a broken connection does
    // not: a schedule committed a moment later must still be found, or the next `up` duplicates it.
    const settleMs = err instanceof AmbiguousRequestError ? Math.min(api.settleTimeoutMs, MAX_SETTLE_MS) : 0;
    const deadline = Date.now() + settleMs;
    let fresh: string[];
    try {
      fresh = await freshIds();
      while (fresh.length === 0 && Date.now() < deadline) {
        await sleep(SETTLE_POLL_MS);
        fresh = await freshIds();
      }
    } catch (checkErr) {
      // The outcome stays unknown: say so, and what to look for, rather than only the second failure.
      throw new CreateOutcomeUnknownError({ registryId, name, cause: err, checkFailure: checkErr });
    }
    if (fresh.length === 0) {
      throw new NothingCreatedError({ registryId, name, cause: err, checkedMs: settleMs });
    }
    if (fresh.length > 1) {
      throw new DuplicateSchedulesError({ registryId, name, scheduleIds: fresh, cause: err });
    }
    scheduleId = fresh[0]!;
  }

  const id = formatResourceId(registryId, scheduleId);
  const known: ScheduleOutputs = { ...inputs, scheduleId, status: "Unknown", registryType };
  try {
    const item = await api.findSchedule(registryId, scheduleId);
    if (!item) throw new ScheduleVanishedError({ registryId, scheduleId, after: "create" });
    return { id, outs: outputsOf(registryId, scheduleId, item, registryType, inputs).outputs };
  } catch (err) {
    throw new PartialCreateError({ id, properties: known, cause: err });
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
  const item = await api.findSchedule(registryId, scheduleId);
  if (!item) {
    throw new ScheduleVanishedError({ registryId, scheduleId, after: "update" });
  }
  return outputsOf(registryId, scheduleId, item, registryType, news).outputs;
}

/**
 * Deletes by ID only. 404 is success; a running schedule is cancelled first; when single delete is not
 * offered (405/501) the bulk endpoint is used with this one ID. Confirms the schedule is gone.
 */
export async function deleteSchedule(api: ScheduleApi, id: string): Promise<void> {
  const { registryId, scheduleId } = requireId(id);
  const attempt = async (): Promise<void> => {
    try {
      await api.deleteSchedule(registryId, scheduleId);
    } catch (err) {
      if (err instanceof QualysApiError && err.status === 404) return;
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
