// Shapes accepted by the HTTP control API, checked so a bad test request gets a clear 400.
import { z } from "zod";

const common = {
  method: z.string().optional(),
  path: z.string(),
  times: z.number().int().positive().optional(),
  probability: z.number().gt(0).max(1).optional(),
  seed: z.number().int().optional(),
};

export const FaultSchema = z.discriminatedUnion("kind", [
  z.object({
    ...common,
    kind: z.literal("status"),
    status: z.number().int().min(100).max(599),
    body: z.string().optional(),
    headers: z.record(z.string(), z.string()).optional(),
  }),
  z.object({ ...common, kind: z.literal("commitThenFail"), mode: z.enum(["500", "drop"]) }),
  z.object({ ...common, kind: z.literal("latency"), ms: z.number().nonnegative() }),
  z.object({ ...common, kind: z.literal("hang"), ms: z.number().nonnegative() }),
  z.object({ ...common, kind: z.literal("drop") }),
  z.object({
    ...common,
    kind: z.literal("body"),
    status: z.number().int().min(100).max(599),
    body: z.string(),
    contentType: z.string().optional(),
  }),
  z.object({ ...common, kind: z.literal("staleList") }),
  z.object({
    ...common,
    kind: z.literal("echo"),
    status: z.number().int().min(400).max(599),
    format: z.enum(["json", "text"]).optional(),
  }),
]);

export const SettingsSchema = z
  .object({
    rateLimit: z
      .object({
        limit: z.number().int().nonnegative(),
        windowSec: z.number().positive(),
        flavour: z.enum(["429", "409"]),
      })
      .nullable(),
    omitExtendedFields: z.boolean(),
    forceScanEnabled: z.boolean(),
    tokenTtlSeconds: z.number().nonnegative(),
    latencyMs: z.number().nonnegative(),
    bulkDeleteDelayMs: z.number().nonnegative(),
  })
  .partial()
  .strict();

/** Either a seed (`{id, type, uri?, name?}`) or a body created as in the console (`{body}`). */
export const RegistrySchema = z.union([
  z
    .object({
      id: z.string().min(1),
      type: z.string().min(1),
      uri: z.string().min(1).optional(),
      name: z.string().min(1).optional(),
    })
    .strict(),
  z.object({ body: z.unknown() }).strict(),
]);

export const ConnectorSchema = z
  .object({
    provider: z.enum(["aws", "acr", "gcp"]),
    connectorId: z.string().min(1),
    name: z.string().min(1).optional(),
    arn: z.string().min(1).optional(),
  })
  .strict();

const AwsBlock = z.object({
  accountId: z.string(),
  arn: z.string(),
  region: z.string(),
  accountType: z.enum(["Global", "US_Gov"]),
});
export const RegistryPatchSchema = z
  .object({
    registryType: z.string(),
    registryUri: z.string(),
    registryName: z.string(),
    credentialType: z.string(),
    username: z.string().nullable(),
    secretFingerprint: z.string().nullable(),
    dockerHubOrgName: z.string().nullable(),
    aws: AwsBlock.nullable(),
    connectorId: z.string().nullable(),
    projectId: z.string().nullable(),
    location: z.string().nullable(),
    repository: z.string().nullable(),
  })
  .partial()
  .strict();
export const CreateSchema = z.object({ registryId: z.string().min(1), body: z.unknown() });
export const StatusSchema = z.object({
  registryId: z.string().min(1),
  scheduleUuid: z.string().min(1),
  status: z.string().min(1),
});

const RepoTag = z.object({ repo: z.string(), tag: z.string().nullable() });
export const PatchSchema = z
  .object({
    name: z.string(),
    onDemand: z.boolean(),
    filters: z.array(z.object({ repoTags: z.array(RepoTag), days: z.number().nullable() })),
    scheduleScanIntervalInDays: z.number().nullable(),
    weekDay: z.string().nullable(),
    schedule: z.string().nullable(),
    forceScan: z.boolean(),
    additionalFilters: z
      .object({ numberOfTags: z.number().nullable(), sortCriteria: z.string().nullable() })
      .nullable(),
    registryType: z.string(),
    status: z.string(),
    created: z.number(),
    updated: z.number(),
  })
  .partial()
  .strict();
