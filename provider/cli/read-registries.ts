/**
 * Reads the registries to adopt from Qualys, with the registry provider's own read path
 * (`readRegistry`, as `pulumi refresh` runs it), so that imported state is what a refresh would store.
 * Only reads. Qualys never returns a password or token: such a secret is left out of the inputs and
 * outputs, and the generated code reads it from stack config (see `codegen.ts`).
 */
import { CliError } from "../errors";
import type { RegistryApi } from "../registry/api";
import { readRegistry } from "../registry/crud";
import { canonicalRegistryInputs } from "../registry/rules";
import type { RegistryInputs } from "../registry/types";
import type { ImportedRegistry, RegistrySecret } from "./imported";
import { resourceNames, variableName } from "./names";
import { SETTINGS } from "../qualys/settings";

/**
 * The secret a registry's credentials need. Docker Hub takes a password or an access token and Qualys
 * does not say which was given: `password` is assumed (the generated code names it, so a user with a
 * token renames one property).
 */
export function registrySecret(inputs: RegistryInputs): RegistrySecret | undefined {
  if (inputs.registryType === "DockerHub") return "password";
  if (inputs.registryType === "V2" || inputs.registryType === "V2_PRIVATE") {
    if (inputs.credentialType === "BasicAuth") return "password";
    if (inputs.credentialType === "Token") return "accessToken";
  }
  return undefined;
}

/**
 * Reads each registry and names it, avoiding the resource names in `taken` (the schedules'). Throws
 * `CliError` naming a registry Qualys does not have.
 */
export async function readRegistries(
  api: RegistryApi,
  registryIds: readonly string[],
  taken: ReadonlySet<string> = new Set(),
): Promise<ImportedRegistry[]> {
  const read = await Promise.all(
    registryIds.map(async (id) => ({ id, result: await readRegistry(api, id) })),
  );
  const missing = read.filter(({ result }) => result.props === undefined).map(({ id }) => id);
  if (missing.length > 0) {
    throw new CliError(
      `Qualys has no registry ${missing.join(", ")}. Check the registry ID in the Qualys console (Container ` +
        `Security > Registries) and that ${SETTINGS.gatewayUrl.env} (or ${SETTINGS.gatewayUrl.key}) points at the platform ` +
        `that holds it.`,
    );
  }
  const found = read.flatMap(({ id, result: r }) => {
    if (r.inputs === undefined || r.props === undefined) return [];
    // Qualys returns no secret; dropped anyway, so that none can ever reach the import file.
    const { password: _p, accessToken: _t, ...inputs } = r.inputs;
    const { password: _op, accessToken: _ot, ...outputs } = r.props;
    return [{ id, inputs, outputs }];
  });
  const names = resourceNames(
    found.map((f) => ({ scheduleName: f.outputs.name, scheduleId: f.id })),
    taken,
    "registry",
  );
  const variables = new Set<string>();
  return found.map((f, i) => {
    const resourceName = names[i]!; // resourceNames names each source, in order
    const inputs = canonicalRegistryInputs(f.inputs);
    const secret = registrySecret(inputs);
    const registry: ImportedRegistry = { resourceName, id: f.id, inputs, outputs: f.outputs };
    if (secret !== undefined) {
      registry.secret = secret;
      registry.secretConfigKey = `${variableName(resourceName, variables)}${secret === "password" ? "Password" : "AccessToken"}`;
    }
    return registry;
  });
}
