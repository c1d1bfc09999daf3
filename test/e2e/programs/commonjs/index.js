// A plain CommonJS JavaScript program, no TypeScript anywhere. The schedules come as JSON in
// E2E_SCHEDULES, as for the TypeScript program in ../schedules.
"use strict";
const { RegistryScanSchedule } = require("pulumi-qualys-cs");

const declared = JSON.parse(process.env.E2E_SCHEDULES ?? "[]");
exports.scheduleIds = Object.fromEntries(
  declared.map((d) => [d.name, new RegistryScanSchedule(d.name, d.args, d.opts).scheduleId]),
);
