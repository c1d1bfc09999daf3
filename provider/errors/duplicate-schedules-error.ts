import { QualysError } from "./qualys-error";

/**
 * After a create whose outcome was unknown, more than one new schedule with the name appeared, so
 * the provider cannot tell which one is its own. Nothing was adopted; the user decides.
 */
export class DuplicateSchedulesError extends QualysError {
  /** The registry the schedules are in. */
  readonly registryId: string;
  /** The name they share. */
  readonly scheduleName: string;
  /** The IDs of the new schedules with that name. */
  readonly scheduleIds: readonly string[];

  constructor(details: { registryId: string; name: string; scheduleIds: readonly string[]; cause: Error }) {
    super(
      `Creating schedule ${JSON.stringify(details.name)} in registry ${details.registryId} had an unknown outcome ` +
        `(${details.cause.message}), and ${details.scheduleIds.length} new schedules with that name now exist: ` +
        `${details.scheduleIds.join(", ")}. The provider adopted none of them. Delete the extra ones in Qualys, ` +
        `then adopt the one to keep (README, "Adopting existing schedules") or run \`pulumi up\` again.`,
      { cause: details.cause },
    );
    this.name = "DuplicateSchedulesError";
    this.registryId = details.registryId;
    this.scheduleName = details.name;
    this.scheduleIds = Object.freeze([...details.scheduleIds]);
  }
}
