/**
 * The pure planning of `pulumi-qualys-cs recover`: an exported deployment and Qualys's answers in, the
 * plan and the deployment to import out. Adopt, nothing created, ambiguous, an ID another resource owns,
 * two pending creates of one name, and pending operations the command must leave as they are.
 */
import {
  adoptedOutputs,
  applyRecovery,
  lookupKey,
  parseExport,
  planRecovery,
  renderPlan,
  surveyPending,
  unresolvedCount,
  type ExportedStack,
  type JsonObject,
} from "../../../provider/cli/recover-plan";

const R = "5e1f0c2a-7b3d-4c8e-9a6f-1d2b3c4e5f60";
const TYPE = "pulumi-nodejs:dynamic/qualys:RegistryScanSchedule";
const PROVIDER =
  'exports.handler = __f0;\nconst provider = require("pulumi-qualys-cs/provider-runtime/v1");\n';
const PREFIX = "urn:pulumi:dev::proj::";
const STACK_URN = `${PREFIX}pulumi:pulumi:Stack::proj-dev`;
const PROVIDER_URN = `${PREFIX}pulumi:providers:pulumi-nodejs::default`;

const urn = (name: string, type = TYPE) => `${PREFIX}${type}::${name}`;
const inputs = (name: string, registryId = R): JsonObject => ({
  registryId,
  name,
  repo: ["team/api"],
  scheduleScanIntervalInDays: 1,
  schedule: "19:30",
  __provider: PROVIDER,
});
const resource = (name: string, extra: JsonObject = {}): JsonObject => ({
  urn: urn(name),
  custom: true,
  type: TYPE,
  inputs: inputs(name),
  parent: STACK_URN,
  provider: `${PROVIDER_URN}::04da6b54-80e4-46f7-96ec-b56ff0331ba9`,
  ...extra,
});
const creating = (name: string, over: JsonObject = {}): JsonObject => ({
  type: "creating",
  resource: resource(name, over),
});

function deployment(resources: JsonObject[], pending: JsonObject[]): ExportedStack {
  return {
    version: 3,
    deployment: {
      manifest: { time: "2025-01-01T00:00:00Z", magic: "m", version: "v3.259.0" },
      secrets_providers: { type: "passphrase", state: { salt: "v1:abc" } },
      resources: [
        { urn: STACK_URN, custom: false, type: "pulumi:pulumi:Stack" },
        {
          urn: PROVIDER_URN,
          custom: true,
          id: "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
          type: "pulumi:providers:pulumi-nodejs",
        },
        ...resources,
      ],
      pending_operations: pending,
    },
  };
}

const found = (entries: [string, string[]][]) =>
  new Map(entries.map(([name, ids]) => [lookupKey(R, name), ids]));

const readOutputs = (scheduleId: string, name: string): JsonObject => ({
  ...Object.fromEntries(Object.entries(inputs(name)).filter(([k]) => k !== "__provider")),
  scheduleId,
  status: "Scheduled",
  registryType: "DockerHub",
});

function outputsFor(adopted: [string, string][]): Map<string, JsonObject> {
  return new Map(
    adopted.map(([name, id]) => [`${R}/${id}`, adoptedOutputs(readOutputs(id, name), inputs(name))]),
  );
}

const resources = (s: ExportedStack) => s.deployment.resources as JsonObject[];
const pendingOps = (s: ExportedStack) => s.deployment.pending_operations as JsonObject[];

describe("planning", () => {
  test("one schedule of that name: adopt it, with the pending inputs, the read outputs and its ID", () => {
    const state = deployment([], [creating("a")]);
    const plan = planRecovery(state, surveyPending(state), found([["a", ["s-1"]]]));
    expect(plan.steps.map((s) => s.action)).toEqual([{ kind: "adopt", id: `${R}/s-1`, scheduleId: "s-1" }]);

    const next = applyRecovery(state, plan, outputsFor([["a", "s-1"]]));
    expect(pendingOps(next)).toEqual([]);
    const added = resources(next).at(-1);
    expect(added).toEqual({
      ...resource("a"),
      id: `${R}/s-1`,
      outputs: { ...readOutputs("s-1", "a"), __provider: PROVIDER },
    });
    expect((added?.inputs as JsonObject).__provider).toBe(PROVIDER);
    // Everything else of the deployment is kept as it was.
    expect(next.deployment.manifest).toEqual(state.deployment.manifest);
    expect(next.deployment.secrets_providers).toEqual(state.deployment.secrets_providers);
    expect(resources(next).slice(0, 2)).toEqual(resources(state));
    // The input is not modified.
    expect(pendingOps(state)).toHaveLength(1);
  });

  test("no schedule of that name: the pending create is dropped and no resource is added", () => {
    const state = deployment([], [creating("a")]);
    const plan = planRecovery(state, surveyPending(state), found([]));
    expect(plan.steps.map((s) => s.action)).toEqual([{ kind: "none" }]);
    const next = applyRecovery(state, plan, new Map());
    expect(pendingOps(next)).toEqual([]);
    expect(resources(next)).toEqual(resources(state));
  });

  test("several schedules of that name: adopt none, keep the entry pending, name every ID", () => {
    const state = deployment([], [creating("a"), creating("b")]);
    const plan = planRecovery(
      state,
      surveyPending(state),
      found([
        ["a", ["s-1", "s-2"]],
        ["b", ["s-3"]],
      ]),
    );
    expect(plan.steps[0]?.action).toMatchObject({ kind: "ambiguous", scheduleIds: ["s-1", "s-2"] });
    expect(plan.steps[1]?.action).toMatchObject({ kind: "adopt", id: `${R}/s-3` });
    const next = applyRecovery(state, plan, outputsFor([["b", "s-3"]]));
    expect(pendingOps(next)).toEqual([creating("a")]);
    expect(resources(next).map((r) => r.id)).toContain(`${R}/s-3`);
    expect(resources(next).map((r) => r.id)).not.toContain(`${R}/s-1`);
    expect(renderPlan(plan)).toContain("ambiguous: s-1, s-2");
    expect(unresolvedCount(plan)).toBe(1);
    // With dropUnresolved no pending operation stays (what `pulumi stack import` would do anyway).
    expect(pendingOps(applyRecovery(state, plan, outputsFor([["b", "s-3"]]), true))).toEqual([]);
  });

  test("an ID another resource of the stack owns is not a candidate", () => {
    // "a" was recorded; a second resource "a-copy" with the same Qualys name was interrupted.
    const state = deployment(
      [resource("a", { id: `${R}/s-1`, outputs: readOutputs("s-1", "a") })],
      [creating("a-copy", { inputs: inputs("a") })],
    );
    const onlyOwned = planRecovery(state, surveyPending(state), found([["a", ["s-1"]]]));
    expect(onlyOwned.steps[0]).toMatchObject({ action: { kind: "none" }, owned: ["s-1"] });

    const plusNew = planRecovery(state, surveyPending(state), found([["a", ["s-1", "s-2"]]]));
    expect(plusNew.steps[0]).toMatchObject({
      action: { kind: "adopt", id: `${R}/s-2` },
      owned: ["s-1"],
    });
    expect(renderPlan(plusNew)).toContain("owned by other resources: s-1");
  });

  test("the same schedule ID in another registry is not owned", () => {
    const other = "9b2f6c1e-0d4a-4f3b-8c7e-2a1b3c4d5e6f";
    const state = deployment(
      [resource("x", { id: `${other}/s-1`, inputs: inputs("a", other) })],
      [creating("a")],
    );
    const plan = planRecovery(state, surveyPending(state), found([["a", ["s-1"]]]));
    expect(plan.steps[0]?.action).toMatchObject({ kind: "adopt", id: `${R}/s-1` });
  });

  test("two pending creates of one registry and name cannot be told apart: neither is adopted", () => {
    const state = deployment([], [creating("a"), creating("a-twin", { inputs: inputs("a") })]);
    const plan = planRecovery(state, surveyPending(state), found([["a", ["s-1"]]]));
    expect(plan.steps.map((s) => s.action.kind)).toEqual(["ambiguous", "ambiguous"]);
    // With nothing in Qualys, both were never created.
    const none = planRecovery(state, surveyPending(state), found([]));
    expect(none.steps.map((s) => s.action.kind)).toEqual(["none", "none"]);
  });
});

describe("pending operations left alone", () => {
  const other = {
    type: "creating",
    resource: {
      urn: urn("bucket", "aws:s3/bucket:Bucket"),
      custom: true,
      type: "aws:s3/bucket:Bucket",
      inputs: {},
    },
  };
  const updating = { type: "updating", resource: resource("u", { id: `${R}/s-9` }) };
  const deleting = { type: "deleting", resource: resource("d", { id: `${R}/s-8` }) };

  test("other types and other operations are reported and kept, in order", () => {
    const state = deployment([], [other, creating("a"), updating, deleting]);
    const survey = surveyPending(state);
    expect(survey.creates.map((c) => c.index)).toEqual([1]);
    expect(survey.leftAlone.map((l) => [l.index, l.type])).toEqual([
      [0, "creating"],
      [2, "updating"],
      [3, "deleting"],
    ]);
    const plan = planRecovery(state, survey, found([["a", ["s-1"]]]));
    const next = applyRecovery(state, plan, outputsFor([["a", "s-1"]]));
    expect(pendingOps(next)).toEqual([other, updating, deleting]);
    expect(unresolvedCount(plan)).toBe(3);
    const text = renderPlan(plan);
    expect(text).toContain("not a RegistryScanSchedule");
    expect(text).toContain('pending "updating"');
  });

  test("a pending create of a resource still in the stack (an interrupted replacement) is left alone", () => {
    const state = deployment(
      [resource("a", { id: `${R}/s-1`, outputs: readOutputs("s-1", "a") })],
      [creating("a", { inputs: { ...inputs("a"), repo: ["team/web"] } })],
    );
    const survey = surveyPending(state);
    expect(survey.creates).toEqual([]);
    expect(survey.leftAlone[0]?.reason).toContain("replacement");
  });

  test("a pending create whose inputs name no registry or name is left alone", () => {
    const state = deployment([], [creating("a", { inputs: { __provider: PROVIDER } })]);
    expect(surveyPending(state).creates).toEqual([]);
    expect(surveyPending(state).leftAlone).toHaveLength(1);
  });

  test("a deployment without pending operations has nothing to recover", () => {
    const state = deployment([], []);
    delete state.deployment.pending_operations;
    expect(surveyPending(state)).toEqual({ creates: [], leftAlone: [] });
  });
});

describe("export parsing", () => {
  test("accepts version 3, refuses other text", () => {
    expect(parseExport(JSON.stringify(deployment([], []))).version).toBe(3);
    expect(() => parseExport("not json")).toThrow("not JSON");
    expect(() => parseExport("{}")).toThrow("without `version`");
    expect(() => parseExport(JSON.stringify({ version: 4, deployment: {} }))).toThrow("version 3 only");
  });

  test("adopted outputs carry the create's __provider, not a stale one", () => {
    expect(adoptedOutputs({ scheduleId: "s-1" }, { __provider: PROVIDER })).toEqual({
      scheduleId: "s-1",
      __provider: PROVIDER,
    });
    expect(adoptedOutputs({ scheduleId: "s-1" }, {})).toEqual({ scheduleId: "s-1" });
  });
});
