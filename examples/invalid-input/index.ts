// This program is wrong on purpose: `pulumi preview` rejects it before any call to Qualys, naming the
// property, the value and the rule:
//   property weekDay value {<nil>} has a problem: weekDay is required when scheduleScanIntervalInDays is 7 …
import * as pulumi from "@pulumi/pulumi";
import { RegistryScanSchedule } from "pulumi-qualys-cs";

const config = new pulumi.Config();
const registryId = config.require("registryId");

new RegistryScanSchedule("weekly-without-day", {
  registryId,
  repo: ["team/api"],
  scheduleScanIntervalInDays: 7, // weekly, but no weekDay
});
