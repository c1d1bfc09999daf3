import { QualysError } from "./qualys-error";
import { QualysApiError } from "./qualys-api-error";

/** Qualys refuses to change a schedule while its job runs (docs/qualys-contract.md §6). Nothing was changed. */
export class ScheduleRunningError extends QualysError {
  readonly registryId: string;
  readonly scheduleId: string;
  readonly action: "update" | "delete";

  constructor(details: {
    registryId: string;
    scheduleId: string;
    action: "update" | "delete";
    serverMessage: string;
  }) {
    super(
      `Cannot ${details.action} schedule ${details.scheduleId} in registry ${details.registryId}: its status is ` +
        `Running, and Qualys does not ${details.action} running jobs (Qualys said: ${details.serverMessage}). ` +
        `Nothing was changed. Wait for the scan to finish (or cancel it in Qualys), then run \`pulumi up\` again.`,
    );
    this.name = "ScheduleRunningError";
    this.registryId = details.registryId;
    this.scheduleId = details.scheduleId;
    this.action = details.action;
  }
}

/** True when Qualys refused because the schedule is running (update and delete). */
export function isRunningRefusal(err: unknown): err is QualysApiError {
  return (
    err instanceof QualysApiError &&
    (err.status === 400 || err.status === 409) &&
    /running/i.test(err.serverMessage)
  );
}
