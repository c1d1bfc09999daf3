/**
 * The schedules this stack already manages, as far as this provider process has seen them: the engine
 * hands each one's ID to `diff`, `read`, `update` or `delete` (for a replacement, `diff` of the old
 * schedule comes before `create` of the new one). An ambiguous create never adopts one of them, however
 * stale the list it reconciles with (schedule/reconcile.ts).
 */
import { parseResourceId } from "./wire";

const held = new Set<string>();

/** Notes a resource ID `<registryId>/<scheduleId>` the engine handed over; anything else is ignored. */
export function noteHeld(id: string): void {
  const parsed = parseResourceId(id);
  if (parsed) held.add(`${parsed.registryId}/${parsed.scheduleId}`);
}

/** True when the stack already manages this schedule. */
export function isHeld(registryId: string, scheduleId: string): boolean {
  return held.has(`${registryId}/${scheduleId}`);
}
