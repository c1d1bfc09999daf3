import { QualysError } from "./qualys-error";

/** A missing or invalid provider setting. The message names the config key and the environment variable. */
export class ConfigError extends QualysError {
  /** The stack config key, e.g. `qualys:gatewayUrl`. */
  readonly configKey: string;
  /** The environment variable read when the config key is not set, e.g. `QUALYS_GATEWAY_URL`. */
  readonly envVar: string;

  constructor(message: string, configKey: string, envVar: string) {
    super(message);
    this.name = "ConfigError";
    this.configKey = configKey;
    this.envVar = envVar;
  }
}
