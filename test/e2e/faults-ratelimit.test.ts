/**
 * Rate limiting (docs/qualys-contract.md §8 item 8, §9) through the real `pulumi` CLI: `up` of 20 schedules under a 429 storm (CS
 * gateway flavour), under the classic 409 flavour with `X-RateLimit-ToWait-Sec`, and with the token
 * expiring midway. Everything converges; the request log proves the waits and that a POST is repeated
 * only when the gateway rejected it.
 */
import { DEMO_REGISTRY_ID, type LoggedRequest } from "../simulator";
import { classify } from "../harness/api-calls";
import { convergence, tableRow } from "../harness/fault-scenarios";
import { type Declared } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { type ProgramStack } from "../harness/stack";

const COUNT = 20;
const WINDOW_SEC = 2;
const CONCURRENCY = 4;

const schedules = (prefix: string): Declared[] =>
  Array.from({ length: COUNT }, (_, i) => ({
    name: `${prefix}-${String(i).padStart(2, "0")}`,
    args: {
      registryId: DEMO_REGISTRY_ID,
      repo: ["team/api"],
      scheduleScanIntervalInDays: 1,
      schedule: "19:30",
    },
  }));

const { sim, schedulesStack } = useSimulator();

beforeEach(() => {
  sim().control.reset();
  sim().control.configure({ rateLimit: null, latencyMs: 0 });
});

async function newStack(declared: Declared[]): Promise<ProgramStack> {
  return schedulesStack(declared, {
    "qualys:concurrency": { value: String(CONCURRENCY) },
    "qualys:maxRetries": { value: "20" },
  });
}

const up = (ps: ProgramStack) => ps.run(["up", "--yes", "--skip-preview"]);
const csapi = (log: LoggedRequest[]) => log.filter((r) => r.path.startsWith("/csapi/"));

/** The simulator's fixed windows, rebuilt from arrival times: each request's window start. */
function windows(log: LoggedRequest[], windowMs: number): Map<LoggedRequest, number> {
  const out = new Map<LoggedRequest, number>();
  let start = -Infinity;
  for (const r of log) {
    if (r.at - start >= windowMs) start = r.at;
    out.set(r, start);
  }
  return out;
}

/** Attempts of the same logical call: the provider sends one `X-Request-Id` on every attempt of a call. */
function attemptsByQuery(log: LoggedRequest[]): LoggedRequest[][] {
  const by = new Map<string, LoggedRequest[]>();
  for (const r of log) {
    if (r.requestId === undefined) continue;
    by.set(r.requestId, [...(by.get(r.requestId) ?? []), r]);
  }
  return [...by.values()];
}

function expectPostsRepeatedOnlyWhenRejected(log: LoggedRequest[], rejected: number[]): void {
  const posts = log.filter((r) => classify(r) === "create");
  const refused = posts.filter((r) => rejected.includes(r.status));
  expect(posts.filter((r) => r.status === 201)).toHaveLength(COUNT);
  // Every POST beyond one per schedule answers a POST the gateway refused without acting on it.
  expect(posts).toHaveLength(COUNT + refused.length);
  expect(posts.every((r) => r.status === 201 || rejected.includes(r.status))).toBe(true);
}

async function expectConverged(ps: ProgramStack, declared: Declared[]) {
  const names = declared.map((d) => d.name);
  const c = convergence(sim().control.schedules(), await ps.exportState(), names);
  expect(c.inState).toBe(COUNT);
  expect(Object.values(c.onServer)).toEqual(names.map(() => 1));
  expect(c).toMatchObject({ duplicates: 0, orphans: 0, dangling: 0 });
  return c;
}

describe("rate limits during up of 20 schedules", () => {
  test("4. a 429 storm (CS flavour, X-RateLimit-* headers): converges, backs off, repeats POSTs only when refused", async () => {
    const declared = schedules("r429");
    const ps = await newStack(declared);
    sim().control.configure({ rateLimit: { limit: 10, windowSec: WINDOW_SEC, flavour: "429" } });
    const res = await up(ps);
    expect(res.code).toBe(0);
    const log = csapi(sim().control.requests());
    const refused = log.filter((r) => r.status === 429);
    expect(refused.length).toBeGreaterThan(0);
    expectPostsRepeatedOnlyWhenRejected(log, [429]);

    // Admitted calls never exceed the budget of a window.
    const win = windows(log, WINDOW_SEC * 1000);
    const admittedPerWindow = new Map<number, number>();
    for (const r of log)
      if (r.status !== 429) admittedPerWindow.set(win.get(r)!, (admittedPerWindow.get(win.get(r)!) ?? 0) + 1);
    expect(Math.max(...admittedPerWindow.values())).toBeLessThanOrEqual(10);

    // No wait was asked for, only the window announced: each repeat backs off (at least a quarter of a
    // second, the floor of the first backoff) and none waits longer than the window.
    let gaps = 0;
    for (const attempts of attemptsByQuery(log)) {
      for (let i = 1; i < attempts.length; i++) {
        const [prev, next] = [attempts[i - 1]!, attempts[i]!]; // both within bounds: 1 <= i < length
        expect(prev.status).toBe(429);
        const gap = next.at - prev.at;
        expect(gap).toBeGreaterThanOrEqual(240);
        // A second of slack for a process scheduled late on shared cores (2539 ms was seen with 500);
        // waiting a second window would still fail.
        expect(gap).toBeLessThanOrEqual(WINDOW_SEC * 1000 + 1000);
        gaps++;
      }
    }
    expect(gaps).toBeGreaterThan(0);

    const c = await expectConverged(ps, declared);
    console.log(`429 storm: ${log.length} calls, ${refused.length} refused, ${gaps} repeats checked`);
    tableRow({
      scenario: "4. 429 storm (10 calls / 2 s) during up of 20",
      api: `${refused.length} of ${log.length} calls answered 429; POSTs repeated only after 429`,
      server: COUNT,
      state: c.inState,
      duplicates: c.duplicates,
    });
  });

  test("5. the classic 409 flavour with X-RateLimit-ToWait-Sec: every repeat waits as long as asked", async () => {
    const declared = schedules("r409");
    const ps = await newStack(declared);
    sim().control.configure({ rateLimit: { limit: 10, windowSec: WINDOW_SEC, flavour: "409" } });
    const res = await up(ps);
    expect(res.code).toBe(0);
    const log = csapi(sim().control.requests());
    const refused = log.filter((r) => r.status === 409);
    expect(refused.length).toBeGreaterThan(0);
    expectPostsRepeatedOnlyWhenRejected(log, [409]);

    // The simulator asks to wait until its window ends: a refused call comes back only in a later
    // window (never hammering the one that refused it).
    const win = windows(log, WINDOW_SEC * 1000);
    let checked = 0;
    for (const attempts of attemptsByQuery(log)) {
      for (let i = 1; i < attempts.length; i++) {
        const [prev, next] = [attempts[i - 1]!, attempts[i]!]; // both within bounds: 1 <= i < length
        const end = win.get(prev)! + WINDOW_SEC * 1000;
        expect(next.at).toBeGreaterThanOrEqual(end - 50);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);

    const c = await expectConverged(ps, declared);
    console.log(`409 flavour: ${log.length} calls, ${refused.length} refused, ${checked} repeats checked`);
    tableRow({
      scenario: "5. 409 + X-RateLimit-ToWait-Sec during up of 20",
      api: `${refused.length} of ${log.length} calls answered 409; each repeat after the asked wait`,
      server: COUNT,
      state: c.inState,
      duplicates: c.duplicates,
    });
  });
});

describe("6. the token expires in the middle of an up", () => {
  test("one re-authentication, no failure, no duplicate", async () => {
    const declared = schedules("jwt");
    const ps = await newStack(declared);
    sim().control.configure({ latencyMs: 40 });
    const running = up(ps);
    const t0 = Date.now();
    while (sim().control.schedules().length < 5 && Date.now() - t0 < 60_000) {
      await new Promise((r) => setTimeout(r, 10));
    }
    sim().control.expireTokens();
    const res = await running;
    expect(res.code).toBe(0);
    const log = sim().control.requests();
    const expired = log.filter((r) => r.status === 401);
    expect(expired.length).toBeGreaterThan(0);
    expect(log.filter((r) => classify(r) === "auth")).toHaveLength(2);
    expectPostsRepeatedOnlyWhenRejected(log, [401]);
    const c = await expectConverged(ps, declared);
    tableRow({
      scenario: "6. token expires midway through up of 20",
      api: `${expired.length} calls answered 401 "JWT expired"; 1 re-authentication`,
      server: COUNT,
      state: c.inState,
      duplicates: c.duplicates,
    });
  });
});
