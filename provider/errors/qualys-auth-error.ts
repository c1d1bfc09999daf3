import { setting } from "../qualys/settings";
import { QualysError } from "./qualys-error";

/** Why Qualys refused: the credentials, the user's API access, or a token it had just issued. */
export type AuthFailure =
  | { kind: "credentials-rejected" }
  | { kind: "api-access-refused"; statusAndMessage: string }
  | { kind: "token-rejected"; statusAndMessage: string; operation: string; method: string; path: string };

/** Qualys did not accept the credentials, or rejected a freshly issued token. Never echoes them. */
export class QualysAuthError extends QualysError {
  /** The gateway that refused. */
  readonly gatewayUrl: string;
  /** The HTTP status that came back (401, 403, …). */
  readonly status: number;
  /** `credentials-rejected`, `api-access-refused` or `token-rejected`. */
  readonly failure: AuthFailure["kind"];

  constructor(details: { gatewayUrl: string; status: number; failure: AuthFailure }) {
    super(QualysAuthError.#message(details.gatewayUrl, details.failure));
    this.name = "QualysAuthError";
    this.gatewayUrl = details.gatewayUrl;
    this.status = details.status;
    this.failure = details.failure.kind;
  }

  /** One gateway refusing the same way is one failure, whichever resource met it. */
  override sameFailureKey(): string {
    return `QualysAuthError ${this.gatewayUrl} ${this.failure}`;
  }

  static #message(gatewayUrl: string, f: AuthFailure): string {
    switch (f.kind) {
      case "credentials-rejected":
        return (
          `Qualys authentication failed: the credentials were rejected by ${gatewayUrl} ` +
          `(check ${setting("username")} and ${setting("password")}). ` +
          // refresh and destroy do not run the program: the engine hands the provider the
          // configuration it stored at the last up, so a rotated password is not seen there yet.
          "`pulumi refresh` and `pulumi destroy` use the configuration stored at the last `pulumi up`: " +
          "after changing the password or the gateway, run `pulumi up` or `pulumi refresh --run-program` first."
        );
      case "api-access-refused":
        return (
          `Qualys at ${gatewayUrl} refused API access for this user (${f.statusAndMessage}). ` +
          `Check that the account in ${setting("username")} may use the API and is not locked.`
        );
      case "token-rejected":
        return (
          `Qualys at ${gatewayUrl} rejected a freshly issued token for ${f.operation} ` +
          `(${f.statusAndMessage}; ${f.method} ${f.path}). Check that the Qualys user ` +
          `${setting("username")} may use the Container Security API.`
        );
    }
  }
}

/**
 * Authentication already failed in this process (this `pulumi` run), so the request was not sent;
 * `cause` is the `QualysAuthError`. The resource runtime shows that error in full under the first
 * resource that fails with either, and points the others to it (core/runtime.ts).
 */
export class AuthFailedEarlierError extends QualysError {
  /** The gateway that refused the credentials. */
  readonly gatewayUrl: string;
  /** What was not done, e.g. `read schedule …`. */
  readonly operation: string;

  constructor(details: { gatewayUrl: string; operation: string; first: QualysAuthError }) {
    super(
      `Not sent (${details.operation}): Qualys at ${details.gatewayUrl} already rejected the credentials in ` +
        `this run: ${details.first.message}`,
      { cause: details.first },
    );
    this.name = "AuthFailedEarlierError";
    this.gatewayUrl = details.gatewayUrl;
    this.operation = details.operation;
  }

  override sameFailureKey(): string | undefined {
    return this.cause instanceof QualysAuthError ? this.cause.sameFailureKey() : undefined;
  }
}
