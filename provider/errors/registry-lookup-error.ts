import { QualysError } from "./qualys-error";

/** `getRegistry` found no registry, or several, for what it was given; `getRepositories` no registry with the ID. */
export class RegistryLookupError extends QualysError {
  /** `registryUri` or `name`. */
  readonly by: string;
  readonly value: string;
  /** How many registries matched (0, or more than 1). */
  readonly matches: number;

  constructor(details: {
    by: "registryUri" | "name" | "registryId";
    value: string;
    matches: { registryId: string; registryUri: string }[];
  }) {
    const what = `${details.by} ${JSON.stringify(details.value)}`;
    super(
      details.by === "registryId"
        ? `getRepositories: no Qualys registry has ID ${JSON.stringify(details.value)}. Check the ID (a ` +
            `Registry's ID, or getRegistry(…).registryId), and that the Qualys user may see the registry.`
        : details.matches.length === 0
          ? `getRegistry: no Qualys registry has ${what}. Check the spelling (names are compared exactly, URIs ` +
            `after normalization), and that the Qualys user may see the registry.`
          : `getRegistry: ${details.matches.length} Qualys registries have ${what}: ` +
            `${details.matches.map((m) => `${m.registryId} (${m.registryUri})`).join(", ")}. Look the registry ` +
            `up by registryUri instead, which is unique.`,
    );
    this.name = "RegistryLookupError";
    this.by = details.by;
    this.value = details.value;
    this.matches = details.matches.length;
  }
}
