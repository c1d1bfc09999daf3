/**
 * What `pulumi-qualys-cs import --with-registry` writes for a registry: the `Registry` declaration, the
 * schedules referencing it, the config read of a secret Qualys never returns, and the import-file
 * entry. The generated code is compiled and run against stand-in classes, so the tests see exactly the
 * arguments a program would pass to `check`.
 */

import { defined, first } from "../../harness/assert";
import { CliError } from "../../../provider/errors";
import { generateCode } from "../../../provider/cli/codegen";
import { buildImportFile } from "../../../provider/cli/import-file";
import {
  PROVIDER_KEY,
  REGISTRY_RESOURCE_TYPE,
  RESOURCE_TYPE,
  type ImportedRegistry,
  type ImportedSchedule,
} from "../../../provider/cli/imported";
import { readRegistries, registrySecret } from "../../../provider/cli/read-registries";
import type { RegistryApi } from "../../../provider/registry/api";
import { checkRegistryInputs } from "../../../provider/registry/rules";
import type { RegistryInputs } from "../../../provider/registry/types";
import type { WireRegistry } from "../../../provider/registry/wire";
import type { ScheduleInputs } from "../../../provider/schedule/types";
import { runGenerated } from "./generated-code";

const R = "5e1f0c2a-7b3d-4c8e-9a6f-1d2b3c4e5f60";
const SCHEDULE_PROVIDER = 'exports.handler = __f0;\nrequire("pulumi-qualys-cs/provider-runtime/v1");\n';
const REGISTRY_PROVIDER = 'exports.handler = __f0;\nrequire("pulumi-qualys-cs/registry-runtime/v1");\n';

const NO_SECRET: Record<string, RegistryInputs> = {
  V2: { registryType: "V2", registryUri: "https://quay.example.com", name: "quay", credentialType: "None" },
  AWS: {
    registryType: "AWS",
    registryUri: "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com",
    name: "ecr",
    aws: {
      accountId: "123456789012",
      arn: "arn:aws:iam::123456789012:role/qualys-ecr",
      region: "eu-west-1",
      accountType: "Global",
    },
  },
  Azure: { registryType: "Azure", registryUri: "https://acme.azurecr.io", name: "acr", connectorId: "acr-1" },
  GCP: {
    registryType: "GCP",
    registryUri: "https://eu.gcr.io",
    name: "gcr",
    connectorId: "gcp-1",
    projectId: "acme-prod",
    location: "eu",
  },
  GOOGLE_ARTIFACT_REGISTRY: {
    registryType: "GOOGLE_ARTIFACT_REGISTRY",
    registryUri: "https://europe-west1-docker.pkg.dev",
    name: "gar",
    connectorId: "gcp-1",
    projectId: "acme-prod",
    registry: "images",
  },
};
const HARBOR: RegistryInputs = {
  registryType: "V2_PRIVATE",
  registryUri: "https://harbor.example.com",
  name: "harbor",
  credentialType: "BasicAuth",
  username: "robot$ci",
};

function registry(inputs: RegistryInputs, resourceName = inputs.name): ImportedRegistry {
  const r: ImportedRegistry = {
    resourceName,
    id: R,
    inputs,
    outputs: { ...inputs, registryId: R, status: "Active" },
  };
  const secret = registrySecret(inputs);
  if (secret) {
    r.secret = secret;
    r.secretConfigKey = `${resourceName}${secret === "password" ? "Password" : "AccessToken"}`;
  }
  return r;
}

function schedule(name: string, scheduleId: string): ImportedSchedule {
  const inputs: ScheduleInputs = {
    registryId: R,
    name,
    onDemand: false,
    repo: ["team/api"],
    scheduleScanIntervalInDays: 1,
    schedule: "02:30",
    forceScan: false,
  };
  return {
    resourceName: name,
    id: `${R}/${scheduleId}`,
    inputs,
    outputs: { ...inputs, scheduleId, status: "Created", registryType: "V2" },
  };
}

interface Declaration {
  kind: string;
  name: string;
  args: Record<string, unknown>;
}

/** A secret read from config, as the stand-in `pulumi.Config` returns it. */
class ConfigSecret {
  constructor(readonly key: string) {}
}

/** Runs the generated module with stand-ins that record each `new`. */
function declarations(code: string): Declaration[] {
  const made: Declaration[] = [];
  const stand = (kind: string) =>
    class {
      readonly id: { idOf: string };
      constructor(name: string, args: Record<string, unknown>) {
        made.push({ kind, name, args });
        this.id = { idOf: name };
      }
    };
  runGenerated(code, {
    "pulumi-qualys-cs": { Registry: stand("Registry"), RegistryScanSchedule: stand("RegistryScanSchedule") },
    "@pulumi/pulumi": {
      Config: class {
        requireSecret(key: string) {
          return new ConfigSecret(key);
        }
      },
    },
  });
  return made;
}

describe("a registry without secrets", () => {
  test.each(Object.keys(NO_SECRET))(
    "%s: declared with exactly the imported inputs, which check returns unchanged",
    (type) => {
      const inputs = defined(NO_SECRET[type], type);
      const code = generateCode([], { protect: false }, [registry(inputs)]);
      expect(code).not.toContain("@pulumi/pulumi");
      expect(code).not.toContain("RegistryScanSchedule");
      const declared = first(declarations(code), "a declaration");
      expect(declared).toEqual({ kind: "Registry", name: inputs.name, args: inputs });
      expect(checkRegistryInputs({ ...declared.args })).toEqual({ inputs, failures: [] });
      expect(registrySecret(inputs)).toBeUndefined();
    },
  );
});

describe("schedules of an adopted registry", () => {
  test("are declared after the registry and take registryId from its ID, not a literal", () => {
    const code = generateCode(
      [schedule("nightly", "s1"), schedule("weekly", "s2")],
      { protect: true, importFile: "qualys-import.json" },
      [registry(defined(NO_SECRET.V2, "the V2 case"))],
    );
    expect(code).toContain('import { Registry, RegistryScanSchedule } from "pulumi-qualys-cs";');
    expect(code).toContain("registryId: quay.id,");
    expect(code).not.toContain(`registryId: "${R}"`);
    const made = declarations(code);
    expect(made.map((d) => [d.kind, d.name])).toEqual([
      ["Registry", "quay"],
      ["RegistryScanSchedule", "nightly"],
      ["RegistryScanSchedule", "weekly"],
    ]);
    expect(defined(made[1], "the schedule").args.registryId).toEqual({ idOf: "quay" });
  });

  test("a schedule of a registry not adopted keeps the literal ID", () => {
    const other = registry({ ...defined(NO_SECRET.V2, "the V2 case") });
    other.id = "another-registry";
    const code = generateCode([schedule("nightly", "s1")], { protect: false }, [other]);
    expect(defined(declarations(code)[1], "the schedule").args.registryId).toBe(R);
  });
});

describe("a registry with a secret Qualys never returns", () => {
  test("BasicAuth: the password comes from config.requireSecret, and check passes with it", () => {
    const code = generateCode([], { protect: false, importFile: "qualys-import.json" }, [registry(HARBOR)]);
    expect(code).toContain('import * as pulumi from "@pulumi/pulumi";');
    expect(code).toContain("const config = new pulumi.Config();");
    expect(code).toContain('password: config.requireSecret("harborPassword"),');
    expect(code).toContain("//   pulumi config set --secret harborPassword <the registry's password>");
    expect(code).toContain("one in-place update per registry that sets it from config");
    const declared = first(declarations(code), "a declaration");
    expect(declared.args).toEqual({ ...HARBOR, password: new ConfigSecret("harborPassword") });
    const withSecret = { ...declared.args, password: "s3cret" };
    expect(checkRegistryInputs(withSecret).failures).toEqual([]);
  });

  test("Token: the access token; Docker Hub: the password", () => {
    expect(registrySecret({ ...HARBOR, credentialType: "Token" })).toBe("accessToken");
    expect(
      registrySecret({
        registryType: "DockerHub",
        registryUri: "https://registry-1.docker.io",
        name: "hub",
        username: "ci",
      }),
    ).toBe("password");
    const code = generateCode([], { protect: false }, [
      registry({ ...HARBOR, credentialType: "Token", username: undefined } as unknown as RegistryInputs),
    ]);
    expect(code).toContain('accessToken: config.requireSecret("harborAccessToken"),');
  });
});

describe("import file with registries", () => {
  const file = buildImportFile([schedule("nightly", "s1")], SCHEDULE_PROVIDER, {
    registries: [registry(HARBOR)],
    serializedProvider: REGISTRY_PROVIDER,
  });

  test("the registry comes first, under its type token and its UUID, with the registry runtime's provider", () => {
    expect(file.resources.map(({ type, name, id }) => ({ type, name, id }))).toEqual([
      { type: REGISTRY_RESOURCE_TYPE, name: "harbor", id: R },
      { type: RESOURCE_TYPE, name: "nightly", id: `${R}/s1` },
    ]);
    expect(REGISTRY_RESOURCE_TYPE).toBe("pulumi-nodejs:dynamic/qualys:Registry");
    expect(defined(file.resources[0], "the registry entry").inputs).toEqual({
      ...HARBOR,
      [PROVIDER_KEY]: REGISTRY_PROVIDER,
    });
    expect(defined(file.resources[0], "the registry entry").outputs).toEqual({
      ...HARBOR,
      registryId: R,
      status: "Active",
      [PROVIDER_KEY]: REGISTRY_PROVIDER,
    });
    expect(defined(file.resources[1], "the schedule entry").inputs[PROVIDER_KEY]).toBe(SCHEDULE_PROVIDER);
  });

  test("holds no password or token", () => {
    const text = JSON.stringify(file);
    expect(text).not.toMatch(/"password"|"accessToken"/);
  });
});

describe("reading registries", () => {
  const wire: WireRegistry = {
    registryUuid: R,
    registryUri: "https://Harbor.example.com/",
    registryName: "harbor",
    registryType: "V2_PRIVATE",
    credentialType: "BasicAuth",
    credential: { username: "robot$ci", password: "leaked-by-a-faulty-gateway" },
    status: "Active",
  };
  const api = (items: Record<string, WireRegistry>) =>
    ({ details: (id: string) => Promise.resolve(items[id]) }) as unknown as RegistryApi;

  test("canonical inputs as check returns them, the secret named, no password kept even if one is returned", async () => {
    const read = first(
      await readRegistries(api({ [R]: wire }), [R], new Set(["harbor"])),
      "the registry read",
    );
    expect(read.inputs).toEqual({ ...HARBOR });
    expect(read.resourceName).toBe("harbor-5e1f0c2a");
    expect(read.secret).toBe("password");
    expect(read.secretConfigKey).toBe("harbor5e1f0c2aPassword");
    expect(JSON.stringify(read)).not.toContain("leaked-by-a-faulty-gateway");
  });

  test("an unknown registry is an error naming it", async () => {
    await expect(readRegistries(api({}), ["no-such-registry"])).rejects.toThrow(CliError);
    await expect(readRegistries(api({}), ["no-such-registry"])).rejects.toThrow(
      "Qualys has no registry no-such-registry",
    );
  });
});
