/**
 * Every secret the provider sends is left out of everything it says, whatever a gateway echoes: the
 * simulator's `echo` fault answers with the request's body, query and headers verbatim, as validating
 * gateways do. The secrets come from the property tables (`secret: true`, block members included) and
 * the settings (the Qualys password, `user:password`, the token), never from a list kept here: a
 * secret property added to a table without a case below fails "covers every secret property".
 */
import { inspect } from "node:util";

import type * as pulumi from "@pulumi/pulumi";

import { redactingIO } from "../../../provider/cli/command";
import { defineResource, secretValues, tsType, type PropertyTable } from "../../../provider/core/properties";
import { secretText, text } from "../../../provider/core/validators";
import { QualysError } from "../../../provider/errors";
import { QualysClient } from "../../../provider/qualys/http/client";
import { resolveSettings } from "../../../provider/qualys/config";
import { REDACTED, redact, registerSecrets } from "../../../provider/qualys/redact";
import { SETTINGS } from "../../../provider/qualys/settings";
import { RegistryApi } from "../../../provider/registry/api";
import { createRegistry, updateRegistry } from "../../../provider/registry/crud";
import { RegistryProvider } from "../../../provider/registry/provider";
import type { RegistryInputs } from "../../../provider/registry/types";
import { RESOURCES } from "../../../provider/resources";
import { ScheduleApi } from "../../../provider/schedule/api";
import { DEMO_PASSWORD, DEMO_REGISTRY_ID, DEMO_USERNAME, type RunningSimulator } from "../../simulator";
import { simulatorClient, useSimulator } from "../../harness/use-simulator";

/**
 * Secret values with the characters each encoding changes (quotes, &, +, /, =, %, space, non-ASCII)
 * between distinctive words: a redaction that removed only part of a secret (a pattern stopping at a
 * quote) leaves one of the words behind, and `expectNoSecret` looks for each.
 */
let serial = 0;
const secret = (what: string): string => {
  const n = ++serial;
  return `${what}Qz${n}alpha"Qz${n}bravo&Qz${n}charlie+/=%ü Qz${n}delta`;
};
/** The distinctive words of a value made by `secret`. */
const words = (value: string): string[] => value.match(/Qz\d+[a-z]+/g) ?? [];

/** Every spelling of `value` that must appear nowhere. */
function spellings(value: string): string[] {
  const json = JSON.stringify(value).slice(1, -1);
  return [
    value,
    encodeURIComponent(value),
    new URLSearchParams({ s: value }).toString().slice(2),
    json,
    JSON.stringify(json).slice(1, -1),
    Buffer.from(value).toString("base64"),
    Buffer.from(value).toString("base64url"),
  ];
}

/** `err` in every form users or logs see it: none shows any spelling of any of `secrets`. */
function expectNoSecret(err: unknown, secrets: string[]): void {
  expect(err).toBeInstanceOf(QualysError);
  const e = err as QualysError;
  const forms = [e.message, String(e), JSON.stringify(e), inspect(e, { depth: 10 }), e.stack ?? ""];
  for (const form of forms) {
    for (const s of secrets.flatMap(spellings)) expect(form).not.toContain(s);
    for (const word of secrets.flatMap(words)) expect(form).not.toContain(word);
  }
}

const sim = useSimulator().sim;
let s: RunningSimulator;
let client: QualysClient;
beforeAll(() => {
  s = sim();
});
beforeEach(() => {
  s.control.reset();
  client = simulatorClient(s, { maxRetries: 0 });
});
afterEach(() => client.close());

/**
 * For each resource, for each secret property (`password`, or `block.member`): valid inputs that send
 * it, with `value` in it. Keys must be exactly the table's secret paths.
 */
const CARRIERS: Record<string, Record<string, Array<(value: string) => Record<string, unknown>>>> = {
  Registry: {
    password: [
      (value) => ({
        registryType: "DockerHub",
        registryUri: "https://registry-1.docker.io",
        name: "hub",
        username: "ci-bot",
        password: value,
      }),
      (value) => ({
        registryType: "V2_PRIVATE",
        registryUri: "https://harbor.example.com",
        name: "harbor",
        credentialType: "BasicAuth",
        username: "robot",
        password: value,
      }),
    ],
    accessToken: [
      (value) => ({
        registryType: "V2_PRIVATE",
        registryUri: "https://jfrog.example.com",
        name: "jfrog",
        credentialType: "Token",
        accessToken: value,
      }),
      (value) => ({
        registryType: "DockerHub",
        registryUri: "https://registry-1.docker.io",
        name: "hub-token",
        username: "ci-bot",
        accessToken: value,
      }),
    ],
  },
  RegistryScanSchedule: {},
};

/** The secret paths of a table: `name` for a secret property, `name.member` for a secret block member. */
function secretPaths(table: PropertyTable): string[] {
  return Object.entries(table).flatMap(([name, spec]) => [
    ...(spec.secret === true ? [name] : []),
    ...(spec.kind === "input"
      ? Object.entries(spec.fields ?? {})
          .filter(([, member]) => member.secret === true)
          .map(([member]) => `${name}.${member}`)
      : []),
  ]);
}

describe("the secrets are those the property tables mark", () => {
  test.each(RESOURCES.map((r) => [r.typeName, r] as const))(
    "%s: covers every secret property of its table",
    (typeName, resource) => {
      expect(Object.keys(CARRIERS[typeName] ?? {}).sort()).toEqual(secretPaths(resource.properties).sort());
    },
  );

  test("secret properties and secret block members count, and each joined to the other inputs as user:secret", () => {
    const table = defineResource({
      typeName: "Example",
      folder: "example",
      runtimeSubpath: "example-runtime/v1",
      description: "A made-up resource.",
      properties: {
        user: {
          kind: "input",
          description: "u",
          type: tsType<string>("string"),
          presence: "optional",
          change: "update",
          validate: text(),
        },
        key: {
          kind: "input",
          description: "k",
          type: tsType<string>("string"),
          presence: "optional",
          change: "update",
          secret: true,
          validate: secretText("k"),
        },
        auth: {
          kind: "input",
          description: "a",
          type: tsType<object>("object"),
          presence: "optional",
          change: "update",
          fields: {
            id: { description: "i", type: tsType<string>("string"), validate: text() },
            clientSecret: {
              description: "c",
              type: tsType<string>("string"),
              validate: text(),
              secret: true,
            },
          },
        },
      },
    }).properties;
    const found = secretValues(table, {
      user: "alice",
      key: "k-secret-1",
      auth: { id: "app-7", clientSecret: "c-secret-2" },
    });
    expect(found).toEqual(
      expect.arrayContaining(["k-secret-1", "c-secret-2", "alice:k-secret-1", "app-7:c-secret-2"]),
    );
    expect(found).not.toContain("alice");
    expect(found).not.toContain("app-7");
  });
});

/** Every (resource, secret path, carrier) case. */
const CASES = Object.entries(CARRIERS).flatMap(([typeName, paths]) =>
  Object.entries(paths).flatMap(([path, carriers]) =>
    carriers.map((carrier, i) => [`${typeName} ${path} (#${i + 1})`, carrier] as const),
  ),
);

describe.each(["json", "text"] as const)("a gateway echoing the request in a %s error reply", (format) => {
  test.each(CASES)(
    "%s: create and update through the CRUD: the secret is nowhere",
    async (_label, carrier) => {
      const value = secret("crud");
      const inputs = carrier(value) as RegistryInputs;
      const api = new RegistryApi(client);
      s.control.injectFault({ kind: "echo", method: "POST", path: "/registry$", status: 400, format });
      const created = await createRegistry(api, inputs).then(
        () => undefined,
        (e: unknown) => e,
      );
      expectNoSecret(created, [value, `${String(inputs.username)}:${value}`, DEMO_PASSWORD]);
      // The echo is there, with the secret cut out of it.
      expect((created as Error).message).toContain("Invalid:");
      expect((created as Error).message).toContain(REDACTED);

      const { id } = await createRegistry(api, inputs);
      const changed = secret("crud-update");
      s.control.injectFault({ kind: "echo", method: "PUT", path: "/registry/", status: 400, format });
      const updated = await updateRegistry(api, id, carrier(changed) as RegistryInputs).then(
        () => undefined,
        (e: unknown) => e,
      );
      expectNoSecret(updated, [changed, value]);
      expect((updated as Error).message).toContain(REDACTED);
    },
  );

  test.each(CASES)(
    "%s: create through the resource's provider (the engine's path)",
    async (_label, carrier) => {
      const value = secret("runtime");
      const provider = new RegistryProvider();
      const config: Record<string, string> = {
        "qualys:gatewayUrl": s.url,
        "qualys:username": DEMO_USERNAME,
        "qualys:password": DEMO_PASSWORD,
        "qualys:maxRetries": "0",
      };
      await provider.configure({
        config: { get: (k: string) => config[k] },
      } as unknown as pulumi.dynamic.ConfigureRequest);
      const { inputs, failures } = await provider.check({}, carrier(value));
      expect(failures ?? []).toEqual([]);
      s.control.injectFault({ kind: "echo", method: "POST", path: "/registry$", status: 422, format });
      const err = await provider.create(inputs!).then(
        () => undefined,
        (e: unknown) => e,
      );
      expectNoSecret(err, [value, DEMO_PASSWORD]);
      expect((err as Error).message).toContain(REDACTED);
    },
  );
});

describe("the Qualys password, user:password and the token", () => {
  test("a gateway echoing the authentication form: the password is nowhere", async () => {
    s.control.injectFault({ kind: "echo", method: "POST", path: "^/auth$", status: 400 });
    const err = await new RegistryApi(client).details(DEMO_REGISTRY_ID).then(
      () => undefined,
      (e: unknown) => e,
    );
    expectNoSecret(err, [DEMO_PASSWORD]);
    expect((err as Error).message).toContain("Invalid:");
  });

  test("a gateway echoing a listing's headers: the bearer token (a JWT) is nowhere", async () => {
    s.control.injectFault({ kind: "echo", method: "GET", path: "/schedule$", status: 400, format: "text" });
    const err = await new ScheduleApi(client).listSchedules(DEMO_REGISTRY_ID).then(
      () => undefined,
      (e: unknown) => e,
    );
    expectNoSecret(err, [DEMO_PASSWORD]);
    expect((err as Error).message).not.toMatch(/eyJ[\w-]+\.[\w-]+\.[\w-]*/);
    expect((err as Error).message).toContain("authorization");
  });

  test("every setting the settings table marks secret is redacted once it is read", () => {
    const secretSettings = Object.values(SETTINGS).filter((spec) => "secret" in spec && spec.secret);
    expect(secretSettings.map((spec) => spec.key)).toEqual(["qualys:password"]);
    const value = secret("setting");
    const config: Record<string, string> = {
      "qualys:gatewayUrl": "https://gateway.example.test",
      "qualys:username": "someone",
      "qualys:password": value,
    };
    resolveSettings((k) => config[k]);
    expect(redact(`login with ${value}`)).toBe(`login with ${REDACTED}`);
  });

  test("a Basic header of user:password is redacted as base64", () => {
    const basic = Buffer.from(`${DEMO_USERNAME}:${DEMO_PASSWORD}`).toString("base64");
    // Registered by the client (simulatorClient above); here without the header's name.
    expect(redact(`seen ${basic} in a dump`)).toBe(`seen ${REDACTED} in a dump`);
  });
});

describe("the commands' output", () => {
  test("whatever a command writes passes the redaction", () => {
    const value = secret("cli");
    registerSecrets([value]);
    let out = "";
    let err = "";
    const io = redactingIO({ cwd: ".", stdout: (t) => (out += t), stderr: (t) => (err += t) });
    io.stdout(`token ${value}\n`);
    io.stderr(`echo ${encodeURIComponent(value)}\n`);
    expect(out).toBe(`token ${REDACTED}\n`);
    expect(err).toBe(`echo ${REDACTED}\n`);
  });
});
