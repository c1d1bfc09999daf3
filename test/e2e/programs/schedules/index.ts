// The end-to-end tests' program: the schedules to declare come as JSON in E2E_SCHEDULES, so a test can
// change them between runs exactly as a user edits a program.
import * as pulumi from "@pulumi/pulumi";
import { RegistryScanSchedule, type RegistryScanScheduleArgs } from "pulumi-qualys-cs";

interface Declared {
  name: string;
  args: RegistryScanScheduleArgs;
  opts?: { import?: string; protect?: boolean; retainOnDelete?: boolean };
}

const declared = JSON.parse(process.env.E2E_SCHEDULES ?? "[]") as Declared[];
const ids: Record<string, pulumi.Output<string>> = {};
for (const d of declared) {
  const r = new RegistryScanSchedule(d.name, d.args, d.opts);
  ids[d.name] = r.scheduleId;
}
export const scheduleIds = ids;
