import { QualysError } from "./qualys-error";

/**
 * An unexpected failure inside this package (a bug), not a problem with the user's inputs or with
 * Qualys: no property is blamed, and the message asks for a report.
 */
export class ProviderBugError extends QualysError {
  /** The provider operation that failed: `check`, `diff`, … */
  readonly operation: string;

  constructor(details: { operation: string; resourceType: string; cause: unknown }) {
    const detail = details.cause instanceof Error ? details.cause.message : String(details.cause);
    super(
      `pulumi-qualys-cs failed inside ${details.operation} of a ${details.resourceType} (${detail.slice(0, 200)}). ` +
        `This is a bug in pulumi-qualys-cs, not a problem with your program: please report it with this message.`,
      { cause: details.cause },
    );
    this.name = "ProviderBugError";
    this.operation = details.operation;
  }
}
