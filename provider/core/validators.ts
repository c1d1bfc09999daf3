/**
 * Building blocks of per-field validators, the `validate` of a property table entry
 * (`core/properties.ts`). A validator gets a set, known value (never `undefined`, `null` or the
 * engine's unknown placeholder) and the label to name it by (`days`, `additionalFilters.numberOfTags`),
 * and returns the reasons it is invalid, empty when valid. zod schemas are built per call, never at
 * module level, so nothing heavy is reachable from a serialized closure.
 */
import { z } from "zod";

import { describeValue, wrongType } from "./describe-value";

/** Reasons a set, known value is invalid; empty when valid. */
export interface Validator {
  (value: unknown, label: string): string[];
  /** Set by `wholeNumber`: the value is an integer (the plugin schema's `integer`, provider/plugin/schema.ts). */
  readonly wholeNumber?: true;
}

/** A rule on a string that is already known to be a string. */
export type TextRule = (value: string, label: string, addIssue: (message: string) => void) => void;

function issuesOf(schema: z.ZodType, value: unknown): string[] {
  const result = schema.safeParse(value);
  return result.success ? [] : result.error.issues.map((issue) => issue.message);
}

/** Problems of a text value shared by every text property: control characters and broken Unicode. */
function textProblems(label: string, text: string): string[] {
  const problems: string[] = [];
  const control = /\p{Cc}/u.exec(text);
  if (control) {
    const code = control[0].codePointAt(0) ?? 0;
    problems.push(
      `${label} must not contain control characters (such as newline, tab or NUL); got ${describeValue(text)}, ` +
        `which has U+${code.toString(16).toUpperCase().padStart(4, "0")} at position ${control.index}`,
    );
  }
  const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.exec(text);
  if (lone) {
    problems.push(
      `${label} must be valid Unicode text; got ${describeValue(text)}, which has an unpaired surrogate ` +
        `at position ${lone.index}`,
    );
  }
  return problems;
}

/** A string obeying `rules`, free of control characters and unpaired surrogates. */
export function text(rules: TextRule = () => undefined, expected = "a string"): Validator {
  return (value, label) =>
    issuesOf(
      z
        .string({ error: (issue) => `${label} must be ${expected}; ${wrongType(issue.input, "string")}` })
        .superRefine((v, ctx) => {
          const addIssue = (message: string) => ctx.addIssue({ code: "custom", message });
          rules(v, label, addIssue);
          for (const problem of textProblems(label, v)) addIssue(problem);
        }),
      value,
    );
}

/**
 * A secret string (password, token): non-empty, no control characters. Its reasons never show the
 * value, not even a part of it: they may be printed by the engine, logged and kept in CI output.
 */
export function secretText(what: string): Validator {
  return (value, label) => {
    if (typeof value !== "string")
      return [`${label} must be a string: ${what}; got a ${Array.isArray(value) ? "list" : typeof value}`];
    if (value.trim() === "") return [`${label} must not be empty or only spaces: ${what}`];
    // eslint-disable-next-line no-control-regex
    if (/[\u0000-\u001f\u007f]/.test(value))
      return [`${label} must not contain control characters (such as a newline)`];
    return [];
  };
}

/** `true` or `false`. */
export function boolean(): Validator {
  return (value, label) =>
    issuesOf(
      z.boolean({ error: (issue) => `${label} must be true or false; ${wrongType(issue.input, "boolean")}` }),
      value,
    );
}

/** A whole number for which `inRange` holds; `expectation` says which, e.g. `one of 1, 2 or 3`. */
export function wholeNumber(expectation: string, inRange: (n: number) => boolean): Validator {
  const validator: Validator = (value, label) =>
    issuesOf(
      z
        .number({ error: (issue) => `${label} must be ${expectation}; ${wrongType(issue.input, "number")}` })
        .superRefine((v, ctx) => {
          if (!Number.isInteger(v) || !inRange(v) || Object.is(v, -0)) {
            ctx.addIssue({
              code: "custom",
              message: `${label} must be ${expectation}; got ${describeValue(v)}`,
            });
          }
        }),
      value,
    );
  return Object.assign(validator, { wholeNumber: true as const });
}

/** Text rule: not empty or only spaces; `what` says what to write instead. */
export function notBlank(what: string): TextRule {
  return (value, label, addIssue) => {
    if (value.trim() === "") {
      addIssue(`${label} must not be empty or only spaces; got ${describeValue(value)}: ${what}`);
    }
  };
}

/** Text rule: no leading or trailing spaces. */
export function noOuterSpaces(): TextRule {
  return (value, label, addIssue) => {
    if (value.trim() !== "" && value.trim() !== value) {
      addIssue(
        `${label} must not start or end with spaces; got ${describeValue(value)} (did you mean ` +
          `${describeValue(value.trim())}?)`,
      );
    }
  };
}

/** Every rule, in order. */
export function all(...rules: TextRule[]): TextRule {
  return (value, label, addIssue) => rules.forEach((rule) => rule(value, label, addIssue));
}
