/**
 * Creates with an unknown outcome (docs/qualys-contract.md §9) through the real `pulumi` CLI: a create whose reply is lost (500
 * after the commit, a dropped connection after the commit, no reply within the timeout, a commit
 * after the provider stopped waiting), the gateway down, and wrong credentials. Each ends with exactly
 * one schedule per name on the server, the state pointing at it, no duplicate, no orphan, and no
 * secret in any message.
 */
import type { ConfigMap } from "@pulumi/pulumi/automation";

import { DEMO_PASSWORD, startSimulator } from "../simulator";
import { classify } from "../harness/api-calls";
import { convergence, tableRow } from "../harness/fault-scenarios";
import { startHoldingProxy } from "../harness/holding-proxy";
import { SCHEDULES_PROGRAM, declare, qualysConfig, type Declared, daily } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { createProgramStack, dynamicResources, type ProgramStack } from "../harness/stack";

const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
const TIMEOUT_SECONDS = 2;

const { sim, track } = useSimulator();

async function newStack(
  gatewayUrl: string,
  schedules: Declared[],
  config: ConfigMap = {},
): Promise<ProgramStack> {
  const ps = await createProgramStack({
    programDir: SCHEDULES_PROGRAM,
    config: {
      ...qualysConfig(gatewayUrl),
      "qualys:requestTimeoutSeconds": { value: String(TIMEOUT_SECONDS) },
      ...config,
    },
    env: declare(schedules),
  });
  track(ps);
  return ps;
}

const up = (ps: ProgramStack) => ps.run(["up", "--yes", "--skip-preview"]);

function noSecrets(text: string): void {
  expect(text).not.toContain(DEMO_PASSWORD);
  expect(text).not.toMatch(JWT);
}

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

const posts = () =>
  sim()
    .control.requests()
    .filter((r) => classify(r) === "create");

describe("a create whose reply is lost", () => {
  beforeEach(() => sim().control.reset());

  test("1. committed, then a 500: the schedule is adopted, not created twice", async () => {
    const name = "s1-commit-then-500";
    const ps = await newStack(sim().url, [daily(name)]);
    sim().control.injectFault({ kind: "commitThenFail", method: "POST", path: "/schedule$", mode: "500" });
    const res = await up(ps);
    expect(res.code).toBe(0);
    expect(posts().map((r) => r.status)).toEqual([500]);
    const c = convergence(sim().control.schedules(), await ps.exportState(), [name]);
    expect(c).toEqual({ onServer: { [name]: 1 }, inState: 1, duplicates: 0, orphans: 0, dangling: 0 });
    // Nothing left to do: the adopted schedule is the declared one.
    expect((await ps.stack.preview()).changeSummary).toEqual({ same: 2 });
    tableRow({
      scenario: "1. create: committed, then 500",
      api: "POST committed, answered 500 (not repeated)",
      server: 1,
      state: c.inState,
      duplicates: c.duplicates,
    });
  });

  test("2. committed, then the connection drops: adopted, not created twice", async () => {
    const name = "s2-commit-then-drop";
    const ps = await newStack(sim().url, [daily(name)]);
    sim().control.injectFault({ kind: "commitThenFail", method: "POST", path: "/schedule$", mode: "drop" });
    const res = await up(ps);
    expect(res.code).toBe(0);
    expect(posts().map((r) => r.status)).toEqual([0]);
    const c = convergence(sim().control.schedules(), await ps.exportState(), [name]);
    expect(c).toEqual({ onServer: { [name]: 1 }, inState: 1, duplicates: 0, orphans: 0, dangling: 0 });
    tableRow({
      scenario: "2. create: committed, then connection dropped",
      api: "POST committed, socket destroyed (not repeated)",
      server: 1,
      state: c.inState,
      duplicates: c.duplicates,
    });
  });

  test("3a. no reply within the timeout, nothing committed: a clear failure, then the next up creates it once", async () => {
    const name = "s3-hang";
    const ps = await newStack(sim().url, [daily(name)]);
    sim().control.injectFault({
      kind: "hang",
      method: "POST",
      path: "/schedule$",
      ms: (TIMEOUT_SECONDS + 1) * 1000,
    });
    const first = await up(ps);
    expect(first.code).not.toBe(0);
    const out = first.stdout + first.stderr;
    expect(out).toContain(`no reply within ${TIMEOUT_SECONDS * 1000} ms`);
    expect(out).toContain(`Qualys has no new schedule named "${name}"`);
    expect(out).toContain("nothing was created");
    noSecrets(out);
    // The POST was sent once and never repeated blindly.
    expect(posts()).toHaveLength(1);
    expect(sim().control.schedules()).toHaveLength(0);
    expect(dynamicResources(await ps.exportState())).toHaveLength(0);

    const second = await up(ps);
    expect(second.code).toBe(0);
    const c = convergence(sim().control.schedules(), await ps.exportState(), [name]);
    expect(c).toEqual({ onServer: { [name]: 1 }, inState: 1, duplicates: 0, orphans: 0, dangling: 0 });
    tableRow({
      scenario: "3a. create: no reply within the timeout (nothing committed)",
      api: "POST held past the 2 s timeout, then dropped; nothing created",
      server: 1,
      state: c.inState,
      duplicates: c.duplicates,
    });
  });

  test("3b. no reply within the timeout, committed a moment later: found while settling, adopted once", async () => {
    const name = "s3-late-commit";
    // The proxy holds the POST past the provider's timeout, then the simulator performs it.
    const proxy = await startHoldingProxy(sim().url, {
      method: "POST",
      path: /\/schedule$/,
      holdMs: (TIMEOUT_SECONDS + 1) * 1000,
    });
    try {
      const ps = await newStack(proxy.url, [daily(name)]);
      const res = await up(ps);
      expect(res.code).toBe(0);
      expect(proxy.held()).toBe(1);
      expect(posts()).toHaveLength(1);
      const c = convergence(sim().control.schedules(), await ps.exportState(), [name]);
      expect(c).toEqual({ onServer: { [name]: 1 }, inState: 1, duplicates: 0, orphans: 0, dangling: 0 });
      // A second up changes nothing and creates nothing.
      expect((await up(ps)).code).toBe(0);
      expect(sim().control.schedules()).toHaveLength(1);
      tableRow({
        scenario: "3b. create: no reply within the timeout, committed 1 s later",
        api: "POST held 3 s (timeout 2 s), then committed",
        server: 1,
        state: c.inState,
        duplicates: c.duplicates,
      });
    } finally {
      await proxy.close();
    }
  });
});

describe("10. the gateway is down", () => {
  beforeAll(() => sim().control.reset());

  test("a clear error naming the gateway URL; state and schedules unchanged", async () => {
    const name = "s10-gateway-down";
    const ps = await newStack(sim().url, [daily(name)]);
    expect((await up(ps)).code).toBe(0);
    const before = await recorded(ps);
    const onServer = JSON.stringify(sim().control.schedules());

    // A port nobody listens on: connection refused.
    const gone = await startSimulator();
    const deadUrl = gone.url;
    await gone.close();
    await ps.stack.setConfig("qualys:gatewayUrl", { value: deadUrl });

    await ps.setEnv(declare([daily(name, "20:45")]));
    const update = await up(ps);
    expect(update.code).not.toBe(0);
    const out = update.stdout + update.stderr;
    expect(out).toContain(`Could not reach the Qualys gateway ${deadUrl}`);
    expect(out).toContain("ECONNREFUSED");
    expect(out).toContain("qualys:gatewayUrl");
    noSecrets(out);

    const refresh = await ps.run(["refresh", "--yes", "--skip-preview"]);
    expect(refresh.code).not.toBe(0);
    expect(refresh.stdout + refresh.stderr).toContain(`Could not reach the Qualys gateway ${deadUrl}`);

    expect(await recorded(ps)).toBe(before);
    expect(JSON.stringify(sim().control.schedules())).toBe(onServer);
    const c = convergence(sim().control.schedules(), await ps.exportState(), [name]);
    expect(c).toMatchObject({ duplicates: 0, orphans: 0, dangling: 0, inState: 1 });
    tableRow({
      scenario: "10. gateway down (update and refresh)",
      api: "connection refused on every attempt",
      server: 1,
      state: c.inState,
      duplicates: c.duplicates,
    });
  });
});

describe("12. wrong credentials", () => {
  beforeAll(() => sim().control.reset());

  test("the first call fails: the credentials were rejected by that gateway, never echoed", async () => {
    const name = "s12-wrong-credentials";
    const wrong = "Wr0ng-but-l0ng-passw0rd";
    const ps = await newStack(sim().url, [daily(name)], {
      "qualys:password": { value: wrong, secret: true },
    });
    const res = await up(ps);
    expect(res.code).not.toBe(0);
    const out = res.stdout + res.stderr;
    expect(out).toContain(`the credentials were rejected by ${sim().url}`);
    expect(out).toContain("qualys:password");
    expect(out).not.toContain(wrong);
    noSecrets(out);
    // Only /auth was called, and nothing else.
    expect(
      sim()
        .control.requests()
        .map((r) => classify(r)),
    ).toEqual(["auth"]);
    expect(sim().control.schedules()).toHaveLength(0);
    expect(dynamicResources(await ps.exportState())).toHaveLength(0);
    tableRow({
      scenario: "12. wrong credentials",
      api: "/auth answered 401",
      server: 0,
      state: 0,
      duplicates: 0,
    });
  });
});
