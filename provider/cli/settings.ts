/**
 * Settings of the command: the provider's own (`resolveSettings`), read from the stack's config when a
 * stack is named, else from the `QUALYS_*` environment, exactly as the provider does.
 */
import { execFile } from "node:child_process";

import { resolveSettings, type ConfigSource } from "../config";
import type { ClientSettings } from "../http/client";
import { ImportCommandError } from "./errors";

/** Where the stack config comes from. */
export interface StackConfigOptions {
  /** The stack whose config is read (`pulumi config --stack <stack>`). */
  stack: string;
  /** The Pulumi project directory the CLI runs in. */
  cwd: string;
  /** The `pulumi` executable (default: `pulumi` on PATH). */
  pulumi?: string;
}

/** Runs `pulumi config --json --show-secrets` and returns the values by key (secrets decrypted, in memory only). */
export function readStackConfig(opts: StackConfigOptions): Promise<Map<string, string>> {
  const args = ["config", "--json", "--show-secrets", "--stack", opts.stack, "--non-interactive"];
  return new Promise((resolve, reject) => {
    execFile(
      opts.pulumi ?? "pulumi",
      args,
      { cwd: opts.cwd, maxBuffer: 16 * 1024 * 1024 },
      (err, stdout, stderr) => {
        if (err) {
          const detail = stderr.trim().split("\n").slice(-3).join(" ") || err.message;
          reject(
            new ImportCommandError(
              `Could not read the config of stack ${JSON.stringify(opts.stack)} with \`pulumi config\` in ` +
                `${opts.cwd}: ${detail} Run the command in the Pulumi project directory (with the passphrase ` +
                `or login the stack needs), or leave out --stack and set QUALYS_GATEWAY_URL, QUALYS_USERNAME ` +
                `and QUALYS_PASSWORD.`,
            ),
          );
          return;
        }
        try {
          const parsed = JSON.parse(stdout) as Record<string, { value?: unknown } | undefined>;
          const values = new Map<string, string>();
          for (const [key, entry] of Object.entries(parsed)) {
            if (typeof entry?.value === "string") values.set(key, entry.value);
          }
          resolve(values);
        } catch {
          reject(
            new ImportCommandError(
              "`pulumi config --json` printed something that is not JSON; is `pulumi` the Pulumi CLI?",
            ),
          );
        }
      },
    );
  });
}

/** The provider settings: from the stack's config when `stack` is given (then the environment), else the environment. */
export async function importSettings(stack: StackConfigOptions | undefined): Promise<ClientSettings> {
  let source: ConfigSource | undefined;
  if (stack) {
    const values = await readStackConfig(stack);
    source = (key) => values.get(key);
  }
  return resolveSettings(source);
}
