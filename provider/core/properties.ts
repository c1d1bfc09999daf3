/**
 * The property table: one declaration per property of a resource, from which `check`'s per-field
 * pass (`core/check.ts`), `diff`'s replace set (`core/plan.ts`), the split of stored outputs into last
 * applied inputs, the resource's unset listing, the import command's code and the README table derive;
 * a resource's hand-written args type and class outputs are checked against it by
 * test/unit/resource-declarations.test.ts. Cross-field rules stay explicit code beside each resource's table (e.g. `schedule/rules.ts`).
 *
 * See docs/architecture.md, "How to add a property".
 */
import type { Validator } from "./validators";
import { containsUnknown, sameValue } from "./values";

/** The input and output that carries the serialized dynamic provider; never validated, passed through. */
export const PROVIDER_KEY = "__provider";
/**
 * Where a resource class lists the secret inputs the program gave as plain text rather than from a
 * secret (names only, never values), for the scan-coverage policy (policy/rules.ts): the policy framework
 * shows every value unwrapped, so only the class, which sees the program's values, can tell. Not
 * `__`-prefixed: the engine hides such keys from policies.
 */
export const PLAINTEXT_KEY = "plaintextSecretInputs";
/** Inputs that are not properties of the table: `check` passes them through, `diff` ignores them. */
export const INTERNAL_KEYS: readonly string[] = Object.freeze([PROVIDER_KEY, PLAINTEXT_KEY]);

/** What a change to an input does: Qualys updates it in place, or the resource is replaced. */
export type ChangeMode = "update" | "replace";

/**
 * Whether a user must set an input: `required`; `optional` (absent when unset); `{ default }` (filled
 * in by `check` when unset); or `resourceName` (required by `check`, but the resource class fills in
 * the Pulumi resource name when the program leaves it out).
 */
export type Presence = "required" | "optional" | "resourceName" | { default: string | number | boolean };

/**
 * The TypeScript types of a property: as text, for the generated args and outputs, and as a type
 * (`T`, type-level only) from which `InputsOf` and `OutputsOf` derive the plain shapes.
 */
export interface PropertyType<T = unknown> {
  /** The resolved value's type, e.g. `string`, `string[]`, `WeekDay`; outputs are `pulumi.Output<…>` of it. */
  output: string;
  /** The whole args type when it is not `pulumi.Input<output>` (e.g. a name or a list of names). */
  args?: string;
  /** How the README's table names the type, when not `output` (e.g. `string or string[]`). */
  shown?: string;
  /**
   * For a string that takes one of a fixed set of values: the values. The plugin schema declares
   * `output` as an enum type of them (`qualys-cs:index:WeekDay`); `validate` still checks the value.
   */
  enum?: readonly string[];
  /** Never set: carries `T` for the type-level derivations. */
  readonly value?: T;
}

/** A property's types: `tsType<string[]>("string[]", "pulumi.Input<string> | …", "string or string[]")`. */
export function tsType<T>(output: string, args?: string, shown?: string): PropertyType<T> {
  return { output, ...(args === undefined ? {} : { args }), ...(shown === undefined ? {} : { shown }) };
}

/** The type of a string taking one of `values`, named `name` (the TypeScript union and the schema's enum). */
export function enumType<const V extends readonly string[]>(
  name: string,
  values: V,
  args?: string,
  shown?: string,
): PropertyType<V[number]> {
  return { ...tsType<V[number]>(name, args, shown), enum: values };
}

interface Common {
  /** What users read in their editor (TSDoc) and in the README table: what it is, its rule, in one or two sentences. */
  description: string;
  type: PropertyType;
  /**
   * A secret (password, token): kept only as a Pulumi secret, never in a message, never read back
   * (Qualys does not return it, so `read` keeps the last applied value).
   */
  secret?: boolean;
}

/** A property the user sets (an input, also echoed among the outputs). */
export interface InputSpec extends Common {
  kind: "input";
  presence: Presence;
  change: ChangeMode;
  /** What to write, for the "is required" message: `registryId is required: <requiredHint>`. */
  requiredHint?: string;
  /** The per-field rule. Never called with an unset or unknown value. Blocks (`fields`) need none. */
  validate?: Validator;
  /** The canonical form of a set value (never called with an unknown one); default: the value itself. */
  canonical?: (value: unknown) => unknown;
  /** A nested block: its members, each optional unless it says `required`. */
  fields?: BlockTable;
  /**
   * With `fields`: the value is a non-empty list of such blocks (e.g. `repositories: [{ repo, tag }]`),
   * each checked as a block and labelled by its index (`repositories[1].repo`).
   */
  list?: boolean;
  /** For a block: an example object, shown when the value is not an object. */
  example?: string;
  /**
   * Kept in the stack only: never sent to Qualys nor read from it (read keeps the last applied value),
   * so a change to it alone updates the stack without calling Qualys. For settings of the provider's
   * own checks (e.g. a schedule's `pendingRepositories`).
   */
  local?: boolean;
  /** Other names users write for this property (Qualys's other spelling, plurals): "did you mean" hints. */
  aliases?: readonly string[];
}

/** A property only Qualys sets (an ID, a status, a timestamp). A user who sets it gets a failure. */
export interface OutputSpec extends Common {
  kind: "output";
  /** Whether Qualys may leave it out (the output is then `undefined`). */
  optional?: boolean;
}

/** A member of a nested block: optional unless `required`. */
export interface MemberSpec {
  description: string;
  type: PropertyType;
  validate: Validator;
  /** Whether a set block must have this member: `check` fails the block without it (an unknown one counts as set). */
  required?: boolean;
  /**
   * What a change to this member does, when it differs from its block's `change` (an ECR registry's role
   * ARN updates in place while its account and region replace it). Default: the block's.
   */
  change?: ChangeMode;
  /** A secret member (a key, a token): as `secret` of a property, and the whole block is kept as a Pulumi secret. */
  secret?: boolean;
}

/** Members of a nested block, in their canonical order. */
export type BlockTable = Readonly<Record<string, MemberSpec>>;

/** One property of a resource. */
export type PropertySpec = InputSpec | OutputSpec;

/** Every property of a resource, inputs first, in their canonical order. */
export type PropertyTable = Readonly<Record<string, PropertySpec>>;

/** Declares a resource, keeping the table's literal types for `InputsOf` and `OutputsOf`. */
export function defineResource<const T extends PropertyTable>(
  resource: ResourceDefinition<T>,
): ResourceDefinition<T> {
  return resource;
}

type ValueOf<S> = S extends { type: PropertyType<infer V> } ? V : never;
type Flat<T> = { [K in keyof T]: T[K] } & {};
type InputKeys<T, Optional extends boolean> = {
  [K in keyof T]: T[K] extends { kind: "input"; presence: infer P }
    ? (P extends "optional" ? true : false) extends Optional
      ? K
      : never
    : never;
}[keyof T];
type OutputKeys<T, Optional extends boolean> = {
  [K in keyof T]: T[K] extends { kind: "output" }
    ? (T[K] extends { optional: true } ? true : false) extends Optional
      ? K
      : never
    : never;
}[keyof T];

/** The canonical inputs of a resource as `check` returns them: optional inputs absent when unset. */
export type InputsOf<T extends PropertyTable> = Flat<
  { [K in InputKeys<T, false>]: ValueOf<T[K]> } & { [K in InputKeys<T, true>]?: ValueOf<T[K]> }
>;

/** The outputs of a resource: every input, plus what Qualys assigns. */
export type OutputsOf<T extends PropertyTable> = Flat<
  InputsOf<T> & { [K in OutputKeys<T, false>]: ValueOf<T[K]> } & {
    [K in OutputKeys<T, true>]?: ValueOf<T[K]>;
  }
>;

/** A field of a function's arguments or result (`defineFunction`). */
export interface FieldSpec {
  /** What users read in their editor and in the docs. */
  description: string;
  type: PropertyType;
  /** An argument the caller must give, or a result field that is always there. */
  required?: boolean;
  /** A secret: the plugin returns it as a Pulumi secret. */
  secret?: boolean;
  /**
   * A list of objects with these fields (e.g. `getRepositories`'s `repositories`): the schema's object
   * type is named after `type.output` without its `[]`.
   */
  items?: FieldTable;
}

/** The fields of a function's arguments or result, in their canonical order. */
export type FieldTable = Readonly<Record<string, FieldSpec>>;

/**
 * A function (a look-up such as `getRegistry`): its name, what it does, its arguments and its result,
 * declared once so that the plugin schema, the docs and the TypeScript types derive from it. Rules that
 * tie arguments together (exactly one of two) stay code beside it.
 */
export interface FunctionDefinition<I extends FieldTable = FieldTable, O extends FieldTable = FieldTable> {
  /** The exported name, e.g. `getRegistry`; the plugin serves it as `qualys-cs:index:<name>`. */
  name: string;
  description: string;
  inputs: I;
  outputs: O;
}

/** Declares a function, keeping the tables' literal types for `FieldsOf`. */
export function defineFunction<const I extends FieldTable, const O extends FieldTable>(
  fn: FunctionDefinition<I, O>,
): FunctionDefinition<I, O> {
  return fn;
}

type FieldKeys<T, Required extends boolean> = {
  [K in keyof T]: (T[K] extends { required: true } ? true : false) extends Required ? K : never;
}[keyof T];

/** The plain shape of a field table: `required` fields present, the others optional. */
export type FieldsOf<T extends FieldTable> = Flat<
  { [K in FieldKeys<T, true>]: ValueOf<T[K]> } & { [K in FieldKeys<T, false>]?: ValueOf<T[K]> }
>;

/** A resource: its names and its property table. */
export interface ResourceDefinition<T extends PropertyTable = PropertyTable> {
  /** The class name, e.g. `RegistryScanSchedule`; the type token is `pulumi-nodejs:dynamic/qualys:<typeName>`. */
  typeName: string;
  /** What the resource is, in a sentence or two: the plugin schema's and the generated SDKs' class docs. */
  description: string;
  properties: T;
}

/** The Pulumi module of every resource of this package (the `qualys` of the type token). */
export const MODULE = "qualys";

/** The type token the engine records: `pulumi-nodejs:dynamic/qualys:<typeName>`. */
export function typeToken(resource: ResourceDefinition): string {
  return `pulumi-nodejs:dynamic/${MODULE}:${resource.typeName}`;
}

/**
 * True when `obj` is a resource of the type token: what a resource class's static `isInstance` answers,
 * also for a resource made by another copy of the package, and for the `{ __pulumiType }` that
 * `@pulumi/policy` hands it when it matches a resource of a stack against a class.
 */
export function isOfType(obj: unknown, token: string): boolean {
  return (
    typeof obj === "object" && obj !== null && (obj as { __pulumiType?: unknown }).__pulumiType === token
  );
}

/** The names of the table's inputs, in canonical order. */
export function inputNames<T extends PropertyTable>(table: T): Array<keyof T & string> {
  return Object.keys(table).filter((name) => table[name]?.kind === "input");
}

/** The names of the outputs only Qualys sets. */
export function outputOnlyNames<T extends PropertyTable>(table: T): Array<keyof T & string> {
  return Object.keys(table).filter((name) => table[name]?.kind === "output");
}

/**
 * The inputs whose change to `after` from `before` replaces the resource: `change: "replace"`, or for a
 * block whose members declare their own `change`, a changed member that replaces (a block set or
 * cleared as a whole follows the block's `change`).
 */
export function replacingChange(spec: InputSpec, before: unknown, after: unknown): boolean {
  const members = spec.fields;
  if (!members || !Object.values(members).some((m) => m.change !== undefined))
    return spec.change === "replace";
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  if (!isObject(before) || !isObject(after)) return spec.change === "replace";
  // A member not known yet (during preview) counts as changed.
  return Object.entries(members).some(
    ([key, member]) =>
      (member.change ?? spec.change) === "replace" &&
      (containsUnknown(after[key]) || !sameValue(before[key], after[key])),
  );
}

/** The inputs kept in the stack only (`local`): never sent to Qualys. */
export function localNames<T extends PropertyTable>(table: T): Array<keyof T & string> {
  return inputNames(table).filter((name) => (table[name] as InputSpec).local === true);
}

/** The inputs whose change replaces the resource (`change: "replace"`). */
export function replaceNames<T extends PropertyTable>(table: T): Array<keyof T & string> {
  return inputNames(table).filter((name) => (table[name] as InputSpec).change === "replace");
}

/** The inputs Qualys updates in place (`change: "update"`). */
export function updateNames<T extends PropertyTable>(table: T): Array<keyof T & string> {
  return inputNames(table).filter((name) => (table[name] as InputSpec).change === "update");
}

/** The input spec of `name`, or undefined when `name` is not an input. */
export function inputSpec(table: PropertyTable, name: string): InputSpec | undefined {
  const spec = Object.prototype.hasOwnProperty.call(table, name) ? table[name] : undefined;
  return spec?.kind === "input" ? spec : undefined;
}

/** The default `check` fills in for an unset input, if it has one. */
export function defaultOf(spec: InputSpec): string | number | boolean | undefined {
  return typeof spec.presence === "object" ? spec.presence.default : undefined;
}

/** True when `check` fails an unset input. */
export function isRequired(spec: InputSpec): boolean {
  return spec.presence === "required" || spec.presence === "resourceName";
}

/** Aliases declared by the table, as alias → property. */
export function aliasesOf(table: PropertyTable): Map<string, string> {
  const aliases = new Map<string, string>();
  for (const name of inputNames(table)) {
    for (const alias of (table[name] as InputSpec).aliases ?? []) aliases.set(alias, name);
  }
  return aliases;
}

/** True when the property, or a member of its block, is secret: the value is kept as a Pulumi secret. */
export function holdsSecret(spec: PropertySpec): boolean {
  if (spec.secret === true) return true;
  return spec.kind === "input" && Object.values(spec.fields ?? {}).some((member) => member.secret === true);
}

const holdsSecrets = new WeakMap<PropertyTable, boolean>();
function tableHoldsSecrets(table: PropertyTable): boolean {
  let holds = holdsSecrets.get(table);
  if (holds === undefined) {
    holds = Object.values(table).some(holdsSecret);
    holdsSecrets.set(table, holds);
  }
  return holds;
}

/**
 * The secret values among `props` (inputs, outputs or stored state of a resource of `table`): every
 * string of a `secret` property or of a block's `secret` member, and each joined as `value:secret` to
 * every other string input (what a Basic `Authorization` header of `username:password` would carry).
 * For `registerSecrets` (qualys/redact.ts): the table, not a list kept by hand, says what is secret.
 */
export function secretValues(
  table: PropertyTable,
  ...propsList: Array<Record<string, unknown> | undefined>
): string[] {
  // The runtime asks before every call at Qualys (a refresh of 200 schedules: 200 times), and a table
  // without secrets (the schedule's) has none to find.
  if (!tableHoldsSecrets(table)) return [];
  const secrets = new Set<string>();
  const plain = new Set<string>();
  const strings = (value: unknown, into: Set<string>): void => {
    if (typeof value === "string") into.add(value);
    else if (Array.isArray(value)) value.forEach((v) => strings(v, into));
  };
  for (const props of propsList) {
    if (props === undefined) continue;
    for (const [name, spec] of Object.entries(table)) {
      const value = props[name];
      if (spec.secret === true) strings(value, secrets);
      else if (spec.kind === "input" && spec.fields && typeof value === "object" && value !== null) {
        for (const [member, memberSpec] of Object.entries(spec.fields)) {
          strings((value as Record<string, unknown>)[member], memberSpec.secret === true ? secrets : plain);
        }
      } else if (spec.kind === "input") strings(value, plain);
    }
  }
  const pairs = [...secrets].flatMap((secret) => [...plain].map((value) => `${value}:${secret}`));
  return [...secrets, ...pairs];
}

/** The inputs among stored outputs (what was last applied): no output-only property, no `__provider`. */
export function lastApplied(
  table: PropertyTable,
  props: Record<string, unknown> | undefined,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!props) return out;
  for (const name of inputNames(table)) {
    if (Object.prototype.hasOwnProperty.call(props, name) && props[name] !== undefined)
      out[name] = props[name];
  }
  return out;
}

/**
 * The properties a resource class passes to `dynamic.Resource`: every optional input and every output
 * listed even when unset (so that each output exists on the resource), then everything the program
 * passed (so that a misspelt property reaches `check` and fails, rather than being ignored), and the
 * resource name for an unset `presence: "resourceName"` input.
 */
export function resourceProperties(
  table: PropertyTable,
  resourceName: string,
  args: object,
): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(table)) {
    if (spec.kind === "input" && spec.presence !== "required") props[name] = undefined;
  }
  Object.assign(props, args);
  for (const [name, spec] of Object.entries(table)) {
    if (spec.kind === "input" && spec.presence === "resourceName") props[name] ??= resourceName;
    if (spec.kind === "output") props[name] = undefined;
  }
  return props;
}
