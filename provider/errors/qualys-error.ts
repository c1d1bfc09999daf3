import { inspect } from "node:util";
import { redact } from "../qualys/redact";

/**
 * Base of every error this package throws. Built from plain, already-summarised data only: never an
 * axios error, a request config, headers or a form body. The message is redacted once more on the
 * way in, and `JSON.stringify`/`util.inspect` show only the public fields, so an error can be logged
 * whole without leaking a credential.
 */
export class QualysError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(redact(message), options);
    this.name = "QualysError";
  }

  /** The public fields of this error (what `JSON.stringify` shows). */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (key !== "stack" && (isPlain(value) || isStringList(value))) out[key] = value;
    }
    return out;
  }

  [inspect.custom](): string {
    const fields = this.toJSON();
    delete fields.name;
    delete fields.message;
    const extra = Object.keys(fields).length > 0 ? ` ${inspect(fields, { breakLength: Infinity })}` : "";
    return `${redact(this.stack ?? `${this.name}: ${this.message}`)}${extra}`;
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
