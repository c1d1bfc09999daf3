/**
 * Property-based tests of `check` (and of the diff it feeds): for any input whatsoever it never
 * throws, names only real top-level properties, and what it accepts is canonical. Fixed seed, so a
 * failure reproduces; the number of runs of each property is in its test name.
 */
import fc from "fast-check";
import { planScheduleDiff } from "../../../provider/schedule/plan";
import { ALLOWED_DAYS, MAX_NUMBER_OF_TAGS } from "../../../provider/schedule/properties";
import { canonicalizeInputs, checkScheduleInputs, INPUT_PROPERTIES } from "../../../provider/schedule/rules";
import { UNKNOWN } from "../../../provider/core/values";
import { ScheduleInputs, WEEK_DAYS } from "../../../provider/schedule/types";
import { propertyRuns } from "../property-runs";

const SEED = 4_117_2024;
const RUNS = propertyRuns(2000);
const PARAMETERS = { seed: SEED, numRuns: RUNS };

// ---------------------------------------------------------------------------------------------------
// Generators

/** Text that every text property accepts: no control characters, no lone surrogates, not blank. */
function isCleanText(text: string): boolean {
  return (
    text.trim() !== "" &&
    !/\p{Cc}/u.test(text) &&
    !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text)
  );
}

/** `undefined` and `null` both mean "not set". */
function maybe<T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | null | undefined> {
  return fc.oneof(arbitrary, fc.constant(null), fc.constant(undefined));
}

const anythingDeep = fc.anything({
  maxDepth: 3,
  maxKeys: 5,
  withBoxedValues: true,
  withMap: true,
  withSet: true,
  withObjectString: true,
  withNullPrototype: true,
  withBigInt: true,
  withDate: true,
  withTypedArray: true,
  withSparseArray: true,
  stringUnit: "binary",
});

const hostile = fc.constantFrom<unknown>(
  NaN,
  Infinity,
  -Infinity,
  -0,
  0,
  1.5,
  1e21,
  -1,
  2147483648,
  "7",
  "",
  " ",
  "\u0000",
  "a\nb",
  "\ud800",
  "x".repeat(300),
  [],
  [[]],
  [["team/api"]],
  ["team/api", "team/api"],
  {},
  { numberOfTags: 0 },
  true,
  "true",
  "monday",
  "19:30",
  null,
  undefined,
  UNKNOWN,
  [UNKNOWN],
  { numberOfTags: UNKNOWN },
);

/** A tag selector as docs/qualys-contract.md §5 defines it: comma-separated items, each a regular expression. */
function isTagSelector(text: string): boolean {
  return text.split(",").every((item) => {
    if (item.trim() === "") return false;
    try {
      new RegExp(`^(?:${item.trim()})$`, "u");
      return true;
    } catch {
      return false;
    }
  });
}
const cleanText = fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }).filter(isCleanText);
const identifier = cleanText.filter((text) => text.trim() === text && !text.includes("/"));
const repoName = fc.oneof(
  fc.constantFrom("team/api", "team/worker", "library/nginx", "équipe/アプリ"),
  cleanText.filter((text) => text.trim() === text),
);
const dayInAnyCase = fc
  .tuple(fc.constantFrom(...WEEK_DAYS), fc.constantFrom("upper", "lower", "title"))
  .map(([day, style]) =>
    style === "upper" ? day : style === "lower" ? day.toLowerCase() : day[0] + day.slice(1).toLowerCase(),
  );
const timeOfDay = fc
  .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
  .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`);
const notTrue = maybe(fc.constant(false));

const common = fc.record({
  registryId: identifier,
  name: cleanText,
  repo: fc.oneof(repoName, fc.uniqueArray(repoName, { minLength: 1, maxLength: 4 })),
  tag: maybe(fc.oneof(fc.constantFrom(".*", "latest", "v1,v2", "v1\\..*"), cleanText.filter(isTagSelector))),
  days: maybe(fc.constantFrom(...ALLOWED_DAYS)),
  additionalFilters: maybe(
    fc.record(
      {
        numberOfTags: maybe(fc.integer({ min: 1, max: MAX_NUMBER_OF_TAGS })),
        sortCriteria: maybe(fc.constant("createdDate")),
      },
      { requiredKeys: [] },
    ),
  ),
});

const mode = fc.oneof(
  fc.record({
    onDemand: notTrue,
    scheduleScanIntervalInDays: fc.constant(1),
    schedule: timeOfDay,
    forceScan: notTrue,
  }),
  fc.record({
    onDemand: notTrue,
    scheduleScanIntervalInDays: fc.constant(7),
    weekDay: dayInAnyCase,
    schedule: maybe(timeOfDay),
    forceScan: maybe(fc.boolean()),
  }),
  fc
    .integer({ min: 2, max: 365 })
    .filter((n) => n !== 7)
    .chain((n) =>
      fc.record({
        onDemand: notTrue,
        scheduleScanIntervalInDays: fc.constant(n),
        weekDay: fc.constant(null),
        forceScan: n >= 7 ? maybe(fc.boolean()) : notTrue,
      }),
    ),
  fc.record({
    onDemand: fc.constant(true),
    scheduleScanIntervalInDays: maybe(fc.constant(null)),
    forceScan: maybe(fc.boolean()),
  }),
);

/** Raw inputs that satisfy every rule, written in every accepted form. */
const validSchedule: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(common, mode)
  .map(([a, b]) => ({ ...a, ...b }));

const mutationKey = fc.constantFrom<string>(
  ...INPUT_PROPERTIES,
  "__provider",
  "scheduleIntervalInDays",
  "extra",
  "__proto__",
  "constructor",
);

/** A valid schedule with up to three properties replaced by hostile or arbitrary values (or unknowns). */
const nearValid: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    validSchedule,
    fc.array(fc.tuple(mutationKey, fc.oneof(hostile, anythingDeep, fc.constant(UNKNOWN))), { maxLength: 3 }),
  )
  .map(([base, mutations]) => {
    const result: Record<string, unknown> = { ...base };
    for (const [key, value] of mutations) {
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return result;
  });

const anyObject: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.dictionary(fc.string({ unit: "binary", maxLength: 30 }), anythingDeep, { maxKeys: 12 }),
  fc.dictionary(mutationKey, fc.oneof(hostile, anythingDeep), { maxKeys: 12 }),
  nearValid,
);

// ---------------------------------------------------------------------------------------------------
// Helpers

function withoutProvider(record: Record<string, unknown>): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...record };
  delete copy.__provider;
  return copy;
}

function hasUnknown(value: unknown): boolean {
  return (
    JSON.stringify(value, (_k, v: unknown) => (typeof v === "bigint" ? 0 : v))?.includes(UNKNOWN) ?? false
  );
}

function outputsOf(inputs: Record<string, unknown>): Record<string, unknown> {
  return { ...inputs, scheduleId: "5b7c2d1e", status: "Created", registryType: "AWS" };
}

// ---------------------------------------------------------------------------------------------------
// Properties

describe(`check, property-based (seed ${SEED}, ${RUNS} runs per property)`, () => {
  test(`never throws, for any value at all, and always returns inputs and well-formed failures (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(anythingDeep, anyObject), (news) => {
        const result = checkScheduleInputs(news as Record<string, unknown>);
        expect(typeof result.inputs).toBe("object");
        expect(Array.isArray(result.failures)).toBe(true);
        for (const failure of result.failures) {
          expect(typeof failure.property).toBe("string");
          expect(typeof failure.reason).toBe("string");
          expect(failure.reason.length).toBeGreaterThan(10);
          expect(failure.reason.length).toBeLessThan(1000);
          // The guard that turns an internal error into a failure must never be reached.
          expect(failure.reason).not.toContain("this is a bug");
        }
      }),
      PARAMETERS,
    );
  });

  test(`every failure names a top-level property of the input or of the schema, never "__provider" (${RUNS} runs)`, () => {
    const known = new Set<string>(INPUT_PROPERTIES);
    fc.assert(
      fc.property(anyObject, (news) => {
        const given = new Set(Object.keys(news));
        for (const failure of checkScheduleInputs(news).failures) {
          expect(failure.property).not.toBe("__provider");
          expect(given.has(failure.property) || known.has(failure.property)).toBe(true);
          expect(failure.property).not.toMatch(/[.[]/);
        }
      }),
      PARAMETERS,
    );
  });

  test(`every schedule that satisfies the rules is accepted, in any of its accepted forms (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(validSchedule, (news) => {
        expect(checkScheduleInputs(news).failures).toEqual([]);
      }),
      PARAMETERS,
    );
  });

  test(`accepted inputs are canonical: checking them again changes nothing (${RUNS} runs)`, () => {
    let accepted = 0;
    fc.assert(
      fc.property(fc.oneof(validSchedule, nearValid), (news) => {
        const first = checkScheduleInputs(news);
        if (first.failures.length > 0) return;
        accepted++;
        const second = checkScheduleInputs(first.inputs);
        expect(second).toStrictEqual({ inputs: first.inputs, failures: [] });
        for (const [key, value] of Object.entries(withoutProvider(first.inputs))) {
          expect([key, value === undefined || value === null]).toEqual([key, false]);
        }
        const { repo, weekDay, onDemand, forceScan } = first.inputs;
        expect(repo === UNKNOWN || Array.isArray(repo)).toBe(true);
        expect(
          weekDay === undefined || weekDay === UNKNOWN || (WEEK_DAYS as readonly unknown[]).includes(weekDay),
        ).toBe(true);
        expect([onDemand === undefined, forceScan === undefined]).toEqual([false, false]);
        const plain = withoutProvider(first.inputs);
        expect(JSON.parse(JSON.stringify(plain))).toStrictEqual(plain);
      }),
      PARAMETERS,
    );
    // Guard against a vacuous property: most generated inputs must be accepted.
    expect(accepted).toBeGreaterThan(RUNS / 2);
  });

  test(`canonicalizeInputs agrees with check on every accepted input (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(fc.oneof(validSchedule, nearValid), (news) => {
        const { inputs, failures } = checkScheduleInputs(news);
        if (failures.length > 0) return;
        const raw = withoutProvider(news) as unknown as ScheduleInputs;
        expect(canonicalizeInputs(raw)).toStrictEqual(withoutProvider(inputs));
        expect(canonicalizeInputs(withoutProvider(inputs) as unknown as ScheduleInputs)).toStrictEqual(
          withoutProvider(inputs),
        );
      }),
      PARAMETERS,
    );
  });

  test(`diff sees no change between stored outputs and the same inputs checked again (${RUNS} runs)`, () => {
    fc.assert(
      fc.property(validSchedule, (news) => {
        const { inputs } = checkScheduleInputs(news);
        fc.pre(!hasUnknown(inputs));
        const again = checkScheduleInputs({ ...news, repo: inputs.repo }).inputs;
        expect(planScheduleDiff(outputsOf(inputs), again)).toEqual({
          changes: false,
          replaces: [],
          deleteBeforeReplace: false,
        });
      }),
      PARAMETERS,
    );
  });
});
