/**
 * `pulumi-qualys-cs recover`: repairs a stack after an interrupted `pulumi up` (the CLI killed while it
 * created schedules), so that the next `up` neither duplicates a schedule Qualys already made nor
 * leaves one unmanaged. Reads the state with `pulumi stack export`, asks Qualys (only reads) which
 * schedule each interrupted create made, and writes the repaired state with `pulumi stack import`.
 */
import * as path from "node:path";
import { createInterface } from "node:readline/promises";

import { CliError, EXIT_FAILURE } from "../errors";
import type { ClientSettings } from "../qualys/config";
import { readSchedule } from "../schedule/crud";
import { scheduleApi, type ScheduleApi } from "../schedule/api";
import {
  parseCommandArgs,
  runCommand,
  usageError as commandUsageError,
  type Command,
  type CommandIO,
} from "./command";
import { exportStack, importStack, type PulumiRunOptions } from "./pulumi-cli";
import { requireRegistry } from "./read-schedules";
import {
  adoptedOutputs,
  applyRecovery,
  lookupKey,
  planRecovery,
  renderPlan,
  surveyPending,
  unresolvedCount,
  type ExportedStack,
  type JsonObject,
  type RecoveryPlan,
} from "./recover-plan";
import { settingsFor } from "./settings";
import { SETTINGS } from "../qualys/settings";

/** The usage text of `pulumi-qualys-cs recover`. */
export const RECOVER_USAGE = `Usage: pulumi-qualys-cs recover --stack <name> [--cwd <dir>] [--yes] [--dry-run] [--drop-unresolved]

Repairs a stack after an interrupted \`pulumi up\` (for example the CLI was killed while it created
schedules). Such a run leaves its creates in the state as pending operations without IDs, whether or
not Qualys made the schedule; a plain \`pulumi up\` would then create those schedules again.

For each pending create of a RegistryScanSchedule, this command looks in Qualys (only reads) for the
schedules of its registry with exactly its name that no other resource of the stack owns:
  one        adopt it: record it in the stack with its ID and its settings as Qualys has them
  none       nothing was created: drop the pending create (the next \`pulumi up\` creates it)
  several    ambiguous: adopt none; keep one in Qualys, delete the others (their IDs are printed),
             then run this command again
It prints the plan, asks for confirmation, and writes the state with \`pulumi stack import\`.

\`pulumi stack import\` removes every pending operation. So while any stays unresolved (an ambiguous
create, or a pending operation this command leaves alone: other resource types, updates, deletes,
interrupted replacements), nothing is written and the exit code is 1, unless --drop-unresolved.

Options:
  --stack <name>         the stack to repair (required); its config gives ${SETTINGS.gatewayUrl.key},
                         ${SETTINGS.username.key} and ${SETTINGS.password.key} (\`pulumi config --show-secrets\`), and for
                         anything it does not set: ${SETTINGS.gatewayUrl.env}, ${SETTINGS.username.env}, ${SETTINGS.password.env}
  --cwd <dir>            the Pulumi project directory (default: the current directory)
  --dry-run              print the plan and change nothing
  --yes                  do not ask for confirmation
  --drop-unresolved      write anyway, removing the unresolved pending operations (their resources are
                         then unknown to the stack: check them first, a later \`pulumi up\` may create
                         them again)

Before: a killed \`pulumi up\` leaves the stack locked. Make sure no pulumi command runs on the stack,
then unlock it with \`pulumi cancel --yes --stack <name>\`.
After:  pulumi refresh --stack <name> --yes, then pulumi up --stack <name>.

  -h, --help             show this help
`;

/** What `recover` needs from its surroundings; tests replace parts of it. `cwd`: what `--cwd` is relative to. */
export interface RecoverIO extends CommandIO {
  /** The API for the resolved settings (default: the provider's shared client). */
  api?: (settings: ClientSettings) => ScheduleApi;
  /** The `pulumi` executable (default: `pulumi` on PATH). */
  pulumi?: string;
  /** Asks a yes/no question (default: on the terminal; refused when standard input is not one). */
  confirm?: (question: string) => Promise<boolean>;
}

interface ParsedRecoverArgs {
  stack: string;
  cwd?: string;
  yes: boolean;
  dryRun: boolean;
  dropUnresolved: boolean;
  help: boolean;
}

const usageError = (message: string): CliError => commandUsageError("recover", message);

/** Parses the arguments after `recover`. Throws `CliError` (usage exit code) for a bad command line. */
export function parseRecoverArgs(argv: string[]): ParsedRecoverArgs {
  const parsed = parseCommandArgs(
    "recover",
    argv,
    {
      stack: { type: "string" },
      cwd: { type: "string" },
      yes: { type: "boolean", short: "y" },
      "dry-run": { type: "boolean" },
      "drop-unresolved": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    false,
  );
  const v = parsed.values;
  if (v.help === true) return { stack: "", yes: false, dryRun: false, dropUnresolved: false, help: true };
  if (v.stack === undefined || v.stack === "") throw usageError("Name the stack to repair: --stack <name>.");
  if (v.cwd === "") throw usageError("--cwd needs a directory.");
  return {
    stack: v.stack,
    cwd: v.cwd,
    yes: v.yes === true,
    dryRun: v["dry-run"] === true,
    dropUnresolved: v["drop-unresolved"] === true,
    help: false,
  };
}

/** The IDs of the registry's schedules named exactly `name`. */
async function schedulesNamed(api: ScheduleApi, registryId: string, name: string): Promise<string[]> {
  return (await api.schedulesNamed(registryId, name)).map((s) => s.scheduleUuid);
}

async function lookUp(api: ScheduleApi, state: ExportedStack): Promise<RecoveryPlan> {
  const survey = surveyPending(state);
  const found = new Map<string, string[]>();
  for (const registryId of new Set(survey.creates.map((c) => c.registryId))) {
    await requireRegistry(api, registryId);
  }
  for (const c of survey.creates) {
    const key = lookupKey(c.registryId, c.name);
    if (!found.has(key)) found.set(key, await schedulesNamed(api, c.registryId, c.name));
  }
  return planRecovery(state, survey, found);
}

/** What a refresh would store for each adopted schedule: the provider's `read`, plus `__provider`. */
async function readAdopted(api: ScheduleApi, plan: RecoveryPlan): Promise<Map<string, JsonObject>> {
  const outputs = new Map<string, JsonObject>();
  for (const step of plan.steps) {
    if (step.action.kind !== "adopt") continue;
    const read = await readSchedule(api, step.action.id, step.create.inputs);
    if (read.id === undefined || !read.props) {
      throw new CliError(
        `Schedule ${step.action.id} was listed a moment ago but can no longer be read (deleted meanwhile?). ` +
          `Nothing was changed: run the command again.`,
      );
    }
    outputs.set(step.action.id, adoptedOutputs(read.props, step.create.inputs));
  }
  return outputs;
}

function askOnTerminal(): (question: string) => Promise<boolean> {
  return async (question) => {
    if (!process.stdin.isTTY) {
      throw usageError(
        "Standard input is not a terminal, so the command cannot ask: pass --yes to go ahead.",
      );
    }
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    try {
      const answer = await rl.question(question);
      return /^y(es)?$/i.test(answer.trim());
    } finally {
      rl.close();
    }
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** Runs `recover` with its arguments; returns the exit code. Errors are printed, never thrown. */
export function runRecoverCommand(argv: string[], io: RecoverIO): Promise<number> {
  return runCommand(
    io,
    async () => {
      const args = parseRecoverArgs(argv);
      if (args.help) {
        io.stdout(RECOVER_USAGE);
        return 0;
      }
      const projectDir = path.resolve(io.cwd, args.cwd ?? ".");
      const run: PulumiRunOptions = { cwd: projectDir, pulumi: io.pulumi };
      const state = await exportStack(args.stack, run);
      const survey = surveyPending(state);
      if (survey.creates.length === 0) {
        io.stdout(
          `Stack ${args.stack} has no interrupted create of a RegistryScanSchedule: nothing to recover.\n` +
            renderPlan({ steps: [], leftAlone: survey.leftAlone }),
        );
        return 0;
      }

      const settings = await settingsFor({ stack: args.stack, cwd: projectDir, pulumi: io.pulumi });
      const api = (io.api ?? scheduleApi)(settings);
      const plan = await lookUp(api, state);
      const adopt = plan.steps.filter((s) => s.action.kind === "adopt").length;
      const none = plan.steps.filter((s) => s.action.kind === "none").length;
      const ambiguous = plan.steps.filter((s) => s.action.kind === "ambiguous");
      io.stdout(
        `Stack ${args.stack}: ${plural(plan.steps.length, "interrupted create")} of a RegistryScanSchedule ` +
          `(looked up in Qualys by registry and name; nothing was changed there):\n${renderPlan(plan)}`,
      );
      const unresolved = unresolvedCount(plan);
      const blocked = unresolved > 0 && !args.dropUnresolved;
      const notes: string[] = [];
      if (ambiguous.length > 0) {
        notes.push(
          `${plural(ambiguous.length, "pending create")} ${ambiguous.length === 1 ? "is" : "are"} ambiguous: keep one ` +
            `schedule of the IDs listed, delete the others in Qualys, then run this command again.`,
        );
      }
      if (plan.leftAlone.length > 0) {
        notes.push(
          `${plural(plan.leftAlone.length, "pending operation")} ${plan.leftAlone.length === 1 ? "is" : "are"} not ` +
            `this command's to resolve (listed as "left alone").`,
        );
      }
      if (blocked) {
        notes.push(
          `\`pulumi stack import\` removes every pending operation, so writing now would lose ` +
            `${unresolved === 1 ? "that one" : `those ${unresolved}`}: nothing is written. Resolve ` +
            `${unresolved === 1 ? "it" : "them"} and run this command again, or pass --drop-unresolved to write anyway.`,
        );
      } else if (unresolved > 0) {
        notes.push(
          `--drop-unresolved: ${plural(unresolved, "unresolved pending operation")} will be removed from the stack.`,
        );
      }
      const notesText = notes.map((n) => `${n}\n`).join("");
      const exitCode = ambiguous.length > 0 || blocked ? EXIT_FAILURE : 0;

      if (args.dryRun) {
        io.stdout(`${notesText}Dry run: the stack was not changed.\n`);
        return exitCode;
      }
      if (blocked) {
        io.stdout(`${notesText}The stack was not changed.\n`);
        return EXIT_FAILURE;
      }
      io.stdout(notesText);
      const outputs = await readAdopted(api, plan);
      const next = applyRecovery(state, plan, outputs, args.dropUnresolved);

      if (!args.yes) {
        const ok = await (io.confirm ?? askOnTerminal())(
          `Write this to stack ${args.stack} with \`pulumi stack import\`? [y/N] `,
        );
        if (!ok) {
          io.stdout("Cancelled: the stack was not changed.\n");
          return EXIT_FAILURE;
        }
      }
      // The state must not have moved since it was read (another run, or a long wait at the prompt).
      const again = await exportStack(args.stack, run);
      if (JSON.stringify(again) !== JSON.stringify(state)) {
        throw new CliError(
          `Stack ${args.stack} changed while this command ran, so nothing was written: run it again.`,
        );
      }
      await importStack(args.stack, next, run);
      io.stdout(
        [
          `Wrote stack ${args.stack}: ${plural(adopt, "schedule")} adopted, ${plural(none, "pending create")} ` +
            `dropped (never created)${unresolved > 0 ? `, ${plural(unresolved, "unresolved pending operation")} removed` : ""}.`,
          "Next, in the project:",
          `  1. pulumi refresh --stack ${args.stack} --yes   (reads the adopted schedules back)`,
          `  2. pulumi up --stack ${args.stack}              (creates only what was never created)`,
          "",
        ].join("\n"),
      );
      return exitCode;
    },
    "Nothing was changed.",
  );
}

/** `pulumi-qualys-cs recover`. */
export const recoverCommand: Command<RecoverIO> = {
  name: "recover",
  summary:
    "repair a stack after an interrupted `pulumi up`: record the schedules Qualys made that the\n" +
    "state does not know, and drop the creates that never happened (no duplicates, no orphans)",
  usage: RECOVER_USAGE,
  run: runRecoverCommand,
};
