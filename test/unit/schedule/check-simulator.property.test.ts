/**
 * Property-based: every input `check` accepts is accepted by the simulator when created, and comes back
 * as the same inputs. Inputs are generated wild (any text, including control characters, lone
 * surrogates, QQL syntax and over-long strings; numbers of every kind), `check` decides, and each
 * accepted one is built into the wire body with `toWireBody`, POSTed through the provider's own HTTP
 * client (must be 201), found again by ID and by name (the lookup an ambiguous create relies on), and
 * read back to the identical canonical inputs. Fixed seed; the run count is in the test name.
 */
import fc from "fast-check";

import { ScheduleApi } from "../../../provider/schedule/api";
import { readSchedule } from "../../../provider/schedule/crud";
import { QualysClient } from "../../../provider/qualys/http/client";
import { ALLOWED_DAYS, MAX_NUMBER_OF_TAGS } from "../../../provider/schedule/properties";
import { checkScheduleInputs } from "../../../provider/schedule/rules";
import { WEEK_DAYS, type ScheduleInputs } from "../../../provider/schedule/types";
import { qqlTerm, toWireBody } from "../../../provider/schedule/wire";
import { DEMO_REGISTRY_ID, DEMO_REGISTRY_TYPE, startSimulator, type RunningSimulator } from "../../simulator";
import { simulatorClient } from "../../harness/use-simulator";
import { propertyRuns } from "../property-runs";

const SEED = 6_2026;
const RUNS = propertyRuns(1000);

let sim: RunningSimulator;
let client: QualysClient;
let api: ScheduleApi;

beforeAll(async () => {
  sim = await startSimulator();
  client = simulatorClient(sim, { timeoutMs: 5000, maxRetries: 0, concurrency: 4 });
  api = new ScheduleApi(client);
});

afterAll(async () => {
  client?.close();
  await sim?.close();
});

// ---- generators: mostly valid, with wild text and numbers in every slot ------------------------

const wildText = fc.oneof(
  { weight: 4, arbitrary: fc.string({ unit: "grapheme", minLength: 1, maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 40 }) },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      "team/api",
      "équipe/アプリ",
      "x and status:Running",
      'he said "hi"',
      "back\\slash\\",
      "name:other",
      "a'b",
      " padded ",
      "\u202Eevil",
      "zero\u200Bwidth",
      "e\u0301",
      "😀".repeat(127),
      "😀".repeat(128),
      "x".repeat(255),
      "x".repeat(256),
      "tab\there",
      "nul\u0000",
      "\ud800",
      ".*",
      "v1,v2",
    ),
  },
);

/** Mostly the valid value, sometimes anything. */
const mostly = <T>(valid: fc.Arbitrary<T>, wild: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 5, arbitrary: valid }, { weight: 1, arbitrary: wild });

const wildNumber = fc.oneof(
  fc.integer({ min: -2, max: 400 }),
  fc.constantFrom<unknown>(-0, NaN, Infinity, 1.5, 1e21, "7", [7], null),
);

const mode = fc.oneof(
  fc.record({
    onDemand: fc.constant(false),
    scheduleScanIntervalInDays: mostly(fc.constant(1), wildNumber),
    schedule: fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}`),
      wildText,
    ),
  }),
  fc.record({
    onDemand: fc.constant(false),
    scheduleScanIntervalInDays: fc.constant(7),
    weekDay: mostly(fc.constantFrom(...WEEK_DAYS, "monday", "Sunday"), wildText),
    forceScan: mostly(fc.boolean(), fc.constant("true")),
  }),
  fc.record({
    onDemand: fc.constant(false),
    scheduleScanIntervalInDays: mostly(fc.integer({ min: 8, max: 365 }), wildNumber),
    forceScan: fc.boolean(),
  }),
  fc.record({ onDemand: fc.constant(true), forceScan: fc.boolean() }),
);

const raw: fc.Arbitrary<Record<string, unknown>> = fc
  .tuple(
    fc.record(
      {
        name: wildText,
        repo: fc.oneof(wildText, fc.uniqueArray(wildText, { minLength: 1, maxLength: 3 })),
        tag: mostly(fc.constantFrom(".*", "latest", "v1,v2", "ünïcødé-tag"), wildText),
        days: mostly(fc.constantFrom(...ALLOWED_DAYS), wildNumber),
        additionalFilters: fc.record(
          {
            numberOfTags: mostly(fc.integer({ min: 1, max: MAX_NUMBER_OF_TAGS }), wildNumber),
            sortCriteria: mostly(fc.constant("createdDate"), wildText),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ["name", "repo"] },
    ),
    mode,
  )
  .map(([common, timing]) => ({ registryId: DEMO_REGISTRY_ID, ...common, ...timing }));

// ---- the property -------------------------------------------------------------------------------

test(`every input check accepts is created by the simulator (201) and read back unchanged (seed ${SEED}, ${RUNS} runs)`, async () => {
  let accepted = 0;
  await fc.assert(
    fc.asyncProperty(raw, async (news) => {
      const { inputs, failures } = checkScheduleInputs(news);
      if (failures.length > 0) return;
      accepted++;
      const canonical = inputs as unknown as ScheduleInputs;
      const body = toWireBody(canonical, DEMO_REGISTRY_TYPE);
      // Through the provider's own client: any non-2xx throws a typed error naming Qualys's message.
      const scheduleId = await api.createSchedule(DEMO_REGISTRY_ID, body);
      const id = `${DEMO_REGISTRY_ID}/${scheduleId}`;
      const back = await readSchedule(api, id);
      expect(back.inputs).toStrictEqual(canonical);
      const byName = await api.listSchedules(DEMO_REGISTRY_ID, qqlTerm("name", canonical.name));
      expect(byName.map((s) => s.scheduleUuid)).toContain(scheduleId);
      expect(byName.every((s) => s.name === canonical.name)).toBe(true);
      sim.control.deleteSchedule(DEMO_REGISTRY_ID, scheduleId);
    }),
    { seed: SEED, numRuns: RUNS },
  );
  console.log(`check accepted ${accepted} of ${RUNS} generated inputs; the simulator created every one`);
  // Not vacuous: a good share of the wild inputs pass check and reach the simulator.
  expect(accepted).toBeGreaterThan(RUNS / 4);
}, 120_000);
