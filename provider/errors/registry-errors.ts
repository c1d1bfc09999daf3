/**
 * Failures of the registry's CRUD (`registry/crud.ts`) and look-ups (`registry/lookup.ts`) that are not
 * an HTTP error: each says what happened at Qualys and what to do next.
 */
import { QualysError } from "./qualys-error";

/**
 * A registry create's outcome was unknown (no reply, or a reply without a registry ID), and looking for
 * its URI in Qualys, for as long as the gateway may still commit it, found nothing: nothing was created.
 */
export class RegistryNotCreatedError extends QualysError {
  /** The URI the registry was to have. */
  readonly registryUri: string;

  constructor(details: { registryUri: string; cause: string; checkedMs: number }) {
    const d = details;
    super(
      `${d.cause} Checked${d.checkedMs > 0 ? ` for ${Math.round(d.checkedMs / 1000)} s` : ""}: Qualys has no ` +
        `registry with URI ${d.registryUri}, so nothing was created; run \`pulumi up\` again.`,
    );
    this.name = "RegistryNotCreatedError";
    this.registryUri = d.registryUri;
  }
}

/** A registry create's outcome was unknown, and checking Qualys for its URI failed too. */
export class RegistryCreateOutcomeUnknownError extends QualysError {
  /** The URI the registry was to have. */
  readonly registryUri: string;

  constructor(details: { registryUri: string; cause: string; checkFailure: unknown }) {
    const d = details;
    const check = d.checkFailure instanceof Error ? d.checkFailure.message : String(d.checkFailure);
    super(
      `${d.cause} Checking whether Qualys created it failed too: ${check} Before the next \`pulumi up\`, look ` +
        `in Qualys for a registry with URI ${d.registryUri}: if there is one, adopt it (README, "Adopting ` +
        `existing registries") or delete it.`,
      { cause: d.checkFailure },
    );
    this.name = "RegistryCreateOutcomeUnknownError";
    this.registryUri = d.registryUri;
  }
}

/** Qualys no longer has a registry of the stack while updating it (deleted outside Pulumi meanwhile). */
export class RegistryGoneError extends QualysError {
  /** The Qualys registry UUID. */
  readonly registryId: string;

  constructor(details: { registryId: string; when: "before-update" | "after-update" }) {
    const d = details;
    super(
      `Registry ${d.registryId} ${d.when === "before-update" ? "is no longer in Qualys (deleted meanwhile?), so it cannot be updated" : "was updated but Qualys no longer has it (deleted meanwhile?)"}. ` +
        `Run \`pulumi refresh\` (it drops the registry and its schedules), then \`pulumi up\` to create them again.`,
    );
    this.name = "RegistryGoneError";
    this.registryId = d.registryId;
  }
}

/** Qualys accepted a registry's deletion but still has the registry after the wait. */
export class RegistryDeleteNotConfirmedError extends QualysError {
  /** The Qualys registry UUID. */
  readonly registryId: string;

  constructor(details: { registryId: string; waitedMs: number }) {
    super(
      `Qualys accepted the deletion of registry ${details.registryId} but still has it ` +
        `${details.waitedMs / 1000} s later. The resource stays in the stack: run \`pulumi destroy\` (or \`up\`) ` +
        `again once Qualys has finished.`,
    );
    this.name = "RegistryDeleteNotConfirmedError";
    this.registryId = details.registryId;
  }
}

/** `getRegistry` was given both or neither of `registryUri` and `name`. */
export class RegistryLookupArgsError extends QualysError {
  /** The arguments that were set, by name. */
  readonly given: readonly string[];

  constructor(details: { given: readonly string[] }) {
    super(
      `getRegistry: give exactly one of registryUri and name; got ` +
        `${details.given.length === 0 ? "neither" : details.given.join(" and ")}.`,
    );
    this.name = "RegistryLookupArgsError";
    this.given = Object.freeze([...details.given]);
  }
}
