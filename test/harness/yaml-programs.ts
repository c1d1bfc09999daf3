/**
 * YAML programs of the provider plugin's end-to-end tests (test/e2e/plugin-yaml*.test.ts): the plugin as
 * a user installs it (the packed package's `bin`, found through Pulumi.yaml's `plugins: providers:`),
 * the provider's settings as `qualys-cs:*` stack config, and a registry with schedules.
 */
import * as path from "node:path";

import type { ConfigMap } from "@pulumi/pulumi/automation";

import { DEMO_PASSWORD, DEMO_USERNAME } from "../simulator";
import { CONSUMER_MODULES, type StateDeployment, type StateResource } from "./stack";

/** Where npm put the installed package's bins, the plugin among them. */
export const PLUGIN_DIR = path.join(CONSUMER_MODULES, ".bin");

/** Pulumi.yaml's entry that makes the CLI run the installed plugin (no `pulumi plugin install`). */
export const PLUGIN_ENTRY = { providers: [{ name: "qualys-cs", path: PLUGIN_DIR }] };

/** The plugin's settings pointing at a simulator; the password a secret, as users store it. */
export function pluginConfig(url: string, password = DEMO_PASSWORD): ConfigMap {
  return {
    "qualys-cs:gatewayUrl": { value: url },
    "qualys-cs:username": { value: DEMO_USERNAME },
    "qualys-cs:password": { value: password, secret: true },
  };
}

/** The plugin's resources in a state export. */
export function pluginResources(state: StateDeployment): StateResource[] {
  return (state.deployment.resources ?? []).filter((r) => r.type.startsWith("qualys-cs:index:"));
}

/** A schedule of the YAML program. */
export interface YamlSchedule {
  name: string;
  properties: Record<string, unknown>;
  options?: Record<string, unknown>;
}

/**
 * A Docker Hub registry `hub` (its password the secret config `hubPassword`) and schedules that take its
 * ID (`${hub.id}`) unless they give a `registryId`.
 */
export function registryProgram(
  schedules: YamlSchedule[],
  extra: { resources?: Record<string, unknown>; plugins?: unknown } = {},
): Record<string, unknown> {
  return {
    plugins: extra.plugins ?? PLUGIN_ENTRY,
    config: { hubPassword: { type: "string", secret: true } },
    resources: {
      hub: {
        type: "qualys-cs:index:Registry",
        properties: {
          registryType: "DockerHub",
          registryUri: "https://registry-1.docker.io",
          username: "ci-bot",
          password: "${hubPassword}",
        },
      },
      ...Object.fromEntries(
        schedules.map((s) => [
          s.name,
          {
            type: "qualys-cs:index:RegistryScanSchedule",
            properties: { registryId: "${hub.id}", ...s.properties },
            ...(s.options ? { options: s.options } : {}),
          },
        ]),
      ),
      ...(extra.resources ?? {}),
    },
    outputs: { registryId: "${hub.id}" },
  };
}

/** A daily schedule of `repo` at `at`. */
export function dailyYaml(name: string, at = "19:30", repo = ["team/api"]): YamlSchedule {
  return { name, properties: { repo, scheduleScanIntervalInDays: 1, schedule: at } };
}
