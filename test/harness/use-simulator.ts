/** A simulator for the tests of one file, the stacks they use, and a client pointed at it. */
import type { ConfigMap } from "@pulumi/pulumi/automation";

import type { ClientSettings } from "../../provider/qualys/config";
import { QualysClient } from "../../provider/qualys/http/client";

import { DEMO_PASSWORD, DEMO_USERNAME, startSimulator } from "../simulator";
import type { RunningSimulator, SimulatorOptions } from "../simulator";
import { declare, qualysConfig, SCHEDULES_PROGRAM, type Declared } from "./programs";
import { createProgramStack, type ProgramStack } from "./stack";

/** The simulator of one test file, and the stacks to dispose before it closes. */
export interface SimulatorOfTests {
  /** The running simulator (from the file's first `beforeAll` on). */
  sim(): RunningSimulator;
  /** Disposes `stack` after the file's tests, before the simulator closes; returns `stack`. */
  track<T extends { dispose(): Promise<void> }>(stack: T): T;
  /**
   * A tracked stack of the schedules program (SCHEDULES_PROGRAM) declaring `schedules` (none when left
   * out), configured for the simulator, with `config` added to its stack config.
   */
  schedulesStack(schedules?: Declared[], config?: ConfigMap): Promise<ProgramStack>;
}

/**
 * For a test file: starts a simulator with `options` before its tests; after them, disposes every
 * tracked stack, then closes the simulator.
 */
export function useSimulator(options: SimulatorOptions = {}): SimulatorOfTests {
  let running: RunningSimulator | undefined;
  const tracked: Array<{ dispose(): Promise<void> }> = [];
  beforeAll(async () => {
    running = await startSimulator(options);
  });
  afterAll(async () => {
    try {
      for (const stack of tracked.splice(0)) await stack.dispose();
    } finally {
      await running?.close();
    }
  });
  const sim = (): RunningSimulator => {
    if (!running) throw new Error("useSimulator: the simulator starts in beforeAll");
    return running;
  };
  const track = <T extends { dispose(): Promise<void> }>(stack: T): T => {
    tracked.push(stack);
    return stack;
  };
  return {
    sim,
    track,
    schedulesStack: async (schedules, config = {}) =>
      track(
        await createProgramStack({
          programDir: SCHEDULES_PROGRAM,
          config: { ...qualysConfig(sim().url), ...config },
          ...(schedules === undefined ? {} : { env: declare(schedules) }),
        }),
      ),
  };
}

/**
 * For a test file of a command: starts a simulator before its tests and points QUALYS_GATEWAY_URL,
 * QUALYS_USERNAME and QUALYS_PASSWORD at it (demo credentials), as a user of the command sets them;
 * restores the environment after. Returns the running simulator (available from the first test on).
 */
export function useSimulatorEnvironment(): () => RunningSimulator {
  const { sim } = useSimulator();
  const savedEnv = { ...process.env };
  beforeAll(() => {
    Object.assign(process.env, {
      QUALYS_GATEWAY_URL: sim().url,
      QUALYS_USERNAME: DEMO_USERNAME,
      QUALYS_PASSWORD: DEMO_PASSWORD,
    });
  });
  afterAll(() => {
    process.env = savedEnv;
  });
  return sim;
}

/** The provider's HTTP client pointed at a simulator with the demo credentials (unit tests). */
export function simulatorClient(
  sim: RunningSimulator,
  overrides: Partial<ClientSettings> = {},
): QualysClient {
  return new QualysClient({
    gatewayUrl: sim.url,
    username: DEMO_USERNAME,
    password: DEMO_PASSWORD,
    timeoutMs: 5000,
    maxRetries: 0,
    concurrency: 8,
    // The simulator is no subscription shared with other integrations: tests of other behaviour make as
    // many calls as they need (the budget has its own tests: unit/call-budget, e2e/call-budget).
    maxCallsPerMinute: 0,
    ...overrides,
  });
}
