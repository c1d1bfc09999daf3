/**
 * The scan-coverage policy pack (docs/policy.md) through the real CLI: `pulumi preview` and `pulumi up`
 * with `--policy-pack` pointing at the ready pack of the installed package, as a user runs it, on a
 * program of Qualys registries and schedules beside the registries and repositories of other providers.
 *
 * The AWS, Azure Native, Google Cloud and Harbor provider plugins cannot be downloaded on these machines:
 * test/harness/cloud-stand-in.ts stands in for them, serving their type tokens with the properties the
 * real providers give (the program's ECR repositories are @pulumi/aws's own `aws.ecr.Repository`).
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { VALID_REGISTRIES, ACR_CONNECTOR, GCP_CONNECTOR } from "../cases/registry-inputs";
import { cloudPlugins } from "../harness/cloud-stand-in";
import { qualysConfig } from "../harness/programs";
import {
  CONSUMER_MODULES,
  createProgramStack,
  REPO_ROOT,
  TOOLS_DIR,
  type ProgramStack,
} from "../harness/stack";
import { useSimulator } from "../harness/use-simulator";

const COVERAGE_PROGRAM = path.join(REPO_ROOT, "test", "e2e", "programs", "scan-coverage");
/** The installed package's ready pack, where a user's `--policy-pack` points. */
const PACK = path.join(CONSUMER_MODULES, "pulumi-qualys-cs", "policy-pack");

const { sim, track } = useSimulator();
let plugins: Array<{ name: string; path: string }> = [];

beforeAll(() => {
  sim().control.addConnector({ provider: "acr", connectorId: ACR_CONNECTOR });
  sim().control.addConnector({ provider: "gcp", connectorId: GCP_CONNECTOR });
  plugins = cloudPlugins(path.join(TOOLS_DIR, "cloud-stand-in"));
});

interface Coverage {
  registries?: { name: string; args: Record<string, unknown>; secretPassword?: boolean }[];
  schedules?: { name: string; registry: string; args: Record<string, unknown>; ecrRepos?: string[] }[];
  ecr?: { name: string; repository: string }[];
  acr?: { name: string; registryName: string }[];
  gar?: { name: string; repositoryId: string; location: string; project: string }[];
  harbor?: { name: string; project: string; url: string }[];
}

/** A stack of the coverage program declaring `d`, its project loading the stand-in plugins. */
async function stackOf(d: Coverage): Promise<ProgramStack> {
  return track(
    await createProgramStack({
      programDir: COVERAGE_PROGRAM,
      config: qualysConfig(sim().url),
      env: { E2E_COVERAGE: JSON.stringify(d) },
      providerPlugins: plugins,
    }),
  );
}

const daily = (repo: string[] = ["team/api"]) => ({ repo, scheduleScanIntervalInDays: 1, schedule: "02:00" });

/** Every rule kept: secrets, a recurring schedule per registry, every cloud registry covered. */
const COMPLIANT: Coverage = {
  registries: [
    { name: "harbor", args: VALID_REGISTRIES.V2_PRIVATE!, secretPassword: true },
    { name: "ecr", args: VALID_REGISTRIES.AWS! },
    { name: "acr", args: VALID_REGISTRIES.Azure! },
    { name: "gar", args: VALID_REGISTRIES.GOOGLE_ARTIFACT_REGISTRY! },
  ],
  schedules: [
    { name: "harbor-daily", registry: "harbor", args: daily() },
    {
      name: "harbor-force-weekly",
      registry: "harbor",
      args: { repo: ["team/api"], scheduleScanIntervalInDays: 7, weekDay: "SUNDAY", forceScan: true },
    },
    { name: "ecr-daily", registry: "ecr", args: daily([]), ecrRepos: ["api", "web"] },
    { name: "acr-daily", registry: "acr", args: daily() },
    { name: "gar-daily", registry: "gar", args: daily() },
  ],
  ecr: [
    { name: "api", repository: "team/api" },
    { name: "web", repository: "team/web" },
  ],
  acr: [{ name: "acme", registryName: "acme" }],
  gar: [{ name: "images", repositoryId: "images", location: "europe-west1", project: "acme-prod" }],
  harbor: [{ name: "team", project: "team", url: "https://harbor.example.com" }],
};

/** A violation as the CLI prints it under "Policies:". */
interface Shown {
  level: string;
  policy: string;
  resource: string;
  message: string;
}

/** The violations in the CLI's output: `- [level] [severity: …]  policy  (resource)`, its description, its message. */
function shown(output: string): Shown[] {
  const lines = output.split("\n");
  const found: Shown[] = [];
  lines.forEach((line, i) => {
    const m = /^\s*- \[(\w+)\](?: \[severity: \w+\])?\s+(\S+)\s+\((.+)\)\s*$/.exec(line);
    if (m) found.push({ level: m[1]!, policy: m[2]!, resource: m[3]!, message: (lines[i + 2] ?? "").trim() });
  });
  return found;
}

const pairs = (list: Array<{ policy: string; resource: string }>) =>
  list.map((v) => `${v.policy} on ${v.resource}`).sort();

/** Runs the CLI with the pack (and a policy configuration file, if given). */
async function withPack(ps: ProgramStack, command: "preview" | "up", config?: object) {
  const args = [command, "--policy-pack", PACK];
  if (config) {
    const file = path.join(ps.workDir, "policy-config.json");
    fs.writeFileSync(file, JSON.stringify(config));
    args.push("--policy-pack-config", file);
  }
  if (command === "up") args.push("--yes", "--skip-preview");
  const res = await ps.run(args);
  return { ...res, output: res.stdout + res.stderr };
}

/**
 * Breaks every rule that input can break, each in a resource of its own: a password in plain text, a
 * registry with only an on-demand schedule, a monthly schedule, an ECR repository no schedule lists, and
 * an Azure registry, an Artifact Registry repository and a Harbor project no Qualys registry matches.
 */
const VIOLATING: Coverage = {
  registries: [
    { name: "plain", args: { ...VALID_REGISTRIES.V2_PRIVATE!, registryUri: "https://plain.example.com" } },
    { name: "lonely", args: VALID_REGISTRIES.V2! },
    { name: "ecr", args: VALID_REGISTRIES.AWS! },
  ],
  schedules: [
    {
      name: "plain-monthly",
      registry: "plain",
      args: { repo: ["team/api"], scheduleScanIntervalInDays: 30 },
    },
    { name: "lonely-once", registry: "lonely", args: { repo: ["team/api"], onDemand: true } },
    { name: "ecr-daily", registry: "ecr", args: daily([]), ecrRepos: ["api"] },
  ],
  ecr: [
    { name: "api", repository: "team/api" },
    { name: "forgotten", repository: "team/forgotten" },
  ],
  acr: [{ name: "orphan", registryName: "orphan" }],
  gar: [{ name: "gar-orphan", repositoryId: "orphans", location: "us-east1", project: "acme-prod" }],
  harbor: [{ name: "ops", project: "ops", url: "https://harbor.example.com" }],
};

/** Each violation VIOLATING makes: the policy, the resource (as the CLI shows it), words of the message. */
const VIOLATIONS = [
  {
    policy: "qualys-registry-credentials-secret",
    resource: "pulumi-nodejs:dynamic/qualys:Registry: plain",
    words: ["takes password as plain text", "config.requireSecret"],
  },
  {
    policy: "qualys-registry-has-recurring-schedule",
    resource: "pulumi-nodejs:dynamic/qualys:Registry: lonely",
    words: ["has no recurring scan schedule (only 1 on-demand one", "add a RegistryScanSchedule"],
  },
  {
    policy: "qualys-schedule-max-interval",
    resource: "pulumi-nodejs:dynamic/qualys:RegistryScanSchedule: plain-monthly",
    words: [
      "scans every 30 days, less often than every 7 days",
      "set scheduleScanIntervalInDays to 7 or less",
    ],
  },
  {
    policy: "qualys-cloud-registries-scanned",
    resource: "aws:ecr:Repository: forgotten",
    words: ['ECR repository "team/forgotten" is not scanned', 'whose repo lists "team/forgotten"'],
  },
  {
    policy: "qualys-cloud-registries-scanned",
    resource: "azure-native:containerregistry:Registry: orphan",
    words: ["no Qualys Registry in this stack matches it", 'registryUri "https://orphan.azurecr.io"'],
  },
  {
    policy: "qualys-cloud-registries-scanned",
    resource: "gcp:artifactregistry:Repository: gar-orphan",
    words: ['registryUri "https://us-east1-docker.pkg.dev"'],
  },
  {
    policy: "qualys-cloud-registries-scanned",
    resource: "harbor:index:Project: ops",
    words: ['Harbor project "ops" is not scanned', "https://harbor.example.com"],
  },
];

describe("a compliant program", () => {
  test("preview passes with no violation and makes no Qualys API call", async () => {
    const ps = await stackOf(COMPLIANT);
    sim().control.clearRequests();
    const res = await withPack(ps, "preview");
    expect(res.code).toBe(0);
    expect(res.output).toContain("✅ qualys-scan-coverage@v0.1.0");
    expect(res.output).not.toMatch(/\[(mandatory|advisory)\]/);
    expect(sim().control.requests()).toEqual([]);
  });

  test("up passes; once the ECR repositories exist, their URL must match the Qualys registry's", async () => {
    const ps = await stackOf(COMPLIANT);
    const up = await withPack(ps, "up");
    expect(up.code).toBe(0);
    expect(shown(up.output)).toEqual([]);

    // The Qualys registry moves to another region: the repositories' known URLs no longer match it.
    const moved = VALID_REGISTRIES.AWS as { aws: Record<string, string> };
    await ps.setEnv({
      E2E_COVERAGE: JSON.stringify({
        ...COMPLIANT,
        registries: COMPLIANT.registries!.map((r) =>
          r.name !== "ecr"
            ? r
            : {
                ...r,
                args: {
                  ...r.args,
                  registryUri: "https://123456789012.dkr.ecr.eu-central-1.amazonaws.com",
                  aws: { ...moved.aws, region: "eu-central-1" },
                },
              },
        ),
      }),
    });
    sim().control.clearRequests();
    const preview = await withPack(ps, "preview");
    expect(preview.code).not.toBe(0);
    const violations = shown(preview.output);
    expect(pairs(violations)).toEqual(
      pairs(
        ["api", "web"].map((n) => ({
          policy: "qualys-cloud-registries-scanned",
          resource: `aws:ecr:Repository: ${n}`,
        })),
      ),
    );
    expect(violations[0]?.message).toContain(
      'registryUri "https://123456789012.dkr.ecr.eu-west-1.amazonaws.com"',
    );
    expect(sim().control.requests()).toEqual([]);
  });
});

describe("a program that breaks each rule, mandatory (the pack's default level)", () => {
  test("preview fails, naming each violation with its resource and how to fix it, with no Qualys API call", async () => {
    const ps = await stackOf(VIOLATING);
    sim().control.clearRequests();
    const res = await withPack(ps, "preview");
    expect(res.code).not.toBe(0);
    const violations = shown(res.output);
    expect(pairs(violations)).toEqual(pairs(VIOLATIONS));
    for (const v of VIOLATIONS) {
      const line = violations.find((s) => s.policy === v.policy && s.resource === v.resource);
      expect(line?.level).toBe("mandatory");
      for (const w of v.words) expect(line?.message).toContain(w);
    }
    expect(sim().control.requests()).toEqual([]);
  });

  test("up stops at the first resource a policy refuses, before creating it", async () => {
    const ps = await stackOf(VIOLATING);
    const res = await withPack(ps, "up");
    expect(res.code).not.toBe(0);
    expect(pairs(shown(res.output))).toContain(
      "qualys-registry-credentials-secret on pulumi-nodejs:dynamic/qualys:Registry: plain",
    );
    expect(
      sim()
        .control.registries()
        .map((r) => r.registryUri),
    ).not.toContain("https://plain.example.com");
  });
});

describe("a policy configuration file (--policy-pack-config)", () => {
  test("all advisory, one disabled: preview passes, shows the others' violations as advisory, not the disabled one's", async () => {
    const ps = await stackOf(VIOLATING);
    const res = await withPack(ps, "preview", {
      all: "advisory",
      "qualys-cloud-registries-scanned": "disabled",
    });
    expect(res.code).toBe(0);
    const violations = shown(res.output);
    expect(pairs(violations)).toEqual(
      pairs(VIOLATIONS.filter((v) => v.policy !== "qualys-cloud-registries-scanned")),
    );
    expect(new Set(violations.map((v) => v.level))).toEqual(new Set(["advisory"]));
  });

  test("thresholds: maxIntervalDays 1 and minIntervalDays 14 make the weekly force scan break both", async () => {
    const ps = await stackOf(COMPLIANT);
    const res = await withPack(ps, "preview", {
      "qualys-schedule-max-interval": { maxIntervalDays: 1 },
      "qualys-force-scan-min-interval": { minIntervalDays: 14 },
    });
    expect(res.code).not.toBe(0);
    const violations = shown(res.output);
    const weekly = "pulumi-nodejs:dynamic/qualys:RegistryScanSchedule: harbor-force-weekly";
    expect(pairs(violations)).toEqual(
      pairs([
        { policy: "qualys-schedule-max-interval", resource: weekly },
        { policy: "qualys-force-scan-min-interval", resource: weekly },
      ]),
    );
    expect(violations.map((v) => v.message).join("\n")).toContain(
      "every 7 days, more often than every 14 days: set scheduleScanIntervalInDays to 14 or more",
    );
  });
});
