import * as pulumi from "@pulumi/pulumi";

import { isOfType, MODULE, resourceProperties, typeToken } from "../core/properties";
import { SCHEDULE } from "./properties";
import * as runtime from "./runtime-v1";
import type { SortCriteria, WeekDay } from "./types";

/**
 * Extra filters on the tags of each repository. Each property's TSDoc carries its description in
 * `schedule/properties.ts` (test/unit/resource-declarations.test.ts checks that they agree).
 */
export interface RegistryScanScheduleAdditionalFilters {
  /** Scan at most this many tags of each repository: an integer, at least 1. Updates in place. */
  numberOfTags?: pulumi.Input<number>;
  /**
   * Which tags count as the newest: `createdDate` is the only value Qualys is known to accept.
   * Updates in place.
   */
  sortCriteria?: pulumi.Input<SortCriteria>;
}

/**
 * One repository of a schedule with its own tag selector (an entry of `repositories`). Each property's
 * TSDoc carries its description in `schedule/properties.ts`.
 */
export interface RegistryScanScheduleRepository {
  /** The repository name, e.g. `team/api`. Changing it replaces the schedule. */
  repo: pulumi.Input<string>;
  /**
   * Tags to scan in this repository: comma-separated tags or tag patterns (regular expressions such as
   * `.*`). Omit to scan all its tags. Changing it replaces the schedule.
   */
  tag?: pulumi.Input<string>;
}

/**
 * The arguments of a `RegistryScanSchedule`. Property names are Qualys's own field names. Each
 * property's TSDoc carries its description in `schedule/properties.ts`, what a change does and its
 * default (test/unit/resource-declarations.test.ts checks that they agree).
 */
export interface RegistryScanScheduleArgs {
  /**
   * The Qualys registry ID (a UUID) whose repositories are scanned; one path segment, so no `/`.
   * Changing it replaces the schedule.
   */
  registryId: pulumi.Input<string>;
  /**
   * The schedule's name in Qualys: non-empty, at most 255 characters (UTF-16 code units), no control
   * characters. Defaults to the Pulumi resource name. Updates in place.
   */
  name?: pulumi.Input<string>;
  /**
   * `true` for a one-off (on-demand) scan, `false` for a recurring (automatic) schedule. Qualys cannot
   * update on-demand schedules: any change to one replaces it. (Qualys's docs say both "mandatory" and
   * "default true"; a declared schedule is recurring unless asked otherwise.) Defaults to `false`.
   * Changing it replaces the schedule.
   */
  onDemand?: pulumi.Input<boolean>;
  /**
   * One repository name or a list of them; non-empty, no duplicates. A single name becomes a list.
   * Give exactly one of `repo` (with `tag` for all of them) and `repositories` (a tag per repository).
   * Changing it replaces the schedule.
   */
  repo?: pulumi.Input<string> | pulumi.Input<pulumi.Input<string>[]>;
  /**
   * Tags to scan in every repository of `repo`: comma-separated tags or tag patterns (regular
   * expressions such as `.*`). Omit to scan all tags. Not allowed with `repositories`. Changing it
   * replaces the schedule.
   */
  tag?: pulumi.Input<string>;
  /**
   * The repositories to scan, each with its own tag selector: a non-empty list of `{ repo, tag }`, no
   * repository twice. Instead of `repo` and `tag` (give exactly one of `repo` and `repositories`).
   * Changing it replaces the schedule.
   */
  repositories?: pulumi.Input<pulumi.Input<RegistryScanScheduleRepository>[]>;
  /**
   * Only images pushed in the last N days: 1–7, 14 or 90 (Qualys's docs say 1–7 and 14; its own 2025
   * sample sends 90). Omit for no age filter. Changing it replaces the schedule.
   */
  days?: pulumi.Input<number>;
  /**
   * How often an automatic schedule runs, in days: an integer 1–365. Required for automatic schedules,
   * not allowed for on-demand ones. Updates in place.
   */
  scheduleScanIntervalInDays?: pulumi.Input<number>;
  /**
   * The day a weekly schedule runs: `MONDAY` … `SUNDAY`, any case (stored upper case). Required when
   * `scheduleScanIntervalInDays` is 7, not allowed otherwise. Updates in place.
   */
  weekDay?: pulumi.Input<WeekDay | Lowercase<WeekDay> | Capitalize<Lowercase<WeekDay>>>;
  /**
   * Start time, `HH:MM` in UTC (00:00–23:59). Required when `scheduleScanIntervalInDays` is 1, optional
   * when it is 7, not allowed otherwise (nor for on-demand schedules). Updates in place.
   */
  schedule?: pulumi.Input<string>;
  /**
   * Rescan images even when already scanned. Allowed for on-demand schedules, and for automatic ones only
   * when `scheduleScanIntervalInDays` is at least 7. Needs the Qualys subscription feature "Force Registry
   * Image Scan" (Qualys refuses it otherwise). Defaults to `false`. Updates in place.
   */
  forceScan?: pulumi.Input<boolean>;
  /** Extra filters on the tags of each repository. Updates in place. */
  additionalFilters?: pulumi.Input<RegistryScanScheduleAdditionalFilters>;
  /**
   * Repositories of this schedule that the registry does not hold yet (to be pushed after the schedule is
   * created): the check against the registry's repository list accepts them. Kept in the stack only,
   * never sent to Qualys; changing it calls no API. Updates in place.
   */
  pendingRepositories?: pulumi.Input<pulumi.Input<string>[]>;
}

/**
 * The provider object is the stable subpath module itself. The closure serializer recognises a module
 * inside node_modules and stores only `require("pulumi-qualys-cs/provider-runtime/v1")`
 * (docs/architecture.md, "The stored provider"): no client, setting or secret can reach state through it.
 */
const provider: pulumi.dynamic.ResourceProvider = runtime;

/**
 * A Qualys Container Security registry scan schedule.
 *
 * Validated in full at `pulumi preview`, before any API call; the repositories it selects are then
 * compared with the registry's repository list (docs/repositories.md). Changes to `registryId`,
 * `onDemand`, `repo`, `tag`, `repositories` or `days` (and any change to an on-demand schedule) replace
 * the schedule; other changes update it in place. The resource ID is `<registryId>/<scheduleId>`.
 */
export class RegistryScanSchedule extends pulumi.dynamic.Resource {
  /** The type token the engine records (what `@pulumi/policy`'s `validateResourceOfType` matches). */
  public static readonly __pulumiType: string = typeToken(SCHEDULE);

  /** True when `obj` is a `RegistryScanSchedule`, also one made by another copy of this package. */
  public static override isInstance(obj: unknown): obj is RegistryScanSchedule {
    return isOfType(obj, RegistryScanSchedule.__pulumiType);
  }

  /** The Qualys registry ID. */
  declare public readonly registryId: pulumi.Output<string>;
  /** The schedule's name in Qualys. */
  declare public readonly name: pulumi.Output<string>;
  /** Whether this is a one-off (on-demand) scan. */
  declare public readonly onDemand: pulumi.Output<boolean>;
  /** The repositories scanned (always a list), when given as `repo`. */
  declare public readonly repo: pulumi.Output<string[] | undefined>;
  /** The tag filter, if any. */
  declare public readonly tag: pulumi.Output<string | undefined>;
  /** The repositories scanned with a tag selector each, when given as `repositories`. */
  declare public readonly repositories: pulumi.Output<{ repo: string; tag?: string }[] | undefined>;
  /** The image-age filter in days, if any. */
  declare public readonly days: pulumi.Output<number | undefined>;
  /** The interval of an automatic schedule, in days. */
  declare public readonly scheduleScanIntervalInDays: pulumi.Output<number | undefined>;
  /** The day of a weekly schedule, upper case. */
  declare public readonly weekDay: pulumi.Output<WeekDay | undefined>;
  /** The start time, `HH:MM` UTC. */
  declare public readonly schedule: pulumi.Output<string | undefined>;
  /** Whether already-scanned images are rescanned. */
  declare public readonly forceScan: pulumi.Output<boolean>;
  /** The extra tag filters, if any. */
  declare public readonly additionalFilters: pulumi.Output<
    { numberOfTags?: number; sortCriteria?: SortCriteria } | undefined
  >;
  /** Repositories accepted although the registry does not list them yet. */
  declare public readonly pendingRepositories: pulumi.Output<string[] | undefined>;
  /** The Qualys schedule UUID. */
  declare public readonly scheduleId: pulumi.Output<string>;
  /**
   * The schedule's Qualys status when last read (`Created`, `Queued`, `Running`, `Completed`, … any string).
   * Absent after the provider creates or updates the schedule, until the next read (`pulumi refresh`).
   */
  declare public readonly status: pulumi.Output<string | undefined>;
  /** The registry's type as Qualys reports it (`AWS`, `DockerHub`, `V2`, …), read from the registry. */
  declare public readonly registryType: pulumi.Output<string>;
  /**
   * When Qualys created the schedule (ISO time), if Qualys reports it. Absent after the provider creates
   * the schedule, until the next read (`pulumi refresh`).
   */
  declare public readonly created: pulumi.Output<string | undefined>;
  /**
   * When Qualys last updated the schedule (ISO time), if Qualys reports it, as of the last read. Absent
   * after the provider creates or updates the schedule, until the next read (`pulumi refresh`).
   */
  declare public readonly updated: pulumi.Output<string | undefined>;

  constructor(name: string, args: RegistryScanScheduleArgs, opts?: pulumi.CustomResourceOptions) {
    super(
      provider,
      name,
      resourceProperties(SCHEDULE.properties, name, args),
      opts,
      MODULE,
      SCHEDULE.typeName,
    );
  }
}
