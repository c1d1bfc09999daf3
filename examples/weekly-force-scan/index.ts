// A weekly full rescan (forceScan) of the newest five tags of each repository, on Sundays at 02:00 UTC.
import * as pulumi from "@pulumi/pulumi";
import { RegistryScanSchedule } from "pulumi-qualys-cs";

const config = new pulumi.Config();
const registryId = config.require("registryId");

const weekly = new RegistryScanSchedule("weekly-rescan", {
  registryId,
  repo: "team/api",
  scheduleScanIntervalInDays: 7,
  weekDay: "SUNDAY",
  schedule: "02:00",
  forceScan: true, // needs the Qualys subscription feature "Force Registry Image Scan"
  additionalFilters: { numberOfTags: 5, sortCriteria: "createdDate" },
});

export const scheduleId = weekly.scheduleId;
