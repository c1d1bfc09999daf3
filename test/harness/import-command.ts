/**
 * What the import end-to-end tests share: the installed `pulumi-qualys-cs` binary, run as
 * `npx pulumi-qualys-cs` runs it, the `pulumi import --file` step, and the writes in a simulator log.
 */
import type { LoggedRequest } from "../simulator";
import { runPackageCommand, type ProgramStack } from "./stack";

/** The outcome of one process. */
export type Run = Awaited<ReturnType<typeof runPackageCommand>>;

/** Runs the installed `pulumi-qualys-cs` in the project, as `npx pulumi-qualys-cs` does. */
export const command = (args: string[], cwd: string, env: Record<string, string>): Promise<Run> =>
  runPackageCommand(args, cwd, env);

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
