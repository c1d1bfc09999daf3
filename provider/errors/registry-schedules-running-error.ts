import { QualysError } from "./qualys-error";

/**
 * Qualys refuses to delete a registry while one of its scan schedules is Running
 * (docs/qualys-registry-contract.md §7). Nothing was deleted.
 */
export class RegistrySchedulesRunningError extends QualysError {
  readonly registryId: string;
  /** The running schedules, `name (ID)`, comma-separated. */
  readonly schedules: string;

  constructor(details: {
    registryId: string;
    schedules: { name: string; scheduleId: string }[];
    serverMessage: string;
  }) {
    const named =
      details.schedules.length > 0
        ? details.schedules.map((s) => `${JSON.stringify(s.name)} (${s.scheduleId})`).join(", ")
        : `(Qualys said: ${details.serverMessage})`;
    super(
      `Cannot delete registry ${details.registryId}: Qualys does not delete a registry while its scan ` +
        `schedules run, and these are Running: ${named}. Nothing was deleted, and the registry stays in the ` +
        `stack. Wait for the scans to finish (or cancel them in Qualys), then run the command again.`,
    );
    this.name = "RegistrySchedulesRunningError";
    this.registryId = details.registryId;
    this.schedules = details.schedules.map((s) => `${s.name} (${s.scheduleId})`).join(", ");
  }
}
