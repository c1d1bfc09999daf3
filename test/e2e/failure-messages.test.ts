/**
 * An expected failure is shown once, in full, under a resource, and the other resources point to it
 * (core/runtime.ts, docs/errors.md), through the real `pulumi` CLI: a wrong password on `refresh`,
 * `preview --refresh`, `up` and `destroy`; an unreachable gateway; a 403 on one registry. The messages
 * are asserted, not only the exit codes.
 */
import { DEMO_REGISTRY_ID } from "../simulator";
import { dailySchedules, declare } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import type { ProgramStack } from "../harness/stack";
import { closedPort } from "../unit/qualys/http-test-server";

const { sim, schedulesStack } = useSimulator();

beforeEach(() => sim().control.reset());

/** What the rejected credentials' QualysAuthError says: which settings, and what to do. */
const AUTH_FULL = "Qualys authentication failed: the credentials were rejected by";
const AUTH_SETTINGS = "check qualys:username / QUALYS_USERNAME and qualys:password / QUALYS_PASSWORD";
/** Qualys rejects every authentication from now on, as with a wrong `qualys:password`. */
const rejectCredentials = () =>
  sim().control.injectFault({ kind: "status", method: "POST", path: "^/auth$", status: 401, times: 1000 });

/** The CLI's output of one command, both streams. */
async function run(ps: ProgramStack, args: string[]): Promise<{ code: number; out: string }> {
  const r = await ps.run(args);
  return { code: r.code, out: `${r.stdout}\n${r.stderr}` };
}

/**
 * The errors under each schedule in the "Diagnostics:" section (the engine also prints them in its
 * progress lines), as resource name → message.
 */
function scheduleErrors(out: string): Map<string, string> {
  const d = out.slice(Math.max(0, out.indexOf("Diagnostics:")));
  const errors = new Map<string, string>();
  for (const m of d.matchAll(/dynamic\/qualys:RegistryScanSchedule \(([^)]+)\):\n\s+error: (.+)/g)) {
    errors.set(m[1]!, m[2]!); // both groups always take part
  }
  return errors;
}

/**
 * The failure shows in full (`full`) under exactly one schedule; every other schedule that failed
 * shows a SameFailureError naming `errorName` and that very schedule. The engine may stop starting
 * creates after the first failure, so `failed` is a minimum for `up`; a refresh reads all at once.
 */
function expectShownOnce(
  out: string,
  full: string,
  errorName: string,
  failed: { exactly?: number; atLeast?: number },
): void {
  const errors = scheduleErrors(out);
  if (failed.exactly !== undefined) expect(errors.size).toBe(failed.exactly);
  expect(errors.size).toBeGreaterThanOrEqual(failed.atLeast ?? 1);
  const shownIn = [...errors].filter(([, message]) => message.includes(full)).map(([name]) => name);
  expect(shownIn).toHaveLength(1);
  for (const [name, message] of errors) {
    if (name === shownIn[0]) continue;
    // Truthful: it names the schedule under which the full message is.
    expect(message).toMatch(
      new RegExp(
        `RegistryScanSchedule "${name}".* failed like RegistryScanSchedule "${shownIn[0]}"(?: \\([^)]+\\))?: ` +
          `${errorName}, shown in full \\(with what to do\\) under that resource\\.$`,
      ),
    );
  }
  // No stack trace of an expected failure.
  expect(out).not.toMatch(/\n\s+at .+\(.+\.js:\d+:\d+\)/);
}

describe("a wrong password", () => {
  test("refresh of 8 schedules: the QualysAuthError once, in full, naming the settings; 7 pointers", async () => {
    const ps = await schedulesStack(dailySchedules("refresh", 8));
    expect((await run(ps, ["up", "--yes", "--skip-preview"])).code).toBe(0);
    rejectCredentials();
    const { code, out } = await run(ps, ["refresh", "--yes", "--skip-preview"]);
    console.log(`pulumi refresh with a wrong password, 8 schedules:\n${out}`);
    expect(code).not.toBe(0);
    expectShownOnce(out, AUTH_FULL, "QualysAuthError", { exactly: 8 });
    expect(out).toContain(AUTH_SETTINGS);
  });

  test("preview --refresh, up, destroy: each run shows it once in full", async () => {
    const ps = await schedulesStack(dailySchedules("cmds", 3));
    expect((await run(ps, ["up", "--yes", "--skip-preview"])).code).toBe(0);
    rejectCredentials();

    const preview = await run(ps, ["preview", "--refresh"]);
    expect(preview.code).not.toBe(0);
    expectShownOnce(preview.out, AUTH_FULL, "QualysAuthError", { exactly: 3 });

    // Three new schedules to create: each create fails.
    await ps.setEnv(declare([...dailySchedules("cmds", 3), ...dailySchedules("more", 3)]));
    const up = await run(ps, ["up", "--yes", "--skip-preview"]);
    expect(up.code).not.toBe(0);
    expectShownOnce(up.out, AUTH_FULL, "QualysAuthError", { atLeast: 1 });

    await ps.setEnv(declare(dailySchedules("cmds", 3)));
    const destroy = await run(ps, ["destroy", "--yes", "--skip-preview"]);
    expect(destroy.code).not.toBe(0);
    expectShownOnce(destroy.out, AUTH_FULL, "QualysAuthError", { atLeast: 1 });
    expect(sim().control.schedules(DEMO_REGISTRY_ID)).toHaveLength(3);
    sim().control.reset();
  });
});

describe("an unreachable gateway", () => {
  test("up of 4 schedules: the GatewayUnreachableError once, naming qualys:gatewayUrl; 3 pointers", async () => {
    const port = await closedPort();
    const ps = await schedulesStack(dailySchedules("unreachable", 4), {
      "qualys:gatewayUrl": { value: `http://127.0.0.1:${port}` },
      "qualys:maxRetries": { value: "0" },
    });
    const { code, out } = await run(ps, ["up", "--yes", "--skip-preview"]);
    expect(code).not.toBe(0);
    expectShownOnce(out, "Could not reach the Qualys gateway", "GatewayUnreachableError", { atLeast: 1 });
    expect(out).toContain("Check qualys:gatewayUrl / QUALYS_GATEWAY_URL");
  });
});

describe("a 403 on one registry", () => {
  test("refresh: its schedules show the 403 once and point to it; the other registry's schedules refresh", async () => {
    const other = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
    sim().control.addRegistry(other, "DockerHub");
    const inOther = dailySchedules("other", 2).map((d) => ({ ...d, args: { ...d.args, registryId: other } }));
    const ps = await schedulesStack([...dailySchedules("refused", 4), ...inOther]);
    expect((await run(ps, ["up", "--yes", "--skip-preview"])).code).toBe(0);
    sim().control.injectFault({
      kind: "status",
      method: "GET",
      path: `/registry/${DEMO_REGISTRY_ID}/schedule$`,
      status: 403,
      times: 1000,
    });
    const { code, out } = await run(ps, ["refresh", "--yes", "--skip-preview"]);
    expect(code).not.toBe(0);
    expectShownOnce(out, "The resource was kept in the stack", "QualysApiError", { exactly: 4 });
    const failed = [...scheduleErrors(out).keys()];
    for (const name of ["other-00", "other-01"]) expect(failed).not.toContain(name);
  });
});
