/**
 * What `pulumi-qualys-cs import` writes: resource and variable names, the TypeScript declarations and
 * the import file. The generated code is compiled and run against a stand-in `RegistryScanSchedule`,
 * so the tests see exactly the arguments a program would pass to `check`.
 */
import fc from "fast-check";

import { generateCode, renderLiteral, stringLiteral } from "../../../provider/cli/codegen";
import { buildImportFile, renderImportFile } from "../../../provider/cli/import-file";
import { PROVIDER_KEY, RESOURCE_TYPE, type ImportedSchedule } from "../../../provider/cli/imported";
import { resourceNames, slugify, variableName } from "../../../provider/cli/names";
import { checkScheduleInputs } from "../../../provider/schedule/rules";
import type { ScheduleInputs } from "../../../provider/schedule/types";
import { runGenerated } from "./generated-code";
import { propertyRuns } from "../property-runs";
import { first } from "../../harness/assert";

const R = "5e1f0c2a-7b3d-4c8e-9a6f-1d2b3c4e5f60";
const PROVIDER =
  'exports.handler = __f0;\nconst provider = require("pulumi-qualys-cs/provider-runtime/v1");\n';

function imported(inputs: ScheduleInputs, resourceName: string, scheduleId = "9b2f6c1e"): ImportedSchedule {
  return {
    resourceName,
    id: `${inputs.registryId}/${scheduleId}`,
    inputs,
    outputs: { ...inputs, scheduleId, status: "Created", registryType: "DockerHub" },
  };
}

const DAILY: ScheduleInputs = {
  registryId: R,
  name: "nightly-api",
  onDemand: false,
  repo: ["team/api"],
  scheduleScanIntervalInDays: 1,
  schedule: "19:30",
  forceScan: false,
};
const WEEKLY: ScheduleInputs = {
  registryId: R,
  name: "Weekly prod (all tags)",
  onDemand: false,
  repo: ["team/api", "team/worker"],
  tag: ".*",
  days: 14,
  scheduleScanIntervalInDays: 7,
  weekDay: "THURSDAY",
  schedule: "06:55",
  forceScan: true,
  additionalFilters: { numberOfTags: 5, sortCriteria: "createdDate" },
};
const ON_DEMAND: ScheduleInputs = {
  registryId: R,
  name: "one-off",
  onDemand: true,
  repo: ["team/web"],
  tag: "latest",
  forceScan: false,
};

interface Declaration {
  name: string;
  args: Record<string, unknown>;
  opts: unknown;
}

/** Runs the generated module with a stand-in class that records each `new`. */
function declarations(code: string): Declaration[] {
  const made: Declaration[] = [];
  class RegistryScanSchedule {
    constructor(name: string, args: Record<string, unknown>, opts?: unknown) {
      made.push({ name, args, opts });
    }
  }
  runGenerated(code, { "pulumi-qualys-cs": { RegistryScanSchedule } });
  return made;
}

describe("resource names", () => {
  test("a schedule name made of safe characters is kept, lower case", () => {
    expect(slugify("nightly-api")).toBe("nightly-api");
    expect(slugify("Nightly_API.v2")).toBe("nightly_api.v2");
  });

  test("other characters become single dashes, accents are dropped, ends are trimmed", () => {
    expect(slugify("  Weekly prod (all tags)! ")).toBe("weekly-prod-all-tags");
    expect(slugify("Größe/Überprüfung")).toBe("gro-e-uberprufung"); // ö → o; ß has no decomposition
  });

  test("a name of only symbols falls back to the schedule ID", () => {
    expect(resourceNames([{ scheduleName: "日本語", scheduleId: "AB12-cd34-ef56" }])).toEqual([
      "schedule-ab12cd34",
    ]);
  });

  test("schedules sharing a name get the start of their ID, and a taken name is avoided", () => {
    expect(
      resourceNames(
        [
          { scheduleName: "Nightly", scheduleId: "11111111-aaaa" },
          { scheduleName: "nightly", scheduleId: "22222222-bbbb" },
          { scheduleName: "weekly", scheduleId: "33333333-cccc" },
        ],
        new Set(["weekly"]),
      ),
    ).toEqual(["nightly-11111111", "nightly-22222222", "weekly-33333333"]);
  });

  test("names are unique for any list of schedule names (property, 500 runs)", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ maxLength: 30 }), fc.uuid()), { maxLength: 20 }), (list) => {
        const names = resourceNames(list.map(([scheduleName, scheduleId]) => ({ scheduleName, scheduleId })));
        expect(new Set(names).size).toBe(names.length);
        for (const n of names) expect(n).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
      }),
      { seed: 7, numRuns: propertyRuns(500) },
    );
  });

  test("variable names are camel case identifiers, unique, never reserved words", () => {
    const taken = new Set<string>();
    expect(variableName("nightly-api", taken)).toBe("nightlyApi");
    expect(variableName("nightly.api", taken)).toBe("nightlyApi2");
    expect(variableName("2024-audit", taken)).toBe("schedule2024Audit");
    expect(variableName("delete", taken)).toBe("deleteSchedule");
    expect(variableName("---", taken)).toBe("schedule");
  });
});

describe("TypeScript literals", () => {
  test("strings escape the line terminators JSON leaves alone", () => {
    expect(stringLiteral("a\u2028b\u2029c")).toBe('"a\\u2028b\\u2029c"');
  });

  test("objects skip undefined members and quote keys that are not identifiers", () => {
    expect(renderLiteral({ a: 1, b: undefined, "c-d": [true, "x"] })).toBe(
      '{\n  a: 1,\n  "c-d": [true, "x"],\n}',
    );
  });
});

describe("generated code", () => {
  const schedules = [
    imported(DAILY, "nightly-api", "s1"),
    imported(WEEKLY, "weekly-prod-all-tags", "s2"),
    imported(ON_DEMAND, "one-off", "s3"),
  ];

  test("compiles and declares each schedule under its resource name, protected like pulumi import's default", () => {
    const made = declarations(generateCode(schedules, { protect: true, importFile: "qualys-import.json" }));
    expect(made.map((d) => d.name)).toEqual(["nightly-api", "weekly-prod-all-tags", "one-off"]);
    expect(made.map((d) => d.opts)).toEqual([{ protect: true }, { protect: true }, { protect: true }]);
  });

  test("passes exactly the imported inputs, and check returns them unchanged", () => {
    const made = declarations(generateCode(schedules, { protect: false }));
    made.forEach((d, i) => {
      expect(d.args).toEqual(schedules[i]?.inputs);
      const { inputs, failures } = checkScheduleInputs(d.args);
      expect(failures).toEqual([]);
      expect(inputs).toEqual(schedules[i]?.inputs);
    });
    expect(made.map((d) => d.opts)).toEqual([undefined, undefined, undefined]);
  });

  test("the header names the import file and the flags pulumi import needs", () => {
    expect(generateCode(schedules, { protect: true, importFile: "qualys-import.json" })).toContain(
      "//   pulumi import --file qualys-import.json --generate-code=false",
    );
    expect(generateCode(schedules, { protect: false, importFile: "i.json" })).toContain(
      "//   pulumi import --file i.json --protect=false --generate-code=false",
    );
  });

  test("any schedule name and tag survives: the code compiles and check returns the inputs (property, 300 runs)", () => {
    const text = fc
      .string({ minLength: 1, maxLength: 40, unit: "binary" })
      .filter(
        (s) =>
          s.trim() !== "" &&
          !/\p{Cc}/u.test(s) &&
          !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s),
      );
    fc.assert(
      fc.property(text, text, (name, tag) => {
        const inputs: ScheduleInputs = { ...DAILY, name: name.trim(), tag: tag.trim() };
        const canonical = checkScheduleInputs({ ...inputs }).inputs as ScheduleInputs;
        fc.pre(checkScheduleInputs({ ...inputs }).failures.length === 0);
        const made = first(
          declarations(generateCode([imported(canonical, "x")], { protect: false })),
          "a generated declaration",
        );
        expect(checkScheduleInputs(made.args).inputs).toEqual(canonical);
      }),
      { seed: 11, numRuns: propertyRuns(300) },
    );
  });
});

describe("import file", () => {
  const file = buildImportFile(
    [imported(DAILY, "nightly-api", "s1"), imported(ON_DEMAND, "one-off", "s3")],
    PROVIDER,
  );

  test("one resource per schedule: type token, resource name, <registryId>/<scheduleId>", () => {
    expect(file.resources.map(({ type, name, id }) => ({ type, name, id }))).toEqual([
      { type: RESOURCE_TYPE, name: "nightly-api", id: `${R}/s1` },
      { type: RESOURCE_TYPE, name: "one-off", id: `${R}/s3` },
    ]);
    expect(RESOURCE_TYPE).toBe("pulumi-nodejs:dynamic/qualys:RegistryScanSchedule");
  });

  test("inputs are the canonical inputs and outputs the read outputs, both with the serialized provider", () => {
    const daily = first(file.resources, "an imported resource");
    expect(daily.inputs).toEqual({ ...DAILY, [PROVIDER_KEY]: PROVIDER });
    expect(daily.outputs).toEqual({
      ...DAILY,
      scheduleId: "s1",
      status: "Created",
      registryType: "DockerHub",
      [PROVIDER_KEY]: PROVIDER,
    });
  });

  test("is written as JSON that reads back the same", () => {
    const text = renderImportFile(file);
    expect(text.endsWith("}\n")).toBe(true);
    expect(JSON.parse(text)).toEqual(file);
  });
});
