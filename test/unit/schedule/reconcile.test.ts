/**
 * Reconciling a create whose reply was lost, when Qualys's list lags (provider/schedule/reconcile.ts):
 * a replacement creates a schedule with the same name as the one it replaces, and a stale answer must
 * never make the provider take that old schedule, or another one, for the schedule it just made.
 */
import { createSchedule } from "../../../provider/schedule/crud";
import { noteHeld } from "../../../provider/schedule/held";
import { ScheduleApi } from "../../../provider/schedule/api";
import { DuplicateSchedulesError, QualysError } from "../../../provider/errors";
import type { QualysClient } from "../../../provider/qualys/http/client";
import type { ScheduleInputs } from "../../../provider/schedule/types";
import type { WireSchedule } from "../../../provider/schedule/wire";
import { DEMO_REGISTRY_ID, startSimulator, type RunningSimulator } from "../../simulator";
import { simulatorClient } from "../../harness/use-simulator";

let sim: RunningSimulator;
let client: QualysClient;

beforeAll(async () => {
  sim = await startSimulator();
});

beforeEach(() => {
  sim.control.reset();
  client = simulatorClient(sim, { timeoutMs: 1000, maxRetries: 2, concurrency: 4, retryBaseMs: 20 });
});

afterEach(() => client.close());

afterAll(async () => {
  await sim?.close();
});

const inputs = (repo: string): ScheduleInputs => ({
  registryId: DEMO_REGISTRY_ID,
  name: "nightly",
  onDemand: false,
  repo: [repo],
  scheduleScanIntervalInDays: 1,
  schedule: "19:30",
  forceScan: false,
});

const body = (repo: string) => ({
  name: "nightly",
  onDemand: false,
  filters: [{ repoTags: [{ repo, tag: null }], days: null }],
  scheduleScanIntervalInDays: 1,
  scheduleIntervalInDays: 1,
  weekDay: null,
  schedule: "19:30",
  forceScan: false,
  registryType: "DockerHub",
  additionalFilters: null,
});

/**
 * An API whose list answers lag: the registry's view misses everything (the name check before the
 * POST sees nothing), and the first `hideNew` answers after the POST miss every schedule created
 * after `since`.
 */
class LaggingApi extends ScheduleApi {
  private answers = 0;
  constructor(
    client: QualysClient,
    private readonly since: () => number,
    private readonly hideNew: number,
  ) {
    super(client);
  }
  override namedInView(): Promise<string[]> {
    return Promise.resolve([]);
  }
  override async schedulesNamed(registryId: string, name: string): Promise<WireSchedule[]> {
    const all = await super.schedulesNamed(registryId, name);
    if (++this.answers > this.hideNew) return all;
    return all.filter((s) => typeof s.created === "number" && s.created < this.since());
  }
}

/** The schedule being replaced: same name, another repository, created a moment ago, held by the stack. */
function oldSchedule(): { id: string; createdAt: number } {
  const old = sim.control.createSchedule(DEMO_REGISTRY_ID, body("team/old"));
  noteHeld(`${DEMO_REGISTRY_ID}/${old.scheduleUuid}`);
  return { id: old.scheduleUuid, createdAt: old.created };
}

describe("a replacement's create loses its reply while the list lags", () => {
  test("the name check missed the old schedule: the new one is adopted, never the old one", async () => {
    const old = oldSchedule();
    const api = new LaggingApi(client, () => old.createdAt + 1, 0);
    sim.control.injectFault({ kind: "commitThenFail", method: "POST", path: "/schedule$", mode: "500" });
    const { outs } = await createSchedule(api, inputs("team/new"));
    const created = sim.control.schedules().find((s) => s.scheduleUuid !== old.id);
    expect(outs.scheduleId).toBe(created?.scheduleUuid);
    expect(outs.repo).toEqual(["team/new"]);
  });

  test("a second stale answer also hides the new schedule: the provider keeps looking, and adopts the new one", async () => {
    const old = oldSchedule();
    const api = new LaggingApi(client, () => old.createdAt + 1, 2);
    sim.control.injectFault({ kind: "commitThenFail", method: "POST", path: "/schedule$", mode: "drop" });
    const { outs } = await createSchedule(api, inputs("team/new"));
    expect(outs.scheduleId).not.toBe(old.id);
    expect(outs.repo).toEqual(["team/new"]);
    expect(sim.control.schedules()).toHaveLength(2);
  });

  test("same settings, yet held by the stack (a resource renamed to an existing name): never adopted", async () => {
    const held = sim.control.createSchedule(DEMO_REGISTRY_ID, body("team/new"));
    noteHeld(`${DEMO_REGISTRY_ID}/${held.scheduleUuid}`);
    // The POST is dropped before it reaches Qualys: nothing new exists, only the held look-alike.
    sim.control.injectFault({ kind: "drop", method: "POST", path: "/schedule$" });
    const api = new LaggingApi(client, () => 0, 0);
    const err = await createSchedule(api, inputs("team/new")).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(QualysError);
    expect((err as Error).message).toContain("nothing was created");
  });

  test("same settings, not held, but created before the POST left: never adopted", async () => {
    const earlier = sim.control.createSchedule(DEMO_REGISTRY_ID, body("team/new"));
    sim.control.patchSchedule(DEMO_REGISTRY_ID, earlier.scheduleUuid, { created: Date.now() - 60_000 });
    sim.control.injectFault({ kind: "drop", method: "POST", path: "/schedule$" });
    // Any reply teaches the provider the gateway's clock (its Date header).
    await client.request({ method: "GET", path: `/v1.3/registry/${DEMO_REGISTRY_ID}`, operation: "warm up" });
    const err = await createSchedule(new LaggingApi(client, () => 0, 0), inputs("team/new")).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((err as Error).message).toContain("nothing was created");
    expect(sim.control.schedules()).toHaveLength(1);
  });
});

describe("DuplicateSchedulesError", () => {
  test("lists every schedule with the name, which one the stack owns, and what to delete", async () => {
    const old = oldSchedule();
    // Someone else creates a look-alike right after our POST, whose reply is lost.
    sim.control.injectFault({ kind: "commitThenFail", method: "POST", path: "/schedule$", mode: "500" });
    let other: { scheduleUuid: string } | undefined;
    class Concurrent extends LaggingApi {
      override schedulesNamed(registryId: string, name: string): Promise<WireSchedule[]> {
        other ??= sim.control.createSchedule(DEMO_REGISTRY_ID, body("team/new"));
        return super.schedulesNamed(registryId, name);
      }
    }
    const pending = createSchedule(new Concurrent(client, () => 0, 0), inputs("team/new")).then(
      () => undefined,
      (e: unknown) => e,
    );
    const err = await pending;
    expect(err).toBeInstanceOf(DuplicateSchedulesError);
    const e = err as DuplicateSchedulesError;
    const ours = sim.control
      .schedules()
      .find((s) => s.scheduleUuid !== old.id && s.scheduleUuid !== other?.scheduleUuid);
    console.log(`DUPLICATE-ERROR-AFTER\n${e.message}`);
    expect(e.ownedScheduleIds).toEqual([old.id]);
    expect([...e.scheduleIds].sort()).toEqual([other?.scheduleUuid, ours?.scheduleUuid].sort());
    expect(e.message).toContain(`${old.id}  created`);
    expect(e.message).toContain("ALREADY IN THIS STACK: keep it");
    expect(e.message).toContain("repo team/old, daily at 19:30; differs from what was sent");
    expect(e.message).toContain(`leave ${old.id} alone`);
    expect(e.message).toContain('"When a create\'s outcome is unknown"');
  });
});
