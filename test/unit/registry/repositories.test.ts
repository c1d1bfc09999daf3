/**
 * A registry's repositories (provider/registry/repositories.ts) and the schedule's selection check
 * against them (provider/schedule/selection.ts): paged and read once per registry; a typo with a close
 * listed name fails check with the closest names; a name with none is a warning; pendingRepositories
 * accepts names not listed yet; what cannot be read never fails check and says why.
 */
import { closestNames } from "../../../provider/core/suggest";
import { RegistryLookupError } from "../../../provider/errors";
import { listRepositories } from "../../../provider/registry/find";
import { RepositoryApi, type WireRepository } from "../../../provider/registry/repositories";
import { RegistryScanScheduleProvider } from "../../../provider/schedule/provider";
import { checkSelection, type ListRepositories } from "../../../provider/schedule/selection";
import type { ScheduleInputs } from "../../../provider/schedule/types";
import {
  DEMO_PASSWORD,
  DEMO_REGISTRY_ID,
  DEMO_USERNAME,
  startSimulator,
  type RunningSimulator,
} from "../../simulator";
import { simulatorClient } from "../../harness/use-simulator";

let sim: RunningSimulator;
beforeAll(async () => {
  sim = await startSimulator();
});
afterAll(() => sim.close());
beforeEach(() => sim.control.reset());

const listings = () => sim.control.requests().filter((r) => r.path.endsWith("/repository"));

describe("the repository listing of a registry", () => {
  test("reads every page, once per registry per process", async () => {
    const names = Array.from({ length: 230 }, (_, i) => `team/svc-${String(i).padStart(3, "0")}`);
    sim.control.addRepositories(DEMO_REGISTRY_ID, names);
    const api = new RepositoryApi(simulatorClient(sim));
    const [a, b] = await Promise.all([api.list(DEMO_REGISTRY_ID), api.list(DEMO_REGISTRY_ID)]);
    expect(a.map((r) => r.repoName)).toEqual(names);
    expect(b).toBe(a);
    await api.list(DEMO_REGISTRY_ID);
    // 230 repositories in pages of 100: three calls, whoever asked and how often.
    expect(listings().map((r) => r.query)).toEqual([
      "pageNumber=1&pageSize=100",
      "pageNumber=2&pageSize=100",
      "pageNumber=3&pageSize=100",
    ]);
  });
  test("a registry that lists nothing answers 204: an empty list", async () => {
    const api = new RepositoryApi(simulatorClient(sim));
    expect(await api.list(DEMO_REGISTRY_ID)).toEqual([]);
    expect(listings().map((r) => r.status)).toEqual([204]);
  });
  test("a failed listing is not kept: the next ask reads again", async () => {
    sim.control.addRepositories(DEMO_REGISTRY_ID, ["team/api"]);
    sim.control.injectFault({ path: "/repository$", kind: "status", status: 403, times: 1 });
    const api = new RepositoryApi(simulatorClient(sim));
    await expect(api.list(DEMO_REGISTRY_ID)).rejects.toThrow(/403/);
    expect((await api.list(DEMO_REGISTRY_ID)).map((r) => r.repoName)).toEqual(["team/api"]);
  });
});

describe("getRepositories (the look-up the program and the plugin share)", () => {
  test("answers names and details by name, filtered by nameContains ignoring case", async () => {
    sim.control.addRepositories(DEMO_REGISTRY_ID, [
      "team/web",
      { repoName: "team/API", totalImages: 4 },
      "other/x",
    ]);
    const api = new RepositoryApi(simulatorClient(sim));
    const found = await listRepositories(api, { registryId: DEMO_REGISTRY_ID, nameContains: "TEAM/" });
    expect(found.names).toEqual(["team/API", "team/web"]);
    expect(found.repositories[0]).toMatchObject({ name: "team/API", totalImages: 4 });
    expect(found.registryId).toBe(DEMO_REGISTRY_ID);
  });
  test("a registry Qualys does not have is a RegistryLookupError naming the ID", async () => {
    const api = new RepositoryApi(simulatorClient(sim));
    const err = await listRepositories(api, { registryId: "no-such-registry" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryLookupError);
    expect((err as Error).message).toContain('getRepositories: no Qualys registry has ID "no-such-registry"');
  });
});

describe("closest names", () => {
  test("a typo, another case, or a long name a few edits away", () => {
    const names = ["team/api", "team/worker", "team/web", "platform/billing-service"];
    expect(closestNames("team/apii", names)).toEqual(["team/api"]);
    expect(closestNames("Team/API", names)).toEqual(["team/api"]);
    expect(closestNames("platform/biling-servce", names)).toEqual(["platform/billing-service"]);
    expect(closestNames("team/we", names)).toEqual(["team/web"]);
  });
  test("nothing when no name is close", () => {
    expect(closestNames("payments/ledger", ["team/api", "team/worker"])).toEqual([]);
  });
});

/** A listing that counts its calls. */
function fakeListing(names: string[] | Error): ListRepositories & { calls: string[] } {
  const calls: string[] = [];
  const list = (registryId: string): Promise<WireRepository[]> => {
    calls.push(registryId);
    return names instanceof Error
      ? Promise.reject(names)
      : Promise.resolve(names.map((repoName) => ({ repoName, totalImages: 1 })));
  };
  return Object.assign(list, { calls });
}

const schedule = (over: Partial<ScheduleInputs> = {}): Partial<ScheduleInputs> => ({
  registryId: "reg-1",
  name: "nightly",
  repo: ["team/api"],
  ...over,
});

describe("a repository the registry does not list", () => {
  test("with a close listed name, fails check naming the closest names and pendingRepositories", async () => {
    const list = fakeListing(["team/api", "team/worker"]);
    const found = await checkSelection(schedule({ repo: ["team/apii", "team/worker"] }), {}, list);
    expect(found.failures).toEqual([
      {
        property: "repo",
        reason: expect.stringContaining(
          'repo names "team/apii", which registry reg-1 does not hold',
        ) as string,
      },
    ]);
    expect(found.failures[0]?.reason).toContain('did you mean "team/api"?');
    expect(found.failures[0]?.reason).toContain("list it in pendingRepositories");
    expect(found.warnings).toEqual([]);
  });
  test("in the repositories form, blames repositories", async () => {
    const list = fakeListing(["team/api"]);
    const found = await checkSelection(
      schedule({ repo: undefined, repositories: [{ repo: "team/ap", tag: "v1" }] }),
      {},
      list,
    );
    expect(found.failures.map((f) => f.property)).toEqual(["repositories"]);
  });
  test("with no close listed name, is a warning (it may be pushed later)", async () => {
    const found = await checkSelection(
      schedule({ repo: ["payments/ledger"] }),
      {},
      fakeListing(["team/api"]),
    );
    expect(found.failures).toEqual([]);
    expect(found.warnings).toEqual([
      expect.stringContaining('repository "payments/ledger" is not among the 1 repositories'),
    ]);
  });
  test("listed in pendingRepositories, is accepted without a word", async () => {
    const found = await checkSelection(
      schedule({
        repo: ["team/apiv2", "payments/ledger"],
        pendingRepositories: ["team/apiv2", "payments/ledger"],
      }),
      {},
      fakeListing(["team/api"]),
    );
    expect(found).toEqual({ failures: [], warnings: [] });
  });
});

describe("what is not checked", () => {
  test("a selection the stack already holds is not listed again (a preview without changes costs nothing)", async () => {
    const list = fakeListing(["team/api"]);
    const found = await checkSelection(
      schedule({ repo: ["team/gone"] }),
      schedule({ repo: ["team/gone"] }),
      list,
    );
    expect(found).toEqual({ failures: [], warnings: [] });
    expect(list.calls).toEqual([]);
  });
  test("an unknown registryId or repository (preview of a new registry) is left for up", async () => {
    const list = fakeListing(["team/api"]);
    const unknown = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
    expect(await checkSelection(schedule({ registryId: unknown }), {}, list)).toEqual({
      failures: [],
      warnings: [],
    });
    expect(await checkSelection(schedule({ repo: [unknown] }), {}, list)).toEqual({
      failures: [],
      warnings: [],
    });
    expect(list.calls).toEqual([]);
  });
  test("a registry that lists no repository (not scanned yet, as every new one) checks nothing, silently", async () => {
    const list = fakeListing([]);
    const outcome = await checkSelection(
      schedule({ registryId: "reg-empty", repo: ["team/apii"] }),
      {},
      list,
    );
    expect(outcome).toEqual({ failures: [], warnings: [] });
    expect(list.calls).toEqual(["reg-empty"]);
  });
  test("a listing that cannot be read never fails check, and says why, once per registry and reason", async () => {
    const list = fakeListing(new Error("connect ECONNREFUSED 127.0.0.1:9"));
    const first = await checkSelection(schedule({ registryId: "reg-down" }), {}, list);
    const second = await checkSelection(schedule({ registryId: "reg-down", name: "other" }), {}, list);
    expect(first.failures).toEqual([]);
    expect(first.warnings).toEqual([expect.stringContaining("were not checked against the registry")]);
    expect(first.warnings[0]).toContain("ECONNREFUSED");
    expect(first.warnings[0]).toContain("Nothing was blocked");
    expect(second.warnings).toEqual([]);
  });
});

describe("the provider's check runs the selection check after its rules", () => {
  const provider = new RegistryScanScheduleProvider();
  const news = {
    registryId: DEMO_REGISTRY_ID,
    name: "nightly",
    repo: ["team/apii"],
    scheduleScanIntervalInDays: 1,
    schedule: "19:30",
  };
  beforeAll(() =>
    provider.configure({
      config: new Map([
        ["qualys:gatewayUrl", sim.url],
        ["qualys:username", DEMO_USERNAME],
        ["qualys:password", DEMO_PASSWORD],
      ]),
    } as unknown as Parameters<RegistryScanScheduleProvider["configure"]>[0]),
  );
  test("a typo fails check with its suggestion; nothing but the listing is called", async () => {
    sim.control.addRepositories(DEMO_REGISTRY_ID, ["team/api", "team/worker"]);
    const result = await provider.check({}, news);
    expect(result.failures).toEqual([
      { property: "repo", reason: expect.stringContaining('did you mean "team/api"?') as string },
    ]);
    expect(sim.control.requests().map((r) => `${r.method} ${r.path}`)).toEqual([
      "POST /auth",
      `GET /csapi/v1.3/registry/${DEMO_REGISTRY_ID}/repository`,
    ]);
  });
  test("input that breaks a rule fails without any call", async () => {
    const result = await provider.check({}, { ...news, registryId: "a/b" });
    expect(result.failures?.map((f) => f.property)).toEqual(["registryId"]);
    expect(sim.control.requests()).toEqual([]);
  });
});
