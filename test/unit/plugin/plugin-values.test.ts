/**
 * The provider plugin's handling of the engine's values and settings (provider/plugin/values.ts,
 * settings.ts) and the migration plan of `plugin migrate` (cli/plugin-migration.ts).
 */
import { migrationImportFile, migrationPlan } from "../../../provider/cli/plugin-migration";
import { SETTINGS } from "../../../provider/qualys/settings";
import { settingsFromArgs, withPluginSettingNames } from "../../../provider/plugin/settings";
import { keepSecret, reveal, secret, secretKeys } from "../../../provider/plugin/values";

const wrapped = (value: unknown) => ({
  "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
  value,
});

describe("secrets stay secret in what the plugin returns", () => {
  test("a secret input is found, revealed for the handlers, and wrapped again in the returned inputs", () => {
    const news = { name: "hub", password: wrapped("hunter2"), aws: { arn: wrapped("arn") } };
    expect(secretKeys(news).sort()).toEqual(["aws", "password"]);
    const plain = reveal(news) as Record<string, unknown>;
    expect(plain).toEqual({ name: "hub", password: "hunter2", aws: { arn: "arn" } });
    const back = keepSecret(plain, secretKeys(news));
    expect(back.password).toEqual(wrapped("hunter2"));
    // A nested secret makes its whole property one.
    expect(back.aws).toEqual(wrapped({ arn: "arn" }));
    expect(back.name).toBe("hub");
  });

  test("keepSecret never wraps twice, and leaves unset properties unset", () => {
    expect(keepSecret({ password: wrapped("x") }, ["password"]).password).toEqual(wrapped("x"));
    expect(secret(wrapped("x"))).toEqual(wrapped("x"));
    expect(keepSecret({ other: 1 }, ["password"])).toEqual({ other: 1 });
  });
});

describe("settings come from Configure's arguments only, secrets unwrapped there", () => {
  test("each setting is read by its name, numbers as text", () => {
    const source = settingsFromArgs({
      gatewayUrl: "US2",
      password: wrapped("pw"),
      maxRetries: 3,
      version: "0.1.0",
    });
    expect(source(SETTINGS.gatewayUrl.key)).toBe("US2");
    expect(source(SETTINGS.password.key)).toBe("pw");
    expect(source(SETTINGS.maxRetries.key)).toBe("3");
    expect(source(SETTINGS.username.key)).toBeUndefined();
    expect(source("version")).toBeUndefined();
  });

  test("messages name the plugin's config keys", () => {
    expect(
      withPluginSettingNames(
        "set the stack config qualys:gatewayUrl (`pulumi config set qualys:gatewayUrl <value>`)",
      ),
    ).toBe("set the stack config qualys-cs:gatewayUrl (`pulumi config set qualys-cs:gatewayUrl <value>`)");
    expect(withPluginSettingNames("qualys-cs:password stays")).toBe("qualys-cs:password stays");
  });
});

describe("plugin migrate's plan", () => {
  const state = {
    version: 3,
    deployment: {
      resources: [
        { urn: "urn:pulumi:dev::p::pulumi:pulumi:Stack::p-dev", type: "pulumi:pulumi:Stack" },
        {
          urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/qualys:RegistryScanSchedule::nightly",
          type: "pulumi-nodejs:dynamic/qualys:RegistryScanSchedule",
          id: "r1/s1",
        },
        {
          urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/qualys:Registry::hub",
          type: "pulumi-nodejs:dynamic/qualys:Registry",
          id: "r1",
        },
        {
          urn: "urn:pulumi:dev::p::pulumi-nodejs:dynamic/qualys:RegistryScanSchedule::pending",
          type: "pulumi-nodejs:dynamic/qualys:RegistryScanSchedule",
        },
      ],
    },
  };

  test("adopts each dynamic Registry and schedule with an ID, by the same name, registries first", () => {
    const plan = migrationPlan(state);
    expect(plan.map((m) => m.entry)).toEqual([
      { type: "qualys-cs:index:Registry", name: "hub", id: "r1" },
      { type: "qualys-cs:index:RegistryScanSchedule", name: "nightly", id: "r1/s1" },
    ]);
    expect(plan.map((m) => m.urn)).toEqual([
      state.deployment.resources[2]!.urn,
      state.deployment.resources[1]!.urn,
    ]);
  });

  test("the import file gives no outputs, so the plugin reads each resource", () => {
    for (const r of migrationImportFile(migrationPlan(state)).resources)
      expect(Object.keys(r)).toEqual(["type", "name", "id"]);
  });
});
