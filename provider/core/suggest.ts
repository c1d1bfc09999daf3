/** "Did you mean …?" for a misspelt property name or repository name. Pure. */

function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    // Every index below is within 0..b.length, the row's bounds.
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/**
 * The property a user most likely meant by `key`: an alias the table declares (another spelling
 * Qualys or users use), else the closest name within two edits (case-insensitive).
 */
export function suggestProperty(
  key: string,
  names: readonly string[],
  aliases: ReadonlyMap<string, string>,
): string | undefined {
  const alias = aliases.get(key);
  if (alias) return alias;
  if (key.length > 64) return undefined;
  const lower = key.toLowerCase();
  let best: { name: string; score: number } | undefined;
  for (const name of names) {
    const score = name.toLowerCase() === lower ? 0 : distance(lower, name.toLowerCase());
    if (score <= 2 && (!best || score < best.score)) best = { name, score };
  }
  return best?.name;
}

/**
 * The names a user most likely meant by `value`, closest first (at most `max`): the same name in another
 * case, then names within two edits, or within a fifth of the name's length for long names (`team/apii`
 * → `team/api`; `platform/billing-servce` → `platform/billing-service`). Empty when none is close.
 */
export function closestNames(value: string, names: readonly string[], max = 3): string[] {
  if (value.length > 256) return [];
  const lower = value.toLowerCase();
  const limit = Math.max(2, Math.floor(value.length / 5));
  return names
    .filter((name) => Math.abs(name.length - value.length) <= limit)
    .map((name) => ({
      name,
      score: name.toLowerCase() === lower ? 0 : distance(lower, name.toLowerCase()),
    }))
    .filter((c) => c.name !== value && c.score <= limit)
    .sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1))
    .slice(0, max)
    .map((c) => c.name);
}
