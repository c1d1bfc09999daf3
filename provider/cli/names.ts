/**
 * Names for imported schedules: the Pulumi resource name (part of the URN, so it must be unique in the
 * stack and stable) and the TypeScript variable that holds the resource in the generated code.
 */

/** What a name is made from: the schedule's name in Qualys and its ID (for uniqueness). */
export interface NameSource {
  scheduleName: string;
  scheduleId: string;
}

/** Longest resource name generated; Qualys names may be 255 characters, URNs read better short. */
export const MAX_RESOURCE_NAME_LENGTH = 100;

const RESERVED = new Set(
  (
    "break case catch class const continue debugger default delete do else enum export extends false finally " +
    "for function if import in instanceof new null return super switch this throw true try typeof var void " +
    "while with as implements interface let package private protected public static yield any boolean " +
    "constructor declare get module require number set string symbol type from of await async undefined " +
    "NaN Infinity arguments eval"
  ).split(" "),
);

/**
 * A resource name from a schedule name: lower case, runs of anything but letters, digits, `.`, `_`
 * and `-` become one `-`, trimmed of separators. Empty (a name of only symbols) gives
 * `schedule-<first 8 characters of the ID>`.
 */
export function slugify(scheduleName: string): string {
  const slug = scheduleName
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[-._]+|[-._]+$/g, "")
    .slice(0, MAX_RESOURCE_NAME_LENGTH)
    .replace(/[-._]+$/g, "");
  return slug;
}

function shortId(scheduleId: string): string {
  const s = scheduleId.replace(/[^A-Za-z0-9]/g, "").toLowerCase();
  return s.slice(0, 8) || "x";
}

/**
 * Resource names for a list of schedules, in order: the slug of each name, made unique by appending
 * the first characters of the schedule ID (then a counter) to every schedule sharing a slug, and
 * avoiding any name in `taken`. A name without usable characters becomes `<fallback>-<ID start>`
 * (registries pass `registry`).
 */
export function resourceNames(
  sources: readonly NameSource[],
  taken: ReadonlySet<string> = new Set(),
  fallback = "schedule",
): string[] {
  const slugs = sources.map((s) => slugify(s.scheduleName));
  const counts = new Map<string, number>();
  for (const slug of slugs) counts.set(slug, (counts.get(slug) ?? 0) + 1);
  const used = new Set(taken);
  return sources.map((source, i) => {
    const slug = slugs[i]!; // slugs is sources mapped one to one
    let name =
      slug === ""
        ? `${fallback}-${shortId(source.scheduleId)}`
        : (counts.get(slug) ?? 0) > 1 || used.has(slug)
          ? `${slug}-${shortId(source.scheduleId)}`
          : slug;
    for (let n = 2; used.has(name); n++) name = `${slug || fallback}-${shortId(source.scheduleId)}-${n}`;
    used.add(name);
    return name;
  });
}

/**
 * A TypeScript identifier from a resource name: camel case of its letters and digits, prefixed with
 * `schedule` when it would start with a digit or be empty, suffixed when it is a reserved word, and
 * made unique against `taken` with a counter.
 */
export function variableName(resourceName: string, taken: Set<string>): string {
  const words = resourceName.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  let id = words
    .map((w, i) => (i === 0 ? w.toLowerCase() : w.charAt(0).toUpperCase() + w.slice(1).toLowerCase()))
    .join("");
  if (id === "") id = "schedule";
  if (/^[0-9]/.test(id)) id = `schedule${id.charAt(0).toUpperCase()}${id.slice(1)}`;
  if (RESERVED.has(id)) id = `${id}Schedule`;
  let unique = id;
  for (let n = 2; taken.has(unique); n++) unique = `${id}${n}`;
  taken.add(unique);
  return unique;
}
