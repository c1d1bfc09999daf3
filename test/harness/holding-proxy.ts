/** A gateway in front of the simulator that holds chosen requests (test/e2e/faults-create.test.ts). */
import { startForwardingProxy, type ForwardingProxy } from "./forwarding-proxy";

/** A gateway in front of the simulator that holds chosen requests, then lets the simulator do them. */
export type HoldingProxy = ForwardingProxy;

/**
 * Forwards everything to `target`, except the next `times` requests matching `method` and `path`:
 * those are forwarded only after `holdMs` (longer than the provider's timeout), so the client gives up
 * while the simulator still performs the request a moment later. A reply that never comes, and a
 * commit after the client stopped waiting: what the simulator's own faults cannot do.
 */
export function startHoldingProxy(
  target: string,
  hold: { method: string; path: RegExp; holdMs: number; times?: number },
): Promise<HoldingProxy> {
  let left = hold.times ?? 1;
  return startForwardingProxy(target, {
    hold: (method, path) => {
      if (left <= 0 || method !== hold.method || !hold.path.test(path)) return undefined;
      left -= 1;
      return hold.holdMs;
    },
  });
}
