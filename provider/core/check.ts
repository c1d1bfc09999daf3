/**
 * The generic `check` of a resource, driven by its property table (`core/properties.ts`): unknown and
 * output-only keys, the per-field pass (a block's required members too), required inputs, then the
 * resource's cross-field rules, then canonical inputs. Pure and local: no I/O, no clock. Values the
 * engine does not know yet (during preview) are skipped, never failed, and pass through unchanged.
 */
import { clip, describeValue } from "./describe-value";
import {
  aliasesOf,
  defaultOf,
  inputNames,
  inputSpec,
  isRequired,
  outputOnlyNames,
  INTERNAL_KEYS,
  type BlockTable,
  type InputSpec,
  type ResourceDefinition,
} from "./properties";
import { suggestProperty } from "./suggest";
import { isRecord, isSet, isUnknown, own, put, UNKNOWN } from "./values";

/** One broken rule, as the engine prints it: `property <property> value {…} has a problem: <reason>`. */
export interface CheckFailure {
  property: string;
  reason: string;
}

/** What validation learned about one input. */
export type FieldState =
  | { state: "absent" }
  | { state: "unknown" }
  | { state: "invalid"; raw: unknown }
  | { state: "valid"; value: unknown };

/** The state of every input, by name. */
export type FieldStates = Readonly<Record<string, FieldState>>;

/** The rules that tie inputs together; a rule whose inputs are unknown or invalid must be skipped. */
export type CrossFieldRules = (states: FieldStates) => CheckFailure[];

/** What `check` returns: canonical inputs, and the failures (empty when valid). */
export interface CheckOutcome {
  inputs: Record<string, unknown>;
  failures: CheckFailure[];
}

function validateBlock(
  name: string,
  spec: InputSpec,
  fields: BlockTable,
  raw: unknown,
  report: (r: string) => void,
): boolean {
  if (!isRecord(raw)) {
    report(`${name} must be an object such as ${spec.example ?? "{ … }"}; got ${describeValue(raw)}`);
    return false;
  }
  const members = Object.keys(fields);
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (!members.includes(key)) {
      report(
        `${name}.${clip(key, 40)} is not a property of ${name}; known properties are ` +
          `${members.length > 2 ? `${members.slice(0, -1).join(", ")} and ${members.at(-1)}` : members.join(" and ")}`,
      );
      ok = false;
    }
  }
  for (const [key, member] of Object.entries(fields)) {
    const value = own(raw, key);
    if (!isSet(value) && member.required) {
      report(`${name}.${key} is required${spec.example ? `, e.g. ${name}: ${spec.example}` : ""}`);
      ok = false;
    }
    if (!isSet(value) || isUnknown(value)) continue;
    const reasons = member.validate(value, `${name}.${key}`);
    reasons.forEach(report);
    if (reasons.length > 0) ok = false;
  }
  return ok;
}

function validateField(name: string, spec: InputSpec, raw: unknown, report: (r: string) => void): FieldState {
  if (!isSet(raw)) return { state: "absent" };
  if (isUnknown(raw)) return { state: "unknown" };
  let ok = true;
  if (spec.fields) ok = validateBlock(name, spec, spec.fields, raw, report) && ok;
  if (spec.validate) {
    const reasons = spec.validate(raw, name);
    reasons.forEach(report);
    ok = reasons.length === 0 && ok;
  }
  return ok ? { state: "valid", value: raw } : { state: "invalid", raw };
}

function canonicalValue(spec: InputSpec, value: unknown): unknown {
  if (isUnknown(value)) return value;
  if (spec.fields) {
    if (!isRecord(value)) return value;
    const block: Record<string, unknown> = {};
    for (const key of Object.keys(spec.fields)) {
      const member = own(value, key);
      if (isSet(member)) block[key] = member;
    }
    return Object.keys(block).length === 0 ? undefined : block;
  }
  return spec.canonical ? spec.canonical(value) : value;
}

/**
 * The canonical form of input values, in the table's order: defaults filled, each value in its
 * canonical form, blocks without unset members (and absent when none is set), unset inputs absent.
 * Unknown values stay as they are. Never throws, whatever the values; it does not validate.
 */
export function normalizeInputs(
  resource: ResourceDefinition,
  values: Record<string, unknown>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const source: Record<string, unknown> = isRecord(values) ? values : {};
  for (const name of inputNames(resource.properties)) {
    const spec = inputSpec(resource.properties, name)!;
    const raw = own(source, name);
    const value = isSet(raw) ? canonicalValue(spec, raw) : defaultOf(spec);
    if (isSet(value)) out[name] = value;
  }
  return out;
}

function unknownPropertyReason(resource: ResourceDefinition, key: string): string {
  const names = inputNames(resource.properties);
  const suggestion = suggestProperty(key, names, aliasesOf(resource.properties));
  return (
    `${describeValue(key)} is not a property of ${resource.typeName}; known properties are ` +
    `${names.join(", ")}` +
    (suggestion ? ` (did you mean ${suggestion}?)` : "")
  );
}

/**
 * Validates raw inputs (as the engine passes `news` to check) and canonicalizes them. A crash inside
 * (a bug of this package) propagates: the runtime reports it as a provider bug, blaming no property.
 */
export function checkInputs(
  resource: ResourceDefinition,
  news: Record<string, unknown>,
  crossField: CrossFieldRules,
): CheckOutcome {
  const table = resource.properties;
  const source: Record<string, unknown> = isRecord(news) ? news : {};
  const failures: CheckFailure[] = [];
  const inputs: string[] = inputNames(table);
  const outputs: string[] = outputOnlyNames(table);

  const extraKeys = Object.keys(source).filter(
    (key) =>
      !INTERNAL_KEYS.includes(key) &&
      !inputs.includes(key) &&
      !(outputs.includes(key) && !isSet(source[key])),
  );
  for (const key of extraKeys) {
    const reason = outputs.includes(key)
      ? `${key} is an output of ${resource.typeName} (Qualys assigns it), not an input; got ` +
        `${describeValue(source[key])}: remove it`
      : unknownPropertyReason(resource, key);
    failures.push({ property: key, reason });
  }

  const states: Record<string, FieldState> = {};
  for (const name of inputs) {
    const report = (reason: string) => failures.push({ property: name, reason });
    states[name] = validateField(name, inputSpec(table, name)!, own(source, name), report);
  }
  for (const name of inputs) {
    const spec = inputSpec(table, name)!;
    if (isRequired(spec) && states[name]?.state === "absent") {
      failures.push({
        property: name,
        reason: `${name} is required${spec.requiredHint ? `: ${spec.requiredHint}` : ""}`,
      });
    }
  }
  failures.push(...crossField(states));

  const values: Record<string, unknown> = {};
  for (const name of inputs) {
    const state = states[name];
    if (state?.state === "valid") values[name] = state.value;
    else if (state?.state === "invalid") values[name] = state.raw;
    else if (state?.state === "unknown") values[name] = UNKNOWN;
  }
  const canonical = normalizeInputs(resource, values);
  for (const key of INTERNAL_KEYS) {
    if (Object.prototype.hasOwnProperty.call(source, key)) put(canonical, key, source[key]);
  }
  for (const key of extraKeys) put(canonical, key, source[key]);
  return { inputs: canonical, failures };
}
