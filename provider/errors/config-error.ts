import { QualysError } from "./qualys-error";

/** What is wrong with a setting. */
export type ConfigProblem =
  /** Not set in the stack config nor in the environment. `what` names it for people ("username"). */
  | { kind: "missing"; what: string; secret: boolean }
  /** Not a whole number in `min`…`max`. */
  | { kind: "out-of-range"; value: string; min: number; max: number }
  /** The gateway is not a platform key nor a usable URL; `problem` says why ("is \"x\", which is not a valid URL"). */
  | { kind: "bad-gateway"; problem: string; platformKeys: readonly string[]; example: string };

/** A missing or invalid provider setting. The message names the config key and the environment variable. */
export class ConfigError extends QualysError {
  /** The stack config key, e.g. `qualys:gatewayUrl`. */
  readonly configKey: string;
  /** The environment variable read when the config key is not set, e.g. `QUALYS_GATEWAY_URL`. */
  readonly envVar: string;
  /** What is wrong: `missing`, `out-of-range` or `bad-gateway`. */
  readonly problem: ConfigProblem["kind"];

  constructor(details: { configKey: string; envVar: string; problem: ConfigProblem }) {
    super(ConfigError.#message(details.configKey, details.envVar, details.problem));
    this.name = "ConfigError";
    this.configKey = details.configKey;
    this.envVar = details.envVar;
    this.problem = details.problem.kind;
  }

  /** One setting wrong the same way is one failure, whichever resource met it. */
  override sameFailureKey(): string {
    return `ConfigError ${this.configKey} ${this.problem}`;
  }

  static #message(key: string, env: string, p: ConfigProblem): string {
    switch (p.kind) {
      case "missing": {
        const how = `pulumi config set${p.secret ? " --secret" : ""} ${key} <value>`;
        return `The Qualys ${p.what} is not set: set the stack config ${key} (\`${how}\`) or the environment variable ${env}.`;
      }
      case "out-of-range":
        return `${key} (or ${env}) must be a whole number from ${p.min} to ${p.max}; got ${JSON.stringify(p.value)}.`;
      case "bad-gateway":
        return (
          `${key} / ${env} ${p.problem}. Set it to a Qualys platform key (${p.platformKeys.join(", ")}) or to the ` +
          `https URL of your Qualys API gateway (for example ${p.example}).`
        );
    }
  }
}
