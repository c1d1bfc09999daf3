/**
 * `pulumi-qualys-cs plugin install`: makes the provider plugin of this installed package known to the
 * user's Pulumi CLI, for YAML, Python and Go programs (docs/languages.md, "Installing the plugin").
 * `pulumi plugin install --file` copies one file into the CLI's plugin cache; the file installed is a
 * small script that runs this package's plugin (dist/provider/plugin/main.js) with the Node.js that ran
 * this command, so the plugin's version is always the package's. `plugin path` prints the folder for
 * Pulumi.yaml's `plugins: providers:` entry instead, which needs no install.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { CliError } from "../errors";
import { PACKAGE_NAME, packageVersion } from "../plugin/settings";
import { parseCommandArgs, runCommand, usageError, type Command, type CommandIO } from "./command";
import { migrationImportFile, migrationPlan } from "./plugin-migration";
import { exportStack, lastLines, runPulumi } from "./pulumi-cli";

/** Where `plugin migrate` writes its import file by default. */
export const MIGRATION_FILE = "qualys-plugin-import.json";

/** `s` as one word for a POSIX shell. */
const shellQuote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

export const PLUGIN_USAGE = `Usage: pulumi-qualys-cs plugin install [--pulumi <path>]
       pulumi-qualys-cs plugin path
       pulumi-qualys-cs plugin migrate --stack <name> [--file <path>] [--force] [--pulumi <path>]

install   registers this package's provider plugin (pulumi-resource-${PACKAGE_NAME}, of the package's
          version) with your Pulumi CLI: \`pulumi plugin install resource ${PACKAGE_NAME} <version> --file …\`.
          Run it again after upgrading the package. YAML, Python and Go programs then find the plugin.
path      prints the folder that holds the plugin, for a Pulumi.yaml entry instead of an install:
            plugins:
              providers:
                - name: ${PACKAGE_NAME}
                  path: <that folder>

migrate   for moving a stack from the dynamic resources (TypeScript) to the plugin's, without touching
          Qualys: reads the stack's state and writes a native import file (default ${MIGRATION_FILE}) that
          adopts each Registry and RegistryScanSchedule by ID as qualys-cs:index:<type> under the same
          name, and prints the \`pulumi state delete\` commands that forget the dynamic ones (nothing is
          deleted). Then: declare the resources with the plugin's types, forget, import, preview:
            pulumi state delete '<urn>' --yes          (each printed)
            pulumi import --file ${MIGRATION_FILE} --generate-code=false --yes
            pulumi preview                             (shows no changes)

  --stack <name>         (migrate) the stack to read
  --file <path>          (migrate) where to write the import file
  --force                (migrate) overwrite the file if it exists
  --pulumi <path>        the pulumi executable (default: pulumi on PATH)
  -h, --help             show this help
`;

/** The plugin's entry point in this installed package. */
function pluginMain(): string {
  return path.resolve(__dirname, "..", "plugin", "main.js");
}

/** The script `pulumi plugin install --file` copies: it runs this package's plugin. */
export function pluginScript(node: string, main: string, version: string): string {
  return (
    `#!/bin/sh\n# pulumi-resource-${PACKAGE_NAME} ${version}: the provider plugin of the pulumi-qualys-cs package\n` +
    `exec ${shellQuote(node)} ${shellQuote(main)} "$@"\n`
  );
}

export const pluginCommand: Command = {
  name: "plugin",
  summary:
    "the provider plugin for YAML, Python and Go programs: install it, print its folder, or move a stack to it",
  usage: PLUGIN_USAGE,
  run(argv: string[], io: CommandIO): Promise<number> {
    return runCommand(io, async () => {
      const { values, positionals } = parseCommandArgs(
        "plugin",
        argv,
        {
          pulumi: { type: "string" },
          stack: { type: "string" },
          file: { type: "string" },
          force: { type: "boolean" },
          help: { type: "boolean", short: "h" },
        },
        true,
      );
      if (values.help) {
        io.stdout(PLUGIN_USAGE);
        return 0;
      }
      const [action, ...extra] = positionals;
      if (extra.length > 0 || (action !== "install" && action !== "path" && action !== "migrate")) {
        throw usageError(
          "plugin",
          `expected \`plugin install\`, \`plugin path\` or \`plugin migrate\`, got ${JSON.stringify(argv.join(" "))}`,
        );
      }
      const run = { cwd: io.cwd, ...(values.pulumi === undefined ? {} : { pulumi: values.pulumi }) };
      if (action === "migrate") {
        if (values.stack === undefined) throw usageError("plugin", "plugin migrate needs --stack <name>");
        const plan = migrationPlan(await exportStack(values.stack, run));
        if (plan.length === 0) {
          throw new CliError(
            `Stack ${values.stack} holds no Registry or RegistryScanSchedule of the dynamic resources.`,
          );
        }
        const file = path.resolve(io.cwd, values.file ?? MIGRATION_FILE);
        if (fs.existsSync(file) && !values.force) {
          throw new CliError(`${file} exists: pass --force to overwrite it, or --file <another path>.`);
        }
        fs.writeFileSync(file, `${JSON.stringify(migrationImportFile(plan), null, 2)}\n`);
        io.stdout(
          `Wrote ${file}: ${plan.length} resource(s) to adopt as the plugin's. With the program declaring them ` +
            `under the same names, run:\n` +
            plan
              .map((m) => `  pulumi state delete ${shellQuote(m.urn)} --stack ${values.stack} --yes\n`)
              .join("") +
            `  pulumi import --file ${shellQuote(file)} --stack ${values.stack} --generate-code=false --yes\n` +
            `  pulumi preview --stack ${values.stack}\n`,
        );
        return 0;
      }
      const main = pluginMain();
      if (action === "path") {
        // npm links every bin of the package into node_modules/.bin, the plugin among them.
        io.stdout(`${path.resolve(path.dirname(main), "..", "..", "..", "..", ".bin")}\n`);
        return 0;
      }
      const version = packageVersion();
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), `pulumi-resource-${PACKAGE_NAME}-`));
      try {
        const script = path.join(dir, `pulumi-resource-${PACKAGE_NAME}`);
        fs.writeFileSync(script, pluginScript(process.execPath, main, version), { mode: 0o755 });
        const installed = await runPulumi(
          ["plugin", "install", "resource", PACKAGE_NAME, version, "--file", script, "--reinstall"],
          run,
        );
        if (installed.code !== 0) {
          throw new CliError(`\`pulumi plugin install\` failed: ${lastLines(installed)}`);
        }
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      io.stdout(
        `Installed the ${PACKAGE_NAME} provider plugin v${version} (runs ${main} with ${process.execPath}).\n`,
      );
      return 0;
    });
  },
};
