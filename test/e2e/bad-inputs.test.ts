/**
 * Bad input fails at `pulumi preview`, before any API call: cases of the shared table
 * run through the real CLI; each must name its property and rule, and the simulator must see nothing.
 * (Every case of the table also runs against `check` directly in test/unit/schedule/rules.test.ts.)
 */
import { DEMO_REGISTRY_ID } from "../simulator";
import { BAD_INPUTS, argsOf, type BadInputCase } from "../cases/bad-inputs";
import { declare } from "../harness/programs";
import { useSimulator } from "../harness/use-simulator";
import { type ProgramStack } from "../harness/stack";

/** Every property of the table, then up to three cases each, in table order: 30 cases. */
function selection(cases: BadInputCase[], max = 30): BadInputCase[] {
  const byProperty = new Map<string, BadInputCase[]>();
  for (const c of cases) byProperty.set(c.property, [...(byProperty.get(c.property) ?? []), c]);
  const picked: BadInputCase[] = [];
  for (let round = 0; picked.length < max && round < 3; round++) {
    for (const group of byProperty.values()) {
      const next = group[round];
      if (next && picked.length < max) picked.push(next);
    }
  }
  return picked;
}

const CASES = selection(BAD_INPUTS);

const { sim, schedulesStack } = useSimulator();
let ps: ProgramStack;

beforeAll(async () => {
  ps = await schedulesStack();
});

describe("the selection", () => {
  test("covers every property of the table with at least 25 cases", () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.property))).toEqual(new Set(BAD_INPUTS.map((c) => c.property)));
  });
});

describe("pulumi preview rejects bad input before any API call", () => {
  test.each(CASES.map((c) => [c.title, c] as const))("%s", async (_title, c) => {
    sim().control.clearRequests();
    await ps.setEnv(declare([{ name: "bad", args: argsOf({ registryId: DEMO_REGISTRY_ID, ...c.args }) }]));
    const failure = await ps.stack.preview().then(
      () => undefined,
      (err: Error) => err.message,
    );
    expect(failure).toBeDefined();
    expect(failure).toContain(`property ${c.property} value`);
    for (const word of c.reasonIncludes) expect(failure).toContain(word);
    expect(sim().control.requests()).toEqual([]);
  });
});
