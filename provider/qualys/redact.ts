/**
 * Redaction of secrets from any text that may end up in an error, a log line or debug output.
 *
 * Pure: the caller passes the secrets it knows (the password, the current token); the patterns
 * below also catch anything that merely looks like a credential.
 */

/** What a removed secret is replaced with. */
export const REDACTED = "[REDACTED]";

/**
 * Secrets shorter than this are not searched for literally: replacing every "ab" in a message would
 * make it unreadable while protecting nothing (Qualys passwords are far longer).
 */
const MIN_SECRET_LENGTH = 4;

const PATTERNS: ReadonlyArray<[RegExp, string]> = [
  // `Authorization: Bearer x`, `"authorization":"Basic x"`, header dumps.
  [/(authorization["']?\s*[:=]\s*["']?)(?:(?:bearer|basic)\s+)?[^\s"',;}]+/gi, `$1${REDACTED}`],
  // Any bearer token, wherever it appears.
  [/\b(bearer\s+)[^\s"',;}]+/gi, `$1${REDACTED}`],
  // JWTs: a base64url JSON header (`eyJ…`) and two more segments (the signature may be empty).
  [/\beyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g, REDACTED],
  // Anything else made of three long base64url segments.
  [/\b[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g, REDACTED],
  // `password=…` in a form body or query, `"password":"…"` in JSON, `password: …` in a dump.
  [/((?<![a-z])pass(?:word|wd)?["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi, `$1${REDACTED}`],
];

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The spellings of one secret that could appear in text: raw, URL/form-encoded, JSON-escaped. */
function spellings(secret: string): string[] {
  const forms = new Set<string>([secret]);
  forms.add(encodeURIComponent(secret));
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  forms.add(JSON.stringify(secret).slice(1, -1));
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

/**
 * Returns `text` without the given secrets (in any common encoding) and without anything that looks
 * like a bearer token, a JWT, an Authorization header or a `password=` pair.
 */
export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text;
  const forms = secrets
    .filter((s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH)
    .flatMap(spellings)
    // Longest first, so a secret that contains another is removed whole.
    .sort((a, b) => b.length - a.length);
  for (const form of forms) {
    out = out.replace(new RegExp(escapeRegExp(form), "g"), REDACTED);
  }
  for (const [pattern, replacement] of PATTERNS) {
    out = out.replace(pattern, replacement);
  }
  return out;
}

/** The first `max` characters of `text` (redacted), with an ellipsis when something was cut. */
export function snippet(text: string, secrets: ReadonlyArray<string | undefined> = [], max = 200): string {
  const clean = redact(text, secrets);
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
