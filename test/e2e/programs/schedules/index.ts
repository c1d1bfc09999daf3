// The end-to-end tests' program: the schedules to declare come as JSON in E2E_SCHEDULES (or in the file
// E2E_SCHEDULES_FILE names), so a test can change them between runs exactly as a user edits a program.
import * as fs from "node:fs";

import * as pulumi from "@pulumi/pulumi";
import { RegistryScanSchedule, type RegistryScanScheduleArgs } from "pulumi-qualys-cs";

interface Declared {
  name: string;
  args: RegistryScanScheduleArgs;
  opts?: { import?: string; protect?: boolean; retainOnDelete?: boolean };
}

// A file when the list is long: at N = 1000 the environment variable alone exceeds what exec() accepts.
const file = process.env.E2E_SCHEDULES_FILE;
const declared = JSON.parse(
  file ? fs.readFileSync(file, "utf8") : (process.env.E2E_SCHEDULES ?? "[]"),
) as Declared[];
const ids: Record<string, pulumi.Output<string>> = {};
for (const d of declared) {
  const r = new RegistryScanSchedule(d.name, d.args, d.opts);
  ids[d.name] = r.scheduleId;
}
export const scheduleIds = ids;
