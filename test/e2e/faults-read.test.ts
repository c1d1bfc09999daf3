/**
 * Faults on the read path (docs/qualys-contract.md §7, §9) through the real `pulumi` CLI: 502/503 flapping on reads during refresh, a
 * Running schedule (update refused and nothing changed; destroy cancels, then deletes), and a 403 on
 * read (the resource is kept and the message names the permission to check).
 */
import { DEMO_PASSWORD, DEMO_REGISTRY_ID } from "../simulator";
import { classify } from "../harness/api-calls";
import { convergence, tableRow } from "../harness/fault-scenarios";
import { declare, type Declared, daily } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { dynamicResources, type ProgramStack } from "../harness/stack";
import { first } from "../harness/assert";

const { sim, schedulesStack } = useSimulator();

beforeEach(() => sim().control.reset());

async function newStack(declared: Declared[]): Promise<ProgramStack> {
  return schedulesStack(declared);
}

const up = (ps: ProgramStack) => ps.run(["up", "--yes", "--skip-preview"]);
const refresh = (ps: ProgramStack) => ps.run(["refresh", "--yes", "--skip-preview"]);

/** What the state says about each schedule (the engine's own bookkeeping fields left out). */
const recorded = async (ps: ProgramStack): Promise<string> =>
  JSON.stringify(
    dynamicResources(await ps.exportState()).map(({ urn, id, inputs, outputs }) => ({
      urn,
      id,
      inputs,
      outputs,
    })),
  );

test("7. 502/503 flapping on reads during refresh of 20 schedules: converges, nothing dropped", async () => {
  const declared = Array.from({ length: 20 }, (_, i) => daily(`flap-${String(i).padStart(2, "0")}`));
  const ps = await newStack(declared);
  expect((await up(ps)).code).toBe(0);
  // A quiet refresh first: it reads what only Qualys sets (status, created, updated), which a create
  // leaves absent (docs/qualys-contract.md §9), so the flapping refresh below must change nothing.
  expect((await refresh(ps)).code).toBe(0);
  const before = await recorded(ps);
  sim().control.clearRequests();
  for (const status of [502, 503, 502, 503]) {
    sim().control.injectFault({ kind: "status", method: "GET", path: "/schedule$", status });
  }
  const res = await refresh(ps);
  expect(res.code).toBe(0);
  const reads = sim()
    .control.requests()
    .filter((r) => classify(r) === "list");
  expect(reads.filter((r) => r.status >= 500).map((r) => r.status)).toEqual([502, 503, 502, 503]);
  expect(reads.at(-1)?.status).toBe(200);
  // Nothing read as gone, nothing changed.
  expect(await recorded(ps)).toBe(before);
  const c = convergence(
    sim().control.schedules(),
    await ps.exportState(),
    declared.map((d) => d.name),
  );
  expect(c).toMatchObject({ inState: 20, duplicates: 0, orphans: 0, dangling: 0 });
  tableRow({
    scenario: "7. 502/503 flapping on reads during refresh of 20",
    api: `${reads.length} list calls, 4 answered 502/503, each repeated after a backoff`,
    server: 20,
    state: c.inState,
    duplicates: c.duplicates,
  });
});

test("8. a Running schedule: update refused with a clear message and nothing changed; destroy cancels, then deletes", async () => {
  const name = "running";
  const ps = await newStack([daily(name)]);
  expect((await up(ps)).code).toBe(0);
  const s = first(sim().control.schedules(), "a schedule");
  sim().control.setStatus(DEMO_REGISTRY_ID, s.scheduleUuid, "Running");
  const before = await recorded(ps);

  await ps.setEnv(declare([daily(name, "20:45")]));
  const update = await up(ps);
  expect(update.code).not.toBe(0);
  const out = update.stdout + update.stderr;
  expect(out).toContain(`Cannot update schedule ${s.scheduleUuid}`);
  expect(out).toContain("its status is Running");
  expect(out).toContain("Nothing was changed");
  expect(out).not.toContain(DEMO_PASSWORD);
  expect(sim().control.schedules()).toEqual([
    expect.objectContaining({ scheduleUuid: s.scheduleUuid, schedule: "19:30", status: "Running" }),
  ]);
  expect(await recorded(ps)).toBe(before);

  sim().control.clearRequests();
  const destroy = await ps.run(["destroy", "--yes", "--skip-preview"]);
  expect(destroy.code).toBe(0);
  const steps = sim()
    .control.requests()
    .filter((r) => ["delete", "cancel"].includes(classify(r)))
    .map((r) => `${classify(r)} ${r.status}`);
  expect(steps).toEqual(["delete 400", "cancel 200", "delete 200"]);
  expect(sim().control.schedules()).toEqual([]);
  expect(dynamicResources(await ps.exportState())).toEqual([]);
  tableRow({
    scenario: "8. Running schedule: update, then destroy",
    api: "PUT and DELETE answered 400 (Running); cancel, then DELETE 200",
    server: 0,
    state: 0,
    duplicates: 0,
  });
});

test("9. 403 on read: refresh fails naming the permission to check, and the resource is kept", async () => {
  const name = "forbidden";
  const ps = await newStack([daily(name)]);
  expect((await up(ps)).code).toBe(0);
  const before = await recorded(ps);
  sim().control.injectFault({
    kind: "status",
    method: "GET",
    path: "/schedule$",
    status: 403,
    times: 10,
    body: '{"errorCode":"403 FORBIDDEN","message":"Access denied","timestamp":1654169949515}',
  });
  const res = await refresh(ps);
  expect(res.code).not.toBe(0);
  const out = res.stdout + res.stderr;
  expect(out).toContain("403 FORBIDDEN: Access denied");
  expect(out).toContain("Container Security permissions");
  expect(out).toContain("The resource was kept in the stack");
  expect(out).not.toContain(DEMO_PASSWORD);
  expect(await recorded(ps)).toBe(before);

  sim().control.clearFaults();
  expect((await refresh(ps)).code).toBe(0);
  const c = convergence(sim().control.schedules(), await ps.exportState(), [name]);
  expect(c).toEqual({ onServer: { [name]: 1 }, inState: 1, duplicates: 0, orphans: 0, dangling: 0 });
  tableRow({
    scenario: "9. 403 on read during refresh",
    api: "list answered 403 FORBIDDEN",
    server: 1,
    state: c.inState,
    duplicates: c.duplicates,
  });
});
