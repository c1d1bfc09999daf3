/**
 * Each resource's args type and class outputs (`provider/<resource>/resource.ts`) say what its property
 * table says; test/docs/declarations.ts reads them with the TypeScript compiler API.
 */
import * as path from "node:path";

import { defineResource, tsType } from "../../provider/core/properties";
import { REGISTRY } from "../../provider/registry/properties";
import { SCHEDULE } from "../../provider/schedule/properties";
import {
  REPO_ROOT,
  checkDeclarations,
  programOf,
  type DeclaredResource,
  type Finding,
  type Rule,
} from "../docs/declarations";

/** Every resource: its table and the file that declares `<typeName>Args` and the class `<typeName>`. */
const DECLARED: DeclaredResource[] = [
  { resource: SCHEDULE, file: "provider/schedule/resource.ts" },
  { resource: REGISTRY, file: "provider/registry/resource.ts" },
];

const RULES: Rule[] = [
  "an input is declared in the args type, and nothing else is",
  "an args property is optional unless the table says required",
  "the TSDoc carries the table's description",
  "the TSDoc says what a change does (replace or update)",
  "the TSDoc says the default",
  "the TSDoc of a secret says it is kept as a secret",
  "a block's members are the table's fields",
  "every property is an output declared on the class, and nothing else is",
  "an output may be undefined exactly when the table lets it be absent",
];

const program = programOf(DECLARED.map((d) => path.resolve(REPO_ROOT, d.file)));
const findings = new Map(DECLARED.map((d) => [d, checkDeclarations(program, d)]));
const messages = (all: Finding[], rule: Rule): string[] =>
  all.filter((f) => f.rule === rule).map((f) => f.message);

describe.each(RULES)("%s", (rule) => {
  test.each(DECLARED.map((d) => [d.resource.typeName, d] as const))("%s", (_name, declared) => {
    expect(messages(findings.get(declared) ?? [], rule)).toEqual([]);
  });
});

// The checker itself, on a made-up resource whose args are a discriminated union with a nested block.
const WIDGET = defineResource({
  typeName: "Widget",
  description: "A made-up resource.",
  properties: {
    kind: {
      kind: "input",
      description: "The kind of widget.",
      type: tsType<string>("string"),
      presence: "required",
      change: "replace",
    },
    name: {
      kind: "input",
      description: "The widget's name.",
      type: tsType<string>("string"),
      presence: "resourceName",
      change: "update",
    },
    size: {
      kind: "input",
      description: "Its size.",
      type: tsType<number>("number"),
      presence: { default: 3 },
      change: "update",
    },
    token: {
      kind: "input",
      description: "A token.",
      type: tsType<string>("string"),
      presence: "optional",
      change: "update",
      secret: true,
    },
    box: {
      kind: "input",
      description: "The box.",
      type: tsType<object>("WidgetBox"),
      presence: "optional",
      change: "replace",
      fields: {
        width: {
          description: "The width.",
          type: tsType<number>("number"),
          validate: () => [],
          // A member's own change mode; its block's otherwise.
          change: "update",
        },
        depth: {
          description: "The depth.",
          type: tsType<number>("number"),
          validate: () => [],
          required: true,
        },
      },
    },
    widgetId: { kind: "output", description: "The widget ID.", type: tsType<string>("string") },
    stamp: { kind: "output", description: "When.", type: tsType<string>("string"), optional: true },
  },
});

const WIDGET_SOURCE = `import * as pulumi from "@pulumi/pulumi";
interface WidgetArgsBase {
  /** The widget's name. Defaults to the Pulumi resource name. Updates in place. */
  name?: pulumi.Input<string>;
  /** Its size. Defaults to \`3\`. Updates in place. */
  size?: pulumi.Input<number>;
}
export interface WidgetBox {
  /** The width. Updates in place. */
  width?: pulumi.Input<number>;
  /** The depth. Changing it replaces the widget. */
  depth: pulumi.Input<number>;
}
export interface RoundWidgetArgs extends WidgetArgsBase {
  /** The kind of widget. Round. Changing it replaces the widget. */
  kind: "round";
  /** A token. Kept as a Pulumi secret. Updates in place. */
  token?: pulumi.Input<string>;
}
export interface BoxedWidgetArgs extends WidgetArgsBase {
  /** The kind of widget. Boxed. Changing it replaces the widget. */
  kind: "boxed";
  /** The box. Changing it replaces the widget. */
  box: pulumi.Input<WidgetBox>;
}
export type WidgetArgs = RoundWidgetArgs | BoxedWidgetArgs;
export class Widget {
  /** Its kind. */
  declare public readonly kind: pulumi.Output<string>;
  declare public readonly name: pulumi.Output<string>;
  declare public readonly size: pulumi.Output<number>;
  declare public readonly token: pulumi.Output<string | undefined>;
  declare public readonly box: pulumi.Output<{ width?: number; depth: number } | undefined>;
  /** The widget ID. */
  declare public readonly widgetId: pulumi.Output<string>;
  /** When. */
  declare public readonly stamp: pulumi.Output<string | undefined>;
}
`;

/** Each a mistake a maintainer could make, what it replaces in WIDGET_SOURCE, and the rule that must catch it. */
const MISTAKES: ReadonlyArray<readonly [string, Rule, string, string]> = [
  [
    "an input left out of the args",
    "an input is declared in the args type, and nothing else is",
    "  token?: pulumi.Input<string>;\n",
    "",
  ],
  [
    "an args property the table does not have",
    "an input is declared in the args type, and nothing else is",
    "  size?: pulumi.Input<number>;\n",
    "  size?: pulumi.Input<number>;\n  color?: string;\n",
  ],
  [
    "an output-only property among the args",
    "an input is declared in the args type, and nothing else is",
    "  size?: pulumi.Input<number>;\n",
    "  size?: pulumi.Input<number>;\n  /** The widget ID. */\n  widgetId?: string;\n",
  ],
  [
    "a resourceName input required in the args",
    "an args property is optional unless the table says required",
    "  name?: pulumi.Input<string>;",
    "  name: pulumi.Input<string>;",
  ],
  [
    "a required input optional in one member of the union",
    "an args property is optional unless the table says required",
    '  kind: "round";',
    '  kind?: "round";',
  ],
  [
    "a required block member optional in the args",
    "an args property is optional unless the table says required",
    "  depth: pulumi.Input<number>;",
    "  depth?: pulumi.Input<number>;",
  ],
  [
    "an optional block member required in the args",
    "an args property is optional unless the table says required",
    "  width?: pulumi.Input<number>;",
    "  width: pulumi.Input<number>;",
  ],
  [
    "one member of the union documents the discriminant without the table's description",
    "the TSDoc carries the table's description",
    "/** The kind of widget. Boxed.",
    "/** Boxed.",
  ],
  [
    "an output-only property documented without the table's description",
    "the TSDoc carries the table's description",
    "/** The widget ID. */\n  declare",
    "/** The ID. */\n  declare",
  ],
  [
    "a replacing input documented as updating",
    "the TSDoc says what a change does (replace or update)",
    "/** The box. Changing it replaces the widget. */",
    "/** The box. Updates in place. */",
  ],
  [
    "an updating input documented as updating and replacing",
    "the TSDoc says what a change does (replace or update)",
    "/** Its size. Defaults to `3`. Updates in place. */",
    "/** Its size. Defaults to `3`. Updates in place. Changing it replaces the widget. */",
  ],
  [
    "a block member that takes its block's change mode, documented as updating",
    "the TSDoc says what a change does (replace or update)",
    "/** The depth. Changing it replaces the widget. */",
    "/** The depth. Updates in place. */",
  ],
  [
    "a block member with its own change mode, documented as its block's",
    "the TSDoc says what a change does (replace or update)",
    "/** The width. Updates in place. */",
    "/** The width. Changing it replaces the widget. */",
  ],
  [
    "a default left unsaid",
    "the TSDoc says the default",
    "/** Its size. Defaults to `3`. Updates in place. */",
    "/** Its size. Updates in place. */",
  ],
  [
    "the resource-name default left unsaid",
    "the TSDoc says the default",
    "/** The widget's name. Defaults to the Pulumi resource name. Updates in place. */",
    "/** The widget's name. Updates in place. */",
  ],
  [
    "a secret not said to be one",
    "the TSDoc of a secret says it is kept as a secret",
    "/** A token. Kept as a Pulumi secret. Updates in place. */",
    "/** A token. Updates in place. */",
  ],
  [
    "a block member the table does not have",
    "a block's members are the table's fields",
    "  depth: pulumi.Input<number>;\n",
    "  depth: pulumi.Input<number>;\n  height?: pulumi.Input<number>;\n",
  ],
  [
    "a block member left out",
    "a block's members are the table's fields",
    "  width?: pulumi.Input<number>;\n",
    "",
  ],
  [
    "an output left off the class",
    "every property is an output declared on the class, and nothing else is",
    "  declare public readonly stamp: pulumi.Output<string | undefined>;\n",
    "",
  ],
  [
    "an output the table does not have",
    "every property is an output declared on the class, and nothing else is",
    "  /** When. */\n",
    "  declare public readonly color: pulumi.Output<string>;\n  /** When. */\n",
  ],
  [
    "an optional output declared as always set",
    "an output may be undefined exactly when the table lets it be absent",
    "stamp: pulumi.Output<string | undefined>",
    "stamp: pulumi.Output<string>",
  ],
  [
    "an input with a default declared as possibly undefined",
    "an output may be undefined exactly when the table lets it be absent",
    "size: pulumi.Output<number>",
    "size: pulumi.Output<number | undefined>",
  ],
];

describe("the check itself finds each kind of disagreement (a made-up resource with a union args type)", () => {
  const file = (i: number | "clean"): string =>
    path.join(REPO_ROOT, "test", "docs", `widget-${i}.virtual.ts`);
  const mutated = MISTAKES.map(([, , from, to]) => {
    if (WIDGET_SOURCE.split(from).length !== 2) throw new Error(`fixture text must occur once: ${from}`);
    return WIDGET_SOURCE.replace(from, to);
  });
  const widgets = programOf([], {
    [file("clean")]: WIDGET_SOURCE,
    ...Object.fromEntries(mutated.map((text, i) => [file(i), text])),
  });
  const check = (f: string): Finding[] => checkDeclarations(widgets, { resource: WIDGET, file: f });

  test("a resource whose declarations agree with its table has no finding", () => {
    expect(widgets.getSemanticDiagnostics(widgets.getSourceFile(file("clean")))).toEqual([]);
    expect(check(file("clean"))).toEqual([]);
  });

  test.each(MISTAKES.map(([what, rule], i) => [what, rule, i] as const))("%s: %s", (_what, rule, i) => {
    expect(messages(check(file(i)), rule)).toHaveLength(1);
  });
});
