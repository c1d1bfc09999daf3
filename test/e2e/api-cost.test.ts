/**
 * What one `pulumi up` of 20 schedules in one registry asks of Qualys, from the simulator's request
 * log: the name checks cost one listing of the registry for the whole run, the repository checks one
 * listing of the registry's repositories (schedule/selection.ts), each create is one POST and
 * nothing more (a write is not read back, docs/qualys-contract.md §9), an update of all 20 is 20 PUTs,
 * a refresh one listing, and destroy one DELETE per schedule (the single delete answers synchronously).
 */
import { type LoggedRequest } from "../simulator";
import { apiCalls } from "../harness/api-calls";
import { dailySchedules, declare } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { type ProgramStack } from "../harness/stack";
import { first } from "../harness/assert";

const { sim, schedulesStack } = useSimulator();
let ps: ProgramStack | undefined;

/** Calls by kind, list calls split into page-throughs of the registry and look-ups by a filter. */
function summary(log: LoggedRequest[]): Record<string, number> {
  const out = apiCalls(log);
  const lists = log.filter((r) => r.method === "GET" && /\/schedule$/.test(r.path));
  out["list: registry page"] = lists.filter((r) => !r.query.includes("filter=")).length;
  out["list: by ID"] = lists.filter((r) => r.query.includes("filter=scheduleUuid")).length;
  out["list: by name"] = lists.filter((r) => r.query.includes("filter=name")).length;
  return out;
}

const NO_LIST = { "list: registry page": 0, "list: by ID": 0, "list: by name": 0 };

test("up of 20 in one registry: 1 auth, 1 registry read, 1 listing for the name checks, 1 repository listing, 20 POSTs; update of all 20: 20 PUTs; refresh: 1 listing; destroy: 20 DELETEs", async () => {
  const declared = dailySchedules("cost", 20);
  ps = await schedulesStack(declared);
  sim().control.clearRequests();
  expect((await ps.run(["up", "--yes", "--skip-preview"])).code).toBe(0);
  const log = sim().control.requests();
  const up = summary(log);
  console.log(`REQUEST-LOG-SUMMARY up of 20 in one registry: ${JSON.stringify(up)} (${log.length} calls)`);
  expect(up).toEqual({
    auth: 1,
    registry: 1,
    list: 1,
    repositories: 1,
    create: 20,
    ...NO_LIST,
    "list: registry page": 1,
  });
  // The repository list is read before the first POST: the selection check runs in check, before any write.
  const firstWrite = log.findIndex((r) => r.method === "POST" && /\/schedule$/.test(r.path));
  expect(log.slice(0, firstWrite).filter((r) => r.path.endsWith("/repository"))).toHaveLength(1);
  // The listing for the name checks comes before the first POST.
  const firstPost = log.findIndex((r) => r.method === "POST" && /\/schedule$/.test(r.path));
  expect(
    log.slice(0, firstPost).filter((r) => r.method === "GET" && /\/schedule$/.test(r.path)),
  ).toHaveLength(1);
  expect(sim().control.schedules()).toHaveLength(20);

  sim().control.clearRequests();
  await ps.setEnv(declare(declared.map((d) => ({ ...d, args: { ...d.args, schedule: "05:15" } }))));
  expect((await ps.run(["up", "--yes", "--skip-preview"])).code).toBe(0);
  const update = summary(sim().control.requests());
  console.log(`REQUEST-LOG-SUMMARY update of all 20: ${JSON.stringify(update)}`);
  // The repositories did not change: no repository listing.
  expect(update).toEqual({ auth: 1, update: 20, ...NO_LIST });
  expect(
    sim()
      .control.schedules()
      .map((s) => s.schedule),
  ).toEqual(Array(20).fill("05:15"));

  // The state holds what Qualys holds: refresh reads every schedule (one listing) and changes nothing.
  sim().control.clearRequests();
  const refresh = await ps.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"]);
  expect(refresh.code).toBe(0);
  const read = summary(sim().control.requests());
  console.log(`REQUEST-LOG-SUMMARY refresh of 20: ${JSON.stringify(read)}`);
  expect(read).toEqual({ auth: 1, list: 1, ...NO_LIST, "list: registry page": 1 });
  // The same check fails when Qualys does differ (a schedule changed in the console).
  const changed = first(sim().control.schedules(), "a schedule");
  sim().control.patchSchedule(changed.registryId, changed.scheduleUuid, { schedule: "06:45" });
  expect((await ps.run(["refresh", "--yes", "--skip-preview", "--expect-no-changes"])).code).not.toBe(0);
  sim().control.patchSchedule(changed.registryId, changed.scheduleUuid, { schedule: "05:15" });

  sim().control.clearRequests();
  expect((await ps.run(["destroy", "--yes", "--skip-preview"])).code).toBe(0);
  const destroy = summary(sim().control.requests());
  console.log(`REQUEST-LOG-SUMMARY destroy of 20: ${JSON.stringify(destroy)}`);
  expect(destroy).toEqual({ auth: 1, delete: 20, ...NO_LIST });
  expect(sim().control.schedules()).toHaveLength(0);
});
