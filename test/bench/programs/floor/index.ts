// The benchmark's floor: the same program as the end-to-end generic program (schedules from
// E2E_SCHEDULES, the same resource names, inputs and output keys), with a dynamic resource whose
// provider (../../floor-provider.ts) does nothing: no API call, no validation, it echoes. What is left is what the Pulumi
// CLI, engine, language host and dynamic-provider host cost for that many resources of that shape.
import * as fs from "node:fs";

import * as pulumi from "@pulumi/pulumi";

interface Declared {
  name: string;
  args: Record<string, unknown>;
  opts?: { import?: string; protect?: boolean; retainOnDelete?: boolean };
}

type Props = Record<string, unknown>;

// Installed by the benchmark in the project's own node_modules directory (on NODE_PATH), so the closure
// serializer stores `require("bench-floor-noop")`, as it stores ours as a `require()` of the package.
const provider = require("bench-floor-noop") as pulumi.dynamic.ResourceProvider;

/** The same property list as `RegistryScanSchedule`: every input and output key, unset ones included. */
class NoopSchedule extends pulumi.dynamic.Resource {
  declare public readonly scheduleId: pulumi.Output<string>;

  constructor(name: string, args: Props, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      {
        registryId: undefined,
        onDemand: undefined,
        repo: undefined,
        tag: undefined,
        days: undefined,
        scheduleScanIntervalInDays: undefined,
        weekDay: undefined,
        schedule: undefined,
        forceScan: undefined,
        additionalFilters: undefined,
        ...args,
        name: args.name ?? name,
        scheduleId: undefined,
        status: undefined,
        registryType: undefined,
        created: undefined,
        updated: undefined,
      },
      opts,
      "benchfloor",
      "NoopSchedule",
    );
  }
}

// A file when the list is long: at N = 1000 the environment variable alone exceeds what exec() accepts.
const file = process.env.E2E_SCHEDULES_FILE;
const declared = JSON.parse(
  file ? fs.readFileSync(file, "utf8") : (process.env.E2E_SCHEDULES ?? "[]"),
) as Declared[];
const ids: Record<string, pulumi.Output<string>> = {};
for (const d of declared) {
  const r = new NoopSchedule(d.name, d.args, d.opts);
  ids[d.name] = r.scheduleId;
}
export const scheduleIds = ids;
