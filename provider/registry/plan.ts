/**
 * The registry's `diff`: the generic plan of `core/plan.ts` over its property table, plus one rule of
 * Qualys's: one registry per URI (docs/qualys-registry-contract.md §3, §5). A replacement that keeps
 * the URI must delete the old registry before creating the new one, or the create is refused. Pure and
 * local.
 */
import { planDiff, type DiffPlan } from "../core/plan";
import { isUnknown } from "../core/values";
import { REGISTRY } from "./properties";
import { normalizeUri } from "./uri";

/** olds = the stored OLD OUTPUTS; news = canonical new inputs. */
export function planRegistryDiff(olds: Record<string, unknown>, news: Record<string, unknown>): DiffPlan {
  const plan = planDiff(REGISTRY, olds, news);
  const before = olds?.registryUri;
  const after = news?.registryUri;
  const sameUri =
    typeof before === "string" &&
    typeof after === "string" &&
    !isUnknown(after) &&
    normalizeUri(before) === normalizeUri(after);
  return plan.replaces.length > 0 && sameUri ? { ...plan, deleteBeforeReplace: true } : plan;
}
