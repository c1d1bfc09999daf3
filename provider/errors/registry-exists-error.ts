import { QualysError } from "./qualys-error";

/**
 * A create found the registry URI already registered in Qualys (the URI is the natural key,
 * docs/qualys-registry-contract.md §5). Nothing was created and nothing is adopted silently.
 */
export class RegistryExistsError extends QualysError {
  readonly registryUri: string;
  readonly existingRegistryId: string;

  constructor(details: { registryUri: string; existingRegistryId: string; existingName: string }) {
    super(
      `A Qualys registry with URI ${details.registryUri} already exists: ${details.existingRegistryId} ` +
        `(${JSON.stringify(details.existingName)}). Qualys holds one registry per URI, and the provider does ` +
        `not take over a registry it did not create. To use that registry from this program without managing ` +
        `it, replace this resource with \`getRegistry({ registryUri: "${details.registryUri}" })\` (docs/reference/getRegistry.md); to manage it with Pulumi, adopt it with its schedules: \`npx pulumi-qualys-cs import ` +
        `--registry ${details.existingRegistryId} --with-registry\` (docs/import.md, "Adopting existing registries").`,
    );
    this.name = "RegistryExistsError";
    this.registryUri = details.registryUri;
    this.existingRegistryId = details.existingRegistryId;
  }
}
