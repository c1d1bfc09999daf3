import { QualysError } from "./qualys-error";

/**
 * The schedule exists in Qualys but a later step of `create` failed. It carries `id` (and the outputs
 * known so far) so that the engine records the resource as created-but-failed instead of forgetting
 * it: the next `pulumi up` or `refresh` takes it from there, and no orphan is left behind.
 */
export class PartialCreateError extends QualysError {
  /** The Pulumi resource ID, `<registryId>/<scheduleId>`: read by the engine. */
  readonly id: string;
  /** The outputs known so far: read by the engine. */
  readonly properties: Record<string, unknown>;
  /** Why the create did not finish: read by the engine. */
  readonly reasons: string[];

  constructor(details: {
    id: string;
    properties: Record<string, unknown>;
    cause: unknown;
    /** What was created, for the message; default "Schedule". */
    kind?: string;
  }) {
    const reason = details.cause instanceof Error ? details.cause.message : String(details.cause);
    super(
      `${details.kind ?? "Schedule"} ${details.id} was created in Qualys, but reading it back failed: ${reason}. ` +
        `It is recorded in the stack; run \`pulumi refresh\` or \`pulumi up\` again to finish.`,
      { cause: details.cause },
    );
    this.name = "PartialCreateError";
    this.id = details.id;
    this.properties = details.properties;
    this.reasons = [reason];
  }
}
