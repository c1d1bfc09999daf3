/**
 * State of one acceptance run shared by its global setup, its results reporter and its global teardown,
 * which jest runs in its main process (the test files only see the proxy URL and the prefix, through
 * the environment).
 */
import type { ForwardingProxy } from "../harness/forwarding-proxy";
import type { FidelityRecorder, TestOutcome } from "./fidelity";
import type { Tenant } from "./tenant";

export interface RunState {
  tenant: Tenant;
  prefix: string;
  proxy: ForwardingProxy;
  recorder: FidelityRecorder;
  results: TestOutcome[];
}

const KEY = Symbol.for("pulumi-qualys-cs.acceptance-run");

export function setRunState(state: RunState): void {
  (globalThis as Record<symbol, unknown>)[KEY] = state;
}

export function runState(): RunState | undefined {
  return (globalThis as Record<symbol, unknown>)[KEY] as RunState | undefined;
}
