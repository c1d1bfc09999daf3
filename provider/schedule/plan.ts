/**
 * The schedule's `diff`: the generic plan of `core/plan.ts` over its property table, plus one rule of
 * Qualys's: only automatic schedules can be updated, so every change to an on-demand schedule
 * replaces it (docs/qualys-contract.md, "What can change in place"). Pure and local.
 */
import {
  changedInputs,
  planDiff,
  providerOnlyChange as storedProviderOnly,
  type DiffPlan,
} from "../core/plan";
import { SCHEDULE } from "./properties";

/** What `diff` tells the engine. */
export type SchedulePlan = DiffPlan;

/** The schedule inputs whose value differs between the old outputs and the new inputs, in table order. */
export function changedInputFields(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  return changedInputs(SCHEDULE, olds, news);
}

/** olds = the stored OLD OUTPUTS (inputs plus scheduleId/status/registryType/created/updated); news = canonical new inputs. */
export function planScheduleDiff(olds: Record<string, unknown>, news: Record<string, unknown>): SchedulePlan {
  return planDiff(SCHEDULE, olds, news, (stored) => stored.onDemand === true);
}

/** True when only the stored provider differs (see `core/plan.ts`). */
export function providerOnlyChange(olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
  return storedProviderOnly(SCHEDULE, olds, news);
}
