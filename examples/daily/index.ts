// A daily scan of two repositories' recent images, every evening at 19:30 UTC.
import * as pulumi from "@pulumi/pulumi";
import { RegistryScanSchedule } from "pulumi-qualys-cs";

const config = new pulumi.Config();
// The Qualys registry ID. In a real program this usually comes from the resource that registers the registry.
const registryId = config.require("registryId");

const nightly = new RegistryScanSchedule("nightly-api", {
  registryId,
  repo: ["team/api", "team/worker"],
  tag: ".*",
  days: 7,
  scheduleScanIntervalInDays: 1,
  schedule: "19:30",
});

export const scheduleId = nightly.scheduleId;
export const registryType = nightly.registryType;
// `status` is not exported: a write does not read the schedule back, so it is known only after the next
// `pulumi refresh`, and exporting a value absent at `up` makes Pulumi warn.
