import { QualysError } from "./qualys-error";

/** Exit code of a command line the tool could not understand (bad flag, malformed ID). */
export const EXIT_USAGE = 2;
/** Exit code of a command that understood its arguments but could not do the job. */
export const EXIT_FAILURE = 1;

/**
 * An error of the `pulumi-qualys-cs` command line: the message says what went wrong and what to do
 * next, and `exitCode` is the process exit code. Like every error of this package it is redacted and
 * built from plain data only, so it never carries a credential.
 */
export class CliError extends QualysError {
  /** The process exit code: `EXIT_USAGE` for a bad command line, else `EXIT_FAILURE`. */
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_FAILURE) {
    super(message);
    this.name = "CliError";
    this.exitCode = exitCode;
  }
}
