/**
 * Failures of the schedule's CRUD (`schedule/crud.ts`) and wire mapping (`schedule/wire.ts`) that are
 * not an HTTP error: each says what happened at Qualys and what to do next.
 */
import { QualysError } from "./qualys-error";

/** A `RegistryScanSchedule` ID that is not `<registryId>/<scheduleId>` (a hand-edited state or import). */
export class InvalidResourceIdError extends QualysError {
  /** The ID as given. */
  readonly id: string;

  constructor(details: { id: string }) {
    super(
      `Invalid RegistryScanSchedule ID ${JSON.stringify(details.id)}: expected "<registryId>/<scheduleId>", ` +
        `for example "5e1f0c2a-7b3d-4c8e-9a6f-1d2b3c4e5f60/3c9d…".`,
    );
    this.name = "InvalidResourceIdError";
    this.id = details.id;
  }
}

/**
 * A create's outcome was unknown, and several answers over the time the gateway may still commit it
 * show no new schedule with its name and the settings sent: nothing was created. Safe to run
 * `pulumi up` again.
 */
export class NothingCreatedError extends QualysError {
  /** The registry the schedule was to be created in. */
  readonly registryId: string;
  /** The schedule's name. */
  readonly scheduleName: string;

  constructor(details: {
    registryId: string;
    name: string;
    cause: Error;
    checkedMs: number;
    answers: number;
  }) {
    const d = details;
    super(
      `${d.cause.message} Checked ${d.answers} times${d.checkedMs > 0 ? ` over ${Math.round(d.checkedMs / 1000)} s` : ""}: ` +
        `Qualys has no new schedule named ${JSON.stringify(d.name)} in registry ${d.registryId} with the settings ` +
        `that were sent, so nothing was created; run \`pulumi up\` again. (If such a schedule shows up in ` +
        `Qualys later, it is not in the stack: delete it before the next \`pulumi up\`.)`,
      { cause: d.cause },
    );
    this.name = "NothingCreatedError";
    this.registryId = d.registryId;
    this.scheduleName = d.name;
  }
}

/** A create's outcome was unknown, and checking whether Qualys made the schedule failed too. */
export class CreateOutcomeUnknownError extends QualysError {
  /** The registry the schedule was to be created in. */
  readonly registryId: string;
  /** The schedule's name. */
  readonly scheduleName: string;

  constructor(details: { registryId: string; name: string; cause: Error; checkFailure: unknown }) {
    const d = details;
    const check = d.checkFailure instanceof Error ? d.checkFailure.message : String(d.checkFailure);
    super(
      `${d.cause.message} Checking whether Qualys created it failed too: ${check} Before the next \`pulumi up\`, ` +
        `look in Qualys for a schedule named ${JSON.stringify(d.name)} in registry ${d.registryId} that this ` +
        `stack does not manage: if there is one, delete it (docs/how-it-works.md, "When a create's outcome is unknown").`,
      { cause: d.cause },
    );
    this.name = "CreateOutcomeUnknownError";
    this.registryId = d.registryId;
    this.scheduleName = d.name;
  }
}

/** Qualys still lists a schedule after this provider deleted it (bulk deletion skips some states). */
export class DeleteNotConfirmedError extends QualysError {
  /** The registry. */
  readonly registryId: string;
  /** The schedule still listed. */
  readonly scheduleId: string;
  /** Its status as last listed. */
  readonly status: string;

  constructor(details: { registryId: string; scheduleId: string; status: string; waitedMs: number }) {
    const d = details;
    super(
      `Qualys still lists schedule ${d.scheduleId} in registry ${d.registryId} (status ${d.status}) ` +
        `${d.waitedMs / 1000} s after deleting it; bulk deletion ` +
        `skips Queued, Running and Unknown schedules. The resource stays in the stack: cancel the scan in ` +
        `Qualys, then run \`pulumi destroy\` (or \`up\`) again.`,
    );
    this.name = "DeleteNotConfirmedError";
    this.registryId = d.registryId;
    this.scheduleId = d.scheduleId;
    this.status = d.status;
  }
}
