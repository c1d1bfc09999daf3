/** `provider/core/values.ts`: the placeholder of a value not known yet is the one the Pulumi SDK sends. */
import * as pulumi from "@pulumi/pulumi";

import { UNKNOWN, containsUnknown, isUnknown } from "../../../provider/core/values";

describe("UNKNOWN is the SDK's placeholder for a value not known yet", () => {
  test("it equals pulumi.runtime.unknownValue of the installed @pulumi/pulumi", () => {
    expect(UNKNOWN).toBe(pulumi.runtime.unknownValue);
  });

  test("the SDK's placeholder is recognised, alone and inside lists and objects", () => {
    expect(isUnknown(pulumi.runtime.unknownValue)).toBe(true);
    expect(containsUnknown({ repo: ["team/api", pulumi.runtime.unknownValue] })).toBe(true);
  });
});
