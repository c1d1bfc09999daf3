/** How failure messages show a value: strings quoted and escaped, long values shortened. Pure. */

function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value, (_key, member: unknown) =>
      typeof member === "bigint" ? `${member.toString()}n` : member,
    );
    return typeof text === "string" ? text : typeof value;
  } catch {
    return Array.isArray(value) ? "[…]" : "{…}";
  }
}

/** The text cut to `max` code points, with an ellipsis when cut. */
export function clip(text: string, max = 80): string {
  const points = Array.from(text);
  return points.length <= max ? text : `${points.slice(0, max).join("")}…`;
}

/** Describes a value for a failure message: strings quoted and escaped, long values shortened. */
export function describeValue(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  switch (typeof value) {
    case "string": {
      const points = Array.from(value);
      if (points.length <= 60) return JSON.stringify(value);
      return `${JSON.stringify(points.slice(0, 40).join("")).slice(0, -1)}…" (${points.length} characters)`;
    }
    case "number":
      return Object.is(value, -0) ? "-0" : String(value);
    case "boolean":
      return String(value);
    case "bigint":
      return `${value.toString()}n`;
    case "object":
      return Array.isArray(value)
        ? `the list ${clip(safeJson(value))}`
        : `the object ${clip(safeJson(value))}`;
    default:
      return `a ${typeof value}`;
  }
}

/** What a wrong-typed value is, with a hint when it looks like the right value in the wrong form. */
export function wrongType(value: unknown, expected: "number" | "boolean" | "string"): string {
  const got = describeValue(value);
  if (typeof value === "string" && expected === "number" && /^\s*-?\d+(\.\d+)?\s*$/.test(value)) {
    return `got ${got}, a string: write ${value.trim()} without quotes`;
  }
  if (typeof value === "string" && expected === "boolean" && /^(true|false)$/i.test(value.trim())) {
    return `got ${got}, a string: write ${value.trim().toLowerCase()} without quotes`;
  }
  if (typeof value === "number" && !Number.isFinite(value)) {
    return `got ${got}, which is not a finite number`;
  }
  return `got ${got}`;
}
