/**
 * The generic `diff` of a resource, driven by its property table. Pure and local.
 *
 * The engine passes the stored OLD OUTPUTS (every input plus the output-only properties) and the
 * canonical NEW INPUTS that `check` returned. Only inputs are compared, after canonicalization, so a
 * value written differently but meaning the same is not a change.
 */
import { normalizeInputs } from "./check";
import { inputNames, inputSpec, PROVIDER_KEY, replacingChange, type ResourceDefinition } from "./properties";
import { containsUnknown, sameValue } from "./values";

/** What `diff` tells the engine. */
export interface DiffPlan {
  changes: boolean;
  replaces: string[];
  deleteBeforeReplace: boolean;
}

/**
 * The inputs whose value differs between the old outputs and the new inputs, in the table's order.
 * A new value that is (or contains) an unknown counts as a change.
 */
export function changedInputs(
  resource: ResourceDefinition,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): string[] {
  const before = normalizeInputs(resource, olds ?? {});
  const after = normalizeInputs(resource, news ?? {});
  return inputNames(resource.properties).filter(
    (name) => containsUnknown(after[name]) || !sameValue(before[name], after[name]),
  );
}

/**
 * True when no input changed but the stored provider differs from the program's (a stack written by
 * another release or serializer). The update then rewrites the stored provider, which is what
 * refresh and destroy run, without calling Qualys.
 */
export function providerOnlyChange(
  resource: ResourceDefinition,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
): boolean {
  const stored = olds?.[PROVIDER_KEY];
  const wanted = news?.[PROVIDER_KEY];
  return (
    typeof stored === "string" &&
    typeof wanted === "string" &&
    !containsUnknown(wanted) &&
    stored !== wanted &&
    changedInputs(resource, olds, news).length === 0
  );
}

/**
 * The plan: changed inputs replace the resource when the table says `change: "replace"` (for a block,
 * see `replacingChange`), or all of them when `replacesEverything(olds)` (a resource state Qualys
 * cannot update at all).
 */
export function planDiff(
  resource: ResourceDefinition,
  olds: Record<string, unknown>,
  news: Record<string, unknown>,
  replacesEverything: (olds: Record<string, unknown>) => boolean = () => false,
): DiffPlan {
  const changed = changedInputs(resource, olds, news);
  const before = normalizeInputs(resource, olds ?? {});
  const after = normalizeInputs(resource, news ?? {});
  const replaces = replacesEverything(olds ?? {})
    ? changed
    : changed.filter((name) =>
        replacingChange(inputSpec(resource.properties, name)!, before[name], after[name]),
      );
  return {
    changes: changed.length > 0 || providerOnlyChange(resource, olds, news),
    replaces,
    deleteBeforeReplace: false,
  };
}
