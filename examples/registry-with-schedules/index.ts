// A private registry (Harbor, say) registered in Qualys, and two scan schedules that take its ID.
// `pulumi up` registers the registry first; `pulumi destroy` deletes the schedules first.
import * as pulumi from "@pulumi/pulumi";
import { Registry, RegistryScanSchedule } from "pulumi-qualys-cs";

const config = new pulumi.Config();

const harbor = new Registry("harbor", {
  registryType: "V2_PRIVATE",
  registryUri: config.get("registryUri") ?? "https://harbor.example.com",
  name: "harbor-prod",
  username: "robot$qualys",
  // A secret in the stack config (`pulumi config set --secret harborPassword …`): it stays a secret in
  // the state and the outputs, and is never returned by Qualys.
  password: config.requireSecret("harborPassword"),
});

const nightly = new RegistryScanSchedule("nightly-api", {
  registryId: harbor.id, // the resource ID stays known while the registry updates in place
  repo: ["team/api", "team/worker"],
  scheduleScanIntervalInDays: 1,
  schedule: "02:00",
});

const weekly = new RegistryScanSchedule("weekly-all-tags", {
  registryId: harbor.id, // the resource ID stays known while the registry updates in place
  repo: "team/api",
  tag: ".*",
  scheduleScanIntervalInDays: 7,
  weekDay: "SUNDAY",
  forceScan: true,
});

export const registryId = harbor.registryId;
export const scheduleIds = [nightly.scheduleId, weekly.scheduleId];
