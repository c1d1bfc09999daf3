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
import { lastLines, runPulumi } from "./pulumi-cli";

export const PLUGIN_USAGE = `Usage: pulumi-qualys-cs plugin install [--pulumi <path>]
       pulumi-qualys-cs plugin path

install   registers this package's provider plugin (pulumi-resource-${PACKAGE_NAME}, of the package's
          version) with your Pulumi CLI: \`pulumi plugin install resource ${PACKAGE_NAME} <version> --file …\`.
          Run it again after upgrading the package. YAML, Python and Go programs then find the plugin.
path      prints the folder that holds the plugin, for a Pulumi.yaml entry instead of an install:
            plugins:
              providers:
                - name: ${PACKAGE_NAME}
                  path: <that folder>

  --pulumi <path>        the pulumi executable (default: pulumi on PATH)
  -h, --help             show this help
`;

/** The plugin's entry point in this installed package. */
function pluginMain(): string {
  return path.resolve(__dirname, "..", "plugin", "main.js");
}

/** The script `pulumi plugin install --file` copies: it runs this package's plugin. */
export function pluginScript(node: string, main: string, version: string): string {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  return (
    `#!/bin/sh\n# pulumi-resource-${PACKAGE_NAME} ${version}: the provider plugin of the pulumi-qualys-cs package\n` +
    `exec ${quote(node)} ${quote(main)} "$@"\n`
  );
}

export const pluginCommand: Command = {
  name: "plugin",
  summary:
    "install the provider plugin for YAML, Python and Go programs (`plugin install`), or print its folder",
  usage: PLUGIN_USAGE,
  run(argv: string[], io: CommandIO): Promise<number> {
    return runCommand(io, async () => {
      const { values, positionals } = parseCommandArgs(
        "plugin",
        argv,
        { pulumi: { type: "string" }, help: { type: "boolean", short: "h" } },
        true,
      );
      if (values.help) {
        io.stdout(PLUGIN_USAGE);
        return 0;
      }
      const [action, ...extra] = positionals;
      if (extra.length > 0 || (action !== "install" && action !== "path")) {
        throw usageError(
          "plugin",
          `expected \`plugin install\` or \`plugin path\`, got ${JSON.stringify(argv.join(" "))}`,
        );
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
        const run = await runPulumi(
          ["plugin", "install", "resource", PACKAGE_NAME, version, "--file", script, "--reinstall"],
          { cwd: io.cwd, ...(values.pulumi === undefined ? {} : { pulumi: values.pulumi }) },
        );
        if (run.code !== 0) {
          throw new CliError(`\`pulumi plugin install\` failed: ${lastLines(run)}`);
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
