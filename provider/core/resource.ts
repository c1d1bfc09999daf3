/**
 * What every resource class passes to `pulumi.dynamic.Resource`: the generated classes
 * (`<folder>/resource.ts`) call `super(...dynamicResourceArgs(…))`, so the one constructor body is here.
 */
import * as pulumi from "@pulumi/pulumi";

import { MODULE, resourceProperties, type PropertyTable, type ResourceDefinition } from "./properties";

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
    .filter(([, spec]) => spec.secret === true)
    .map(([key]) => key);
  const given = args as Record<string, unknown>;
  const props: Record<string, unknown> = { ...given };
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
