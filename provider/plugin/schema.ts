/**
 * The Pulumi package schema `qualys-cs`, derived from the property tables (`RESOURCES` and `FUNCTIONS`
 * of provider/resources.ts) and the provider settings (qualys/settings.ts): what the plugin serves from
 * `GetSchema`, what YAML checks programs against, and what the SDK generator (sdk/gen) turns into the
 * Python and Go SDKs. `npm run schema` writes it to provider/plugin/schema.json, which is packed, so
 * that the plugin serves it without computing it; test/unit/plugin/plugin-schema.test.ts fails when the file
 * is stale. How table entries map to schema entries is in docs/languages.md, "The schema".
 *
 * The types below are our own: the schema types of `@pulumi/pulumi/provider/experimental` describe
 * components only (no secrets, defaults, `replaceOnChanges`, functions or provider configuration).
 */
import * as fs from "node:fs";
import * as path from "node:path";

import {
  defaultOf,
  type FieldTable,
  type FunctionDefinition,
  type InputSpec,
  type MemberSpec,
  type PropertySpec,
  type PropertyType,
  type ResourceDefinition,
} from "../core/properties";
import type { Validator } from "../core/validators";
import { SETTINGS } from "../qualys/settings";
import { FUNCTIONS, RESOURCES } from "../resources";
import { PACKAGE_NAME, packageVersion, pluginToken } from "./settings";

/** The Python package of the generated SDK (sdk/python). */
export const PYTHON_PACKAGE = "pulumi_qualys_cs";

/**
 * The Go module of the generated SDK (sdk/go, its go.mod) and the import path of its package
 * (sdk/go/qualyscs). The repository is not published under this path yet: until it is, Go users point
 * the module at a checkout with a `replace` directive (docs/languages.md, "Go").
 */
export const GO_MODULE = "github.com/pulumi-qualys-cs/pulumi-qualys-cs/sdk/go";
export const GO_IMPORT_PATH = `${GO_MODULE}/qualyscs`;

/** A primitive schema type. */
export type PrimitiveType = "string" | "integer" | "number" | "boolean";

/** A type reference: a primitive, an array of a type, or a named object or enum type of `types`. */
export type TypeSpec =
  | { type: PrimitiveType }
  | { type: "array"; items: TypeSpec }
  | { type?: "string"; $ref: string }
  | { oneOf: TypeSpec[] };

/** A property of a resource, object type, function or the provider configuration. */
export type PropertySchema = TypeSpec & {
  description: string;
  /** The SDKs mark the value secret; the engine keeps it encrypted. */
  secret?: true;
  /** The SDKs fill it in when unset. */
  default?: string | number | boolean;
  /** The SDKs ask the engine to replace the resource when it changes (the provider's diff says so too). */
  replaceOnChanges?: true;
};

/** An object type (a nested block, a function's arguments or result). */
export interface ObjectTypeSchema {
  type: "object";
  description?: string;
  properties: Record<string, PropertySchema>;
  required?: string[];
}

/** An enum type: a string taking one of `enum`. */
export interface EnumTypeSchema {
  type: "string";
  description?: string;
  enum: Array<{ value: string; name?: string; description?: string }>;
}

/** A resource (or the provider itself). */
export interface ResourceSchema {
  description: string;
  /** What a program sets. */
  inputProperties: Record<string, PropertySchema>;
  requiredInputs?: string[];
  /** What the resource exposes: every input and what Qualys assigns. */
  properties?: Record<string, PropertySchema>;
  required?: string[];
}

/** A provider function. */
export interface FunctionSchema {
  description: string;
  inputs?: ObjectTypeSchema;
  outputs: ObjectTypeSchema;
}

/** The package schema (https://www.pulumi.com/docs/iac/extending-pulumi/schema/), the parts we use. */
export interface PackageSchema {
  name: string;
  displayName: string;
  version: string;
  description: string;
  keywords: string[];
  license: string;
  /** `supportPack`: the Go SDK gets its go.mod, and the Python SDK its version written in (not read from its metadata). */
  meta: { supportPack: boolean };
  config: { variables: Record<string, PropertySchema> };
  provider: ResourceSchema;
  resources: Record<string, ResourceSchema>;
  types: Record<string, ObjectTypeSchema | EnumTypeSchema>;
  functions: Record<string, FunctionSchema>;
  language: Record<string, Record<string, unknown>>;
}

const ref = (name: string): TypeSpec => ({ $ref: `#/types/${pluginToken(name)}` });
const capitalized = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1);

/**
 * The package root (the folder of package.json), from this module's place in it: the same path in the
 * repository (dist/provider/plugin) and in the installed package.
 */
export const PACKAGE_ROOT = path.resolve(__dirname, "..", "..", "..");

/** The committed schema file, shipped in the package (package.json `files`). */
export const SCHEMA_FILE = path.join(PACKAGE_ROOT, "provider", "plugin", "schema.json");

/** The committed schema file's text, as the plugin serves it. */
export function committedSchemaText(): string {
  return fs.readFileSync(SCHEMA_FILE, "utf8");
}

/** The schema as the committed file holds it: two-space JSON and a final newline. */
export function schemaText(schema: PackageSchema = packageSchema()): string {
  return `${JSON.stringify(schema, null, 2)}\n`;
}

/**
 * The PascalCase name of an enum value, from which each SDK spells its member (Python `V2_PRIVATE`,
 * Go `RegistryTypeV2Private`): words split at `_`, an all-capitals word capitalized (`MONDAY` → `Monday`).
 * Without names the generators split mixed-case values oddly (`US_Gov` became `U_S_GOV`).
 */
export function enumValueName(value: string): string {
  return value
    .split("_")
    .map((word) => (word === word.toUpperCase() ? word.charAt(0) + word.slice(1).toLowerCase() : word))
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join("");
}

/** Collects the named types (`types`) while the resources and functions refer to them. */
class TypeCollector {
  readonly types: Record<string, ObjectTypeSchema | EnumTypeSchema> = {};

  /** Declares the enum `name`; the same name must always carry the same values. */
  enumRef(name: string, values: readonly string[]): TypeSpec {
    const token = pluginToken(name);
    const declared = this.types[token];
    const spec: EnumTypeSchema = {
      type: "string",
      enum: values.map((value) => ({ value, name: enumValueName(value) })),
    };
    if (declared && JSON.stringify(declared) !== JSON.stringify(spec)) {
      throw new Error(`the enum type ${name} is declared twice with different values`);
    }
    this.types[token] = spec;
    return ref(name);
  }

  /**
   * The schema type of a table's `PropertyType`: an enum when it lists values; `integer` for a number
   * whose validator accepts whole numbers only; arrays of strings. An enum whose input `check` brings to
   * canonical form (`weekDay`, any case) is `string` or the enum, as Pulumi's own providers declare open
   * enums: YAML would refuse `Monday` for the bare enum, and Python types it `str | WeekDay`.
   */
  typeOf(
    type: PropertyType,
    validate: Validator | undefined,
    where: string,
    canonicalized = false,
  ): TypeSpec {
    if (type.enum) {
      const enumType = this.enumRef(type.output, type.enum);
      return canonicalized ? { oneOf: [{ type: "string" }, { type: "string", ...enumType }] } : enumType;
    }
    switch (type.output) {
      case "string":
        return { type: "string" };
      case "boolean":
        return { type: "boolean" };
      case "number":
        return { type: validate?.wholeNumber ? "integer" : "number" };
      case "string[]":
        return { type: "array", items: { type: "string" } };
      default:
        throw new Error(`${where}: no schema type for the TypeScript type ${type.output}`);
    }
  }

  /** The object type `typeName` of a function's list items (`FieldSpec.items`). */
  objectRef(typeName: string, fn: FunctionDefinition, table: FieldTable): TypeSpec {
    this.types[pluginToken(typeName)] = this.fields(fn, table);
    return ref(typeName);
  }

  /** A nested block's object type, `<Resource><Block>`; members declaring their own replace carry it. */
  blockRef(
    resource: ResourceDefinition,
    name: string,
    spec: InputSpec,
    members: Record<string, MemberSpec>,
  ): TypeSpec {
    const typeName = `${resource.typeName}${capitalized(name)}`;
    const properties: Record<string, PropertySchema> = {};
    for (const [member, m] of Object.entries(members)) {
      const replaces = perMemberChange(spec) && (m.change ?? spec.change) === "replace";
      properties[member] = {
        ...this.typeOf(m.type, m.validate, `${resource.typeName}.${name}.${member}`),
        description: m.description + changeSentence(m.change ?? spec.change, resource),
        ...(replaces ? { replaceOnChanges: true as const } : {}),
      };
    }
    const required = Object.keys(members).filter((member) => members[member]?.required);
    this.types[pluginToken(typeName)] = {
      type: "object",
      description: spec.description,
      properties,
      ...(required.length > 0 ? { required } : {}),
    };
    return ref(typeName);
  }

  /** The object type of a function's argument or result table. */
  fields(fn: FunctionDefinition, table: FieldTable): ObjectTypeSchema {
    const properties: Record<string, PropertySchema> = {};
    for (const [name, field] of Object.entries(table)) {
      // A list of objects (`items`): an array of the object type named after the TypeScript type.
      const items = field.items;
      const type: TypeSpec = items
        ? { type: "array", items: this.objectRef(field.type.output.replace(/\[\]$/, ""), fn, items) }
        : this.typeOf(field.type, undefined, `${fn.name}.${name}`);
      properties[name] = {
        ...type,
        description: field.description,
        ...(field.secret ? { secret: true as const } : {}),
      };
    }
    const required = Object.keys(table).filter((name) => table[name]?.required);
    return { type: "object", properties, ...(required.length > 0 ? { required } : {}) };
  }
}

/** Whether a block's members declare their own `change` (then each member says whether it replaces). */
function perMemberChange(spec: InputSpec): boolean {
  return Object.values(spec.fields ?? {}).some((m) => m.change !== undefined);
}

function changeSentence(change: InputSpec["change"], resource: ResourceDefinition): string {
  return change === "replace" ? ` Changing it replaces the ${resource.typeName}.` : " Updates in place.";
}

/** How the table's presence reads in a description (the resource class's TSDoc says the same). */
function presenceSentence(spec: InputSpec): string {
  if (spec.presence === "resourceName") return " Defaults to the resource name.";
  const value = defaultOf(spec);
  return value === undefined ? "" : ` Defaults to \`${JSON.stringify(value)}\`.`;
}

function propertySchema(
  types: TypeCollector,
  resource: ResourceDefinition,
  name: string,
  spec: PropertySpec,
): PropertySchema {
  const where = `${resource.typeName}.${name}`;
  if (spec.kind === "output") {
    return { ...types.typeOf(spec.type, undefined, where), description: spec.description };
  }
  // A list of blocks (`list`) is an array of the block's object type.
  const type = spec.fields
    ? spec.list
      ? { type: "array" as const, items: types.blockRef(resource, name, spec, spec.fields) }
      : types.blockRef(resource, name, spec, spec.fields)
    : types.typeOf(spec.type, spec.validate, where, spec.canonical !== undefined);
  const value = defaultOf(spec);
  const change = perMemberChange(spec)
    ? ` Each member says whether changing it replaces the ${resource.typeName}.`
    : changeSentence(spec.change, resource);
  return {
    ...type,
    description: spec.description + presenceSentence(spec) + change,
    ...(spec.secret ? { secret: true as const } : {}),
    ...(value === undefined ? {} : { default: value }),
    ...(spec.change === "replace" && !perMemberChange(spec) ? { replaceOnChanges: true as const } : {}),
  };
}

function resourceSchema(types: TypeCollector, resource: ResourceDefinition): ResourceSchema {
  const inputProperties: Record<string, PropertySchema> = {};
  const properties: Record<string, PropertySchema> = {};
  const requiredInputs: string[] = [];
  const required: string[] = [];
  for (const [name, spec] of Object.entries(resource.properties)) {
    const schema = propertySchema(types, resource, name, spec);
    // An output carries no default: the provider reports its value.
    const { default: _default, ...output } = schema;
    properties[name] = output;
    if (spec.kind === "input") {
      inputProperties[name] = schema;
      if (spec.presence === "required") requiredInputs.push(name);
      // After check, every input but an optional one has a value (a default, the resource name).
      if (spec.presence !== "optional") required.push(name);
    } else if (!spec.optional) {
      required.push(name);
    }
  }
  return { description: resource.description, inputProperties, requiredInputs, properties, required };
}

/** The provider configuration: one property per setting, `qualys-cs:<name>` in stack config. */
function settingsSchema(): Record<string, PropertySchema> {
  const variables: Record<string, PropertySchema> = {};
  for (const [name, s] of Object.entries(SETTINGS)) {
    variables[name] = {
      type: s.type,
      description: `${s.description} Falls back to the environment variable \`${s.env}\`.`,
      ...("secret" in s && s.secret ? { secret: true as const } : {}),
    };
  }
  return variables;
}

/** The package schema of this version of the package, derived from the tables. */
export function packageSchema(version: string = packageVersion()): PackageSchema {
  const types = new TypeCollector();
  const resources: Record<string, ResourceSchema> = {};
  for (const resource of RESOURCES)
    resources[pluginToken(resource.typeName)] = resourceSchema(types, resource);
  const functions: Record<string, FunctionSchema> = {};
  for (const fn of FUNCTIONS as readonly FunctionDefinition[]) {
    const hasInputs = Object.keys(fn.inputs).length > 0;
    functions[pluginToken(fn.name)] = {
      description: fn.description,
      ...(hasInputs ? { inputs: types.fields(fn, fn.inputs) } : {}),
      outputs: types.fields(fn, fn.outputs),
    };
  }
  const config = settingsSchema();
  return {
    name: PACKAGE_NAME,
    displayName: "Qualys Container Security",
    version,
    description:
      "Qualys Container Security: registries and their scan schedules, every rule checked at preview before any API call.",
    keywords: ["pulumi", "qualys", "container-security", "category/utility", "kind/native"],
    license: "Apache-2.0",
    meta: { supportPack: true },
    config: { variables: config },
    provider: {
      description:
        "The qualys-cs provider: the Qualys gateway and credentials (`qualys-cs:*` stack config or the `QUALYS_*` environment variables).",
      inputProperties: config,
    },
    resources,
    types: Object.fromEntries(Object.entries(types.types).sort(([a], [b]) => a.localeCompare(b))),
    functions,
    language: {
      // Without respectSchemaVersion the Python and Go SDKs ask the engine for plugin v0.0.0.
      python: { packageName: PYTHON_PACKAGE, respectSchemaVersion: true, pyproject: { enabled: true } },
      go: { importBasePath: GO_IMPORT_PATH, respectSchemaVersion: true },
    },
  };
}
