/**
 * `pulumi-qualys-cs schema`: prints the package schema the plugin serves (provider/plugin/schema.json,
 * derived from the property tables by provider/plugin/schema.ts), for `pulumi package gen-sdk` or
 * another SDK generator.
 */
import type { Command, CommandIO } from "./command";
import { parseCommandArgs, runCommand } from "./command";
import { committedSchemaText } from "../plugin/schema";

const USAGE = `Usage: pulumi-qualys-cs schema

Prints the Pulumi package schema of qualys-cs (JSON): the resources, types, functions and provider
configuration the plugin pulumi-resource-qualys-cs serves, as SDK generators read it.

Options:
  -h, --help             show this help
`;

async function runSchemaCommand(argv: string[], io: CommandIO): Promise<number> {
  return runCommand(io, () => {
    const { values } = parseCommandArgs("schema", argv, { help: { type: "boolean", short: "h" } }, false);
    io.stdout(values.help ? USAGE : committedSchemaText());
    return Promise.resolve(0);
  });
}

export const schemaCommand: Command = {
  name: "schema",
  summary: "print the Pulumi package schema the plugin serves (for SDK generators)",
  usage: USAGE,
  run: runSchemaCommand,
};
