/**
 * A minimal package schema built from the property tables, served by GetSchema until the full schema
 * generator (types with enums and integer ranges, descriptions of the functions) lands as
 * `plugin/schema.ts`; then this file goes. Enough for YAML's type checks: property types, required
 * inputs, secrets, `replaceOnChanges`, nested blocks as object types, the provider's settings.
 */
import type { PropertySpec, PropertyTable } from "../core/properties";
import { RESOURCES } from "../resources";
import { SETTINGS, type SettingName } from "../qualys/settings";
import { PACKAGE_NAME, pluginToken } from "./settings";

type Json = Record<string, unknown>;

function typeOf(output: string, blockToken?: string): Json {
  if (blockToken) return { $ref: `#/types/${blockToken}` };
  if (output === "boolean") return { type: "boolean" };
  if (output === "number") return { type: "integer" };
  if (output.endsWith("[]")) return { type: "array", items: { type: "string" } };
  return { type: "string" };
}

function property(name: string, spec: PropertySpec, blockToken?: string): Json {
  const out: Json = { ...typeOf(spec.type.output, blockToken), description: spec.description };
  if (spec.secret) out.secret = true;
  if (spec.kind === "input" && spec.change === "replace") out.replaceOnChanges = true;
  void name;
  return out;
}

function resourceSpec(typeName: string, table: PropertyTable, types: Json): Json {
  const inputProperties: Json = {};
  const properties: Json = {};
  const requiredInputs: string[] = [];
  const required: string[] = [];
  for (const [name, spec] of Object.entries(table)) {
    let blockToken: string | undefined;
    if (spec.kind === "input" && spec.fields) {
      blockToken = pluginToken(`${typeName}${name[0]!.toUpperCase()}${name.slice(1)}`);
      types[blockToken] = {
        type: "object",
        properties: Object.fromEntries(
          Object.entries(spec.fields).map(([m, member]) => [
            m,
            { ...typeOf(member.type.output), description: member.description },
          ]),
        ),
        required: Object.entries(spec.fields)
          .filter(([, member]) => member.required)
          .map(([m]) => m),
      };
    }
    properties[name] = property(name, spec, blockToken);
    if (spec.kind === "input") {
      inputProperties[name] = property(name, spec, blockToken);
      if (spec.presence === "required") requiredInputs.push(name);
      if (spec.presence !== "optional") required.push(name);
    } else if (!spec.optional) {
      required.push(name);
    }
  }
  return { inputProperties, requiredInputs, properties, required };
}

function settingsSpec(): Json {
  const names = Object.keys(SETTINGS) as SettingName[];
  return Object.fromEntries(
    names.map((name) => [
      name,
      {
        type: /Seconds|Retries|concurrency/.test(name) ? "integer" : "string",
        description: `Falls back to ${SETTINGS[name].env}.`,
        ...(name === "password" ? { secret: true } : {}),
      },
    ]),
  );
}

/** The package schema (JSON) the plugin serves, for `version`. */
export function packageSchema(version: string): Json {
  const types: Json = {};
  const resources = Object.fromEntries(
    RESOURCES.map((r) => [pluginToken(r.typeName), resourceSpec(r.typeName, r.properties, types)]),
  );
  const str = { type: "string" };
  return {
    name: PACKAGE_NAME,
    version,
    config: { variables: settingsSpec() },
    provider: { inputProperties: settingsSpec() },
    resources,
    types,
    functions: {
      [pluginToken("getRegistry")]: {
        inputs: { properties: { registryUri: str, name: str } },
        outputs: {
          properties: { registryId: str, registryUri: str, name: str, registryType: str, status: str },
          required: ["registryId", "registryUri", "name", "registryType", "status"],
        },
      },
      [pluginToken("getAwsBase")]: {
        outputs: { properties: { accountId: str, externalId: str }, required: ["accountId", "externalId"] },
      },
    },
  };
}
