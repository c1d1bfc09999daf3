// The import tests' program: the declarations `pulumi-qualys-cs import` wrote (qualys-schedules.ts, as a
// user adds them to a program), plus schedules the test declares as JSON in E2E_SCHEDULES.
import "./qualys-schedules";

import { RegistryScanSchedule, type RegistryScanScheduleArgs } from "pulumi-qualys-cs";

const declared = JSON.parse(process.env.E2E_SCHEDULES ?? "[]") as {
  name: string;
  args: RegistryScanScheduleArgs;
}[];
for (const d of declared) new RegistryScanSchedule(d.name, d.args);
