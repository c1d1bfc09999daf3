/**
 * Serializes RegistryScanSchedule's provider the way a user's program does (the package and the SDK
 * from the tarball install in .tools/consumer), after `configure` has seen a password, then loads the
 * serialized text the way the engine's provider process does and runs its `check`. Prints JSON.
 * Run in its own process: closure serialization needs a plain Node module system, not jest's.
 */
import { createRequire } from "node:module";
import * as path from "node:path";

import type * as pulumiType from "@pulumi/pulumi";

import { CONSUMER_MODULES } from "./stack";

const consumerRequire = createRequire(path.join(CONSUMER_MODULES, "..", "package.json"));
const pulumi = consumerRequire("@pulumi/pulumi") as typeof pulumiType;
const requireFromString = consumerRequire("require-from-string") as (code: string) => {
  handler: () => pulumiType.dynamic.ResourceProvider;
};

async function main(): Promise<void> {
  const password = process.argv[2] ?? "";
  const runtime = consumerRequire(
    "pulumi-qualys-cs/provider-runtime/v1",
  ) as pulumiType.dynamic.ResourceProvider;
  const config = {
    get: (k: string) => (k === "qualys:password" ? password : undefined),
    require: () => password,
  };
  await runtime.configure?.({ config });
  const { text } = await pulumi.runtime.serializeFunction(() => runtime, { isFactoryFunction: false });
  const copy = requireFromString(text).handler();
  const checked = await copy.check!(
    {},
    { registryId: "r", name: "n", repo: "a", scheduleScanIntervalInDays: 7 },
  );
  console.log(JSON.stringify({ text, bytes: Buffer.byteLength(text), checked }));
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
