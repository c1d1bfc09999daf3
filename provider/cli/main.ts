#!/usr/bin/env node
/**
 * The `pulumi-qualys-cs` command (the package's `bin`). Each subcommand is a `Command`
 * (`cli/command.ts`) listed in `COMMANDS`.
 */
import { EXIT_USAGE } from "../errors";
import { redact } from "../qualys/redact";
import { redactingIO, type Command, type CommandIO } from "./command";
import { importCommand } from "./import-command";
import { pluginCommand } from "./plugin-command";
import { recoverCommand } from "./recover-command";
import { schemaCommand } from "./schema-command";
import { sweepCommand } from "./sweep-command";

/** The subcommands, in the order the usage text lists them. */
export const COMMANDS: readonly Command<CommandIO>[] = [
  importCommand,
  recoverCommand,
  sweepCommand,
  schemaCommand,
  pluginCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 4;
  const pad = " ".repeat(width + 2);
  const lines = COMMANDS.map((c) => `  ${c.name.padEnd(width)}${c.summary.split("\n").join(`\n${pad}`)}`);
  return `Usage: pulumi-qualys-cs <command> [options]\n\nCommands:\n${lines.join("\n")}\n\nRun \`pulumi-qualys-cs <command> --help\` for its options.\n`;
}

/** Runs the command line; returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  const io: CommandIO = redactingIO({
    stdout: (text: string) => void process.stdout.write(text),
    stderr: (text: string) => void process.stderr.write(text),
    cwd: process.cwd(),
  });
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    const topic = name === "help" ? COMMANDS.find((c) => c.name === rest[0]) : undefined;
    io.stdout(topic ? topic.usage : usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (command) return command.run(rest, io);
  io.stderr(`error: unknown command ${JSON.stringify(name)}.\n\n${usage()}`);
  return EXIT_USAGE;
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`error: ${redact(err instanceof Error ? err.message : String(err))}\n`);
      process.exit(1);
    },
  );
}
