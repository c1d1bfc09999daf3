/**
 * Property values as the engine sends them to a provider that accepts secrets (`Struct.toJavaScript()`):
 * a secret is an object `{ [SIG]: SECRET, value }`, an unknown (preview) the string `UNKNOWN` of
 * core/values.ts. The handlers of core/runtime.ts take plain values; what they return gets its secret
 * wrappers back here, because the engine stores what `check` returns: inputs handed back unwrapped
 * would put a password into the state in plain text (docs/languages.md, "Secrets").
 */
import { isRecord } from "../core/values";

/** The key of the engine's special values, and its value for a secret (sdk/go/common/resource/sig). */
const SIG = "4dabf18193072939515e22adb298388d";
const SECRET = "1b47061264138c4ac30d75fd1eb44270";

type Props = Record<string, unknown>;

/** True when `value` is a secret wrapper. */
export function isSecret(value: unknown): value is { value: unknown } {
  return isRecord(value) && value[SIG] === SECRET;
}

/** `value` as a secret (unchanged when it already is one). */
export function secret(value: unknown): unknown {
  return isSecret(value) ? value : { [SIG]: SECRET, value };
}

/** `value` without any secret wrapper, at any depth. */
export function reveal(value: unknown): unknown {
  if (isSecret(value)) return reveal(value.value);
  if (Array.isArray(value)) return value.map(reveal);
  if (isRecord(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, reveal(v)]));
  return value;
}

function holdsSecret(value: unknown): boolean {
  if (isSecret(value)) return true;
  if (Array.isArray(value)) return value.some(holdsSecret);
  return isRecord(value) && Object.values(value).some(holdsSecret);
}

/** The top-level properties that are, or hold, a secret: what must stay secret in what is returned. */
export function secretKeys(props: Props | undefined): string[] {
  return props ? Object.keys(props).filter((k) => holdsSecret(props[k])) : [];
}

/** `props` with each of `keys` that is set wrapped as a secret (a nested secret makes its whole property one). */
export function keepSecret(props: Props, keys: Iterable<string>): Props {
  const out = { ...props };
  for (const key of keys) {
    if (out[key] !== undefined && out[key] !== null) out[key] = secret(reveal(out[key]));
  }
  return out;
}

/** `value` without `undefined` members (a protobuf Struct has no such value). */
export function defined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : defined(v)));
  if (isRecord(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, defined(v)]),
    );
  }
  return value;
}
