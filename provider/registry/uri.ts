// How a registry URI is compared (Qualys holds one registry per URI); imported by the table and the wire
// mapping alike, so it depends on neither.
/**
 * The URI as compared everywhere (docs/qualys-registry-contract.md §5): lower-case scheme and host (the URL parser does that),
 * no default port, no trailing slash. Text that is not a URL comes back trimmed, without a trailing slash.
 */
export function normalizeUri(raw: string): string {
  try {
    const u = new URL(raw.trim());
    return `${u.protocol}//${u.host}${u.pathname.replace(/\/+$/, "")}${u.search}${u.hash}`;
  } catch {
    return raw.trim().replace(/\/+$/, "");
  }
}
