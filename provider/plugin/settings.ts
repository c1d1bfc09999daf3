/**
 * The plugin's names and its provider settings. A YAML, Python or Go program configures the provider as
 * `qualys-cs:<setting>` (stack config of the default provider) or as properties of an explicit
 * `pulumi:providers:qualys-cs`; the engine hands both to `Configure` as arguments named after the
 * settings of qualys/settings.ts. The same environment-variable fallbacks as the dynamic resources then
 * apply (qualys/config.ts). `PULUMI_CONFIG`, which the engine also sets, is never read: it holds the
 * stack's config in plain text, and the wrong values for an explicit provider.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import type { ConfigSource } from "../qualys/config";
import { SETTINGS, type SettingName } from "../qualys/settings";
import { reveal } from "./values";

/** The Pulumi package name: the plugin is `pulumi-resource-qualys-cs`, its config namespace `qualys-cs`. */
export const PACKAGE_NAME = "qualys-cs";

/** A resource's or function's type token, e.g. `qualys-cs:index:Registry`. */
export function pluginToken(name: string): string {
  return `${PACKAGE_NAME}:index:${name}`;
}

/** The package's version, from its package.json (dist/provider/plugin/ → the package root): the plugin's. */
export function packageVersion(): string {
  const file = path.join(__dirname, "..", "..", "..", "package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

const NAMES = Object.keys(SETTINGS) as SettingName[];

/** Reads the settings from `Configure`'s arguments (secrets unwrapped here, and only here). */
export function settingsFromArgs(args: Record<string, unknown>): ConfigSource {
  const byKey = new Map<string, SettingName>(NAMES.map((name) => [SETTINGS[name].key, name]));
  return (key) => {
    const name = byKey.get(key);
    const value = name === undefined ? undefined : reveal(args[name]);
    return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
      ? String(value)
      : undefined;
  };
}

/**
 * A message of the shared code with the plugin's config keys: `qualys:gatewayUrl` (the dynamic
 * resources' stack config) reads `qualys-cs:gatewayUrl`, which is what a plugin user sets.
 */
export function withPluginSettingNames(text: string): string {
  return NAMES.reduce(
    (out, name) => out.replace(new RegExp(`\\b${SETTINGS[name].key}\\b`, "g"), `${PACKAGE_NAME}:${name}`),
    text,
  );
}
