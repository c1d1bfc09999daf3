import { QualysError } from "./qualys-error";

/**
 * After a create whose outcome was unknown, more than one new schedule with the name appeared, so
 * the provider cannot tell which one is its own. Nothing was adopted; the user decides.
 */
export class DuplicateSchedulesError extends QualysError {
  readonly registryId: string;
  readonly scheduleName: string;
  /** Comma-separated IDs of the new schedules with that name. */
  readonly scheduleIds: string;

  constructor(details: { registryId: string; name: string; scheduleIds: string[]; cause: string }) {
    super(
      `Creating schedule ${JSON.stringify(details.name)} in registry ${details.registryId} had an unknown outcome ` +
        `(${details.cause}), and ${details.scheduleIds.length} new schedules with that name now exist: ` +
        `${details.scheduleIds.join(", ")}. The provider adopted none of them. Delete the extra ones in Qualys, ` +
        `then adopt the one to keep (see "Importing existing schedules" in the README) or run \`pulumi up\` again.`,
    );
    this.name = "DuplicateSchedulesError";
    this.registryId = details.registryId;
    this.scheduleName = details.name;
    this.scheduleIds = details.scheduleIds.join(",");
  }
}
