import { setting } from "../qualys/settings";
import { QualysError } from "./qualys-error";

/** How the connection failed: never sent (refused, unknown host), TLS, or dropped on every attempt. */
export type Unreachable = "not-sent" | "tls" | "dropped";

/** No connection to the gateway could be made (refused, unknown host, TLS failure, dropped connections). */
export class GatewayUnreachableError extends QualysError {
  /** The gateway that could not be reached. */
  readonly gatewayUrl: string;
  /** What was being done, e.g. `list schedules of registry r`. */
  readonly operation: string;
  /** The network error code of the last attempt (`ECONNREFUSED`, `ENOTFOUND`, …). */
  readonly code: string;
  /** How many times the request was tried. */
  readonly attempts: number;
  /** `not-sent`, `tls` or `dropped`. */
  readonly failure: Unreachable;

  constructor(details: {
    gatewayUrl: string;
    operation: string;
    code: string;
    attempts: number;
    failure: Unreachable;
    /** The redacted network error, e.g. `ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1`. */
    summary: string;
    method: string;
    path: string;
  }) {
    const d = details;
    const gateway = setting("gatewayUrl");
    super(
      d.failure === "not-sent"
        ? `Could not reach the Qualys gateway ${d.gatewayUrl} to ${d.operation}: ${d.summary} ` +
            `(${d.attempts} attempt(s)). Check ${gateway} and the network or proxy between this machine and the gateway.`
        : d.failure === "tls"
          ? `Could not open a secure connection to the Qualys gateway ${d.gatewayUrl} to ${d.operation}: ` +
            `${d.summary}. Check ${gateway}, and any TLS-intercepting proxy (NODE_EXTRA_CA_CERTS).`
          : `The Qualys gateway ${d.gatewayUrl} kept dropping the connection to ${d.operation} ` +
            `(${d.summary}; ${d.attempts} attempt(s), ${d.method} ${d.path}). Retry later; if it ` +
            `persists, check ${gateway} and any proxy in between.`,
    );
    this.name = "GatewayUnreachableError";
    this.gatewayUrl = d.gatewayUrl;
    this.operation = d.operation;
    this.code = d.code;
    this.attempts = d.attempts;
    this.failure = d.failure;
  }

  /** One gateway unreachable is one failure, whichever resource met it. */
  override sameFailureKey(): string {
    return `GatewayUnreachableError ${this.gatewayUrl} ${this.failure}`;
  }
}
