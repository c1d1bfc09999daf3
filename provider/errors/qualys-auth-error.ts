import { QualysError } from "./qualys-error";

/** Qualys did not accept the credentials, or rejected a freshly issued token. Never echoes them. */
export class QualysAuthError extends QualysError {
  readonly gatewayUrl: string;
  /** The HTTP status that came back (401, 403, …). */
  readonly status: number;

  constructor(message: string, gatewayUrl: string, status: number) {
    super(message);
    this.name = "QualysAuthError";
    this.gatewayUrl = gatewayUrl;
    this.status = status;
  }
}
