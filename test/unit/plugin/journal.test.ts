/**
 * The plugin's create journal file (provider/plugin/journal.ts): the note a create leaves goes once the
 * engine knows the outcome, and stays while it is unknown, so that the next create of the resource
 * reconciles it; for a registry's create as for a schedule's.
 */
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { createJournal, type SentCreate } from "../../../provider/core/create-journal";
import { RegistryCreateOutcomeUnknownError, RegistryExistsError } from "../../../provider/errors";
import { journaledCreate } from "../../../provider/plugin/journal";
import { rejection } from "../qualys/http-test-server";

const URN = "urn:pulumi:dev::yaml::qualys-cs:index:Registry::hub";
const SENT: SentCreate = { before: [], sentAt: 1_700_000_000_000 };

let home: string;
const saved = process.env.PULUMI_HOME;
beforeEach(() => {
  home = fs.mkdtempSync(path.join(os.tmpdir(), "qualys-cs-journal-"));
  process.env.PULUMI_HOME = home;
});
afterEach(() => {
  if (saved === undefined) delete process.env.PULUMI_HOME;
  else process.env.PULUMI_HOME = saved;
  fs.rmSync(home, { recursive: true, force: true });
});

/** A create that notes its POST, then ends with `outcome`. */
const noting = (outcome: () => unknown) => () => {
  createJournal()!.sending(SENT);
  return Promise.resolve().then(outcome);
};
/** What the next create of the resource finds in the journal. */
const nextFinds = () => journaledCreate(URN, () => Promise.resolve(createJournal()!.previous()));

describe("the note stays while the create's outcome is unknown", () => {
  test("a registry create whose check failed too (RegistryCreateOutcomeUnknownError): the next create finds the note", async () => {
    const unknown = new RegistryCreateOutcomeUnknownError({
      registryUri: "https://registry-1.docker.io",
      cause: "No reply.",
      checkFailure: new Error("403"),
    });
    const err = await rejection(
      journaledCreate(
        URN,
        noting(() => {
          throw unknown;
        }),
      ),
    );
    expect(err).toBe(unknown);
    expect(await nextFinds()).toEqual(SENT);
  });
});

describe("the note goes once the outcome is known", () => {
  test("created: the next create finds no note", async () => {
    await journaledCreate(
      URN,
      noting(() => "made"),
    );
    expect(await nextFinds()).toBeUndefined();
  });

  test("refused with nothing made (RegistryExistsError): the next create finds no note", async () => {
    const refused = new RegistryExistsError({
      registryUri: "https://registry-1.docker.io",
      existingRegistryId: "r-1",
      existingName: "hub",
    });
    await rejection(
      journaledCreate(
        URN,
        noting(() => {
          throw refused;
        }),
      ),
    );
    expect(await nextFinds()).toBeUndefined();
  });
});
