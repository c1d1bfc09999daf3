// An ES-module program in plain JavaScript ("type": "module" in its package.json): the package is
// CommonJS, so this checks that its named exports import by name. The schedules come as JSON in
// E2E_SCHEDULES, as for the TypeScript program in ../schedules.
import process from "node:process";
import { RegistryScanSchedule } from "pulumi-qualys-cs";

const declared = JSON.parse(process.env.E2E_SCHEDULES ?? "[]");
export const scheduleIds = Object.fromEntries(
  declared.map((d) => [d.name, new RegistryScanSchedule(d.name, d.args, d.opts).scheduleId]),
);
