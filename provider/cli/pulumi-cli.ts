/**
 * Runs the `pulumi` CLI the user has (on PATH, unless given), in their project directory and with
 * their environment (backend login, passphrase): `config`, `stack export` and `stack import`.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { CliError } from "../errors";
import { parseExport, type ExportedStack } from "./recover-plan";

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
            new CliError(
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

/** The stack's state (`pulumi stack export`). */
export async function exportStack(stack: string, run: PulumiRunOptions): Promise<ExportedStack> {
  const res = await runPulumi(["stack", "export", "--stack", stack], run);
  if (res.code !== 0) {
    throw new CliError(
      `\`pulumi stack export --stack ${stack}\` failed in ${run.cwd}: ${lastLines(res)} Run the command in ` +
        `the Pulumi project directory (or pass --cwd), logged in to the stack's backend and with the ` +
        `passphrase it needs.`,
    );
  }
  return parseExport(res.stdout);
}

/** Writes the stack's state (`pulumi stack import`), through a private temporary file. */
export async function importStack(stack: string, state: ExportedStack, run: PulumiRunOptions): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "qualys-recover-"));
  const file = path.join(dir, "deployment.json");
  try {
    fs.writeFileSync(file, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
    const res = await runPulumi(["stack", "import", "--stack", stack, "--file", file], run);
    if (res.code === 0) return;
    if (isLocked(res)) {
      throw new CliError(
        `Stack ${stack} is locked, so nothing was changed: an interrupted \`pulumi up\` leaves its lock behind. ` +
          `Make sure no pulumi command is running on the stack, then run \`pulumi cancel --yes --stack ${stack}\` ` +
          `and this command again.`,
      );
    }
    throw new CliError(`\`pulumi stack import\` failed, so nothing was changed: ${lastLines(res)}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
