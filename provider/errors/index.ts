export { QualysError } from "./qualys-error";
export { ConfigError } from "./config-error";
export { QualysApiError, type QualysApiErrorDetails } from "./qualys-api-error";
export { QualysAuthError } from "./qualys-auth-error";
export { GatewayUnreachableError } from "./gateway-unreachable-error";
export { AmbiguousRequestError } from "./ambiguous-request-error";
export { RateLimitError } from "./rate-limit-error";
export { MalformedResponseError, type MalformedResponseDetails } from "./malformed-response-error";
export { RequestTimeoutError } from "./request-timeout-error";
