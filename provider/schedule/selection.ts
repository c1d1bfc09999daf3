/**
 * The selection check: the repositories a schedule names, compared with what its registry holds
 * (docs/repositories.md, docs/qualys-contract.md §5 "Repository selection"). It runs in `check` after
 * the pure rules passed, so at `pulumi preview` when the registry already exists, and at the latest
 * before the create or the replacement is sent (the engine checks before every write).
 *
 * - A repository the registry does not list, with a close name it does list, is most likely a typo: a
 *   check failure naming the closest names (nothing is written).
 * - One with no close name is most likely not pushed yet (legitimate): a warning.
 * - `pendingRepositories` accepts listed-later repositories without a word.
 * - A registry that lists no repository (never scanned, as every new one) checks nothing, silently.
 * - A listing that cannot be read (no settings, unreachable, 403, 404, …) checks nothing and says why: it
 *   never fails a preview (a registry that does not exist fails the create itself, with Qualys's answer).
 * - A selection that did not change since the stack last wrote it is not checked again, so a preview
 *   without changes makes no call; a changed one costs one listing per registry per run
 *   (registry/repositories.ts).
 */
import { closestNames } from "../core/suggest";
import { describeValue } from "../core/describe-value";
import type { CheckFailure } from "../core/check";
import { isUnknown, sameValue } from "../core/values";
import { QualysError } from "../errors";
import type { ClientSettings } from "../qualys/config";
import { isMissingRegistry, repositoryApi, type WireRepository } from "../registry/repositories";
import { selectedRepositories } from "./rules";
import type { ScheduleInputs } from "./types";

/** What the selection check found: failures block the write, warnings are printed. */
export interface SelectionOutcome {
  failures: CheckFailure[];
  warnings: string[];
}

/** "Nothing checked" notes already printed by this process: each once per registry and reason. */
const noted = new Set<string>();

/** How the registry's listing is read; a seam for tests. */
export type ListRepositories = (registryId: string) => Promise<WireRepository[]>;

/** The listing through the process-wide, cached repository API of these settings. */
export function listWith(settings: () => ClientSettings): ListRepositories {
  return (registryId) => repositoryApi(settings()).list(registryId);
}

function selectionKey(inputs: Partial<ScheduleInputs> | undefined): unknown {
  return inputs && { registryId: inputs.registryId, repos: selectedRepositories(inputs) };
}

/** Why nothing could be checked, in a few words, without any secret (errors of this package redact). */
function why(err: unknown): string {
  if (err instanceof QualysError) return err.message;
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}

/**
 * Checks the schedule's repositories against its registry's listing. `olds` are the inputs the stack
 * holds (empty for a new resource). Never throws.
 */
export async function checkSelection(
  inputs: Partial<ScheduleInputs>,
  olds: Partial<ScheduleInputs> | undefined,
  list: ListRepositories,
): Promise<SelectionOutcome> {
  const none: SelectionOutcome = { failures: [], warnings: [] };
  const registryId = inputs.registryId;
  const selected = selectedRepositories(inputs);
  // Unknown until the registry or the names exist: checked at `up`, before the write.
  if (typeof registryId !== "string" || isUnknown(registryId) || !selected) return none;
  if (olds && sameValue(selectionKey(olds), selectionKey(inputs))) return none;

  const who = `RegistryScanSchedule ${describeValue(inputs.name ?? "")}`;
  let listed: WireRepository[];
  try {
    listed = await list(registryId);
  } catch (err) {
    const reason = why(err);
    if (noted.has(`${registryId}\n${reason}`)) return none;
    noted.add(`${registryId}\n${reason}`);
    return {
      failures: [],
      warnings: [
        `the repositories of ${who} (and of any other schedule of registry ${registryId} in this run) were ` +
          `not checked against the registry, because its repository ` +
          `list could not be read: ${reason}${isMissingRegistry(err) ? " (Qualys may not have this registry: check registryId)" : ""} ` +
          `Nothing was blocked; the check runs again on the next preview or up.`,
      ],
    };
  }
  // A registry lists its repositories only after its first scan, so every new registry lists none: a
  // warning on every first `up` would teach users to skip warnings (docs/repositories.md).
  if (listed.length === 0) return none;

  const names = listed.map((r) => r.repoName);
  const held = new Set(names);
  const pending = new Set(inputs.pendingRepositories ?? []);
  const property = inputs.repositories ? "repositories" : "repo";
  const outcome: SelectionOutcome = { failures: [], warnings: [] };
  for (const repo of selected) {
    if (held.has(repo) || pending.has(repo)) continue;
    const close = closestNames(repo, names);
    if (close.length > 0) {
      outcome.failures.push({
        property,
        reason:
          `${property} names ${describeValue(repo)}, which registry ${registryId} does not hold (it lists ` +
          `${names.length} repositories): did you mean ${close.map((n) => describeValue(n)).join(" or ")}? ` +
          `If ${describeValue(repo)} will be pushed after the schedule is created, list it in pendingRepositories.`,
      });
    } else {
      outcome.warnings.push(
        `${who}: repository ${describeValue(repo)} is not among the ${names.length} repositories registry ` +
          `${registryId} lists; the schedule will scan it once it is pushed and listed. If it is a typo, fix ` +
          `it; if it is expected, list it in pendingRepositories to say so.`,
      );
    }
  }
  return outcome;
}
