// A schedule whose registryId and interval come from another resource, unknown until it is created:
// preview must skip the rules that depend on them instead of failing.
import * as pulumi from "@pulumi/pulumi";
import { RegistryScanSchedule } from "pulumi-qualys-cs";

const config = new pulumi.Config();

/** Stands in for the resource that registers a registry with Qualys and reports its ID. */
const registryProvider: pulumi.dynamic.ResourceProvider = {
  create: (inputs: Record<string, unknown>) => Promise.resolve({ id: String(inputs.qualysId), outs: inputs }),
};
class Registry extends pulumi.dynamic.Resource {
  declare readonly qualysId: pulumi.Output<string>;
  declare readonly intervalDays: pulumi.Output<number>;
  constructor(name: string, props: { qualysId: string; intervalDays: number }) {
    super(registryProvider, name, props, undefined, "e2e", "Registry");
  }
}

const registry = new Registry("registry", { qualysId: config.require("registryId"), intervalDays: 7 });
new RegistryScanSchedule("weekly", {
  registryId: registry.qualysId,
  repo: ["team/api"],
  scheduleScanIntervalInDays: registry.intervalDays,
  weekDay: "monday",
});
