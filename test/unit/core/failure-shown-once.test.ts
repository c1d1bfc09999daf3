/**
 * An expected failure is shown once, in full, under a resource; every other resource that met it in the
 * same run points to that resource (core/runtime.ts), whatever the batching: schedule reads share one
 * listing of their registry (schedule/lookups.ts), and its failure belongs to all of them. And a
 * schedule whose registry Qualys no longer has is gone; a 403 never is.
 */
import type * as pulumi from "@pulumi/pulumi";

import { forgetShownFailures } from "../../../provider/core/runtime";
import {
  ConfigError,
  GatewayUnreachableError,
  QualysApiError,
  QualysAuthError,
  SameFailureError,
} from "../../../provider/errors";
import { RegistryScanScheduleProvider } from "../../../provider/schedule/provider";
import { DEMO_PASSWORD, DEMO_REGISTRY_ID, DEMO_USERNAME } from "../../simulator";
import { useSimulator } from "../../harness/use-simulator";
import { closedPort } from "../qualys/http-test-server";

const OTHER_REGISTRY = "0c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5";
const sim = useSimulator().sim;

/** Each run gets a client of its own (distinct settings), as each `pulumi` command runs a new process. */
let run = 0;
async function provider(overrides: Record<string, string> = {}): Promise<RegistryScanScheduleProvider> {
  forgetShownFailures();
  const config: Record<string, string> = {
    "qualys:gatewayUrl": sim().url,
    "qualys:username": DEMO_USERNAME,
    "qualys:password": DEMO_PASSWORD,
    "qualys:maxRetries": "0",
    "qualys:requestTimeoutSeconds": String(100 + ++run),
    ...overrides,
  };
  const p = new RegistryScanScheduleProvider();
  await p.configure({
    config: { get: (k: string) => config[k] },
  } as unknown as pulumi.dynamic.ConfigureRequest);
  return p;
}

/** Schedules in Qualys, as a stack's state holds them: ID and stored outputs. */
function seed(registryId: string, count: number): Array<{ id: string; props: Record<string, unknown> }> {
  return Array.from({ length: count }, (_, i) => {
    const name = `s-${registryId.slice(0, 4)}-${i}`;
    const s = sim().control.createSchedule(registryId, {
      name,
      onDemand: true,
      filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
    });
    return {
      id: `${registryId}/${s.scheduleUuid}`,
      props: { registryId, name, onDemand: true, repo: ["team/api"] },
    };
  });
}

/** A refresh: every read at once (the engine reads in parallel), each settled. */
function refresh(
  p: RegistryScanScheduleProvider,
  stack: Array<{ id: string; props: Record<string, unknown> }>,
): Promise<PromiseSettledResult<pulumi.dynamic.ReadResult>[]> {
  return Promise.allSettled(stack.map(({ id, props }) => p.read(id, props)));
}

const failures = (results: PromiseSettledResult<unknown>[]): unknown[] =>
  results.flatMap((r) => (r.status === "rejected" ? [r.reason as unknown] : []));

/** One failure in full (`type`), the others SameFailureErrors naming the resource that shows it. */
function expectShownOnce(errors: unknown[], type: new (...args: never[]) => Error, count: number): Error {
  expect(errors).toHaveLength(count);
  const full = errors.filter((e) => e instanceof type);
  expect(full).toHaveLength(1);
  const pointers = errors.filter((e): e is SameFailureError => e instanceof SameFailureError);
  expect(pointers).toHaveLength(count - 1);
  // Truthful: the resource they name is the one whose failure is the full error.
  const shownUnder = new Set(pointers.map((e) => e.shownUnder));
  expect(shownUnder.size).toBeLessThanOrEqual(1);
  for (const e of pointers) {
    expect(e.errorName).toBe(type.name);
    expect(e.message).toContain(`shown in full (with what to do) under that resource`);
    expect(e.resource).not.toBe(e.shownUnder);
  }
  return full[0] as Error;
}

beforeEach(() => {
  sim().control.reset();
  sim().control.addRegistry(OTHER_REGISTRY, "DockerHub");
});

describe("a wrong password on refresh of several schedules (one shared listing)", () => {
  test("the QualysAuthError, naming the settings, shows under one schedule; the others point to it", async () => {
    const stack = seed(DEMO_REGISTRY_ID, 8);
    const p = await provider({ "qualys:password": "wrong-password-1" });
    const errors = failures(await refresh(p, stack));
    const full = expectShownOnce(errors, QualysAuthError, 8);
    expect(full.message).toContain("qualys:password / QUALYS_PASSWORD");
    const pointer = errors.find((e) => e instanceof SameFailureError) as SameFailureError;
    // The pointer names a schedule of the stack by its name and ID.
    expect(
      stack.some(
        ({ id, props }) => pointer.shownUnder === `RegistryScanSchedule "${String(props.name)}" (${id})`,
      ),
    ).toBe(true);
  });

  test("a later operation of the same run points to it too (delete after the failed reads)", async () => {
    const stack = seed(DEMO_REGISTRY_ID, 3);
    const p = await provider({ "qualys:password": "wrong-password-2" });
    const results = await refresh(p, stack);
    expectShownOnce(failures(results), QualysAuthError, 3);
    // A schedule other than the one that showed it in full.
    const other =
      stack[results.findIndex((r) => r.status === "rejected" && r.reason instanceof SameFailureError)]!;
    const later = await p.delete(other.id, other.props).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(later).toBeInstanceOf(SameFailureError);
  });
});

describe("a missing setting", () => {
  test("creates of 3 schedules: one ConfigError in full, naming the setting; the others point to it", async () => {
    const saved = process.env.QUALYS_PASSWORD;
    delete process.env.QUALYS_PASSWORD;
    try {
      const p = await provider({ "qualys:password": "" });
      const results = await Promise.allSettled(
        ["a", "b", "c"].map((name) =>
          p.create({
            registryId: DEMO_REGISTRY_ID,
            name,
            onDemand: true,
            repo: ["team/api"],
            forceScan: false,
          }),
        ),
      );
      const full = expectShownOnce(failures(results), ConfigError, 3);
      expect(full.message).toContain("qualys:password");
      expect(sim().control.requests()).toEqual([]);
    } finally {
      if (saved !== undefined) process.env.QUALYS_PASSWORD = saved;
    }
  });
});

describe("an unreachable gateway", () => {
  test("one GatewayUnreachableError in full, the others point to it", async () => {
    const stack = seed(DEMO_REGISTRY_ID, 4);
    const p = await provider({ "qualys:gatewayUrl": `http://127.0.0.1:${await closedPort()}` });
    const full = expectShownOnce(failures(await refresh(p, stack)), GatewayUnreachableError, 4);
    expect(full.message).toContain("qualys:gatewayUrl / QUALYS_GATEWAY_URL");
  });
});

describe("a 403 on one registry", () => {
  test("its schedules: one QualysApiError in full, the others point to it; the other registry's schedules read", async () => {
    const refused = seed(DEMO_REGISTRY_ID, 4);
    const fine = seed(OTHER_REGISTRY, 3);
    sim().control.injectFault({
      kind: "status",
      method: "GET",
      path: `/registry/${DEMO_REGISTRY_ID}/schedule$`,
      status: 403,
      times: 100,
    });
    const p = await provider();
    const results = await refresh(p, [...refused, ...fine]);
    const full = expectShownOnce(failures(results.slice(0, 4)), QualysApiError, 4);
    expect(full.message).toContain("The resource was kept in the stack");
    expect(results.slice(4).map((r) => r.status === "fulfilled" && r.value.id)).toEqual(
      fine.map((s) => s.id),
    );
  });
});

describe("a schedule whose registry Qualys no longer has", () => {
  test("is gone: refresh drops it (its listing and the registry both answer 404)", async () => {
    const stack = seed(OTHER_REGISTRY, 3);
    sim().control.deleteRegistry(OTHER_REGISTRY);
    const p = await provider();
    const results = await refresh(p, stack);
    expect(results.map((r) => r.status === "fulfilled" && r.value)).toEqual([{}, {}, {}]);
  });

  test("a 403 on the registry and its listings is never gone", async () => {
    const stack = seed(OTHER_REGISTRY, 2);
    sim().control.injectFault({
      kind: "status",
      method: "GET",
      path: `/registry/${OTHER_REGISTRY}`,
      status: 403,
      times: 100,
    });
    const p = await provider();
    const results = await refresh(p, stack);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
  });

  test("a 404 of the listing while the registry is there is an error, not gone", async () => {
    const stack = seed(OTHER_REGISTRY, 2);
    sim().control.injectFault({
      kind: "status",
      method: "GET",
      path: `/registry/${OTHER_REGISTRY}/schedule$`,
      status: 404,
      times: 100,
    });
    const p = await provider();
    const results = await refresh(p, stack);
    expect(results.every((r) => r.status === "rejected")).toBe(true);
  });
});
