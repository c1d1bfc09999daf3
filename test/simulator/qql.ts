// The small part of QQL the provider uses: `field:value` terms joined by ` and `.
import { HttpError } from "./reply";
import type { StoredSchedule } from "./types";

export interface QqlTerm<F extends string = string> {
  field: F;
  value: string;
}

type Term = QqlTerm<"scheduleUuid" | "name" | "status">;

const SCHEDULE_FIELDS = ["scheduleUuid", "name", "status"];

// One term: field, then a quoted value (which may contain " and ") or a bare one up to the next " and ".
const TERM = /^\s*(\w+)\s*:\s*(?:"((?:[^"\\]|\\.)*)"|'((?:[^'\\]|\\.)*)'|(.*?))\s*(?:\s+and\s+|$)/is;

/** Parses a filter whose terms may use only `fields`; 400 naming the problem otherwise. */
export function parseTerms<F extends string>(filter: string, fields: readonly F[]): QqlTerm<F>[] {
  const terms: QqlTerm<F>[] = [];
  let rest = filter.trim();
  // Each pass consumes at least "x:" so the loop ends; the bound is belt and braces.
  for (let i = 0; rest !== "" && i < 100; i++) {
    const m = TERM.exec(rest);
    if (!m || m[0] === "") throw new HttpError(400, `filter: cannot parse ${JSON.stringify(rest)}`);
    const field = m[1]!; // group 1 is not optional in TERM
    if (!(fields as readonly string[]).includes(field)) {
      throw new HttpError(400, `filter: unsupported field ${field} (use ${fields.join(", ")})`);
    }
    const value = (m[2] ?? m[3] ?? m[4] ?? "").replace(/\\(.)/g, "$1");
    if (value === "") throw new HttpError(400, `filter: ${field} needs a value`);
    terms.push({ field: field as F, value });
    rest = rest.slice(m[0].length);
  }
  return terms;
}

export function parseFilter(filter: string): Term[] {
  return parseTerms(filter, SCHEDULE_FIELDS as Term["field"][]);
}

export function matches(s: StoredSchedule, terms: Term[]): boolean {
  return terms.every((t) => {
    if (t.field === "status") return s.status.toLowerCase() === t.value.toLowerCase();
    return s[t.field] === t.value;
  });
}
