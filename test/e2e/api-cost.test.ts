/**
 * What one `pulumi up` of 20 schedules in one registry asks of Qualys, from the simulator's request
 * log: the name checks cost one listing of the registry for the whole run, each create is one POST,
 * read-backs arriving together share a listing (at most one list call per create), and destroy is one
 * DELETE per schedule (the single delete answers synchronously).
 */
import { type LoggedRequest } from "../simulator";
import { apiCalls } from "../harness/api-calls";
import { dailySchedules } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { type ProgramStack } from "../harness/stack";

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

test("up of 20 in one registry: 1 auth, 1 registry read, 1 listing for the name checks, 20 POSTs, at most 20 list calls for the read-backs; destroy: 20 DELETEs", async () => {
  const declared = dailySchedules("cost", 20);
  ps = await schedulesStack(declared);
  sim().control.clearRequests();
  expect((await ps.run(["up", "--yes", "--skip-preview"])).code).toBe(0);
  const log = sim().control.requests();
  const up = summary(log);
  console.log(`REQUEST-LOG-SUMMARY up of 20 in one registry: ${JSON.stringify(up)} (${log.length} calls)`);
  expect(up).toMatchObject({
    auth: 1,
    registry: 1,
    create: 20,
    "list: by name": 0,
  });
  // The listing for the name checks comes before the first POST; each create reads its schedule back.
  const firstPost = log.findIndex((r) => r.method === "POST" && /\/schedule$/.test(r.path));
  expect(
    log.slice(0, firstPost).filter((r) => r.method === "GET" && /\/schedule$/.test(r.path)),
  ).toHaveLength(1);
  expect(up.list).toBeLessThanOrEqual(1 + 20);
  expect(sim().control.schedules()).toHaveLength(20);

  sim().control.clearRequests();
  expect((await ps.run(["destroy", "--yes", "--skip-preview"])).code).toBe(0);
  const destroy = summary(sim().control.requests());
  console.log(`REQUEST-LOG-SUMMARY destroy of 20: ${JSON.stringify(destroy)}`);
  expect(destroy).toEqual({
    auth: 1,
    delete: 20,
    "list: registry page": 0,
    "list: by ID": 0,
    "list: by name": 0,
  });
  expect(sim().control.schedules()).toHaveLength(0);
});
