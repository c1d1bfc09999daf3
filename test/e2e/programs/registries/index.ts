// The end-to-end tests' registry program: registries, schedules on them, and look-ups come as JSON in
// E2E_REGISTRIES, E2E_SCHEDULES and E2E_LOOKUPS, so a test changes them between runs as a user edits
// a program. A schedule names its registry with `registry` (the declared name), or gives `registryId`.
import * as pulumi from "@pulumi/pulumi";
import {
  getAwsBase,
  getRegistry,
  getRegistryAsync,
  Registry,
  RegistryScanSchedule,
  type RegistryArgs,
  type RegistryScanScheduleArgs,
} from "pulumi-qualys-cs";

interface DeclaredRegistry {
  name: string;
  args: RegistryArgs;
  opts?: { import?: string; protect?: boolean };
}

interface DeclaredSchedule {
  name: string;
  registry?: string;
  args: Omit<RegistryScanScheduleArgs, "registryId"> & { registryId?: string };
}

interface Lookup {
  name: string;
  by: { registryUri: string } | { name: string };
  /** The `async` form instead of the `Output` one. */
  async?: boolean;
}

const parse = <T>(key: string): T[] => JSON.parse(process.env[key] ?? "[]") as T[];

const registries: Record<string, Registry> = {};
for (const d of parse<DeclaredRegistry>("E2E_REGISTRIES")) {
  registries[d.name] = new Registry(d.name, d.args, d.opts);
}

function declaredRegistry(name: string): Registry {
  const registry = registries[name];
  if (!registry)
    throw new Error(`E2E_SCHEDULES names registry ${name}, which E2E_REGISTRIES does not declare`);
  return registry;
}

const scheduleIds: Record<string, pulumi.Output<string>> = {};
for (const d of parse<DeclaredSchedule>("E2E_SCHEDULES")) {
  const registryId =
    d.registry === undefined ? (d.args.registryId ?? "") : declaredRegistry(d.registry).registryId;
  scheduleIds[d.name] = new RegistryScanSchedule(d.name, { ...d.args, registryId }).scheduleId;
}

const found: Record<string, pulumi.Output<unknown>> = {};
for (const l of parse<Lookup>("E2E_LOOKUPS")) {
  found[l.name] = l.async
    ? pulumi.output(getRegistryAsync(l.by).then((r) => ({ registryId: r.registryId, name: r.name })))
    : getRegistry(l.by).apply((r) => ({ registryId: r.registryId, name: r.name }));
}

export const registryIds = Object.fromEntries(Object.entries(registries).map(([k, r]) => [k, r.registryId]));
export const schedules = scheduleIds;
export const lookups = found;
export const awsBase = process.env.E2E_AWS_BASE === "1" ? getAwsBase() : undefined;
