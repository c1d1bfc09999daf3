/**
 * Hostile values through the provider's own entry points (`provider-runtime/v1`: check, create, read,
 * as the provider process calls them), against the simulator: very long strings, control characters
 * and unicode in name/repo/tag, numbers as strings, floats, negative zero, NaN, nested arrays. Each is
 * either a clear failure of `check` (naming the property, never a throw) or a faithful round-trip
 * through create and read; the provider never crashes.
 */
import * as runtime from "../../../provider/schedule/runtime-v1";
import { INPUT_PROPERTIES } from "../../../provider/schedule/rules";
import {
  DEMO_PASSWORD,
  DEMO_REGISTRY_ID,
  DEMO_USERNAME,
  startSimulator,
  type RunningSimulator,
} from "../../simulator";

type Props = Record<string, unknown>;

const base: Props = {
  registryId: DEMO_REGISTRY_ID,
  name: "hostile",
  repo: ["team/api"],
  scheduleScanIntervalInDays: 7,
  weekDay: "MONDAY",
};

/** Values that must round-trip: [label, property, value]. */
const FAITHFUL: [string, string, unknown][] = [
  ["a 255-character name", "name", "n".repeat(255)],
  ["a name of 127 emoji (254 UTF-16 units)", "name", "😀".repeat(127)],
  ["a name in Japanese", "name", "夜間スキャン"],
  ["a name with combining marks", "name", "re\u0301sume\u0301"],
  ["a name with a right-to-left override", "name", "\u202Eevil"],
  ["a name with a zero-width space", "name", "zero\u200Bwidth"],
  ["a name that is QQL syntax", "name", "x and status:Running"],
  ["a name with quotes and backslashes", "name", 'he said "hi" \\ back\\'],
  ["a name with outer spaces", "name", "  padded  "],
  ["a repository in unicode", "repo", ["équipe/アプリ"]],
  ["a 5000-character repository", "repo", ["r".repeat(5000)]],
  ["several unicode repositories", "repo", ["ünï/cødé", "日本/リポ", "emoji/😀"]],
  ["a unicode tag", "tag", "ünïcødé-tag"],
  ["a 10000-character tag", "tag", `v${"1".repeat(9999)}`],
  ["a tag pattern", "tag", ".*"],
  ["the largest numberOfTags", "additionalFilters", { numberOfTags: 2147483647 }],
];

/** Values that must fail `check` with a failure naming `property`: [label, property, value]. */
const REJECTED: [string, string, unknown][] = [
  ["a 256-character name", "name", "n".repeat(256)],
  ["a 100000-character name", "name", "n".repeat(100_000)],
  ["a name of 128 emoji (256 UTF-16 units)", "name", "😀".repeat(128)],
  ["a name with NUL", "name", "a\u0000b"],
  ["a name with a newline", "name", "line\nbreak"],
  ["a name with an escape character", "name", "\u001b[31mred"],
  ["a name with a lone surrogate", "name", "bad\ud800"],
  ["a name that is a number", "name", 42],
  ["a repository with a bell character", "repo", ["a\u0007b"]],
  ["a repository with a tab", "repo", ["team/\tapi"]],
  ["nested repository lists", "repo", [["team/api"]]],
  ["a repository given twice", "repo", ["team/api", "team/api"]],
  ["an empty repository name", "repo", [""]],
  ["a repository that is a number", "repo", [7]],
  ["a tag with a carriage return", "tag", "v1\r"],
  ["a blank tag", "tag", "   "],
  ["days as a string", "days", "7"],
  ["days as a float", "days", 7.5],
  ["days as negative zero", "days", -0],
  ["days as NaN", "days", NaN],
  ["days as Infinity", "days", Infinity],
  ["days in a list", "days", [7]],
  ["the interval as a string", "scheduleScanIntervalInDays", "7"],
  ["the interval as a float", "scheduleScanIntervalInDays", 7.5],
  ["the interval as negative zero", "scheduleScanIntervalInDays", -0],
  ["the interval as NaN", "scheduleScanIntervalInDays", NaN],
  ["the interval as 1e21", "scheduleScanIntervalInDays", 1e21],
  ["the interval in nested lists", "scheduleScanIntervalInDays", [[7]]],
  ["numberOfTags as a string", "additionalFilters", { numberOfTags: "5" }],
  ["numberOfTags beyond 32 bits", "additionalFilters", { numberOfTags: 2147483648 }],
  ["numberOfTags as negative zero", "additionalFilters", { numberOfTags: -0 }],
  ["numberOfTags as NaN", "additionalFilters", { numberOfTags: NaN }],
  ["additionalFilters as a list", "additionalFilters", [{ numberOfTags: 5 }]],
  ["onDemand as a string", "onDemand", "true"],
  ["forceScan as a number", "forceScan", 1],
  ["weekDay in French", "weekDay", "lundi"],
];

let sim: RunningSimulator;
const saved: Record<string, string | undefined> = {};

beforeAll(async () => {
  sim = await startSimulator();
  // The provider reads the environment when `configure` gave it no config (as in `pulumi` runs without stack config).
  const env = { QUALYS_GATEWAY_URL: sim.url, QUALYS_USERNAME: DEMO_USERNAME, QUALYS_PASSWORD: DEMO_PASSWORD };
  for (const [k, v] of Object.entries(env)) {
    saved[k] = process.env[k];
    process.env[k] = v;
  }
});

afterAll(async () => {
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  await sim?.close();
});

describe("hostile values that are valid round-trip faithfully through create and read", () => {
  test.each(FAITHFUL)("%s", async (_label, property, value) => {
    const checked = await runtime.check({}, { ...base, [property]: value });
    expect(checked.failures ?? []).toEqual([]);
    const inputs = checked.inputs as Props;
    const created = await runtime.create(inputs);
    const scheduleId = created.id.split("/")[1];
    const stored = sim.control.schedules().find((s) => s.scheduleUuid === scheduleId);
    expect(stored).toBeDefined();
    // Stored byte for byte as given.
    if (property === "name") expect(stored?.name).toBe(value);
    if (property === "repo") expect(stored?.filters[0]?.repoTags.map((r) => r.repo)).toEqual(value);
    if (property === "tag") expect(stored?.filters[0]?.repoTags[0]?.tag).toBe(value);
    const read = await runtime.read(created.id, created.outs);
    expect(read.id).toBe(created.id);
    const back = read.inputs as Props;
    expect(back[property]).toEqual(inputs[property]);
    expect(back).toEqual(inputs);
    // Checking what was read changes nothing: no diff on the next preview.
    expect((await runtime.diff(created.id, read.props as Props, inputs)).changes).toBe(false);
  });
});

describe("hostile values that are invalid fail check clearly, before any API call", () => {
  test.each(REJECTED)("%s", async (_label, property, value) => {
    sim.control.clearRequests();
    const checked = await runtime.check({}, { ...base, [property]: value });
    const failures = checked.failures ?? [];
    expect(failures.length).toBeGreaterThan(0);
    expect(failures.map((f) => f.property)).toContain(property);
    for (const f of failures) {
      expect(INPUT_PROPERTIES.includes(f.property)).toBe(true);
      expect(f.reason).toContain(f.property.split(".")[0]);
      // Short enough to read, even for a 100000-character value.
      expect(f.reason.length).toBeLessThan(600);
      expect(f.reason).not.toContain("this is a bug");
    }
    expect(sim.control.requests()).toEqual([]);
  });
});
