/**
 * The package schema (provider/plugin/schema.ts) says what the property tables say, and the committed
 * provider/plugin/schema.json, which the plugin serves, is current (`npm run schema` rewrites it).
 */
import * as fs from "node:fs";

import { COMMANDS } from "../../../provider/cli/main";
import { inputNames, outputOnlyNames, type InputSpec } from "../../../provider/core/properties";
import {
  committedSchemaText,
  enumValueName,
  packageSchema,
  schemaText,
  SCHEMA_FILE,
  type EnumTypeSchema,
  type ObjectTypeSchema,
  type PropertySchema,
} from "../../../provider/plugin/schema";
import { packageVersion, pluginToken } from "../../../provider/plugin/settings";
import { SETTINGS } from "../../../provider/qualys/settings";
import { REGISTRY_TYPES } from "../../../provider/registry/types";
import { FUNCTIONS, RESOURCES } from "../../../provider/resources";
import { WEEK_DAYS } from "../../../provider/schedule/types";

const schema = packageSchema();
const resource = (typeName: string) => {
  const r = schema.resources[pluginToken(typeName)];
  if (!r) throw new Error(`no resource ${typeName} in the schema`);
  return r;
};
const type = (name: string) => schema.types[pluginToken(name)];

describe("the committed schema file", () => {
  test("is what the property tables give (run `npm run schema` after changing a table)", () => {
    expect(committedSchemaText()).toBe(schemaText());
  });

  test("is what `pulumi-qualys-cs schema` prints", async () => {
    const command = COMMANDS.find((c) => c.name === "schema");
    let out = "";
    const io = { stdout: (text: string) => void (out += text), stderr: () => undefined, cwd: process.cwd() };
    expect(await command?.run([], io)).toBe(0);
    expect(out).toBe(fs.readFileSync(SCHEMA_FILE, "utf8"));
  });
});

describe("the package", () => {
  test("is qualys-cs at package.json's version, asking the SDKs to respect it", () => {
    expect(schema.name).toBe("qualys-cs");
    expect(schema.version).toBe(packageVersion());
    expect(schema.language.python).toMatchObject({ respectSchemaVersion: true });
    expect(schema.language.go).toMatchObject({ respectSchemaVersion: true });
  });
});

describe("resources: one per table of provider/resources.ts", () => {
  test("every resource, as qualys-cs:index:<typeName>", () => {
    expect(Object.keys(schema.resources)).toEqual(RESOURCES.map((r) => `qualys-cs:index:${r.typeName}`));
  });

  test.each(RESOURCES.map((r) => [r.typeName, r] as const))(
    "%s: inputs are the table's inputs; properties its inputs and outputs",
    (typeName, table) => {
      const r = resource(typeName);
      expect(Object.keys(r.inputProperties)).toEqual(inputNames(table.properties));
      expect(Object.keys(r.properties ?? {})).toEqual([
        ...inputNames(table.properties),
        ...outputOnlyNames(table.properties),
      ]);
    },
  );

  test.each(RESOURCES.map((r) => [r.typeName, r] as const))(
    "%s: required inputs are the `required` ones; `resourceName` and defaults are optional inputs but always-present properties",
    (typeName, table) => {
      const r = resource(typeName);
      const inputs = Object.entries(table.properties).filter(
        (e): e is [string, InputSpec] => e[1].kind === "input",
      );
      expect(r.requiredInputs).toEqual(inputs.filter(([, s]) => s.presence === "required").map(([n]) => n));
      for (const [name, spec] of inputs) {
        expect([name, r.required?.includes(name)]).toEqual([name, spec.presence !== "optional"]);
      }
    },
  );

  test.each(RESOURCES.map((r) => [r.typeName, r] as const))(
    "%s: descriptions, secrets and replaceOnChanges come from the table",
    (typeName, table) => {
      const r = resource(typeName);
      for (const [name, spec] of Object.entries(table.properties)) {
        const p: PropertySchema | undefined = r.properties?.[name];
        if (!p) throw new Error(`${typeName}.${name} is not in the schema`);
        expect(p.description.startsWith(spec.description)).toBe(true);
        expect([name, p.secret === true]).toEqual([name, spec.secret === true]);
        if (spec.kind === "input" && !spec.fields) {
          expect([name, p.replaceOnChanges === true]).toEqual([name, spec.change === "replace"]);
        }
      }
    },
  );
});

describe("types", () => {
  test("a number with a whole-number validator is an integer; a list of names an array of strings", () => {
    const schedule = resource("RegistryScanSchedule").inputProperties;
    expect(schedule.days).toMatchObject({ type: "integer" });
    expect(schedule.scheduleScanIntervalInDays).toMatchObject({ type: "integer" });
    expect(schedule.repo).toMatchObject({ type: "array", items: { type: "string" } });
    expect(schedule.onDemand).toMatchObject({ type: "boolean", default: false });
  });

  test("a property with a fixed set of values refers to an enum type of them", () => {
    expect(resource("Registry").inputProperties.registryType).toMatchObject({
      $ref: "#/types/qualys-cs:index:RegistryType",
    });
    expect((type("RegistryType") as EnumTypeSchema).enum.map((e) => e.value)).toEqual([...REGISTRY_TYPES]);
    expect((type("WeekDay") as EnumTypeSchema).enum.map((e) => e.value)).toEqual([...WEEK_DAYS]);
  });

  test("an enum property that check brings to canonical form (weekDay, any case) is a string or the enum", () => {
    expect(resource("RegistryScanSchedule").inputProperties.weekDay).toMatchObject({
      oneOf: [{ type: "string" }, { type: "string", $ref: "#/types/qualys-cs:index:WeekDay" }],
    });
  });

  test.each([
    ["MONDAY", "Monday"],
    ["V2_PRIVATE", "V2Private"],
    ["GOOGLE_ARTIFACT_REGISTRY", "GoogleArtifactRegistry"],
    ["DockerHub", "DockerHub"],
    ["US_Gov", "UsGov"],
    ["createdDate", "CreatedDate"],
  ])("the enum value %s is named %s (the SDKs spell their members from it)", (value, name) => {
    expect(enumValueName(value)).toBe(name);
  });

  test("a nested block is an object type <Resource><Block>, its required members required", () => {
    expect(resource("Registry").inputProperties.aws).toMatchObject({
      $ref: "#/types/qualys-cs:index:RegistryAws",
    });
    const aws = type("RegistryAws") as ObjectTypeSchema;
    expect(aws.required).toEqual(["accountId", "arn", "region"]);
    expect(type("RegistryScanScheduleAdditionalFilters")).toMatchObject({
      properties: { numberOfTags: { type: "integer" } },
    });
  });

  test("a block whose members declare their own change: the replacing members carry replaceOnChanges", () => {
    const aws = type("RegistryAws") as ObjectTypeSchema;
    const replacing = Object.keys(aws.properties).filter((m) => aws.properties[m]?.replaceOnChanges);
    expect(replacing).toEqual(["accountId", "region", "accountType"]);
    expect(resource("Registry").inputProperties.aws?.replaceOnChanges).toBeUndefined();
  });

  test("every $ref names a declared type", () => {
    const refs = [...JSON.stringify(schema).matchAll(/"\$ref":"#\/types\/([^"]+)"/g)].map((m) => m[1]);
    for (const token of refs)
      expect([token, token !== undefined && token in schema.types]).toEqual([token, true]);
  });
});

describe("provider configuration", () => {
  test("one variable per setting, the password a secret, the tuning settings integers", () => {
    expect(Object.keys(schema.config.variables)).toEqual(Object.keys(SETTINGS));
    expect(schema.provider.inputProperties).toEqual(schema.config.variables);
    expect(schema.config.variables.password).toMatchObject({ type: "string", secret: true });
    expect(schema.config.variables.username?.secret).toBeUndefined();
    expect(schema.config.variables.concurrency).toMatchObject({ type: "integer" });
  });
});

describe("functions: one per table of provider/resources.ts FUNCTIONS", () => {
  test("every function, as qualys-cs:index:<name>, with its arguments and result", () => {
    expect(Object.keys(schema.functions)).toEqual(FUNCTIONS.map((f) => `qualys-cs:index:${f.name}`));
    const getRegistry = schema.functions["qualys-cs:index:getRegistry"];
    expect(Object.keys(getRegistry?.inputs?.properties ?? {})).toEqual(["registryUri", "name"]);
    expect(getRegistry?.inputs?.required).toBeUndefined();
    expect(getRegistry?.outputs.required).toEqual([
      "registryId",
      "registryUri",
      "name",
      "registryType",
      "status",
    ]);
    expect(getRegistry?.outputs.properties.registryType).toMatchObject({
      $ref: "#/types/qualys-cs:index:RegistryType",
    });
    expect(schema.functions["qualys-cs:index:getAwsBase"]?.inputs).toBeUndefined();
  });
});
