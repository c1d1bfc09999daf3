/**
 * The serialized provider: what every resource's state stores. It must stay tiny, hold no client,
 * setting or secret, and work when the engine loads it back.
 */
import { execFileSync } from "node:child_process";
import * as path from "node:path";

import { CONSUMER_MODULES } from "../harness/stack";

const PASSWORD = "s3rialization-Secret!";

function serialize(): {
  text: string;
  bytes: number;
  checked: { inputs: unknown; failures?: { property: string; reason: string }[] };
} {
  const script = path.join(__dirname, "..", "harness", "serialize-provider.js");
  return JSON.parse(
    execFileSync(process.execPath, [script, PASSWORD], {
      encoding: "utf8",
      // The engine's provider process resolves the stored require() from the project directory.
      cwd: path.dirname(CONSUMER_MODULES),
    }),
  ) as ReturnType<typeof serialize>;
}

describe("the serialized provider", () => {
  const result = serialize();

  test("is one require() of the stable subpath, under 1 KiB", () => {
    expect(result.text).toContain('require("pulumi-qualys-cs/provider-runtime/v1")');
    expect(result.bytes).toBeLessThanOrEqual(1024);
  });

  test("holds no secret, even after configure has seen the password", () => {
    expect(result.text).not.toContain(PASSWORD);
    expect(result.text).not.toMatch(/password|token|axios|Bearer/i);
  });

  test("runs when loaded back as the engine loads it", () => {
    expect(result.checked.failures).toEqual([
      expect.objectContaining({
        property: "weekDay",
        reason: expect.stringContaining("weekDay is required") as string,
      }),
    ]);
  });
});
