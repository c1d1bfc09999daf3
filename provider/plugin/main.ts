#!/usr/bin/env node
/**
 * `pulumi-resource-qualys-cs`: the provider plugin the engine starts for YAML, Python and Go programs
 * (package.json `bin`). It serves on a loopback port and prints the port on stdout, which is how the
 * engine finds it; the engine's address (an argument) only tells it when the engine is gone. Its version is
 * the package's.
 */
import * as net from "node:net";

import { serve } from "./server";
import { packageVersion } from "./settings";

if (require.main === module) {
  const version = packageVersion();
  serve({
    version,
    // The committed schema file (plugin/schema.ts writes it); the tables load only when asked.
    schema: () => (require("./schema") as typeof import("./schema")).committedSchemaText(),
  }).then(
    ({ port }) => {
      process.stdout.write(`${port}\n`);
      exitWithEngine(process.argv.slice(2).find((arg) => /^[^-].*:\d+$/.test(arg)));
    },
    (err: unknown) => {
      process.stderr.write(
        `pulumi-resource-qualys-cs could not start: ${err instanceof Error ? err.message : String(err)}\n`,
      );
      process.exit(1);
    },
  );
}

/**
 * Ends the plugin when the engine is gone (a killed `pulumi` cannot stop its plugins, which run in
 * process groups of their own): the engine's address stops accepting connections.
 */
function exitWithEngine(address: string | undefined): void {
  const match = /^(.*):(\d+)$/.exec(address ?? "");
  if (!match) return;
  const [, host, port] = match;
  const check = (): void => {
    const socket = net.connect({ host: host!, port: Number(port) });
    socket.once("connect", () => socket.destroy());
    socket.once("error", () => process.exit(0));
  };
  setInterval(check, 2000).unref();
}
