import { QualysError } from "./qualys-error";

/** No connection to the gateway could be made (refused, unknown host, TLS failure, dropped connections). */
export class GatewayUnreachableError extends QualysError {
  readonly gatewayUrl: string;
  readonly operation: string;
  /** The network error code of the last attempt (`ECONNREFUSED`, `ENOTFOUND`, …). */
  readonly code: string;
  readonly attempts: number;

  constructor(
    message: string,
    details: { gatewayUrl: string; operation: string; code: string; attempts: number },
  ) {
    super(message);
    this.name = "GatewayUnreachableError";
    this.gatewayUrl = details.gatewayUrl;
    this.operation = details.operation;
    this.code = details.code;
    this.attempts = details.attempts;
  }
}
