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
  readonly registryId: string;
  readonly scheduleName: string;
  /** Comma-separated IDs of the schedules that could be this create's (none adopted). */
  readonly scheduleIds: string;
  /** Comma-separated IDs of the schedules with the name that the stack already owns: keep them. */
  readonly ownedScheduleIds: string;

  constructor(details: { registryId: string; name: string; candidates: ScheduleCandidate[]; cause: string }) {
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
        `(${details.cause}). ${possible.length} schedules with that name match what was sent and were created ` +
        `after it was sent, so the provider cannot tell which one it made, and adopted none. Every schedule ` +
        `named ${JSON.stringify(details.name)} in that registry:\n${lines.join("\n")}\n` +
        `Safe next step: in Qualys, delete the ${possible.length} schedules marked "delete it" ` +
        `(${possible.map((c) => c.scheduleId).join(", ")})` +
        (owned.length > 0
          ? `, and leave ${owned.map((c) => c.scheduleId).join(", ")} alone: the stack manages it`
          : "") +
        `; then run \`pulumi up\`, which creates the schedule once. See "When a create's outcome is unknown" ` +
        `and "Errors and what to do" in the README.`,
    );
    this.name = "DuplicateSchedulesError";
    this.registryId = details.registryId;
    this.scheduleName = details.name;
    this.scheduleIds = possible.map((c) => c.scheduleId).join(",");
    this.ownedScheduleIds = owned.map((c) => c.scheduleId).join(",");
  }
}
