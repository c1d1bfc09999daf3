/**
 * The programs of the end-to-end tests and what they declare: the schedules program, the registries
 * program, their inputs (given through the environment) and stack config pointing at a simulator.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import type { ConfigMap } from "@pulumi/pulumi/automation";

import { DEMO_PASSWORD, DEMO_REGISTRY_ID, DEMO_USERNAME } from "../simulator";
import { REPO_ROOT } from "./stack";

/** The generic program of the end-to-end tests (compiled copy is not used: the CLI runs the .ts). */
export const SCHEDULES_PROGRAM = path.join(REPO_ROOT, "test", "e2e", "programs", "schedules");

/** Stack config that points the provider at a simulator; the password is a secret, as users store it. */
export function qualysConfig(url: string, password = DEMO_PASSWORD): ConfigMap {
  return {
    "qualys:gatewayUrl": { value: url },
    "qualys:username": { value: DEMO_USERNAME },
    "qualys:password": { value: password, secret: true },
  };
}

/** The registry program of the end-to-end tests: registries, schedules on them, look-ups. */
export const REGISTRIES_PROGRAM = path.join(REPO_ROOT, "test", "e2e", "programs", "registries");

/** What the registry program declares. */
export interface DeclaredRegistries {
  registries?: {
    name: string;
    args: Record<string, unknown>;
    opts?: { import?: string; protect?: boolean };
  }[];
  /** `registry` names a declared registry whose ID the schedule takes. */
  schedules?: { name: string; registry?: string; args: Record<string, unknown> }[];
  lookups?: { name: string; by: { registryUri: string } | { name: string }; async?: boolean }[];
  awsBase?: boolean;
}

/** The environment that makes the registry program declare these. */
export function declareRegistries(d: DeclaredRegistries): Record<string, string> {
  return {
    E2E_REGISTRIES: JSON.stringify(d.registries ?? []),
    E2E_SCHEDULES: JSON.stringify(d.schedules ?? []),
    E2E_LOOKUPS: JSON.stringify(d.lookups ?? []),
    E2E_AWS_BASE: d.awsBase ? "1" : "0",
  };
}

/** A schedule the generic program declares. */
export interface Declared {
  name: string;
  args: Record<string, unknown>;
  opts?: { import?: string; protect?: boolean; retainOnDelete?: boolean };
}

/** The environment that makes the generic program declare these schedules. */
export function declare(schedules: Declared[]): Record<string, string> {
  return { E2E_SCHEDULES: JSON.stringify(schedules) };
}

/**
 * The same through a file, for long lists: one environment string may hold at most 128 KiB on Linux,
 * and starting the CLI with a larger one fails with E2BIG (about 900 schedules).
 */
export function declareInFile(file: string, schedules: Declared[]): Record<string, string> {
  fs.writeFileSync(file, JSON.stringify(schedules));
  return { E2E_SCHEDULES: "", E2E_SCHEDULES_FILE: file };
}

/** A daily schedule of `team/api` in the demo registry. */
export function daily(name: string, schedule = "19:30"): Declared {
  return {
    name,
    args: { registryId: DEMO_REGISTRY_ID, repo: ["team/api"], scheduleScanIntervalInDays: 1, schedule },
  };
}

/** `count` daily schedules named `<prefix>-00`, `<prefix>-01`, … in the demo registry. */
export function dailySchedules(prefix: string, count: number): Declared[] {
  return Array.from({ length: count }, (_, i) => daily(`${prefix}-${String(i).padStart(2, "0")}`));
}
