/** "Did you mean …?" for a misspelt property name. Pure. */

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
