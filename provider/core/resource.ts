/**
 * What every resource class passes to `pulumi.dynamic.Resource`: the generated classes
 * (`<folder>/resource.ts`) call `super(...dynamicResourceArgs(…))`, so the one constructor body is here.
 */
import * as pulumi from "@pulumi/pulumi";

import {
  holdsSecret,
  MODULE,
  PLAINTEXT_KEY,
  resourceProperties,
  type PropertyTable,
  type ResourceDefinition,
} from "./properties";

/**
 * The secret inputs the program gave as plain text (a string, or an `Output` that is not secret), for
 * the scan-coverage policy (`PLAINTEXT_KEY`); `undefined` when there are none, so the input is left out.
 */
async function plaintextSecrets(
  secrets: readonly string[],
  given: Record<string, unknown>,
): Promise<string[] | undefined> {
  const plain: string[] = [];
  for (const key of secrets) {
    const value = given[key];
    if (value === undefined || value === null) continue;
    const secret = pulumi.Output.isInstance(value) ? await pulumi.isSecret(value) : false;
    if (!secret) plain.push(key);
  }
  return plain.length > 0 ? plain : undefined;
}

/**
 * The provider is the resource's stable subpath module itself (`<folder>/runtime-v1.ts`): the closure
 * serializer recognises a module inside node_modules and stores only its `require()`
 * (docs/architecture.md, "The stored provider"), so no client, setting or secret reaches state through it.
 * Secret inputs are wrapped as Pulumi secrets whatever the program passes, and marked secret as outputs.
 */
export function dynamicResourceArgs(
  resource: ResourceDefinition<PropertyTable>,
  provider: pulumi.dynamic.ResourceProvider,
  name: string,
  args: object,
  opts: pulumi.CustomResourceOptions | undefined,
): [
  pulumi.dynamic.ResourceProvider,
  string,
  pulumi.Inputs,
  pulumi.CustomResourceOptions | undefined,
  string,
  string,
] {
  const secrets = Object.entries(resource.properties)
    .filter(([, spec]) => holdsSecret(spec))
    .map(([key]) => key);
  const given = args as Record<string, unknown>;
  const props: Record<string, unknown> =
    secrets.length > 0 ? { ...given, [PLAINTEXT_KEY]: plaintextSecrets(secrets, given) } : { ...given };
  for (const key of secrets) {
    if (given[key] !== undefined && given[key] !== null) props[key] = pulumi.secret(given[key]);
  }
  return [
    provider,
    name,
    resourceProperties(resource.properties, name, props),
    secrets.length > 0 ? pulumi.mergeOptions(opts, { additionalSecretOutputs: secrets }) : opts,
    MODULE,
    resource.typeName,
  ];
}
