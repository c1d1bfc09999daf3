/**
 * The registry's create, read, update and delete against Qualys (docs/qualys-registry-contract.md):
 * the URI is the natural key, so a create that finds its URI taken refuses (unless the plugin's create
 * journal shows an earlier, killed create of the same resource made it), and an ambiguous create is
 * reconciled by URI and never leaves two registries; a delete waits until Qualys no longer has it.
 */
import {
  AmbiguousRequestError,
  MalformedResponseError,
  PartialCreateError,
  QualysApiError,
  RegistryCreateOutcomeUnknownError,
  RegistryDeleteNotConfirmedError,
  RegistryExistsError,
  RegistryGoneError,
  RegistryNotCreatedError,
  RegistrySchedulesRunningError,
} from "../errors";
import { createdAfterPost, createJournal, type SentCreate } from "../core/create-journal";
import { secretValues } from "../core/properties";
import type { RegistryApi } from "./api";
import { REGISTRY } from "./properties";
import type { RegistryInputs, RegistryOutputs } from "./types";
import { fromWireRegistry, toWireRegistryBody, type WireRegistry } from "./wire";

/** How long a create that timed out may still be at work at the gateway before we conclude "not created". */
const MAX_SETTLE_MS = 30_000;
const POLL_MS = 500;
/** How long a delete waits for Qualys's asynchronous deletion job. */
const DELETE_WAIT_MS = 60_000;

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Output-only keys; everything else in stored outputs is an input as last applied. */
const OUTPUT_ONLY = ["registryId", "status", "created", "updated", "__provider"];

/** The input fields of stored outputs (what was last applied). */
export function lastAppliedRegistry(props: Record<string, unknown> | undefined): Partial<RegistryInputs> {
  const rest: Record<string, unknown> = { ...(props ?? {}) };
  for (const k of OUTPUT_ONLY) delete rest[k];
  return rest;
}

function outputsOf(
  registryId: string,
  item: WireRegistry,
  previous: Partial<RegistryInputs>,
): { outputs: RegistryOutputs; inputs: RegistryInputs } {
  const seen = fromWireRegistry(item, previous);
  const outputs: RegistryOutputs = { ...seen.inputs, registryId, status: seen.status };
  if (seen.created !== undefined) outputs.created = seen.created;
  if (seen.updated !== undefined) outputs.updated = seen.updated;
  return { outputs, inputs: seen.inputs };
}

/**
 * Looks for the registry by URI after a create whose outcome is unknown (`cause` says why), for up to
 * `settleMs`.
 */
async function reconcileByUri(
  api: RegistryApi,
  inputs: RegistryInputs,
  cause: string,
  settleMs: number,
): Promise<string> {
  const deadline = Date.now() + settleMs;
  const { registryUri } = inputs;
  let found: WireRegistry[];
  try {
    found = await api.withUri(registryUri);
    while (found.length === 0 && Date.now() < deadline) {
      await sleep(POLL_MS);
      found = await api.withUri(registryUri);
    }
  } catch (checkFailure) {
    throw new RegistryCreateOutcomeUnknownError({ registryUri, cause, checkFailure });
  }
  if (found.length === 0) throw new RegistryNotCreatedError({ registryUri, cause, checkedMs: settleMs });
  // The URI was free before the create and Qualys keeps URIs unique: the one registry found is ours.
  return found[0]!.registryUuid;
}

/** POSTs the registry, its URI free; an unknown outcome is settled by URI (`reconcileByUri`). */
async function postRegistry(api: RegistryApi, inputs: RegistryInputs): Promise<string> {
  let registryId: string | undefined;
  try {
    registryId = await api.create(toWireRegistryBody(inputs), secretValues(REGISTRY.properties, inputs));
  } catch (err) {
    if (!(err instanceof AmbiguousRequestError || err instanceof MalformedResponseError)) throw err;
    // A 2xx reply (malformed or not) means the gateway is done; a timeout or a broken connection does
    // not: a registry committed a moment later must still be found.
    const settleMs = err instanceof AmbiguousRequestError ? Math.min(api.client.timeoutMs, MAX_SETTLE_MS) : 0;
    registryId = await reconcileByUri(api, inputs, err.message, settleMs);
  }
  return (
    registryId ?? (await reconcileByUri(api, inputs, "Qualys's create reply carried no registry ID.", 0))
  );
}

/**
 * The registry an earlier create of this resource made, when the URI is taken at the start of a create:
 * with the journal's note of that create (core/create-journal.ts), exactly one registry holds the URI,
 * it did not hold it before that create's POST, and Qualys does not date it before that POST (by the
 * gateway's clock, when known). Qualys keeps one registry per URI, so that one is the earlier POST's.
 * Anything else is a registry the stack did not create: `RegistryExistsError`.
 */
function madeByEarlierCreate(
  api: RegistryApi,
  inputs: RegistryInputs,
  holding: WireRegistry[],
  earlier: SentCreate | undefined,
): string {
  const existing = holding[0]!;
  if (
    earlier &&
    holding.length === 1 &&
    !earlier.before.includes(existing.registryUuid) &&
    createdAfterPost(existing.created, earlier.sentAt, api.client.serverClockOffsetMs) !== false
  ) {
    return existing.registryUuid;
  }
  throw new RegistryExistsError({
    registryUri: inputs.registryUri,
    existingRegistryId: existing.registryUuid,
    existingName: existing.registryName ?? "",
  });
}

/**
 * Creates the registry; never duplicates it, never adopts one that existed before (docs/qualys-registry-contract.md §5, §6).
 * Under the plugin's journal, the registry an earlier, killed create of this resource made is adopted
 * instead of refused (`madeByEarlierCreate`).
 */
export async function createRegistry(
  api: RegistryApi,
  inputs: RegistryInputs,
): Promise<{ id: string; outs: RegistryOutputs }> {
  const journal = createJournal();
  const holding = await api.withUri(inputs.registryUri);
  let registryId: string;
  if (holding.length > 0) {
    registryId = madeByEarlierCreate(api, inputs, holding, journal?.previous());
  } else {
    // The URI is free: no registry held it before this POST.
    journal?.sending({ before: [], sentAt: Date.now() });
    registryId = await postRegistry(api, inputs);
  }

  const partial = (cause: string): PartialCreateError =>
    new PartialCreateError({
      id: registryId,
      kind: "Registry",
      properties: { ...inputs, registryId, status: "Unknown" } satisfies RegistryOutputs,
      cause,
    });
  let item: WireRegistry | undefined;
  try {
    item = await api.details(registryId);
  } catch (err) {
    throw partial(err instanceof Error ? err.message : String(err));
  }
  if (!item) throw partial(`Qualys does not have registry ${registryId} right after creating it`);
  return { id: registryId, outs: outputsOf(registryId, item, inputs).outputs };
}

/** Reads the registry back; gone means `{}`, so refresh drops it. Secrets keep their last applied values. */
export async function readRegistry(
  api: RegistryApi,
  id: string,
  props?: Record<string, unknown>,
): Promise<{ id?: string; props?: RegistryOutputs; inputs?: RegistryInputs }> {
  const item = await api.details(id);
  if (!item) return {};
  const { outputs, inputs } = outputsOf(id, item, lastAppliedRegistry(props));
  return { id, props: outputs, inputs };
}

/** Updates in place with the whole body, secrets included (Qualys never returns them). */
export async function updateRegistry(
  api: RegistryApi,
  id: string,
  news: RegistryInputs,
): Promise<RegistryOutputs> {
  try {
    await api.update(id, toWireRegistryBody(news), secretValues(REGISTRY.properties, news));
  } catch (err) {
    if (err instanceof QualysApiError && err.status === 404) {
      throw new RegistryGoneError({ registryId: id, when: "before-update" });
    }
    throw err;
  }
  const item = await api.details(id);
  if (!item) throw new RegistryGoneError({ registryId: id, when: "after-update" });
  return outputsOf(id, item, news).outputs;
}

/** The running schedules of a registry, for the error that names them. */
export type RunningSchedules = (registryId: string) => Promise<{ name: string; scheduleId: string }[]>;

/** `RunningSchedules` read with the schedule API's `status:Running` filter (docs/qualys-contract.md §3). */
export function runningSchedulesOf(schedules: {
  listSchedules(
    registryId: string,
    filter?: string,
  ): Promise<{ name?: string | null; scheduleUuid: string }[]>;
}): RunningSchedules {
  return async (registryId) =>
    (await schedules.listSchedules(registryId, "status:Running")).map((s) => ({
      name: s.name ?? "",
      scheduleId: s.scheduleUuid,
    }));
}

/** Deletes by ID with the bulk endpoint, then waits until Qualys no longer has the registry (docs/qualys-registry-contract.md §7). */
export async function deleteRegistry(
  api: RegistryApi,
  id: string,
  runningSchedules: RunningSchedules,
): Promise<void> {
  try {
    await api.delete(id);
  } catch (err) {
    if (err instanceof QualysApiError && err.status === 404) return;
    if (
      err instanceof QualysApiError &&
      (err.status === 400 || err.status === 409) &&
      /running/i.test(err.serverMessage)
    ) {
      const schedules = await runningSchedules(id).catch(() => []);
      throw new RegistrySchedulesRunningError({
        registryId: id,
        schedules,
        serverMessage: err.serverMessage,
      });
    }
    throw err;
  }
  const deadline = Date.now() + DELETE_WAIT_MS;
  for (;;) {
    if (!(await api.details(id))) return;
    if (Date.now() >= deadline) break;
    await sleep(POLL_MS);
  }
  throw new RegistryDeleteNotConfirmedError({ registryId: id, waitedMs: DELETE_WAIT_MS });
}
