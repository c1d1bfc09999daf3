/**
 * The file for `pulumi import --file`: per schedule its type, name, ID, `inputs` and `outputs`.
 *
 * With `outputs` given, the engine (CLI ≥ 3.254) stores them as they are and skips the provider's Read,
 * which a dynamic provider cannot serve during an import (its Read gets
 * no `__provider`). Both maps carry `__provider`, the serialized provider exactly as a program's
 * `RegistryScanSchedule` stores it, so that refresh, update and destroy run the installed package's
 * code and the next preview sees no difference.
 */
import { PROVIDER_KEY, RESOURCE_TYPE, type ImportedSchedule } from "./imported";

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

/**
 * The import file for these schedules. `serializedProvider` is the `__provider` string; it is checked
 * to be a reference to the package's stable runtime subpath (see `serialized-provider.ts`).
 */
export function buildImportFile(
  schedules: readonly ImportedSchedule[],
  serializedProvider: string,
): ImportFile {
  return {
    resources: schedules.map((s) => ({
      type: RESOURCE_TYPE,
      name: s.resourceName,
      id: s.id,
      inputs: { ...s.inputs, [PROVIDER_KEY]: serializedProvider },
      outputs: { ...s.outputs, [PROVIDER_KEY]: serializedProvider },
    })),
  };
}

/** The import file as written to disk: two-space JSON with a final newline. */
export function renderImportFile(file: ImportFile): string {
  return `${JSON.stringify(file, null, 2)}\n`;
}
