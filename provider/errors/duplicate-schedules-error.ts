import { QualysError } from "./qualys-error";

/** One schedule with the name, as an ambiguous create's reconciliation saw it. */
export interface ScheduleCandidate {
  scheduleId: string;
  /** When Qualys says it was created (ISO), if it says. */
  created?: string;
  /** Its settings in a few words (repositories, tag, when it runs). */
  settings: string;
  /** Its settings equal the body this create sent. */
  matchesSent: boolean;
  /** Created after the POST left (false: provably before it; undefined: Qualys gave no creation time). */
  createdAfterPost?: boolean;
  /** A schedule this stack already manages (the one being replaced, say). */
  ownedByStack: boolean;
}

/**
 * After a create whose outcome was unknown, more than one schedule with the name could be the one it
 * made, so the provider cannot tell which one is its own. Nothing was adopted; the message lists every
 * schedule with the name, says which one the stack already owns, and what to delete.
 */
export class DuplicateSchedulesError extends QualysError {
  /** The registry the schedules are in. */
  readonly registryId: string;
  /** The name they share. */
  readonly scheduleName: string;
  /** The IDs of the schedules that could be this create's (none adopted): delete them. */
  readonly scheduleIds: readonly string[];
  /** The IDs of the schedules with the name that the stack already manages: keep them. */
  readonly ownedScheduleIds: readonly string[];
  /** Every schedule with the name, with what the provider could prove about each. */
  readonly candidates: readonly ScheduleCandidate[];

  constructor(details: {
    registryId: string;
    name: string;
    candidates: readonly ScheduleCandidate[];
    cause: Error;
  }) {
    const mine = (c: ScheduleCandidate): boolean =>
      !c.ownedByStack && c.matchesSent && c.createdAfterPost !== false;
    const possible = details.candidates.filter(mine);
    const owned = details.candidates.filter((c) => c.ownedByStack);
    const lines = details.candidates.map((c) => {
      const when = c.created ? `created ${c.created}` : "creation time not reported";
      const verdict = c.ownedByStack
        ? "ALREADY IN THIS STACK: keep it"
        : mine(c)
          ? "could be this create's, not in this stack: delete it"
          : c.createdAfterPost === false
            ? "created before this create was sent: not this create's"
            : "not this create's";
      return `  - ${c.scheduleId}  ${when}; ${c.settings}; ${c.matchesSent ? "matches" : "differs from"} what was sent; ${verdict}`;
    });
    super(
      `Creating schedule ${JSON.stringify(details.name)} in registry ${details.registryId} had an unknown outcome ` +
        `(${details.cause.message}). ${possible.length} schedules with that name match what was sent and were created ` +
        `after it was sent, so the provider cannot tell which one it made, and adopted none. Every schedule ` +
        `named ${JSON.stringify(details.name)} in that registry:\n${lines.join("\n")}\n` +
        `Safe next step: in Qualys, delete the ${possible.length} schedules marked "delete it" ` +
        `(${possible.map((c) => c.scheduleId).join(", ")})` +
        (owned.length > 0
          ? `, and leave ${owned.map((c) => c.scheduleId).join(", ")} alone: the stack manages it`
          : "") +
        `; then run \`pulumi up\`, which creates the schedule once. See "When a create's outcome is unknown" ` +
        `and "Errors and what to do" in the README.`,
      { cause: details.cause },
    );
    this.name = "DuplicateSchedulesError";
    this.registryId = details.registryId;
    this.scheduleName = details.name;
    this.scheduleIds = Object.freeze(possible.map((c) => c.scheduleId));
    this.ownedScheduleIds = Object.freeze(owned.map((c) => c.scheduleId));
    this.candidates = Object.freeze(details.candidates.map((c) => ({ ...c })));
  }
}
