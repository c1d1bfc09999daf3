/**
 * What the API contracts in docs/ expect of each call the provider makes (`SCHEDULE_CONTRACT` for the
 * scan schedules' calls, `REGISTRY_CONTRACT` for the registries'), as the fidelity report compares
 * them: the success statuses, the other statuses the provider is built to handle, and the reply forms
 * it accepts, marking where a contract already allows alternatives. Sections cited are of those files.
 */

/** The contracts the report compares with. */
export const SCHEDULE_CONTRACT = "docs/qualys-contract.md";
export const REGISTRY_CONTRACT = "docs/qualys-registry-contract.md";

/** The kinds of call, as `classify` in test/harness/api-calls.ts names them. */
export const CALL_KINDS = [
  "auth",
  "registry",
  "list",
  "create",
  "update",
  "delete",
  "bulkDelete",
  "cancel",
  "registryList",
  "registryCreate",
  "registryUpdate",
  "registryDelete",
  "awsBase",
  "repositories",
] as const;
export type CallKind = (typeof CALL_KINDS)[number];

/** How a reply compares with the contract. */
export type Verdict = "expected" | "alternative" | "differs";

export interface Judgement {
  verdict: Verdict;
  /** Why, when it is not simply what the contract expects. */
  note?: string;
}

export interface KindContract {
  /** The call, as the contract's endpoint table names it. */
  title: string;
  /** Where the contract says so. */
  section: string;
  /** What the contract expects, in one line. */
  expects: string;
  /** Success statuses the contract names, the first being the one it documents. */
  success: number[];
  /** Statuses that mean the tenant took an alternative the contract allows (200 for a 201, 405 for a single delete), with what the provider does. */
  alternativeStatus?: Record<number, string>;
  /** Non-success statuses the provider handles by design, with what they mean. */
  handled?: Record<number, string>;
  /** Judges the form of a success reply. */
  judgeReply(form: ReplyForm): Judgement;
}

/** A reply body reduced to its form: no value of it survives, only its kind and field names. */
export type ReplyForm =
  | { kind: "empty" }
  | { kind: "object"; keys: string[]; stringKeys: string[] }
  | { kind: "array" }
  | { kind: "string"; uuid: boolean }
  | { kind: "scalar"; type: string }
  | { kind: "text"; token: boolean; uuid: boolean; html: boolean };

const has = (form: ReplyForm, key: string): boolean =>
  form.kind === "object" && form.stringKeys.includes(key);

/** Statuses every API call may meet and the provider handles (docs/qualys-contract.md §1, §8 item 8, §9). */
export const HANDLED_EVERYWHERE: Record<number, string> = {
  401: "token expired: re-authenticated once and repeated (§1)",
  429: "rate limited: waited out (§8 item 8)",
  409: "classic rate limit when it carries rate-limit headers: waited out (§8 item 8)",
  502: "transient: reads and updates repeated after a backoff (§9)",
  503: "transient: reads and updates repeated after a backoff (§9)",
  504: "transient: reads and updates repeated after a backoff (§9)",
};

/** A page of a paged list: `{count, data}`, or an empty 204. */
function judgePage(form: ReplyForm): Judgement {
  if (form.kind === "empty") return { verdict: "expected" };
  if (form.kind === "object" && form.keys.includes("data")) {
    return form.keys.includes("count")
      ? { verdict: "expected" }
      : { verdict: "alternative", note: 'no "count": the provider counts the items itself' };
  }
  return { verdict: "differs", note: 'neither {"count", "data"} nor an empty 204' };
}

export const CONTRACT: Record<CallKind, KindContract> = {
  auth: {
    title: "POST /auth",
    section: "§1",
    expects: "201 with the token as plain text",
    success: [201],
    alternativeStatus: { 200: "200 instead of 201: some clients accept it, and so does the provider" },
    judgeReply: (form) =>
      form.kind === "text" && form.token
        ? { verdict: "expected" }
        : { verdict: "differs", note: "the token is not plain text" },
  },
  registry: {
    title: "GET /v1.3/registry/{registryId}",
    section: "§3; registry §1, §4",
    expects: 'a JSON object with "registryType"',
    success: [200],
    handled: { 404: "no such registry: gone, as while a deleted registry is polled (registry §1, §7)" },
    judgeReply: (form) =>
      has(form, "registryType")
        ? { verdict: "expected" }
        : { verdict: "differs", note: 'no "registryType" string in the reply' },
  },
  list: {
    title: "GET /v1.3/registry/{registryId}/schedule",
    section: "§3, §7",
    expects: '{"count": n, "data": [...]}, or 204 with no body when nothing matches',
    success: [200, 204],
    judgeReply: judgePage,
  },
  repositories: {
    title: "GET /v1.3/registry/{registryId}/repository",
    section: "§3 (Repositories)",
    expects: '{"count": n, "data": [{"repoName", …}]}, or 204 with no body when the registry lists none',
    success: [200, 204],
    handled: {
      403: "not allowed to list: nothing checked, a warning says so (§5, Repository selection)",
      404: "no such registry, or no such listing on this platform: nothing checked, a warning says so",
    },
    judgeReply: judgePage,
  },
  create: {
    title: "POST /v1.3/registry/{registryId}/schedule",
    section: "§3, §8 item 3",
    expects: '200/201 with {"scheduleUuid": "…"}',
    success: [201, 200],
    judgeReply: (form) => {
      if (has(form, "scheduleUuid")) return { verdict: "expected" };
      if (has(form, "scheduleId"))
        return { verdict: "alternative", note: '"scheduleId" instead of "scheduleUuid" (§8 item 3)' };
      if ((form.kind === "text" || form.kind === "string") && form.uuid)
        return { verdict: "alternative", note: "a bare schedule UUID (§8 item 3)" };
      return { verdict: "differs", note: "no schedule ID the provider can read" };
    },
  },
  update: {
    title: "PUT /v1.3/registry/{registryId}/schedule/{scheduleId}",
    section: "§3",
    expects: "200, echoing the ID",
    success: [200],
    alternativeStatus: { 204: "204: the provider reads the schedule back anyway" },
    handled: { 400: "refused while the schedule is Running (§6)" },
    judgeReply: () => ({ verdict: "expected" }),
  },
  delete: {
    title: "DELETE /v1.3/registry/{registryId}/schedule/{scheduleId}",
    section: "§3, §8 item 7",
    expects: "200/204, the schedule gone at once",
    success: [200, 204],
    alternativeStatus: {
      405: "single delete not offered: the bulk endpoint is used for the one ID (§8 item 7)",
      501: "single delete not offered: the bulk endpoint is used for the one ID (§8 item 7)",
    },
    handled: {
      404: "already gone: counts as deleted (§9)",
      400: "refused while the schedule is Running: cancelled, then deleted (§6)",
    },
    judgeReply: () => ({ verdict: "expected" }),
  },
  bulkDelete: {
    title: "DELETE /v1.3/registry/{registryId}/schedule/bulk?scheduleIds=<id>",
    section: "§3, §8 item 7",
    expects: '200 with {"deletionJobId"}, asynchronous',
    success: [200],
    judgeReply: (form) =>
      has(form, "deletionJobId")
        ? { verdict: "expected" }
        : { verdict: "alternative", note: 'no "deletionJobId": the provider polls for the ID anyway' },
  },
  cancel: {
    title: "POST /v1.3/registry/{registryId}/schedule/{scheduleId}/cancel",
    section: "§3",
    expects: "200",
    success: [200],
    judgeReply: () => ({ verdict: "expected" }),
  },
  registryList: {
    title: "GET /v1.3/registry?filter=…",
    section: "registry §1",
    expects: '{"count": n, "data": [...]}, or 204 with no body when nothing matches',
    success: [200, 204],
    judgeReply: (form) =>
      form.kind === "empty" || (form.kind === "object" && form.keys.includes("data"))
        ? { verdict: "expected" }
        : { verdict: "differs", note: 'neither {"count", "data"} nor an empty 204' },
  },
  registryCreate: {
    title: "POST /v1.3/registry",
    section: "registry §1, §6",
    expects: '200 with {"registryUuid": "…"}',
    success: [200],
    alternativeStatus: { 201: "201 instead of 200: read the same" },
    handled: {
      400: "refused, the message naming the field (registry §2), or the URI registered already (§5)",
    },
    judgeReply: (form) =>
      has(form, "registryUuid")
        ? { verdict: "expected" }
        : {
            verdict: "alternative",
            note: 'no "registryUuid" in the reply: the provider finds the registry by its URI (registry §6)',
          },
  },
  registryUpdate: {
    title: "PUT /v1.3/registry/{registryId}",
    section: "registry §1, §3",
    expects: "200",
    success: [200],
    alternativeStatus: { 204: "204: the provider reads the registry back anyway" },
    judgeReply: () => ({ verdict: "expected" }),
  },
  registryDelete: {
    title: 'DELETE /v1.3/registry {"registryIds": [...]}',
    section: "registry §1, §7",
    expects: '200 with {"deletionJobId"}, asynchronous',
    success: [200],
    judgeReply: (form) =>
      has(form, "deletionJobId")
        ? { verdict: "expected" }
        : {
            verdict: "alternative",
            note: 'no "deletionJobId": the provider polls the details until 404 anyway',
          },
  },
  awsBase: {
    title: "GET /v1.3/registry/aws-base",
    section: "registry §1",
    expects: "200 with {accountId, externalId}",
    success: [200],
    judgeReply: (form) =>
      form.kind === "object" && form.keys.includes("accountId") && form.keys.includes("externalId")
        ? { verdict: "expected" }
        : { verdict: "differs", note: "no accountId and externalId in the reply" },
  },
};

/** Fields a listed schedule carries according to the generated clients (docs/qualys-contract.md §7). */
export const DOCUMENTED_ITEM_FIELDS = [
  "scheduleUuid",
  "name",
  "onDemand",
  "schedule",
  "status",
  "filters",
  "created",
  "updated",
] as const;

/**
 * Fields whose presence in v1.3 list replies the contract leaves open (§7): without them, list items
 * have the v1.1 shape, and the provider keeps the last applied values of these fields.
 */
export const EXTENDED_ITEM_FIELDS = ["interval", "weekDay", "forceScan", "additionalFilters"] as const;

/** The two spellings of the interval (docs/qualys-contract.md §8 item 2). */
export const INTERVAL_KEYS = ["scheduleScanIntervalInDays", "scheduleIntervalInDays"] as const;

/** The error body the contract documents (§3). */
export const ERROR_BODY_KEYS = ["errorCode", "message"] as const;
