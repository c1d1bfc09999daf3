/**
 * The scaffold every `pulumi-qualys-cs` command is built on: its IO, argument parsing that turns a
 * bad command line into a usage error, and the one mapping of failures to messages and exit codes.
 * A new command is one file exporting a `Command`, listed in `cli/main.ts`.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/** The options of one command, in `parseArgs`'s form. */
export type CommandOptions = NonNullable<ParseArgsConfig["options"]>;

import { CliError, EXIT_FAILURE, EXIT_USAGE, QualysError } from "../errors";
import { redact } from "../qualys/redact";

/** What a command needs from its surroundings; tests replace parts of it. */
export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** The directory relative paths are resolved against (the Pulumi project directory by default). */
  cwd: string;
}

/**
 * `io` with every secret registered in the process (the Qualys password, tokens, the secrets of
 * requests: qualys/redact.ts) removed from what is written, whatever wrote it: the commands' output
 * goes to terminals and CI logs.
 */
export function redactingIO<IO extends CommandIO>(io: IO): IO {
  return {
    ...io,
    stdout: (text: string) => io.stdout(redact(text)),
    stderr: (text: string) => io.stderr(redact(text)),
  };
}

/** One subcommand of `pulumi-qualys-cs`. */
export interface Command<IO extends CommandIO = CommandIO> {
  /** The word after `pulumi-qualys-cs`. */
  name: string;
  /** What it does, for the main usage text (may span lines, indented by the caller). */
  summary: string;
  /** Its `--help` text. */
  usage: string;
  /** Runs it; returns the exit code. Errors are printed, never thrown. */
  run(argv: string[], io: IO): Promise<number>;
}

/** A usage error of `command`: exit code `EXIT_USAGE`, and a pointer to its `--help`. */
export function usageError(command: string, message: string): CliError {
  return new CliError(`${message}\nRun \`pulumi-qualys-cs ${command} --help\` for the options.`, EXIT_USAGE);
}

/** `parseArgs` in strict mode; an unknown or malformed flag is a usage error of `command`. */
export function parseCommandArgs<O extends CommandOptions, P extends boolean>(
  command: string,
  argv: string[],
  options: O,
  allowPositionals: P,
): ReturnType<typeof parseArgs<{ args: string[]; options: O; allowPositionals: P; strict: true }>> {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw usageError(command, err instanceof Error ? err.message : String(err));
  }
}

/**
 * Runs a command's body and maps what it throws to a message on stderr and an exit code: a
 * `CliError` its own code, any other error of this package `EXIT_FAILURE` (with `failureNote`
 * appended, e.g. "Nothing was changed."), anything else an "unexpected failure", redacted.
 */
export async function runCommand(
  io: CommandIO,
  body: () => Promise<number>,
  failureNote?: string,
): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`error: ${err.message}\n`);
      return err.exitCode;
    }
    if (err instanceof QualysError) {
      io.stderr(`error: ${err.message}${failureNote ? ` ${failureNote}` : ""}\n`);
      return EXIT_FAILURE;
    }
    const message = err instanceof Error ? err.message : String(err);
    io.stderr(`error: unexpected failure: ${new QualysError(message).message}\n`);
    return EXIT_FAILURE;
  }
}
