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
        `not take over a registry it did not create. To manage it from this program, adopt it: run ` +
        `\`npx pulumi-qualys-cs import --registry-uri ${details.registryUri} --stack <stack>\` and follow its ` +
        `instructions (README, "Adopting existing registries"), or add the resource option ` +
        `\`import: "${details.existingRegistryId}"\`. Otherwise delete it in Qualys, then run \`pulumi up\` again.`,
    );
    this.name = "RegistryExistsError";
    this.registryUri = details.registryUri;
    this.existingRegistryId = details.existingRegistryId;
  }
}
