/**
 * The `__provider` string a program's `RegistryScanSchedule` stores, produced the way the SDK produces
 * it: `dynamic.Resource` serializes the closure `() => provider`, where `provider` is the module
 * `pulumi-qualys-cs/provider-runtime/v1` (see `resource.ts`). Because that module lives inside
 * `node_modules`, the serializer stores only a `require()` of the subpath (docs/architecture.md, "The stored provider").
 *
 * The closure's text and its captured variable's name are part of the result, so this function keeps
 * both exactly as the SDK writes them (`() => provider`, variable `provider`). Both modules are loaded
 * from the user's project first, so the SDK version that serializes is the one their program uses.
 */
import { createRequire } from "node:module";
import * as path from "node:path";

import type { ResourceDefinition } from "../core/properties";
import { CliError } from "../errors";
import { REGISTRY } from "../registry/properties";
import { SCHEDULE } from "../schedule/properties";

/** The stable subpath a resource's serialized provider `require()`s. */
export const runtimeSubpath = (resource: ResourceDefinition): string =>
  `pulumi-qualys-cs/${resource.runtimeSubpath}`;
/** The stable subpath the serialized schedule provider `require()`s. */
export const RUNTIME_SUBPATH = runtimeSubpath(SCHEDULE);
/** The stable subpath the serialized registry provider `require()`s. */
export const REGISTRY_RUNTIME_SUBPATH = runtimeSubpath(REGISTRY);
/** The one statement a correct serialized provider loads the implementation with. */
export const RUNTIME_REQUIRE = `require(${JSON.stringify(RUNTIME_SUBPATH)})`;
/** A serialized provider larger than this has captured code by value instead of by reference. */
export const MAX_SERIALIZED_BYTES = 1024;

type Sdk = typeof import("@pulumi/pulumi");

function load<T>(specifier: string, projectDir: string): T {
  try {
    return createRequire(path.join(path.resolve(projectDir), "package.json"))(specifier) as T;
  } catch {
    return require(specifier) as T;
  }
}

/**
 * Serializes the provider as `new RegistryScanSchedule(…)` (or, with `subpath` the registry runtime,
 * `new Registry(…)`) would in a program run from `projectDir`.
 * Throws `CliError` when the result is not a bare `require()` of the runtime subpath (the
 * package is not installed in `node_modules`, so the code would be copied into state instead).
 */
export async function serializedProvider(
  projectDir: string,
  subpath: string = RUNTIME_SUBPATH,
): Promise<string> {
  const sdk = load<Sdk>("@pulumi/pulumi", projectDir);
  const provider = load<object>(subpath, projectDir);
  // The SDK's own closure (dynamic/index.ts): `serializeFunction(() => provider, { allowSecrets: true })`.
  const serialized = await sdk.runtime.serializeFunction(() => provider, { allowSecrets: true });
  return checkSerializedProvider(serialized.text, subpath);
}

/** Returns `text` when it is a small closure that only `require()`s `subpath`; else throws. */
export function checkSerializedProvider(text: string, subpath: string = RUNTIME_SUBPATH): string {
  if (
    !text.includes(`require(${JSON.stringify(subpath)})`) ||
    Buffer.byteLength(text) > MAX_SERIALIZED_BYTES
  ) {
    throw new CliError(
      `The serialized provider is not a reference to ${subpath} (${Buffer.byteLength(text)} bytes), so ` +
        `imported resources would not match what your program stores. Run the command from your Pulumi ` +
        `project, with pulumi-qualys-cs installed from the registry or a packed tarball into its ` +
        `node_modules (not linked): \`npx pulumi-qualys-cs import …\`.`,
    );
  }
  return text;
}
