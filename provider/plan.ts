/**
 * Diff planning: the provider's `diff`. Pure and local.
 *
 * The engine passes the stored OLD OUTPUTS (every input plus `scheduleId`, `status`, …) and the
 * canonical NEW INPUTS that `check` returned. Only input properties are compared, after
 * canonicalization, so a value written differently but meaning the same is not a change.
 */
import { containsUnknown, INPUT_PROPERTIES, normalizeInputs, PROVIDER_KEY } from "./rules";
import { REPLACE_FIELDS } from "./types";

/** What `diff` tells the engine. */
export interface SchedulePlan {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "number" && typeof b === "number") return Number.isNaN(a) && Number.isNaN(b);
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((member, i) => sameValue(member, b[i]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return (
    keys.length === Object.keys(right).length &&
    keys.every((key) => Object.prototype.hasOwnProperty.call(right, key) && sameValue(left[key], right[key]))
  );
}

/**
 * The input properties whose value differs between the old outputs and the new inputs, in the
 * canonical property order. A new value that is (or contains) an unknown counts as a change.
 */
export function changedInputFields(olds: Record<string, unknown>, news: Record<string, unknown>): string[] {
  const before = normalizeInputs(olds ?? {});
  const after = normalizeInputs(news ?? {});
  return INPUT_PROPERTIES.filter(
    (property) => containsUnknown(after[property]) || !sameValue(before[property], after[property]),
  );
}

/** olds = the stored OLD OUTPUTS (inputs plus scheduleId/status/registryType/created/updated); news = canonical new inputs. */
export function planScheduleDiff(olds: Record<string, unknown>, news: Record<string, unknown>): SchedulePlan {
  const changed = changedInputFields(olds, news);
  // "You can update only Automatic scan jobs": every change to an on-demand schedule replaces it.
  const wasOnDemand = olds?.onDemand === true;
  const replaces = wasOnDemand
    ? changed
    : changed.filter((property) => (REPLACE_FIELDS as readonly string[]).includes(property));
  return {
    changes: changed.length > 0 || providerOnlyChange(olds, news),
    replaces,
    deleteBeforeReplace: false,
  };
}

/**
 * True when no input changed but the stored provider differs from the program's (a stack written by
 * another release or serializer). The update then rewrites the stored provider, which is what
 * refresh and destroy run, without calling Qualys.
 */
export function providerOnlyChange(olds: Record<string, unknown>, news: Record<string, unknown>): boolean {
  const stored = olds?.[PROVIDER_KEY];
  const wanted = news?.[PROVIDER_KEY];
  return (
    typeof stored === "string" &&
    typeof wanted === "string" &&
    !containsUnknown(wanted) &&
    stored !== wanted &&
    changedInputFields(olds, news).length === 0
  );
}
