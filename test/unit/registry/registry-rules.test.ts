/**
 * The registry's `check` and `diff`: one describe per rule of docs/qualys-registry-contract.md §2–§5.
 * Pure functions, no Qualys.
 */
import { UNKNOWN } from "../../../provider/core/values";
import { planRegistryDiff } from "../../../provider/registry/plan";
import { checkRegistryInputs } from "../../../provider/registry/rules";
import { BAD_REGISTRIES, registryArgs, VALID_REGISTRIES } from "../../cases/registry-inputs";

const check = (args: Record<string, unknown>) => checkRegistryInputs({ name: "r", ...args });

function failing(args: Record<string, unknown>): string[] {
  return [...new Set(check(args).failures.map((f) => f.property))].sort();
}

describe("every registry type has a valid example", () => {
  test.each(Object.keys(VALID_REGISTRIES))("%s passes check", (type) => {
    expect(check(registryArgs(type)).failures).toEqual([]);
  });
});

describe("bad inputs per type fail naming one property and the rule", () => {
  test.each(BAD_REGISTRIES.map((c) => [`${c.type} ${JSON.stringify(c.args)} → ${c.property}`, c] as const))(
    "%s",
    (_title, c) => {
      const { failures } = check(registryArgs(c.type, c.args));
      expect([...new Set(failures.map((f) => f.property))]).toEqual([c.property]);
      const reasons = failures.map((f) => f.reason);
      expect({ reasons, ok: reasons.some((r) => c.words.every((w) => r.includes(w))) }).toEqual({
        reasons,
        ok: true,
      });
    },
  );
});

describe("no unknown fields", () => {
  test("a misspelt property fails with a suggestion", () => {
    const { failures } = check({ ...registryArgs("V2_PRIVATE"), passwrd: "x" });
    expect(failures).toEqual([
      { property: "passwrd", reason: expect.stringContaining("did you mean password") },
    ]);
  });
  test("an unknown aws member fails", () => {
    const aws = { ...(registryArgs("AWS").aws as object), role: "x" };
    expect(failing(registryArgs("AWS", { aws }))).toEqual(["aws"]);
  });
  test("an output set as input fails", () => {
    expect(failing({ ...registryArgs("V2"), registryId: "x" })).toEqual(["registryId"]);
  });
});

describe("secrets never appear in a failure", () => {
  test.each([
    ["an unknown credential type", { credentialType: "Basic" }],
    ["password with a token type", { credentialType: "Token", accessToken: "tok-abcdef" }],
    ["password of the wrong type", { password: 123456 }],
  ])("%s", (_title, args) => {
    const { failures } = check(registryArgs("V2_PRIVATE", args));
    expect(failures.length).toBeGreaterThan(0);
    const text = JSON.stringify(failures);
    expect(text).not.toContain("harbor-password-1");
    expect(text).not.toContain("123456");
    expect(text).not.toContain("tok-abcdef");
  });
  test("a newline in a password names the rule, not the value", () => {
    const { failures } = check(registryArgs("V2_PRIVATE", { password: "secret-one\n" }));
    expect(failures).toEqual([
      { property: "password", reason: expect.stringContaining("control characters") },
    ]);
    expect(JSON.stringify(failures)).not.toContain("secret-one");
  });
});

describe("https except on loopback", () => {
  test.each(["http://127.0.0.1:5000", "http://localhost:5000", "http://[::1]:5000"])(
    "%s is accepted",
    (uri) => {
      expect(failing(registryArgs("V2", { registryUri: uri }))).toEqual([]);
    },
  );
  test.each([
    "http://quay.example.com",
    "ftp://quay.example.com",
    "https://u:p@quay.example.com",
    "https://quay.example.com/?a=1",
  ])("%s is refused", (uri) => {
    expect(failing(registryArgs("V2", { registryUri: uri }))).toEqual(["registryUri"]);
  });
});

describe("credentials of v2 registries", () => {
  test("credentialType is derived from the credentials when left out", () => {
    expect(failing(registryArgs("V2", { accessToken: "tok-123456" }))).toEqual([]);
    expect(failing(registryArgs("V2", { username: "u", password: "p-123456" }))).toEqual([]);
  });
  test("Token takes an optional username (JFrog)", () => {
    expect(failing(registryArgs("V2_PRIVATE", { password: undefined, accessToken: "tok-123456" }))).toEqual(
      [],
    );
  });
  test("password and accessToken together fail", () => {
    expect(failing(registryArgs("V2_PRIVATE", { accessToken: "tok-123456" }))).toEqual(["accessToken"]);
  });
});

describe("AWS partition rules", () => {
  const gov = {
    registryUri: "https://123456789012.dkr.ecr.us-gov-west-1.amazonaws.com",
    aws: {
      accountId: "123456789012",
      region: "us-gov-west-1",
      arn: "arn:aws-us-gov:iam::123456789012:role/q",
    },
  };
  test("a GovCloud registry passes, accountType derived", () => {
    expect(failing(registryArgs("AWS", gov))).toEqual([]);
  });
  test("accountType Global with a us-gov region fails", () => {
    expect(failing(registryArgs("AWS", { ...gov, aws: { ...gov.aws, accountType: "Global" } }))).toEqual([
      "aws",
    ]);
  });
});

describe("unknown values are skipped at preview", () => {
  test("an unknown URI skips the URI agreement rules", () => {
    expect(failing(registryArgs("AWS", { registryUri: UNKNOWN }))).toEqual([]);
  });
  test("unknown aws members skip the account and region rules", () => {
    const aws = { accountId: UNKNOWN, region: UNKNOWN, arn: UNKNOWN };
    expect(failing(registryArgs("AWS", { aws }))).toEqual([]);
  });
  test("an unknown registryType skips every per-type rule", () => {
    expect(
      failing({
        registryType: UNKNOWN,
        registryUri: "https://x.example.com",
        connectorId: "c",
        username: "u",
      }),
    ).toEqual([]);
  });
  test("an unknown password counts as present", () => {
    expect(failing(registryArgs("V2_PRIVATE", { password: UNKNOWN }))).toEqual([]);
  });
});

describe("canonical inputs", () => {
  test("the URI is normalized and the name defaults from the resource", () => {
    const { inputs } = check(registryArgs("V2", { registryUri: "HTTPS://Quay.Example.com/" }));
    expect(inputs).toMatchObject({ registryType: "V2", registryUri: "https://quay.example.com", name: "r" });
  });
});

describe("diff: what replaces and what updates", () => {
  const outs = (type: string, args: Record<string, unknown> = {}) => ({
    ...check(registryArgs(type, args)).inputs,
    registryId: "id-1",
    status: "Active",
  });
  const news = (type: string, args: Record<string, unknown> = {}) => check(registryArgs(type, args)).inputs;

  test.each([
    ["name", "V2_PRIVATE", { name: "renamed" }],
    ["password", "V2_PRIVATE", { password: "rotated-2" }],
    ["username", "V2_PRIVATE", { username: "other" }],
    ["connectorId", "Azure", { connectorId: "acr-2" }],
    ["dockerHubOrgName", "DockerHub", { dockerHubOrgName: "other" }],
  ])("%s updates in place", (property, type, change) => {
    expect(planRegistryDiff(outs(type), news(type, change))).toEqual({
      changes: true,
      replaces: [],
      deleteBeforeReplace: false,
    });
    void property;
  });

  test("a new role ARN updates in place; a new region replaces", () => {
    const aws = registryArgs("AWS").aws as Record<string, string>;
    expect(
      planRegistryDiff(
        outs("AWS"),
        news("AWS", { aws: { ...aws, arn: "arn:aws:iam::123456789012:role/other" } }),
      ).replaces,
    ).toEqual([]);
    const moved = news("AWS", {
      registryUri: "https://123456789012.dkr.ecr.us-east-1.amazonaws.com",
      aws: { ...aws, region: "us-east-1" },
    });
    expect(planRegistryDiff(outs("AWS"), moved).replaces).toEqual(["registryUri", "aws"]);
  });

  test("an unknown role ARN (a role being replaced) is not a replacement", () => {
    const aws = registryArgs("AWS").aws as Record<string, string>;
    expect(planRegistryDiff(outs("AWS"), news("AWS", { aws: { ...aws, arn: UNKNOWN } }))).toMatchObject({
      changes: true,
      replaces: [],
    });
  });

  test("a new URI replaces, creating the new registry first", () => {
    expect(planRegistryDiff(outs("V2"), news("V2", { registryUri: "https://quay2.example.com" }))).toEqual({
      changes: true,
      replaces: ["registryUri"],
      deleteBeforeReplace: false,
    });
  });

  test("a replacement that keeps the URI deletes first (one registry per URI)", () => {
    expect(planRegistryDiff(outs("GCP"), news("GCP", { projectId: "acme-test" }))).toEqual({
      changes: true,
      replaces: ["projectId"],
      deleteBeforeReplace: true,
    });
  });

  test("the same URI spelt differently is no change", () => {
    expect(
      planRegistryDiff(outs("V2"), news("V2", { registryUri: "https://QUAY.example.com/" })).changes,
    ).toBe(false);
  });
});
