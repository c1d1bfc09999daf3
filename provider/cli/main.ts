#!/usr/bin/env node
/**
 * The `pulumi-qualys-cs` command (the package's `bin`). Subcommands: `import`, `recover`.
 */
import { IMPORT_USAGE, runImportCommand } from "./import-command";
import { RECOVER_USAGE, runRecoverCommand } from "./recover-command";

const USAGE = `Usage: pulumi-qualys-cs <command> [options]

Commands:
  import    write the code and the \`pulumi import\` file that bring existing Qualys schedules under
            management without recreating them
  recover   repair a stack after an interrupted \`pulumi up\`: record the schedules Qualys made that the
            state does not know, and drop the creates that never happened (no duplicates, no orphans)

Run \`pulumi-qualys-cs <command> --help\` for its options.
`;

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const io = {
    stdout: (text: string) => void process.stdout.write(text),
    stderr: (text: string) => void process.stderr.write(text),
    cwd: process.cwd(),
  };
  if (command === undefined || command === "--help" || command === "-h" || command === "help") {
    const topic = command === "help" ? rest[0] : undefined;
    io.stdout(topic === "import" ? IMPORT_USAGE : topic === "recover" ? RECOVER_USAGE : USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === "import") return runImportCommand(rest, io);
  if (command === "recover") return runRecoverCommand(rest, io);
  io.stderr(`error: unknown command ${JSON.stringify(command)}.\n\n${USAGE}`);
  return 2;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exit(1);
    },
  );
}
