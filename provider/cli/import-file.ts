/**
 * The file for `pulumi import --file`: per schedule its type, name, ID, `inputs` and `outputs`.
 *
 * With `outputs` given, the engine (CLI ≥ 3.254) stores them as they are and skips the provider's Read,
 * which a dynamic provider cannot serve during an import (its Read gets
 * no `__provider`). Both maps carry `__provider`, the serialized provider exactly as a program's
 * `RegistryScanSchedule` stores it, so that refresh, update and destroy run the installed package's
 * code and the next preview sees no difference.
 */
import {
  PROVIDER_KEY,
  REGISTRY_RESOURCE_TYPE,
  RESOURCE_TYPE,
  type ImportedRegistry,
  type ImportedSchedule,
} from "./imported";

/** One entry of `resources` in a Pulumi import file. */
export interface ImportFileResource {
  type: string;
  name: string;
  id: string;
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
}

/** A Pulumi import file (the subset of its schema this tool writes). */
export interface ImportFile {
  resources: ImportFileResource[];
}

/** Registries to adopt with the schedules, and the `__provider` string of `Registry`. */
export interface ImportedRegistries {
  registries: readonly ImportedRegistry[];
  serializedProvider: string;
}

/**
 * The import file for these schedules (and registries, listed first). `serializedProvider` is the
 * schedule's `__provider` string; each is checked to be a reference to the package's stable runtime
 * subpath (see `serialized-provider.ts`). A registry's password or token is never in the file: Qualys
 * does not return it, and the program sets it from config with the first `pulumi up`.
 */
export function buildImportFile(
  schedules: readonly ImportedSchedule[],
  serializedProvider: string,
  adopted?: ImportedRegistries,
): ImportFile {
  return {
    resources: [
      ...(adopted?.registries ?? []).map((r) => ({
        type: REGISTRY_RESOURCE_TYPE,
        name: r.resourceName,
        id: r.id,
        inputs: { ...r.inputs, [PROVIDER_KEY]: adopted?.serializedProvider },
        outputs: { ...r.outputs, [PROVIDER_KEY]: adopted?.serializedProvider },
      })),
      ...schedules.map((s) => ({
        type: RESOURCE_TYPE,
        name: s.resourceName,
        id: s.id,
        inputs: { ...s.inputs, [PROVIDER_KEY]: serializedProvider },
        outputs: { ...s.outputs, [PROVIDER_KEY]: serializedProvider },
      })),
    ],
  };
}

/** The import file as written to disk: two-space JSON with a final newline. */
export function renderImportFile(file: ImportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
