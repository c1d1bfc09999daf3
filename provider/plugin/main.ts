#!/usr/bin/env node
/**
 * `pulumi-resource-qualys-cs`: the provider plugin the engine starts for YAML, Python and Go programs
 * (package.json `bin`). It serves on a loopback port and prints the port on stdout, which is how the
 * engine finds it; the engine's address (the first argument) is not needed. Its version is the package's.
 */
import { serve } from "./server";
import { packageVersion } from "./settings";

if (require.main === module) {
  const version = packageVersion();
  serve({
    version,
    schema: () => {
      const { packageSchema } = require("./interim-schema") as typeof import("./interim-schema");
      return JSON.stringify(packageSchema(version));
    },
  }).then(
    ({ port }) => process.stdout.write(`${port}\n`),
    (err: unknown) => {
      process.stderr.write(
        `pulumi-resource-qualys-cs could not start: ${err instanceof Error ? err.message : String(err)}\n`,
      );
      process.exit(1);
    },
  );
}
