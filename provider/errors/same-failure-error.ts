import { QualysError } from "./qualys-error";

/**
 * A resource failed the way another resource already failed in this run (the same rejected credentials,
 * the same unreachable gateway, the same refused registry, or one listing shared by both): that
 * resource shows the error in full, with what to do; this one points to it in one line, so a stack of
 * many resources does not repeat the whole message for each (core/runtime.ts).
 */
export class SameFailureError extends QualysError {
  /** The resource that failed here, e.g. `RegistryScanSchedule "nightly" (<registryId>/<scheduleId>)`. */
  readonly resource: string;
  /** The resource under which the error is shown in full. */
  readonly shownUnder: string;
  /** The class of the error shown there, e.g. `QualysAuthError`. */
  readonly errorName: string;

  constructor(details: { resource: string; shownUnder: string; first: Error }) {
    super(
      `${details.resource} failed like ${details.shownUnder}: ${details.first.name}, shown in full (with what ` +
        `to do) under that resource.`,
    );
    this.name = "SameFailureError";
    this.resource = details.resource;
    this.shownUnder = details.shownUnder;
    this.errorName = details.first.name;
  }
}
