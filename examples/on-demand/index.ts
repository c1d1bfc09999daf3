// A one-off scan of a release repository. Qualys cannot update on-demand scans: any change replaces it.
import * as pulumi from "@pulumi/pulumi";
import { RegistryScanSchedule } from "pulumi-qualys-cs";

const config = new pulumi.Config();
const registryId = config.require("registryId");

const release = new RegistryScanSchedule("release-check", {
  registryId,
  onDemand: true,
  repo: ["team/release"],
  tag: "v2.4.0,v2.4.1",
});

export const scheduleId = release.scheduleId;
