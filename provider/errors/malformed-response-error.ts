import { SETTINGS } from "../qualys/settings";
import { QualysError } from "./qualys-error";

/** What a `MalformedResponseError` is built from. */
export interface MalformedResponseDetails {
  operation: string;
  /** What was expected, e.g. `a JSON body`, `a token as plain text`. */
  expected: string;
  status: number;
  contentType: string;
  /** The first ~200 characters of the body, already redacted. */
  bodySnippet: string;
  method?: string;
  path?: string;
  hint?: string;
}

/** Qualys (or something in between) answered with a body this provider cannot use. */
export class MalformedResponseError extends QualysError {
  readonly operation: string;
  readonly expected: string;
  readonly status: number;
  readonly contentType: string;
  readonly bodySnippet: string;
  readonly method: string | undefined;
  readonly path: string | undefined;

  constructor(d: MalformedResponseDetails) {
    const where = d.method && d.path ? ` (${d.method} ${d.path})` : "";
    const body = d.bodySnippet.length > 0 ? JSON.stringify(d.bodySnippet) : "an empty body";
    const hint =
      d.hint ??
      `Check that ${SETTINGS.gatewayUrl.key} points at the Qualys API gateway of your platform; if it does, retry, and report the reply if it persists.`;
    super(
      `Unexpected reply to ${d.operation}${where}: expected ${d.expected}, got ${d.status} ` +
        `${d.contentType || "(no content-type)"} with ${body}. ${hint}`,
    );
    this.name = "MalformedResponseError";
    this.operation = d.operation;
    this.expected = d.expected;
    this.status = d.status;
    this.contentType = d.contentType;
    this.bodySnippet = d.bodySnippet;
    this.method = d.method;
    this.path = d.path;
  }
}
