/**
 * The registry's CRUD (provider/registry/crud.ts) and look-up (registry/lookup.ts) against the simulator
 * when Qualys fails, as test/unit/schedule/crud-faults.test.ts does for schedules: every failure is a named error
 * that says what happened and what to do, carries no credential, and no registry is lost or made twice:
 * a create whose outcome is unknown is reconciled by URI, a read never mistakes a bad reply or a 403 for
 * "gone", an update or delete of a registry deleted meanwhile says so. Under a create journal
 * (core/create-journal.ts, the plugin's), the registry of an earlier create whose plugin was killed with
 * its POST out is adopted by the next create, with no second POST, and only that registry.
 */
import {
  withCreateJournal,
  type CreateJournal,
  type SentCreate,
} from "../../../provider/core/create-journal";
import {
  MalformedResponseError,
  PartialCreateError,
  QualysApiError,
  QualysError,
  RegistryCreateOutcomeUnknownError,
  RegistryExistsError,
  RegistryGoneError,
  RegistryLookupArgsError,
  RegistryNotCreatedError,
  RegistrySchedulesRunningError,
} from "../../../provider/errors";
import type { QualysClient } from "../../../provider/qualys/http/client";
import { RegistryApi } from "../../../provider/registry/api";
import {
  createRegistry,
  deleteRegistry,
  readRegistry,
  runningSchedulesOf,
  updateRegistry,
} from "../../../provider/registry/crud";
import { getRegistryAsync, type GetRegistryArgs } from "../../../provider/registry/lookup";
import type { RegistryInputs } from "../../../provider/registry/types";
import type { WireRegistry } from "../../../provider/registry/wire";
import { ScheduleApi } from "../../../provider/schedule/api";
import { DEMO_PASSWORD } from "../../simulator";
import { simulatorClient, useSimulator } from "../../harness/use-simulator";
import { rejection } from "../qualys/http-test-server";

const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/;
const REGISTRIES_PATH = "/csapi/v1.3/registry";
const TOKEN = "jfrog-token-7f3a9c";

const sim = useSimulator().sim;
let client: QualysClient;
let api: RegistryApi;
beforeEach(() => {
  sim().control.reset();
  client = simulatorClient(sim(), { maxRetries: 1, retryBaseMs: 5, timeoutMs: 2000 });
  api = new RegistryApi(client);
});
afterEach(() => client.close());

const inputs = (name: string): RegistryInputs => ({
  registryType: "V2_PRIVATE",
  registryUri: `https://${name}.example.com`,
  name,
  credentialType: "Token",
  accessToken: TOKEN,
});

const failure = rejection;

/** A named error of this package, with no credential in it. */
function expectNamed(err: Error, type: new (...args: never[]) => QualysError): void {
  expect(err).toBeInstanceOf(type);
  expect(err.constructor).not.toBe(QualysError);
  for (const text of [err.message, JSON.stringify(err)]) {
    expect(text).not.toContain(DEMO_PASSWORD);
    expect(text).not.toContain(TOKEN);
    expect(text).not.toMatch(JWT);
  }
}

const posts = () =>
  sim()
    .control.requests()
    .filter((r) => r.method === "POST" && r.path === REGISTRIES_PATH);
const registriesNamed = (name: string) =>
  sim()
    .control.registries()
    .filter((r) => r.registryName === name);

describe("a create whose reply cannot be used", () => {
  test.each([
    ["a non-JSON body", 201, "<html>maintenance</html>", "text/html"],
    ["a reply with no registry ID", 201, "{}", "application/json"],
  ])(
    "%s, nothing committed: RegistryNotCreatedError, the POST not repeated, nothing created",
    async (_l, status, body, contentType) => {
      sim().control.injectFault({
        kind: "body",
        method: "POST",
        path: "/registry$",
        status,
        body,
        contentType,
      });
      const err = await failure(createRegistry(api, inputs("garbled")));
      expectNamed(err, RegistryNotCreatedError);
      expect(err.message).toContain("Qualys has no registry with URI https://garbled.example.com");
      expect(err.message).toContain("run `pulumi up` again");
      expect(posts()).toHaveLength(1);
      expect(registriesNamed("garbled")).toEqual([]);
    },
  );

  test("committed, then the reply lost (500): the registry is found by its URI and adopted, once", async () => {
    sim().control.injectFault({ kind: "commitThenFail", method: "POST", path: "/registry$", mode: "500" });
    const { id, outs } = await createRegistry(api, inputs("committed"));
    const made = registriesNamed("committed");
    expect(made).toHaveLength(1);
    expect(id).toBe(made[0]?.registryUuid);
    expect(outs).toMatchObject({ registryId: id, name: "committed" });
    expect(posts()).toHaveLength(1);
  });

  test("outcome unknown and the check fails too: RegistryCreateOutcomeUnknownError says what to look for", async () => {
    /** The URI check before the POST works; every later one fails as a 403 would. */
    class FailingCheck extends RegistryApi {
      #calls = 0;
      override withUri(uri: string): Promise<WireRegistry[]> {
        this.#calls += 1;
        return this.#calls === 1
          ? super.withUri(uri)
          : Promise.reject(new QualysError("Qualys rejected list registries: 403 FORBIDDEN"));
      }
    }
    sim().control.injectFault({ kind: "commitThenFail", method: "POST", path: "/registry$", mode: "500" });
    const err = await failure(createRegistry(new FailingCheck(client), inputs("unknown")));
    expectNamed(err, RegistryCreateOutcomeUnknownError);
    expect(err.message).toContain("Checking whether Qualys created it failed too");
    expect(err.message).toContain("403 FORBIDDEN");
    expect(err.message).toContain("look in Qualys for a registry with URI https://unknown.example.com");
  });

  test("created, then not readable: a PartialCreateError that records the registry in the stack", async () => {
    sim().control.injectFault({ kind: "status", method: "GET", path: "/registry/[^/]+$", status: 404 });
    const err = await failure(createRegistry(api, inputs("partial")));
    expectNamed(err, PartialCreateError);
    const made = registriesNamed("partial");
    expect(made).toHaveLength(1);
    expect((err as PartialCreateError).id).toBe(made[0]?.registryUuid);
    expect(err.message).toContain("right after creating it");
  });
});

describe("a read", () => {
  test("404: gone, so refresh drops it", async () => {
    const { id } = await createRegistry(api, inputs("gone"));
    sim().control.deleteRegistry(id);
    expect(await readRegistry(api, id)).toEqual({});
  });

  test("403: a QualysApiError, never gone", async () => {
    const { id } = await createRegistry(api, inputs("forbidden"));
    sim().control.injectFault({ kind: "status", method: "GET", path: "/registry/[^/]+$", status: 403 });
    const err = await failure(readRegistry(api, id));
    expectNamed(err, QualysApiError);
    expect((err as QualysApiError).status).toBe(403);
    expect((await readRegistry(api, id)).id).toBe(id);
  });

  test("a malformed reply, every time: a MalformedResponseError, never gone", async () => {
    const { id } = await createRegistry(api, inputs("malformed"));
    sim().control.injectFault({
      kind: "body",
      method: "GET",
      path: "/registry/[^/]+$",
      status: 200,
      body: "[1,2]",
      times: 3,
    });
    const err = await failure(readRegistry(api, id));
    expectNamed(err, MalformedResponseError);
    expect(err.message).toContain(`read registry ${id}`);
  });
});

describe("an update of a registry deleted meanwhile", () => {
  test("404 on the PUT: RegistryGoneError, pointing to refresh then up", async () => {
    const { id } = await createRegistry(api, inputs("gone-before"));
    sim().control.deleteRegistry(id);
    const err = await failure(updateRegistry(api, id, { ...inputs("gone-before"), name: "renamed" }));
    expectNamed(err, RegistryGoneError);
    expect(err.message).toContain(`Registry ${id} is no longer in Qualys`);
    expect(err.message).toContain("`pulumi refresh`");
  });

  test("gone right after the PUT: RegistryGoneError", async () => {
    const { id } = await createRegistry(api, inputs("gone-after"));
    sim().control.injectFault({ kind: "status", method: "GET", path: "/registry/[^/]+$", status: 404 });
    const err = await failure(updateRegistry(api, id, { ...inputs("gone-after"), name: "renamed" }));
    expectNamed(err, RegistryGoneError);
    expect(err.message).toContain("was updated but Qualys no longer has it");
  });
});

describe("a delete", () => {
  const schedules = () => runningSchedulesOf(new ScheduleApi(client));

  test("of a registry Qualys no longer has: done", async () => {
    const { id } = await createRegistry(api, inputs("already-gone"));
    sim().control.deleteRegistry(id);
    await expect(deleteRegistry(api, id, schedules())).resolves.toBeUndefined();
  });

  test("refused because a schedule is Running: RegistrySchedulesRunningError naming it; nothing deleted", async () => {
    const { id } = await createRegistry(api, inputs("busy"));
    const s = sim().control.createSchedule(id, {
      name: "nightly",
      onDemand: true,
      filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
    });
    sim().control.setStatus(id, s.scheduleUuid, "Running");
    const err = await failure(deleteRegistry(api, id, schedules()));
    expectNamed(err, RegistrySchedulesRunningError);
    expect(err.message).toContain("nightly");
    expect(registriesNamed("busy")).toHaveLength(1);
  });

  test("a 500: the QualysApiError, the registry kept", async () => {
    const { id } = await createRegistry(api, inputs("flaky"));
    sim().control.injectFault({
      kind: "status",
      method: "DELETE",
      path: "/registry$",
      status: 500,
      times: 5,
    });
    const err = await failure(deleteRegistry(api, id, schedules()));
    expectNamed(err, QualysApiError);
    expect(registriesNamed("flaky")).toHaveLength(1);
  });
});

describe("getRegistry's arguments", () => {
  test.each([
    ["neither", {}, "got neither"],
    ["both", { registryUri: "https://a.example.com", name: "a" }, "got registryUri and name"],
  ])("%s of registryUri and name: RegistryLookupArgsError before any call", async (_l, args, words) => {
    const err = await failure(getRegistryAsync(args as unknown as GetRegistryArgs));
    expectNamed(err, RegistryLookupArgsError);
    expect(err.message).toContain(words);
    expect(sim().control.requests()).toEqual([]);
  });
});

/** A journal in memory, as the plugin's file would be: `sending` replaces the note, `previous` reads it. */
function memoryJournal(note?: SentCreate): CreateJournal & { note: SentCreate | undefined } {
  const journal = {
    note,
    previous: () => journal.note,
    sending: (sent: SentCreate) => {
      journal.note = sent;
    },
  };
  return journal;
}

const createUnder = (journal: CreateJournal, name: string) =>
  withCreateJournal(journal, () => createRegistry(api, inputs(name)));

const withUri = (name: string) =>
  sim()
    .control.registries()
    .filter((r) => r.registryUri === `https://${name}.example.com`);

/** A registry made outside this resource's creates (the console, another stack). */
function madeElsewhere(name: string): string {
  return sim().control.createRegistry({
    registryType: "V2",
    registryUri: `https://${name}.example.com`,
    registryName: `${name}-console`,
    credentialType: "None",
  }).registryUuid;
}

describe("create journal: a noted create, then the URI held by one registry that was not there before it: adopted", () => {
  test("the registry the earlier POST made is the create's result, read like a new one, with no second POST", async () => {
    const journal = memoryJournal();
    // The earlier create: its POST made the registry, its answer never reached the engine.
    const lost = await createUnder(journal, "killed");
    expect(journal.note).toEqual({ before: [], sentAt: expect.any(Number) as number });
    sim().control.clearRequests();

    const { id, outs } = await createUnder(journal, "killed");
    expect(id).toBe(lost.id);
    expect(outs).toEqual(lost.outs);
    expect(outs).toMatchObject({ registryId: id, name: "killed", registryUri: "https://killed.example.com" });
    // The secret Qualys never returns is kept, as after a normal create.
    expect(outs.accessToken).toBe(TOKEN);
    expect(posts()).toHaveLength(0);
    expect(withUri("killed")).toHaveLength(1);
  });
});

describe("create journal: the registry holding the URI was in the note's `before`: refused", () => {
  test("RegistryExistsError as without a journal; nothing posted, nothing adopted", async () => {
    const existing = madeElsewhere("before");
    const journal = memoryJournal({ before: [existing], sentAt: Date.now() - 60_000 });
    const err = await failure(createUnder(journal, "before"));
    expectNamed(err, RegistryExistsError);
    expect((err as RegistryExistsError).existingRegistryId).toBe(existing);
    expect(err.message).toContain("does not take over a registry it did not create");
    expect(posts()).toHaveLength(0);
    expect(withUri("before").map((r) => r.registryUuid)).toEqual([existing]);
  });
});

describe("create journal: the registry holding the URI is dated before the noted POST: refused", () => {
  test("Qualys created it a minute before the earlier POST left (gateway clock): RegistryExistsError", async () => {
    const existing = madeElsewhere("older");
    // The note says the earlier POST left a minute after Qualys created this registry: not its doing.
    const journal = memoryJournal({ before: [], sentAt: Date.now() + 60_000 });
    const err = await failure(createUnder(journal, "older"));
    expectNamed(err, RegistryExistsError);
    expect((err as RegistryExistsError).existingRegistryId).toBe(existing);
    expect(posts()).toHaveLength(0);
  });
});

describe("create journal: a noted create, but more than one registry holding the URI: refused", () => {
  test("no way to tell which the earlier POST made: RegistryExistsError, nothing posted", async () => {
    madeElsewhere("several");
    /** Lists the URI twice, as a gateway that broke its one-registry-per-URI rule would. */
    class TwoHolders extends RegistryApi {
      override async withUri(uri: string): Promise<WireRegistry[]> {
        const found = await super.withUri(uri);
        return [...found, { ...found[0]!, registryUuid: `${found[0]!.registryUuid}-twin` }];
      }
    }
    const journal = memoryJournal({ before: [], sentAt: Date.now() - 60_000 });
    const err = await failure(
      withCreateJournal(journal, () => createRegistry(new TwoHolders(client), inputs("several"))),
    );
    expectNamed(err, RegistryExistsError);
    expect(posts()).toHaveLength(0);
  });
});

describe("create journal: the URI taken and no note of an earlier create: refused", () => {
  test("with a journal holding no note (the plugin, no killed create): RegistryExistsError", async () => {
    const existing = madeElsewhere("unnoted");
    const err = await failure(createUnder(memoryJournal(), "unnoted"));
    expectNamed(err, RegistryExistsError);
    expect((err as RegistryExistsError).existingRegistryId).toBe(existing);
    expect(posts()).toHaveLength(0);
  });

  test("with no journal at all (the dynamic resources): RegistryExistsError, as before", async () => {
    madeElsewhere("dynamic");
    const err = await failure(createRegistry(api, inputs("dynamic")));
    expectNamed(err, RegistryExistsError);
    expect(posts()).toHaveLength(0);
  });
});

describe("create journal: a note of an earlier create, but the URI free: created normally", () => {
  test("one POST, and the note replaced by this create's", async () => {
    const earlier: SentCreate = { before: ["gone-0001"], sentAt: Date.now() - 60_000 };
    const journal = memoryJournal(earlier);
    const { id, outs } = await createUnder(journal, "free");
    expect(posts()).toHaveLength(1);
    expect(withUri("free").map((r) => r.registryUuid)).toEqual([id]);
    expect(outs).toMatchObject({ registryId: id, name: "free" });
    expect(journal.note).toEqual({ before: [], sentAt: expect.any(Number) as number });
    expect(journal.note!.sentAt).toBeGreaterThan(earlier.sentAt);
  });
});
