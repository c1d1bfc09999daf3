/**
 * Runs the `pulumi` CLI the user has (on PATH, unless given), in their project directory and with
 * their environment (backend login, passphrase), for `stack export` and `stack import`.
 */
import { execFile } from "node:child_process";

import { ImportCommandError } from "./errors";

/** Where and how `pulumi` runs. */
export interface PulumiRunOptions {
  /** The Pulumi project directory. */
  cwd: string;
  /** The `pulumi` executable (default: `pulumi` on PATH). */
  pulumi?: string;
}

/** The outcome of one `pulumi` run; `code` is 0 on success. */
export interface PulumiRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `pulumi <args> --non-interactive`; never throws for a non-zero exit (only when it cannot start). */
export function runPulumi(args: string[], opts: PulumiRunOptions): Promise<PulumiRun> {
  const pulumi = opts.pulumi ?? "pulumi";
  return new Promise((resolve, reject) => {
    execFile(
      pulumi,
      [...args, "--non-interactive"],
      { cwd: opts.cwd, maxBuffer: 256 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err && typeof err.code === "string") {
          reject(
            new ImportCommandError(
              `Could not run \`${pulumi}\` in ${opts.cwd} (${err.code}): install the Pulumi CLI and put it on ` +
                `PATH, and pass --cwd <your Pulumi project directory>.`,
            ),
          );
          return;
        }
        resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr });
      },
    );
  });
}

/** The last few lines of a failed run's error output, on one line. */
export function lastLines(run: PulumiRun, n = 3): string {
  return run.stderr.trim().split("\n").slice(-n).join(" ").trim() || `exit code ${run.code}`;
}

/** True when the run failed because another update holds the stack (or a killed one left its lock). */
export function isLocked(run: PulumiRun): boolean {
  return /currently locked|update is currently in progress/i.test(run.stderr + run.stdout);
}
