/**
 * The fidelity report of an acceptance run: for each kind of call the provider made, the statuses the
 * gateway answered and the form of its replies, compared with the API contract (./contract.ts). It is
 * made to be attached to a bug report, so it holds no value from any reply or request: no credential,
 * token, host, ID or name, only statuses, field names, kinds of body and counts.
 *
 * The recorder sees the traffic at the loopback proxy the run puts in front of the gateway
 * (test/harness/forwarding-proxy.ts), so the provider runs exactly as it does for a user.
 */
import { classify } from "../harness/api-calls";
import type { ProxiedExchange } from "../harness/forwarding-proxy";
import {
  CALL_KINDS,
  CONTRACT,
  DOCUMENTED_ITEM_FIELDS,
  ERROR_BODY_KEYS,
  EXTENDED_ITEM_FIELDS,
  HANDLED_EVERYWHERE,
  INTERVAL_KEYS,
  REGISTRY_CONTRACT,
  SCHEDULE_CONTRACT,
  type CallKind,
  type ReplyForm,
  type Verdict,
} from "./contract";

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
const TOKEN_RE = /^[A-Za-z0-9._~+/=-]+$/;

/** A field name as the report may show it: an ordinary identifier, else a placeholder (it could hold a value). */
function safeKey(key: string): string {
  const ordinary = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(key) && !/[0-9a-fA-F]{8,}|\d{5,}/.test(key);
  return ordinary ? key : "<unusual field name>";
}

/** The form of a body; nothing of its values. */
export function replyForm(text: string): ReplyForm {
  const trimmed = text.trim();
  if (trimmed === "") return { kind: "empty" };
  let value: unknown;
  try {
    value = JSON.parse(trimmed) as unknown;
  } catch {
    return {
      kind: "text",
      token: TOKEN_RE.test(trimmed) && !UUID_RE.test(trimmed),
      uuid: UUID_RE.test(trimmed),
      html: /^<(!doctype|html)/i.test(trimmed),
    };
  }
  if (Array.isArray(value)) return { kind: "array" };
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>);
    return {
      kind: "object",
      keys: [...new Set(entries.map(([k]) => safeKey(k)))].sort(),
      stringKeys: [
        ...new Set(entries.filter(([, v]) => typeof v === "string").map(([k]) => safeKey(k))),
      ].sort(),
    };
  }
  if (typeof value === "string") return { kind: "string", uuid: UUID_RE.test(value) };
  return { kind: "scalar", type: value === null ? "null" : typeof value };
}

/** A reply form in words, e.g. `JSON object {count, data}`, `plain text (a token)`. */
export function describeForm(form: ReplyForm): string {
  switch (form.kind) {
    case "empty":
      return "no body";
    case "object":
      return `JSON object {${form.keys.join(", ")}}`;
    case "array":
      return "JSON array";
    case "string":
      return form.uuid ? "JSON string (a UUID)" : "JSON string";
    case "scalar":
      return `JSON ${form.type}`;
    case "text":
      return form.html
        ? "HTML"
        : form.uuid
          ? "plain text (a UUID)"
          : form.token
            ? "plain text (a token)"
            : "plain text";
  }
}

/** What was seen of one kind of call. */
export interface KindRecord {
  calls: number;
  /** Status → count (0: no reply at all). */
  statuses: Record<string, number>;
  /** Success reply form → count. */
  replies: Record<string, number>;
  /** Error reply form (with the error code when it is a plain `NNN WORD` code) → count. */
  errors: Record<string, number>;
  /** Notes on success replies that are an allowed alternative or differ, → count. */
  notes: Record<string, number>;
}

/** What the list replies' items carried. */
export interface ListItemsRecord {
  /** Schedules seen in list replies (one per item, repeats included). */
  items: number;
  /** Field → items carrying it. */
  fields: Record<string, number>;
  /** Interval spelling → items (`both`, one key, or `neither`). */
  intervalSpelling: Record<string, number>;
  /** `v1.3` (all extended fields), `v1.1` (none), `partial` → items. */
  shape: Record<string, number>;
  /** How "nothing matches" was answered → count. */
  noMatch: Record<string, number>;
}

/** Whether deletes took effect at once: the first read after a delete that succeeded. */
export interface DeleteRecord {
  /** Not listed by the first read after the delete. */
  goneAtOnce: number;
  /** Still listed by at least one read after the delete, then gone. */
  goneLater: number;
  /** Still listed when the run ended. */
  stillListed: number;
  /** Never read after the delete. */
  notReadAfter: number;
}

export interface ObjectCounts {
  created: number;
  deleted: number;
}

export interface Recording {
  kinds: Partial<Record<CallKind | "other", KindRecord>>;
  /** Path templates of calls the contract does not list (IDs replaced). */
  otherCalls: Record<string, number>;
  listItems: ListItemsRecord;
  deletes: { single: DeleteRecord; bulk: DeleteRecord };
  /** Rate-limit header names seen (names only). */
  rateLimitHeaders: string[];
  /** Objects created, and of those deleted, as the replies showed (counts only in the report). */
  objects: { schedules: ObjectCounts; registries: ObjectCounts };
}

const inc = (rec: Record<string, number>, key: string, by = 1): void => {
  rec[key] = (rec[key] ?? 0) + by;
};

/** The kinds of call, from a path without values. */
export function pathTemplate(path: string): string {
  return path
    .split("/")
    .map((seg, i, all) => {
      if (seg === "" || /^v\d+(\.\d+)?$/.test(seg) || seg === "csapi") return seg;
      const prev = all[i - 1];
      if (prev === "registry") return "{registryId}";
      if (prev === "schedule" && seg !== "bulk") return "{scheduleId}";
      return /^[a-z]+$/i.test(seg) && seg.length <= 32 ? seg : "{id}";
    })
    .join("/");
}

/** Collects exchanges; keeps IDs in memory only to follow deletes, never in the report. */
export class FidelityRecorder {
  private readonly rec: Recording = {
    kinds: {},
    otherCalls: {},
    listItems: { items: 0, fields: {}, intervalSpelling: {}, shape: {}, noMatch: {} },
    deletes: {
      single: { goneAtOnce: 0, goneLater: 0, stillListed: 0, notReadAfter: 0 },
      bulk: { goneAtOnce: 0, goneLater: 0, stillListed: 0, notReadAfter: 0 },
    },
    rateLimitHeaders: [],
    objects: { schedules: { created: 0, deleted: 0 }, registries: { created: 0, deleted: 0 } },
  };
  /** Deleted IDs not yet seen gone: how they were deleted, and whether a read still listed them. */
  private readonly followed = new Map<string, { via: "single" | "bulk"; listed: boolean }>();
  private readonly created = new Set<string>();
  private readonly deleted = new Set<string>();
  private readonly createdRegistries = new Set<string>();
  private readonly deletedRegistries = new Set<string>();

  /** Records one exchange (the proxy's `observe`). */
  observe(ex: ProxiedExchange): void {
    const named = classify(ex);
    const kind = (CALL_KINDS as readonly string[]).includes(named) ? (named as CallKind) : "other";
    const rec = (this.rec.kinds[kind] ??= { calls: 0, statuses: {}, replies: {}, errors: {}, notes: {} });
    rec.calls += 1;
    inc(rec.statuses, String(ex.status));
    for (const name of Object.keys(ex.headers)) {
      if (
        /^x-ratelimit-|^x-concurrency-limit-|^retry-after$/.test(name) &&
        !this.rec.rateLimitHeaders.includes(name)
      )
        this.rec.rateLimitHeaders.push(name);
    }
    if (kind === "other") inc(this.rec.otherCalls, `${ex.method} ${pathTemplate(ex.path)}`);
    if (ex.status === 0) return;
    const form = replyForm(ex.body);
    const ok = ex.status >= 200 && ex.status < 300;
    if (!ok) {
      inc(rec.errors, `${ex.status}: ${describeForm(form)}${errorCode(ex.body)}`);
      const documented = form.kind === "object" && ERROR_BODY_KEYS.every((k) => form.keys.includes(k));
      // A 401 after a token expired carries only a message (docs/qualys-contract.md §1).
      if (!documented && ex.status !== 401)
        inc(rec.notes, `differs: an error reply without {${ERROR_BODY_KEYS.join(", ")}} (§3)`);
      if (kind === "delete" && ex.status === 404) this.deleted.add(lastSegment(ex.path));
      return;
    }
    inc(rec.replies, `${ex.status}: ${describeForm(form)}`);
    if (kind !== "other") {
      const judged = CONTRACT[kind].judgeReply(form);
      if (judged.note) inc(rec.notes, `${judged.verdict}: ${judged.note}`);
    }
    if (kind === "list") this.observeList(ex, form);
    if (kind === "create") {
      const id = createdId(ex.body);
      if (id !== undefined) this.created.add(id);
    }
    if (kind === "registryCreate") {
      const id = createdId(ex.body, "registryUuid");
      if (id !== undefined) this.createdRegistries.add(id);
    }
    if (kind === "registryDelete") for (const id of registryIds(ex)) this.deletedRegistries.add(id);
    if (kind === "delete") this.follow(lastSegment(ex.path), "single");
    if (kind === "bulkDelete") {
      for (const id of (ex.query.get("scheduleIds") ?? "").split(","))
        if (id.trim() !== "") this.follow(id.trim(), "bulk");
    }
  }

  private follow(id: string, via: "single" | "bulk"): void {
    this.deleted.add(id);
    this.followed.set(id, { via, listed: false });
  }

  private observeList(ex: ProxiedExchange, form: ReplyForm): void {
    const li = this.rec.listItems;
    let items: Record<string, unknown>[] = [];
    if (form.kind === "object") {
      const data = (JSON.parse(ex.body) as { data?: unknown }).data;
      if (Array.isArray(data))
        items = data.filter((d): d is Record<string, unknown> => typeof d === "object" && d !== null);
    }
    if (ex.status === 204 || (form.kind === "object" && items.length === 0)) {
      inc(li.noMatch, ex.status === 204 ? "204 with no body" : `${ex.status} with an empty "data"`);
    }
    const listed = new Set(
      items.map((i) => i.scheduleUuid).filter((id): id is string => typeof id === "string"),
    );
    for (const item of items) {
      li.items += 1;
      for (const key of Object.keys(item)) inc(li.fields, safeKey(key));
      const spelled = INTERVAL_KEYS.filter((k) => k in item);
      inc(
        li.intervalSpelling,
        spelled.length === 2 ? "both" : spelled.length === 1 ? `${spelled[0]} only` : "neither",
      );
      const extended = EXTENDED_ITEM_FIELDS.filter((f) =>
        f === "interval" ? spelled.length > 0 : f in item,
      );
      inc(
        li.shape,
        extended.length === EXTENDED_ITEM_FIELDS.length ? "v1.3" : extended.length === 0 ? "v1.1" : "partial",
      );
    }
    // A delete is judged by the first read that could have listed it: a filter on its ID, or a
    // complete listing of the registry.
    const filter = ex.query.get("filter") ?? "";
    const count = form.kind === "object" ? (JSON.parse(ex.body) as { count?: unknown }).count : undefined;
    const complete =
      filter === "" && (ex.status === 204 || (typeof count === "number" && count <= items.length));
    for (const [id, f] of this.followed) {
      const byId = filter.includes(id);
      if (listed.has(id)) {
        f.listed = true;
      } else if (byId || complete) {
        // Gone: counted once, then no longer followed.
        const d = this.rec.deletes[f.via];
        if (f.listed) d.goneLater += 1;
        else d.goneAtOnce += 1;
        this.followed.delete(id);
      }
    }
  }

  /** The recording so far, with open deletes counted. */
  recording(): Recording {
    const out = structuredClone(this.rec);
    for (const f of this.followed.values()) {
      const d = out.deletes[f.via];
      if (f.listed) d.stillListed += 1;
      else d.notReadAfter += 1;
    }
    const counts = (created: Set<string>, deleted: Set<string>): ObjectCounts => ({
      created: created.size,
      deleted: [...created].filter((id) => deleted.has(id)).length,
    });
    out.objects = {
      schedules: counts(this.created, this.deleted),
      registries: counts(this.createdRegistries, this.deletedRegistries),
    };
    return out;
  }

  /** IDs of the objects created in this run (for scrubbing the report; never reported). */
  createdIds(): string[] {
    return [...this.created, ...this.createdRegistries];
  }
}

function lastSegment(path: string): string {
  return decodeURIComponent(path.split("/").filter(Boolean).pop() ?? "");
}

/** The ID in a create reply: `key` (or, for schedules, `scheduleId`), or a bare or quoted UUID. */
function createdId(body: string, key = "scheduleUuid"): string | undefined {
  const form = replyForm(body);
  const text = body.trim();
  if (form.kind === "object") {
    const rec = JSON.parse(text) as Record<string, unknown>;
    for (const k of [key, "scheduleId"]) if (typeof rec[k] === "string") return rec[k];
  }
  if (form.kind === "string" && form.uuid) return JSON.parse(text) as string;
  if (form.kind === "text" && form.uuid) return text;
  return undefined;
}

/** The registry IDs a registry delete asked for: `{"registryIds": [...]}` in the body, or the query. */
function registryIds(ex: ProxiedExchange): string[] {
  try {
    const ids = (JSON.parse(ex.requestBody) as { registryIds?: unknown }).registryIds;
    if (Array.isArray(ids)) return ids.filter((id): id is string => typeof id === "string");
  } catch {
    // Not JSON: the query form.
  }
  return (ex.query.get("registryIds") ?? "")
    .split(",")
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

/** ` (errorCode 400 BAD_REQUEST)` when the body carries a plain code; never the message (it may hold IDs). */
function errorCode(body: string): string {
  try {
    const code = (JSON.parse(body) as { errorCode?: unknown }).errorCode;
    return typeof code === "string" && /^\d{3}( [A-Z_]{1,40})?$/.test(code) ? ` (errorCode ${code})` : "";
  } catch {
    return "";
  }
}

// ---- the report -------------------------------------------------------------------------------

export interface TestOutcome {
  /** The test's full name (describe and test titles; static text, no run values). */
  name: string;
  status: "passed" | "failed" | "skipped";
}

export interface KindReport extends KindRecord {
  title: string;
  section: string;
  expects: string;
  verdict: Verdict;
  findings: string[];
}

export interface FidelityReport {
  format: "pulumi-qualys-cs fidelity report 1";
  /** The contracts the replies are compared with. */
  contracts: string[];
  date: string;
  versions: { package: string; pulumiCli: string; node: string };
  tests: { passed: number; failed: number; skipped: number; results: TestOutcome[] };
  /** Schedules the run created and deleted; left behind after its own clean-up. */
  /** Objects the run created (schedules and registries), deleted by its tests, by its final clean-up, and left behind. */
  objects: {
    created: number;
    schedules: number;
    registries: number;
    deletedByTests: number;
    deletedByCleanUp: number;
    leftBehind: number;
  };
  verdict: Verdict;
  calls: Partial<Record<CallKind | "other", KindReport>>;
  otherCalls: Record<string, number>;
  listItems: ListItemsRecord & { missingDocumentedFields: string[] };
  deletes: Recording["deletes"];
  rateLimitHeaders: string[];
  /** Where the tenant used an alternative the contract allows. */
  alternatives: string[];
  /** Where the tenant differs from the contract. */
  differences: string[];
}

export interface ReportContext {
  date: string;
  versions: FidelityReport["versions"];
  tests: TestOutcome[];
  objects: FidelityReport["objects"];
}

const worst = (a: Verdict, b: Verdict): Verdict =>
  a === "differs" || b === "differs"
    ? "differs"
    : a === "alternative" || b === "alternative"
      ? "alternative"
      : "expected";

/** Compares a recording with the contract. */
export function buildReport(rec: Recording, ctx: ReportContext): FidelityReport {
  const alternatives: string[] = [];
  const differences: string[] = [];
  const calls: FidelityReport["calls"] = {};
  for (const kind of [...CALL_KINDS, "other" as const]) {
    const r = rec.kinds[kind];
    if (!r) continue;
    if (kind === "other") {
      calls.other = {
        ...r,
        title: "calls the contract does not list",
        section: "-",
        expects: "-",
        verdict: "differs",
        findings: [],
      };
      for (const [call, n] of Object.entries(rec.otherCalls)) {
        const f = `${call}: ${n} call(s) the contract does not list`;
        calls.other.findings.push(f);
        differences.push(f);
      }
      continue;
    }
    const c = CONTRACT[kind];
    let verdict: Verdict = "expected";
    const findings: string[] = [];
    /** A finding of this kind; alternatives and differences also go to the report's lists. */
    const find = (text: string, v: Verdict | "handled"): void => {
      findings.push(text);
      if (v === "handled") return;
      verdict = worst(verdict, v);
      if (v === "alternative") alternatives.push(`${kind}: ${text}`);
      if (v === "differs") differences.push(`${kind}: ${text}`);
    };
    for (const [statusText, n] of Object.entries(r.statuses)) {
      const status = Number(statusText);
      if (c.success.includes(status)) continue;
      const alt = c.alternativeStatus?.[status];
      const handled = c.handled?.[status] ?? HANDLED_EVERYWHERE[status];
      if (alt) find(`${status} (${n}×): ${alt}`, "alternative");
      else if (handled) find(`${status} (${n}×): ${handled}`, "handled");
      else if (status === 0) find(`no reply (${n}×): the connection failed`, "differs");
      else find(`${status} (${n}×): not a status the contract expects here`, "differs");
    }
    for (const [note, n] of Object.entries(r.notes)) {
      const [v, ...rest] = note.split(": ");
      find(`${rest.join(": ")} (${n}×)`, v as Verdict);
    }
    calls[kind] = { ...r, title: c.title, section: c.section, expects: c.expects, verdict, findings };
  }

  // List items: documented fields, the extended fields (v1.3 or v1.1 shape), interval spelling (§7, §8 item 2).
  const li = rec.listItems;
  const missingDocumentedFields = DOCUMENTED_ITEM_FIELDS.filter(
    (f) => li.items > 0 && (li.fields[f] ?? 0) < li.items,
  );
  if (missingDocumentedFields.length > 0) {
    differences.push(`list: items lack documented fields (§7): ${missingDocumentedFields.join(", ")}`);
    if (calls.list) calls.list.verdict = "differs";
  }
  const shapes = Object.keys(li.shape);
  if (shapes.includes("v1.1")) {
    alternatives.push(
      "list: items have the v1.1 shape (no interval, weekDay, forceScan, additionalFilters): allowed (§7); the provider keeps their last applied values",
    );
    if (calls.list) calls.list.verdict = worst(calls.list.verdict, "alternative");
  }
  if (shapes.includes("partial")) {
    alternatives.push(
      "list: items carry some of interval, weekDay, forceScan, additionalFilters but not all: allowed (§7); missing ones keep their last applied values",
    );
    if (calls.list) calls.list.verdict = worst(calls.list.verdict, "alternative");
  }
  for (const spelling of Object.keys(li.intervalSpelling)) {
    if (spelling === "both" || spelling === "neither") continue;
    alternatives.push(
      `list: the interval is spelled ${spelling.replace(" only", "")} only: allowed (§8 item 2), read either`,
    );
    if (calls.list) calls.list.verdict = worst(calls.list.verdict, "alternative");
  }
  if (li.noMatch[`200 with an empty "data"`]) {
    alternatives.push(
      'list: "nothing matches" answered 200 with an empty "data" instead of 204: read the same',
    );
    if (calls.list) calls.list.verdict = worst(calls.list.verdict, "alternative");
  }
  // Deletes: the contract expects single deletes to take effect at once, bulk deletes later (§3).
  const single = rec.deletes.single;
  if (single.goneLater + single.stillListed > 0) {
    differences.push(
      `delete: ${single.goneLater + single.stillListed} schedule(s) still listed after a successful single delete (the contract expects it gone at once; the provider polls until it is)`,
    );
    if (calls.delete) calls.delete.verdict = "differs";
  }
  if (ctx.objects.leftBehind > 0)
    differences.push(`clean-up: ${ctx.objects.leftBehind} object(s) of this run left behind`);

  let verdict: Verdict = "expected";
  for (const k of Object.values(calls)) if (k) verdict = worst(verdict, k.verdict);
  if (differences.length > 0) verdict = "differs";

  const tests = ctx.tests;
  return {
    format: "pulumi-qualys-cs fidelity report 1",
    contracts: [SCHEDULE_CONTRACT, REGISTRY_CONTRACT],
    date: ctx.date,
    versions: ctx.versions,
    tests: {
      passed: tests.filter((t) => t.status === "passed").length,
      failed: tests.filter((t) => t.status === "failed").length,
      skipped: tests.filter((t) => t.status === "skipped").length,
      results: tests,
    },
    objects: ctx.objects,
    verdict,
    calls,
    otherCalls: rec.otherCalls,
    listItems: { ...li, missingDocumentedFields },
    deletes: rec.deletes,
    rateLimitHeaders: [...rec.rateLimitHeaders].sort(),
    alternatives,
    differences,
  };
}

const counts = (rec: Record<string, number>): string =>
  Object.entries(rec)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, n]) => `${k} ×${n}`)
    .join("; ") || "-";

const VERDICT_WORDS: Record<Verdict, string> = {
  expected: "as the contract expects",
  alternative: "an alternative the contract allows",
  differs: "differs from the contract",
};

/** The readable summary (Markdown). */
export function renderSummary(r: FidelityReport): string {
  const lines = [
    "# Qualys CS fidelity report",
    "",
    `${r.date}; pulumi-qualys-cs ${r.versions.package}, Pulumi CLI ${r.versions.pulumiCli}, Node.js ${r.versions.node}.`,
    `Compared with ${r.contracts.join(" and ")} (sections marked "registry" are of the second). No credential, token, host, ID or name is in this report.`,
    "",
    `**The replies: ${VERDICT_WORDS[r.verdict]}.** Tests: ${r.tests.passed} passed, ${r.tests.failed} failed, ${r.tests.skipped} skipped.`,
    `Objects: ${r.objects.created} created (${r.objects.schedules} schedules, ${r.objects.registries} registries), ${r.objects.deletedByTests} deleted by the tests, ${r.objects.deletedByCleanUp} by the final clean-up, ${r.objects.leftBehind} left behind.`,
    "",
    "| call | contract (section) | calls | statuses | replies | verdict |",
    "|---|---|---:|---|---|---|",
  ];
  for (const [kind, k] of Object.entries(r.calls)) {
    if (!k) continue;
    const replies = [counts(k.replies), Object.keys(k.errors).length > 0 ? `errors: ${counts(k.errors)}` : ""]
      .filter(Boolean)
      .join("; ");
    lines.push(
      `| ${kind} | ${k.expects} (${k.section}) | ${k.calls} | ${counts(k.statuses)} | ${replies} | ${VERDICT_WORDS[k.verdict]} |`,
    );
  }
  const li = r.listItems;
  lines.push(
    "",
    "## List items",
    "",
    `${li.items} items seen. Shape: ${counts(li.shape)}. Interval spelling: ${counts(li.intervalSpelling)}.`,
    `"Nothing matches" answered as: ${counts(li.noMatch)}.`,
    `Fields (items carrying each): ${counts(li.fields)}.`,
    li.missingDocumentedFields.length > 0
      ? `Missing documented fields: ${li.missingDocumentedFields.join(", ")}.`
      : "Every documented field was present.",
    "",
    "## Deletes",
    "",
    `Single: ${describeDeletes(r.deletes.single)}. Bulk: ${describeDeletes(r.deletes.bulk)}.`,
    "",
    "## Alternatives the contract allows",
    "",
    ...(r.alternatives.length > 0 ? r.alternatives.map((a) => `- ${a}`) : ["- none"]),
    "",
    "## Differences from the contract",
    "",
    ...(r.differences.length > 0 ? r.differences.map((d) => `- ${d}`) : ["- none"]),
    "",
    "## Tests",
    "",
    ...r.tests.results.map((t) => `- ${t.status}: ${t.name}`),
    "",
  );
  return lines.join("\n");
}

function describeDeletes(d: DeleteRecord): string {
  return `${d.goneAtOnce} gone at the first read after, ${d.goneLater} gone later, ${d.stillListed} still listed, ${d.notReadAfter} not read after`;
}

/**
 * Replaces any of the run's own values (credentials, token, host, registry and schedule IDs, the run
 * prefix) that slipped into the report text, and anything shaped like a UUID or a JWT. Returns the text
 * and how many replacements it needed (0 unless the report builder has a bug; the tests check for 0).
 */
export function scrub(text: string, secrets: string[]): { text: string; replaced: number } {
  let replaced = 0;
  let out = text;
  for (const s of secrets.filter((v) => v.length >= 3).sort((a, b) => b.length - a.length)) {
    const parts = out.split(s);
    replaced += parts.length - 1;
    out = parts.join("[redacted]");
  }
  out = out.replace(
    /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}|eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g,
    () => {
      replaced += 1;
      return "[redacted]";
    },
  );
  return { text: out, replaced };
}
