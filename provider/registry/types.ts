/**
 * Plain (resolved) shapes of a Qualys registry, derived from its property table
 * (`registry/properties.ts`), and the value sets its properties use. The Pulumi-facing args live in
 * `registry/resource.ts`.
 */
import type { InputsOf, OutputsOf } from "../core/properties";
import type { REGISTRY } from "./properties";

export {
  AWS_ACCOUNT_TYPES,
  REGISTRY_TYPES,
  V2_CREDENTIAL_TYPES,
  type AwsAccountType,
  type AwsRegistryLocation,
  type RegistryType,
  type V2CredentialType,
} from "./value-sets";

/**
 * Canonical inputs of one registry, as `check` returns them and the engine stores and diffs them. One
 * flat record for every type: the fields a type does not take are absent (never `undefined`-valued).
 */
export type RegistryInputs = InputsOf<typeof REGISTRY.properties>;

/** Outputs of one registry: every input (the engine diffs against old outputs) plus what Qualys assigns. */
export type RegistryOutputs = OutputsOf<typeof REGISTRY.properties>;
