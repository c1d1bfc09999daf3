import { inspect } from "node:util";
import { redact } from "../qualys/redact";

/**
 * Base of every error this package throws. Built from plain, already-summarised data only: never an
 * axios error, a request config, headers or a form body. The message is redacted once more on the
 * way in (every secret registered in the process, qualys/redact.ts), and `String()`,
 * `JSON.stringify` and `util.inspect` redact again and show only the public fields, so an error can be
 * logged whole without leaking a credential.
 */
export class QualysError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(redact(message), options);
    this.name = "QualysError";
  }

  /**
   * What makes another failure "the same" as this one, when several resources meet it in one run (the
   * credentials rejected by one gateway, one gateway unreachable): the resource runtime shows it in full
   * once and points the others to it (core/runtime.ts). `undefined`: only this very error object is.
   */
  sameFailureKey(): string | undefined {
    return undefined;
  }

  override toString(): string {
    return redact(super.toString());
  }

  /** The public fields of this error (what `JSON.stringify` shows). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: redact(this.message) };
    for (const [key, value] of Object.entries(this)) {
      if (key === "stack") continue;
      if (typeof value === "string") out[key] = redact(value);
      else if (isPlain(value)) out[key] = value;
      else if (isStringList(value)) out[key] = (value as string[]).map((member) => redact(member));
    }
    return out;
  }

  [inspect.custom](): string {
    const fields = this.toJSON();
    delete fields.name;
    delete fields.message;
    const extra = Object.keys(fields).length > 0 ? ` ${inspect(fields, { breakLength: Infinity })}` : "";
    return redact(`${this.stack ?? `${this.name}: ${this.message}`}${extra}`);
  }
}

function isStringList(value: unknown): boolean {
  return Array.isArray(value) && value.every((member) => typeof member === "string");
}

function isPlain(value: unknown): boolean {
  return (
    value === null ||
    value === undefined ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean"
  );
}
