// The small part of QQL the provider uses: `field:value` terms joined by ` and `.
import { HttpError } from "./reply";
import type { StoredSchedule } from "./types";

type Term = { field: "scheduleUuid" | "name" | "status"; value: string };

const FIELDS = new Set(["scheduleUuid", "name", "status"]);

// One term: field, then a quoted value (which may contain " and ") or a bare one up to the next " and ".
const TERM = /^\s*(\w+)\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(.*?))\s*(?:\s+and\s+|$)/is;

export function parseFilter(filter: string): Term[] {
  const terms: Term[] = [];
  let rest = filter.trim();
  // Each pass consumes at least "x:" so the loop ends; the bound is belt and braces.
  for (let i = 0; rest !== "" && i < 100; i++) {
    const m = TERM.exec(rest);
    if (!m || m[0] === "") throw new HttpError(400, `filter: cannot parse ${JSON.stringify(rest)}`);
    const field = m[1];
    if (!FIELDS.has(field)) {
      throw new HttpError(400, `filter: unsupported field ${field} (use scheduleUuid, name or status)`);
    }
    const value = (m[2] ?? m[3] ?? m[4] ?? "").replace(/\\(.)/g, "$1");
    if (value === "") throw new HttpError(400, `filter: ${field} needs a value`);
    terms.push({ field: field as Term["field"], value });
    rest = rest.slice(m[0].length);
  }
  return terms;
}

export function matches(s: StoredSchedule, terms: Term[]): boolean {
  return terms.every((t) => {
    if (t.field === "status") return s.status.toLowerCase() === t.value.toLowerCase();
    return s[t.field] === t.value;
  });
}
