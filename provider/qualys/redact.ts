/**
 * Redaction of secrets from any text that may end up in an error, a log line or debug output.
 *
 * The secrets are those passed to `redact` and every secret registered in this process: the HTTP
 * client registers the Qualys password (and `user:password`, for a Basic header) and each token it
 * gets, and every secret value a request carries (`ApiRequest.secrets`); the resource runtime
 * (`core/runtime.ts`) registers what the property tables mark `secret` (`core/properties.ts`,
 * `secretValues`). The patterns below also catch anything that merely looks like a credential.
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
  // `password=…` in a form body or query, `"password":"…"` in JSON, `password: …` in a dump; the
  // same for an access token, a client secret or an API key.
  [
    /((?<![a-z])(?:pass(?:word|wd)?|access_?token|client_?secret|api_?key)["']?\s*[:=]\s*["']?)[^\s"'&,;}]+/gi,
    `$1${REDACTED}`,
  ],
];

/** Every secret registered in this process (see the file comment); never listed, only searched for. */
const registered = new Set<string>();
/** `registered`'s spellings, longest first; rebuilt when a secret is added. */
let registeredForms: string[] = [];

/**
 * Adds secrets that every later `redact` removes, in every spelling (`spellings`). Values shorter
 * than `MIN_SECRET_LENGTH` and non-strings are ignored.
 */
export function registerSecrets(values: Iterable<unknown>): void {
  let added = false;
  for (const value of values) {
    if (typeof value !== "string" || value.length < MIN_SECRET_LENGTH || registered.has(value)) continue;
    registered.add(value);
    added = true;
  }
  if (added) registeredForms = longestFirst([...registered].flatMap(spellings));
}

/** `user:password` as a Basic `Authorization` header carries it (base64), for `registerSecrets`. */
export function basicCredentials(user: string, password: string): string {
  return `${user}:${password}`;
}

function longestFirst(forms: string[]): string[] {
  // Longest first, so a secret that contains another is removed whole.
  return [...new Set(forms)].sort((a, b) => b.length - a.length);
}

/** How one spelling of a secret is written inside text of another kind. */
const ENCODINGS: ReadonlyArray<(text: string) => string> = [
  encodeURIComponent,
  // A form body or a query: spaces as `+`.
  (text) => new URLSearchParams({ s: text }).toString().slice(2),
  // Inside a JSON string.
  (text) => JSON.stringify(text).slice(1, -1),
];

/**
 * The spellings of one secret that could appear in text: raw, URL/form-encoded and JSON-escaped, and
 * each of those once more (a JSON body echoed inside a JSON message, a query inside a URL), and
 * base64 (standard and URL-safe: a Basic `Authorization` header carries `user:password` so).
 */
function spellings(secret: string): string[] {
  const forms = new Set<string>([secret]);
  for (const once of ENCODINGS.map((encode) => encode(secret))) {
    forms.add(once);
    for (const encode of ENCODINGS) forms.add(encode(once));
  }
  const base64 = Buffer.from(secret, "utf8").toString("base64");
  forms.add(base64);
  forms.add(base64.replace(/=+$/, ""));
  forms.add(Buffer.from(secret, "utf8").toString("base64url"));
  return [...forms].filter((f) => f.length >= MIN_SECRET_LENGTH);
}

/**
 * Returns `text` without the given secrets (in any common encoding) and without anything that looks
 * like a bearer token, a JWT, an Authorization header or a `password=` pair.
 */
export function redact(text: string, secrets: ReadonlyArray<string | undefined> = []): string {
  let out = text;
  const given = secrets.filter(
    (s): s is string => typeof s === "string" && s.length >= MIN_SECRET_LENGTH && !registered.has(s),
  );
  const forms =
    given.length === 0 ? registeredForms : longestFirst([...given.flatMap(spellings), ...registeredForms]);
  for (const form of forms) {
    if (out.includes(form)) out = out.split(form).join(REDACTED);
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
