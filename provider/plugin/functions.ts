/**
 * The plugin's functions (Invoke): `qualys-cs:index:getRegistry` and `qualys-cs:index:getAwsBase`, the
 * same look-ups the TypeScript program runs (registry/find.ts, registry/api.ts), with the provider's
 * settings.
 */
import { currentSettings } from "../core/runtime";
import { registryApi } from "../registry/api";
import { findRegistry } from "../registry/find";
import type { GetRegistryArgs } from "../registry/lookup";
import { pluginToken } from "./settings";

/** Runs the function `token` with `args`; resolves with what it returns. */
export async function invokeFunction(
  token: string,
  args: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const api = registryApi(currentSettings());
  if (token === pluginToken("getRegistry")) {
    const by = Object.fromEntries(
      Object.entries(args).filter(([k, v]) => (k === "registryUri" || k === "name") && typeof v === "string"),
    );
    return { ...(await findRegistry(api, by as GetRegistryArgs)) };
  }
  if (token === pluginToken("getAwsBase")) return { ...(await api.awsBase()) };
  throw new Error(
    `The qualys-cs plugin has no function ${JSON.stringify(token)}: it serves ${pluginToken("getRegistry")} ` +
      `and ${pluginToken("getAwsBase")}. Check that the plugin and the SDK are of the same version.`,
  );
}
