/**
 * What the import end-to-end tests share: the installed `pulumi-qualys-cs` binary, run as
 * `npx pulumi-qualys-cs` runs it, the `pulumi import --file` step, and the writes in a simulator log.
 */
import { execFile } from "node:child_process";
import * as path from "node:path";

import type { LoggedRequest } from "../simulator";
import { CONSUMER_MODULES, type ProgramStack } from "./stack";

const COMMAND = path.join(CONSUMER_MODULES, ".bin", "pulumi-qualys-cs");

/** The outcome of one process. */
export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the installed `pulumi-qualys-cs` in the project, as `npx pulumi-qualys-cs` does. */
export function command(args: string[], cwd: string, env: Record<string, string>): Promise<Run> {
  return new Promise((resolve) => {
    execFile(COMMAND, args, { cwd, env }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

/** `pulumi import --file qualys-import.json --protect=false --generate-code=false --yes`, logged. */
export async function pulumiImport(ps: ProgramStack, label: string): Promise<Run> {
  const res = await ps.run([
    "import",
    "--file",
    "qualys-import.json",
    "--protect=false",
    "--generate-code=false",
    "--yes",
  ]);
  console.log(`${label}:\n${res.stdout}${res.stderr}`);
  return res;
}

/** Requests that are neither a GET nor the /auth POST. */
export const writes = (log: LoggedRequest[]): LoggedRequest[] =>
  log.filter((r) => !(r.method === "GET" || (r.method === "POST" && r.path === "/auth")));
