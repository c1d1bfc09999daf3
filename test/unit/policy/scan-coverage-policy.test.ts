/**
 * The scan-coverage rules (provider/policy/), one `describe` per rule, on stacks written as data: our
 * dynamic resources and the plugin's (`qualys-cs:index:*`), values not known during preview, and the
 * other providers' registries. test/e2e/scan-coverage-policy.test.ts runs them through the real CLI.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { validateResourceOfType, validateStackResourcesOfType } from "@pulumi/policy";

import { Registry, RegistryScanSchedule } from "../../../provider";
import { DEFAULT_SETTINGS, PACK_NAME, POLICY_NAMES, scanCoveragePolicies } from "../../../provider/policy";
import {
  frequentForceScan,
  infrequentSchedule,
  plaintextCredentials,
  uncoveredCloudRegistries,
  unscheduledRegistries,
} from "../../../provider/policy/rules";
import {
  known,
  NOT_KNOWN,
  qualysSchedule,
  snapshot,
  type StackResource,
} from "../../../provider/policy/stack";
import { REPO_ROOT } from "../../harness/stack";

const DYNAMIC = {
  registry: "pulumi-nodejs:dynamic/qualys:Registry",
  schedule: "pulumi-nodejs:dynamic/qualys:RegistryScanSchedule",
};
const PLUGIN = { registry: "qualys-cs:index:Registry", schedule: "qualys-cs:index:RegistryScanSchedule" };

function resource(
  type: string,
  name: string,
  props: Record<string, unknown>,
  dependsOn: Record<string, string[]> = {},
  providerProps: Record<string, unknown> = {},
): StackResource {
  return { type, name, urn: `urn:pulumi:s::p::${type}::${name}`, props, dependsOn, providerProps };
}
const urnOf = (type: string, name: string) => `urn:pulumi:s::p::${type}::${name}`;

const harbor = (type = DYNAMIC.registry, extra: Record<string, unknown> = {}) =>
  resource(type, "harbor", {
    registryType: "V2_PRIVATE",
    registryUri: "https://harbor.example.com",
    registryId: NOT_KNOWN,
    ...extra,
  });
/** A schedule taking the registry's ID in the program (a property dependency, the ID not known yet). */
const scheduleOn = (
  registry: StackResource,
  name: string,
  props: Record<string, unknown>,
  type = DYNAMIC.schedule,
) =>
  resource(
    type,
    name,
    { registryId: NOT_KNOWN, repo: ["team/api"], onDemand: false, forceScan: false, ...props },
    { registryId: [registry.urn] },
  );

describe("qualys-registry-has-recurring-schedule: every Registry has a recurring schedule", () => {
  test.each([
    ["the dynamic resources", DYNAMIC],
    ["the plugin's resources", PLUGIN],
  ])("%s: a daily schedule taking the registry's ID passes", (_what, t) => {
    const g = harbor(t.registry);
    expect(
      unscheduledRegistries([g, scheduleOn(g, "daily", { scheduleScanIntervalInDays: 1 }, t.schedule)]),
    ).toEqual([]);
  });

  test("a registry with no schedule fails, naming it and what to add", () => {
    const [v] = unscheduledRegistries([harbor()]);
    expect(v?.urn).toBe(urnOf(DYNAMIC.registry, "harbor"));
    expect(v?.message).toContain(
      'Registry "harbor" (https://harbor.example.com) has no recurring scan schedule',
    );
    expect(v?.message).toContain("add a RegistryScanSchedule with registryId: <registry>.id");
  });

  test("on-demand schedules alone fail", () => {
    const g = harbor();
    const [v] = unscheduledRegistries([g, scheduleOn(g, "once", { onDemand: true })]);
    expect(v?.message).toContain("only 1 on-demand one, which run once");
  });

  test("a schedule with the registry's known UUID (no dependency) counts", () => {
    const g = harbor(DYNAMIC.registry, { registryId: "3f1c2b4e-0000-4000-8000-000000000001" });
    const s = resource(DYNAMIC.schedule, "daily", {
      registryId: "3f1c2b4e-0000-4000-8000-000000000001",
      repo: ["team/api"],
      scheduleScanIntervalInDays: 1,
    });
    expect(unscheduledRegistries([g, s])).toEqual([]);
  });

  test("a schedule of another registry does not count", () => {
    const g = harbor();
    const other = resource(DYNAMIC.registry, "other", {
      registryType: "V2",
      registryUri: "https://quay.example.com",
    });
    expect(unscheduledRegistries([g, other, scheduleOn(other, "daily", {})]).map((v) => v.urn)).toEqual([
      g.urn,
    ]);
  });

  test("onDemand not known yet (preview) is not held against the registry", () => {
    const g = harbor();
    expect(unscheduledRegistries([g, scheduleOn(g, "maybe", { onDemand: NOT_KNOWN })])).toEqual([]);
  });
});

describe("qualys-schedule-max-interval: no schedule scans less often than maxIntervalDays", () => {
  const schedule = (props: Record<string, unknown>) => qualysSchedule(scheduleOn(harbor(), "s", props));
  test("a weekly schedule passes the default of 7 days; a 14-day one fails with the fix", () => {
    expect(
      infrequentSchedule(schedule({ scheduleScanIntervalInDays: 7 }), DEFAULT_SETTINGS.maxIntervalDays),
    ).toEqual([]);
    expect(infrequentSchedule(schedule({ scheduleScanIntervalInDays: 14 }), 7)).toEqual([
      'RegistryScanSchedule "s" scans every 14 days, less often than every 7 days: set scheduleScanIntervalInDays ' +
        "to 7 or less (the policy's maxIntervalDays setting)",
    ]);
  });
  test("the setting moves the threshold", () => {
    expect(infrequentSchedule(schedule({ scheduleScanIntervalInDays: 7 }), 1)).toHaveLength(1);
    expect(infrequentSchedule(schedule({ scheduleScanIntervalInDays: 14 }), 30)).toEqual([]);
  });
  test("on-demand schedules and intervals not known yet are not judged", () => {
    expect(infrequentSchedule(schedule({ onDemand: true }), 1)).toEqual([]);
    expect(infrequentSchedule(schedule({ scheduleScanIntervalInDays: NOT_KNOWN }), 1)).toEqual([]);
  });
});

describe("qualys-force-scan-min-interval: a forceScan schedule runs no more often than minIntervalDays", () => {
  const schedule = (props: Record<string, unknown>) => qualysSchedule(scheduleOn(harbor(), "force", props));
  test("a weekly force scan passes the default; with 14 days it fails with the fix", () => {
    const weekly = schedule({ scheduleScanIntervalInDays: 7, forceScan: true });
    expect(frequentForceScan(weekly, DEFAULT_SETTINGS.forceScanMinIntervalDays)).toEqual([]);
    expect(frequentForceScan(weekly, 14)[0]).toContain(
      "every 7 days, more often than every 14 days: set scheduleScanIntervalInDays to 14 or more",
    );
  });
  test("a schedule without forceScan is not judged", () => {
    expect(frequentForceScan(schedule({ scheduleScanIntervalInDays: 1 }), 14)).toEqual([]);
  });
});

describe("qualys-registry-credentials-secret: credentials are not plain text in the program", () => {
  test("a registry listing plain-text inputs fails, naming them and how to keep them secret", () => {
    const [message] = plaintextCredentials(harbor(DYNAMIC.registry, { plaintextSecretInputs: ["password"] }));
    expect(message).toContain('Registry "harbor" takes password as plain text');
    expect(message).toContain('config.requireSecret("<key>")');
  });
  test("a registry whose credentials came from secrets lists none and passes", () => {
    expect(plaintextCredentials(harbor())).toEqual([]);
  });
  // That the Registry class lists exactly the plain-text inputs is shown end to end
  // (test/e2e/scan-coverage-policy.test.ts: a plain password fails, one through pulumi.secret passes).
});

describe("qualys-cloud-registries-scanned: other providers' registries are scanned", () => {
  const ecrRegistry = resource(DYNAMIC.registry, "ecr", {
    registryType: "AWS",
    registryUri: "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com",
  });
  const ecrRepo = (name: string, url?: string) =>
    resource("aws:ecr/repository:Repository", name, { name, ...(url ? { repositoryUrl: url } : {}) });

  test("an ECR repository listed by a recurring schedule of an AWS registry of its host passes", () => {
    const repo = ecrRepo("team/api", "123456789012.dkr.ecr.eu-west-1.amazonaws.com/team/api");
    expect(uncoveredCloudRegistries([ecrRegistry, repo, scheduleOn(ecrRegistry, "daily", {})])).toEqual([]);
  });
  test("an ECR repository no schedule lists fails, saying which registry matched and what to list", () => {
    const [v] = uncoveredCloudRegistries([
      ecrRegistry,
      ecrRepo("team/web"),
      scheduleOn(ecrRegistry, "daily", { repo: ["team/api"] }),
    ]);
    expect(v?.message).toContain(
      'ECR repository "team/web" is not scanned by Qualys (Qualys Registry "ecr" matches it',
    );
    expect(v?.message).toContain('whose repo lists "team/web"');
  });
  test("a known repository URL of another host is not covered; an unknown one (preview) is not compared", () => {
    const elsewhere = ecrRepo("team/api", "123456789012.dkr.ecr.us-east-1.amazonaws.com/team/api");
    expect(uncoveredCloudRegistries([ecrRegistry, elsewhere, scheduleOn(ecrRegistry, "d", {})])).toHaveLength(
      1,
    );
    const planned = resource("aws:ecr/repository:Repository", "api", {
      name: "team/api",
      repositoryUrl: NOT_KNOWN,
    });
    expect(uncoveredCloudRegistries([ecrRegistry, planned, scheduleOn(ecrRegistry, "d", {})])).toEqual([]);
  });
  test("a schedule whose repo comes from the repository resource covers it", () => {
    const repo = ecrRepo("team/api");
    const s = resource(
      DYNAMIC.schedule,
      "d",
      { registryId: NOT_KNOWN, repo: NOT_KNOWN },
      { registryId: [ecrRegistry.urn], repo: [repo.urn] },
    );
    expect(uncoveredCloudRegistries([ecrRegistry, repo, s])).toEqual([]);
  });
  test("an Azure registry (any API version) needs an Azure Qualys registry of its login server", () => {
    const acr = resource("azure-native:containerregistry/v20230701:Registry", "acme", {
      registryName: "Acme",
    });
    const qualys = resource(DYNAMIC.registry, "acr", {
      registryType: "Azure",
      registryUri: "https://acme.azurecr.io",
    });
    expect(uncoveredCloudRegistries([acr, qualys, scheduleOn(qualys, "d", {})])).toEqual([]);
    expect(uncoveredCloudRegistries([acr])[0]?.message).toContain('registryUri "https://acme.azurecr.io"');
  });
  test("an Artifact Registry repository needs the registry naming it; other formats are not registries", () => {
    const gar = resource("gcp:artifactregistry/repository:Repository", "images", {
      repositoryId: "images",
      location: "europe-west1",
      project: "acme-prod",
      format: "DOCKER",
    });
    const qualys = (registry: string) =>
      resource(PLUGIN.registry, `gar-${registry}`, {
        registryType: "GOOGLE_ARTIFACT_REGISTRY",
        registryUri: "https://europe-west1-docker.pkg.dev",
        registry,
        projectId: "acme-prod",
      });
    const right = qualys("images");
    expect(uncoveredCloudRegistries([gar, right, scheduleOn(right, "d", {}, PLUGIN.schedule)])).toEqual([]);
    const wrong = qualys("other");
    expect(uncoveredCloudRegistries([gar, wrong, scheduleOn(wrong, "d", {}, PLUGIN.schedule)])).toHaveLength(
      1,
    );
    const npm = resource("gcp:artifactregistry/repository:Repository", "npm", {
      ...gar.props,
      format: "NPM",
    });
    expect(uncoveredCloudRegistries([npm])).toEqual([]);
  });
  test("a Harbor project needs a schedule listing its repositories, on a registry of the provider's URL", () => {
    const project = resource(
      "harbor:index/project:Project",
      "team",
      { name: "team" },
      {},
      {
        url: "https://harbor.example.com",
      },
    );
    const g = harbor();
    expect(uncoveredCloudRegistries([project, g, scheduleOn(g, "d", { repo: ["team/api"] })])).toEqual([]);
    expect(uncoveredCloudRegistries([project, g, scheduleOn(g, "d", { repo: ["ops/api"] })])).toHaveLength(1);
  });
});

describe("reading a resource as the policy framework hands it over", () => {
  test("a value the framework throws on (unknown during preview) reads as NOT_KNOWN, the rest as data", () => {
    const props = new Proxy(
      { registryUri: "https://harbor.example.com", registryId: "x" },
      {
        get: (target, key) => {
          if (key === "registryId")
            throw new Error("string value at .registryId can't be known during preview");
          return target[key as keyof typeof target];
        },
      },
    );
    expect(known(() => props)).toEqual({ registryUri: "https://harbor.example.com", registryId: NOT_KNOWN });
    expect(snapshot({ type: DYNAMIC.registry, urn: "u", name: "n", props }).props["registryId"]).toBe(
      NOT_KNOWN,
    );
  });
});

describe("the policies and the ready pack", () => {
  test("five policies, each named as the docs and configuration files spell them, mandatory by default", () => {
    const policies = scanCoveragePolicies();
    expect(policies.map((p) => p.name).sort()).toEqual(Object.values(POLICY_NAMES).sort());
    expect(new Set(policies.map((p) => p.enforcementLevel))).toEqual(new Set(["mandatory"]));
    expect(
      new Set(scanCoveragePolicies({ enforcementLevel: "advisory" }).map((p) => p.enforcementLevel)),
    ).toEqual(new Set(["advisory"]));
  });
  test("the ready pack's version and name are the package's", () => {
    const read = (f: string) =>
      JSON.parse(fs.readFileSync(path.join(REPO_ROOT, f), "utf8")) as { version: string };
    expect(read("policy-pack/package.json").version).toBe(read("package.json").version);
    expect(fs.readFileSync(path.join(REPO_ROOT, "policy-pack", "index.js"), "utf8")).toContain("PACK_NAME");
    expect(PACK_NAME).toBe("qualys-scan-coverage");
  });
});

describe("typed rules of users' own packs: validateResourceOfType matches our classes", () => {
  const tagOf = (f: unknown) => (f as { __pulumiType?: string }).__pulumiType;

  test("Registry: the type token and isInstance the framework checks; props typed as the args", () => {
    expect(Registry.__pulumiType).toBe(DYNAMIC.registry);
    expect(Registry.isInstance({ __pulumiType: DYNAMIC.registry })).toBe(true);
    expect(Registry.isInstance({ __pulumiType: DYNAMIC.schedule })).toBe(false);
    const rule = validateResourceOfType(Registry, (registry, _args, report) => {
      if (registry.registryType === "V2") report(`anonymous registry ${registry.registryUri}`);
    });
    expect(tagOf(rule)).toBe(DYNAMIC.registry);
  });

  test("RegistryScanSchedule: the same, for stack rules too", () => {
    expect(RegistryScanSchedule.__pulumiType).toBe(DYNAMIC.schedule);
    expect(RegistryScanSchedule.isInstance({ __pulumiType: DYNAMIC.schedule })).toBe(true);
    expect(RegistryScanSchedule.isInstance({ __pulumiType: "aws:ecr/repository:Repository" })).toBe(false);
    expect(tagOf(validateResourceOfType(RegistryScanSchedule, () => undefined))).toBe(DYNAMIC.schedule);
    expect(tagOf(validateStackResourcesOfType(RegistryScanSchedule, () => undefined))).toBe(DYNAMIC.schedule);
  });
});
