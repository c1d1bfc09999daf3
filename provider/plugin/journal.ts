/**
 * The plugin's create journal (core/create-journal.ts): one small file per resource being created,
 * under `$PULUMI_HOME/qualys-cs/creating/` (the CLI's own folder, default `~/.pulumi`), written before the
 * POST leaves and removed once the engine knows the create's outcome. A file left behind means the
 * plugin died mid-create: the next create of that resource (same URN, same machine), a schedule's or a
 * registry's, reconciles it first.
 */
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import {
  CreateOutcomeUnknownError,
  DuplicateSchedulesError,
  RegistryCreateOutcomeUnknownError,
} from "../errors";
import { withCreateJournal, type CreateJournal, type SentCreate } from "../core/create-journal";

function journalDir(): string {
  const home = process.env.PULUMI_HOME || path.join(os.homedir(), ".pulumi");
  return path.join(home, "qualys-cs", "creating");
}

function fileJournal(urn: string): CreateJournal & { done(): void } {
  const file = path.join(journalDir(), `${createHash("sha256").update(urn).digest("hex").slice(0, 32)}.json`);
  return {
    previous() {
      try {
        const note = JSON.parse(fs.readFileSync(file, "utf8")) as { urn?: string } & Partial<SentCreate>;
        if (note.urn !== urn || !Array.isArray(note.before) || typeof note.sentAt !== "number")
          return undefined;
        return { before: note.before.map(String), sentAt: note.sentAt };
      } catch {
        return undefined;
      }
    },
    sending(sent) {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, JSON.stringify({ urn, ...sent }));
    },
    done() {
      fs.rmSync(file, { force: true });
    },
  };
}

/**
 * Runs the create of the resource `urn` with its journal. The note goes once the outcome is known to
 * the engine: created, partly created (it records the ID), or failed with nothing made; it stays when
 * the outcome is still unknown, so that the next create reconciles again.
 */
export async function journaledCreate<T>(urn: string, create: () => Promise<T>): Promise<T> {
  const journal = fileJournal(urn);
  try {
    const made = await withCreateJournal(journal, create);
    journal.done();
    return made;
  } catch (err) {
    const stillUnknown =
      err instanceof CreateOutcomeUnknownError ||
      err instanceof DuplicateSchedulesError ||
      err instanceof RegistryCreateOutcomeUnknownError;
    if (!stillUnknown) journal.done();
    throw err;
  }
}
