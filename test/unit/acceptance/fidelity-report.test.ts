/**
 * The acceptance run's fidelity report (test/acceptance/fidelity.ts): what it makes of the replies a
 * tenant may give, compared with the contract, and that nothing of their values reaches it.
 */
import { buildReport, FidelityRecorder, renderSummary, replyForm, scrub } from "../../acceptance/fidelity";
import type { ProxiedExchange } from "../../harness/forwarding-proxy";

const R = "5e1f0c2a-7b3d-4c8e-9a6f-1d2b3c4e5f60";
const S1 = "7d0bf5b6-6b83-4c8c-88f4-5adb96e84f9d";
const S2 = "77283a08-4e03-46d9-b909-b57119311081";
const NAME = "pqcs-acc-secret-name";
const TOKEN = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1In0.c2lnbmF0dXJl";
const SCHEDULES = `/csapi/v1.3/registry/${R}/schedule`;

const ex = (method: string, path: string, status: number, body: unknown, query = ""): ProxiedExchange => ({
  method,
  path,
  query: new URLSearchParams(query),
  requestBody: "",
  status,
  headers: {},
  body: typeof body === "string" ? body : JSON.stringify(body),
});

const v13Item = (id: string) => ({
  scheduleUuid: id,
  name: NAME,
  onDemand: false,
  schedule: "19:30",
  status: "Created",
  filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
  created: 1,
  updated: 2,
  scheduleScanIntervalInDays: 1,
  scheduleIntervalInDays: 1,
  weekDay: null,
  forceScan: false,
  additionalFilters: null,
});
const v11Item = (id: string) => {
  const {
    scheduleScanIntervalInDays: _a,
    scheduleIntervalInDays: _b,
    weekDay: _c,
    forceScan: _d,
    additionalFilters: _e,
    ...rest
  } = v13Item(id);
  return rest;
};

const ctx = {
  date: "2026-01-01",
  versions: { package: "0.0.0", pulumiCli: "v0", node: "v0" },
  tests: [{ name: "a test", status: "passed" as const }],
  objects: { created: 1, schedules: 1, registries: 0, deletedByTests: 1, deletedByCleanUp: 0, leftBehind: 0 },
};

function report(exchanges: ProxiedExchange[]) {
  const rec = new FidelityRecorder();
  for (const e of exchanges) rec.observe(e);
  return buildReport(rec.recording(), ctx);
}

/** A run as the contract documents it. */
const documented = (): ProxiedExchange[] => [
  ex("POST", "/auth", 201, TOKEN),
  ex("GET", `/csapi/v1.3/registry/${R}`, 200, { registryType: "DockerHub", registryUuid: R }),
  ex("GET", SCHEDULES, 204, "", `filter=name:${NAME}`),
  ex("POST", SCHEDULES, 201, { scheduleUuid: S1 }),
  ex("GET", SCHEDULES, 200, { count: 1, data: [v13Item(S1)] }, `filter=scheduleUuid:${S1}`),
  ex("DELETE", `${SCHEDULES}/${S1}`, 200, { scheduleUuid: S1 }),
  ex("GET", SCHEDULES, 204, "", `filter=scheduleUuid:${S1}`),
];

describe("a tenant that answers as the contract documents", () => {
  test("gives the verdict 'expected' for every call kind, and no alternative or difference", () => {
    const r = report(documented());
    expect(r.verdict).toBe("expected");
    expect(r.alternatives).toEqual([]);
    expect(r.differences).toEqual([]);
    expect(Object.keys(r.calls).sort()).toEqual(["auth", "create", "delete", "list", "registry"]);
    expect(r.calls.create?.replies).toEqual({ "201: JSON object {scheduleUuid}": 1 });
    expect(r.listItems.shape).toEqual({ "v1.3": 1 });
    expect(r.listItems.intervalSpelling).toEqual({ both: 1 });
    expect(r.deletes.single).toEqual({ goneAtOnce: 1, goneLater: 0, stillListed: 0, notReadAfter: 0 });
  });
});

describe("alternatives the contract allows", () => {
  test("v1.1 list items: the report names the shape the tenant used, verdict 'alternative'", () => {
    const r = report([ex("GET", SCHEDULES, 200, { count: 1, data: [v11Item(S1)] })]);
    expect(r.listItems.shape).toEqual({ "v1.1": 1 });
    expect(r.listItems.intervalSpelling).toEqual({ neither: 1 });
    expect(r.alternatives.join("\n")).toContain("v1.1 shape");
    expect(r.calls.list?.verdict).toBe("alternative");
    expect(r.verdict).toBe("alternative");
  });

  test("one interval spelling only is named", () => {
    const { scheduleIntervalInDays: _drop, ...item } = v13Item(S1);
    const r = report([ex("GET", SCHEDULES, 200, { count: 1, data: [item] })]);
    expect(r.alternatives).toEqual([
      "list: the interval is spelled scheduleScanIntervalInDays only: allowed (§8 item 2), read either",
    ]);
  });

  test.each([
    ["scheduleId", { scheduleId: S1 }, '"scheduleId" instead of "scheduleUuid"'],
    ["a bare UUID", S1, "a bare schedule UUID"],
    ["a quoted UUID", `"${S1}"`, "a bare schedule UUID"],
  ])("a create reply with %s", (_what, body, note) => {
    const r = report([ex("POST", SCHEDULES, 200, body)]);
    expect(r.calls.create?.verdict).toBe("alternative");
    expect(r.alternatives.join("\n")).toContain(note);
  });

  test("a single delete answered 405, then the bulk delete: both named, the delete followed to its end", () => {
    const r = report([
      ex("DELETE", `${SCHEDULES}/${S1}`, 405, { errorCode: "405 METHOD_NOT_ALLOWED", message: "no" }),
      ex("DELETE", `${SCHEDULES}/bulk`, 200, { deletionJobId: S2 }, `scheduleIds=${S1}`),
      ex("GET", SCHEDULES, 200, { count: 1, data: [v13Item(S1)] }, `filter=scheduleUuid:${S1}`),
      ex("GET", SCHEDULES, 204, "", `filter=scheduleUuid:${S1}`),
    ]);
    expect(r.calls.delete?.verdict).toBe("alternative");
    expect(r.calls.delete?.errors).toEqual({
      "405: JSON object {errorCode, message} (errorCode 405 METHOD_NOT_ALLOWED)": 1,
    });
    expect(r.calls.bulkDelete?.verdict).toBe("expected");
    expect(r.deletes.bulk).toEqual({ goneAtOnce: 0, goneLater: 1, stillListed: 0, notReadAfter: 0 });
  });

  test("registry calls are judged by the registry contract: a create reply without registryUuid is an alternative", () => {
    const r = report([
      ex("GET", "/csapi/v1.3/registry", 204, "", 'filter=registryUri:"https://x"'),
      ex("POST", "/csapi/v1.3/registry", 200, R),
      ex("PUT", `/csapi/v1.3/registry/${R}`, 200, { registryUuid: R }),
      ex("DELETE", "/csapi/v1.3/registry", 200, { deletionJobId: S2 }),
    ]);
    expect(Object.keys(r.calls).sort()).toEqual([
      "registryCreate",
      "registryDelete",
      "registryList",
      "registryUpdate",
    ]);
    expect(r.calls.registryList?.verdict).toBe("expected");
    expect(r.calls.registryUpdate?.verdict).toBe("expected");
    expect(r.calls.registryDelete?.verdict).toBe("expected");
    expect(r.alternatives).toEqual([
      'registryCreate: no "registryUuid" in the reply: the provider finds the registry by its URI (registry §6) (1×)',
    ]);
  });

  test("200 for /auth instead of 201", () => {
    expect(report([ex("POST", "/auth", 200, TOKEN)]).calls.auth?.verdict).toBe("alternative");
  });
});

describe("differences from the contract", () => {
  test("a create reply without a readable ID", () => {
    const r = report([ex("POST", SCHEDULES, 201, { id: 42 })]);
    expect(r.verdict).toBe("differs");
    expect(r.differences).toEqual(["create: no schedule ID the provider can read (1×)"]);
  });

  test("a single delete after which the schedule is still listed", () => {
    const r = report([
      ex("DELETE", `${SCHEDULES}/${S1}`, 200, ""),
      ex("GET", SCHEDULES, 200, { count: 1, data: [v13Item(S1)] }, `filter=scheduleUuid:${S1}`),
    ]);
    expect(r.deletes.single.stillListed).toBe(1);
    expect(r.differences.join("\n")).toContain("still listed after a successful single delete");
  });

  test("a status the contract does not expect, and a call it does not list", () => {
    const r = report([
      ex("POST", SCHEDULES, 400, { errorCode: "400 BAD_REQUEST", message: `bad ${NAME}` }),
      ex("GET", `/csapi/v1.3/images/${S2}`, 200, {}),
    ]);
    expect(r.differences).toEqual([
      "create: 400 (1×): not a status the contract expects here",
      "GET /csapi/v1.3/images/{id}: 1 call(s) the contract does not list",
    ]);
  });

  test("list items without a documented field", () => {
    const { schedule: _drop, ...item } = v13Item(S1);
    const r = report([ex("GET", SCHEDULES, 200, { count: 1, data: [item] })]);
    expect(r.listItems.missingDocumentedFields).toEqual(["schedule"]);
    expect(r.calls.list?.verdict).toBe("differs");
  });

  test("rate limits, an expired token and transient errors are handled, not differences", () => {
    const r = report([
      ex("GET", SCHEDULES, 429, { errorCode: "429 TOO_MANY_REQUESTS", message: "slow down" }),
      ex("GET", SCHEDULES, 401, { message: "JWT expired" }),
      ex("GET", SCHEDULES, 503, { errorCode: "503 SERVICE_UNAVAILABLE", message: "later" }),
      ex("GET", SCHEDULES, 204, ""),
    ]);
    expect(r.differences).toEqual([]);
    expect(r.calls.list?.findings).toHaveLength(3);
  });
});

describe("nothing of the replies' values reaches the report", () => {
  test("no ID, name or token, in the JSON or the summary", () => {
    const r = report([
      ...documented(),
      ex("POST", SCHEDULES, 400, { errorCode: "400 BAD_REQUEST", message: `schedule ${NAME} in ${R}` }),
      ex("GET", SCHEDULES, 200, { count: 1, data: [{ ...v13Item(S2), [S2]: 1 }] }),
    ]);
    for (const text of [JSON.stringify(r), renderSummary(r)]) {
      for (const value of [R, S1, S2, NAME, TOKEN, "DockerHub", "team/api", "19:30"])
        expect(text).not.toContain(value);
    }
    expect(r.listItems.fields["<unusual field name>"]).toBe(1);
  });

  test("replyForm keeps kinds and field names only", () => {
    expect(replyForm(JSON.stringify({ scheduleUuid: S1, count: 3 }))).toEqual({
      kind: "object",
      keys: ["count", "scheduleUuid"],
      stringKeys: ["scheduleUuid"],
    });
    expect(replyForm(TOKEN)).toEqual({ kind: "text", token: true, uuid: false, html: false });
  });

  test("scrub replaces the run's values and anything shaped like a UUID or a token, and counts them", () => {
    const out = scrub(`at 127.0.0.1:8080 user acc-user ${S1} ${TOKEN}`, ["127.0.0.1:8080", "acc-user"]);
    expect(out.text).toBe("at [redacted] user [redacted] [redacted] [redacted]");
    expect(out.replaced).toBe(4);
  });
});
