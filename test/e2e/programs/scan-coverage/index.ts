// The scan-coverage policy tests' program: Qualys registries and schedules beside the registries and
// repositories of other providers (@pulumi/aws ECR repositories; Azure, Google Cloud and Harbor ones by
// their type tokens, since only @pulumi/aws is installed), declared as JSON in E2E_COVERAGE so that a
// test states each case as data. The other providers' plugins are the test stand-in
// (test/harness/cloud-stand-in.ts). A schedule takes its registry's ID (`registry.id`) and may list
// ECR repositories by their `name` output (`ecrRepos`).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import {
  Registry,
  RegistryScanSchedule,
  type RegistryArgs,
  type RegistryScanScheduleArgs,
} from "pulumi-qualys-cs";

interface Coverage {
  /** `secretPassword`: the password goes through pulumi.secret, as from config.requireSecret. */
  registries?: { name: string; args: RegistryArgs; secretPassword?: boolean }[];
  schedules?: {
    name: string;
    registry: string;
    args: Omit<RegistryScanScheduleArgs, "registryId" | "repo"> & { repo?: string[] };
    ecrRepos?: string[];
  }[];
  ecr?: { name: string; repository: string }[];
  acr?: { name: string; registryName: string }[];
  gar?: { name: string; repositoryId: string; location: string; project: string; format?: string }[];
  harbor?: { name: string; project: string; url: string }[];
}

/** A resource of another provider, by its type token (what its SDK's class does). */
class Other extends pulumi.CustomResource {
  constructor(type: string, name: string, props: pulumi.Inputs, opts?: pulumi.CustomResourceOptions) {
    super(type, name, props, opts);
  }
}
class HarborProvider extends pulumi.ProviderResource {
  constructor(name: string, url: string) {
    super("harbor", name, { url });
  }
}

const d = JSON.parse(process.env.E2E_COVERAGE ?? "{}") as Coverage;

const registries: Record<string, Registry> = {};
for (const r of d.registries ?? []) {
  const given = r.args as RegistryArgs & { password?: string };
  const args =
    r.secretPassword && given.password !== undefined
      ? { ...given, password: pulumi.secret(given.password) }
      : given;
  registries[r.name] = new Registry(r.name, args);
}

const ecr: Record<string, aws.ecr.Repository> = {};
for (const e of d.ecr ?? []) ecr[e.name] = new aws.ecr.Repository(e.name, { name: e.repository });

for (const a of d.acr ?? []) {
  new Other("azure-native:containerregistry:Registry", a.name, {
    registryName: a.registryName,
    resourceGroupName: "platform",
    sku: { name: "Standard" },
    loginServer: undefined,
  });
}
for (const g of d.gar ?? []) {
  new Other("gcp:artifactregistry/repository:Repository", g.name, {
    repositoryId: g.repositoryId,
    location: g.location,
    project: g.project,
    format: g.format ?? "DOCKER",
    registryUri: undefined,
  });
}
for (const h of d.harbor ?? []) {
  const provider = new HarborProvider(`${h.name}-provider`, h.url);
  new Other("harbor:index/project:Project", h.name, { name: h.project }, { provider });
}

for (const s of d.schedules ?? []) {
  const registry = registries[s.registry];
  if (!registry)
    throw new Error(
      `E2E_COVERAGE: schedule ${s.name} names registry ${s.registry}, which it does not declare`,
    );
  const repos = [...(s.args.repo ?? []), ...(s.ecrRepos ?? []).map((n) => ecr[n]?.name ?? n)];
  new RegistryScanSchedule(s.name, { ...s.args, repo: pulumi.all(repos), registryId: registry.id });
}
