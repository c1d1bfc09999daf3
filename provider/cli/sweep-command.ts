/**
 * `pulumi-qualys-cs sweep`: lists the schedules whose name starts with a prefix in the registries named,
 * and deletes them only with `--yes`. For what an interrupted test run (e.g. `npm run test:acceptance`,
 * whose names all start with the run prefix it prints) left behind.
 */
import { CliError, EXIT_FAILURE } from "../errors";
import type { ClientSettings } from "../qualys/config";
import { scheduleApi, type ScheduleApi } from "../schedule/lookups";
import { parseCommandArgs, runCommand, usageError, type Command, type CommandIO } from "./command";
import { isIdPart } from "./ids";
import { settingsFor } from "./settings";
import { checkPrefix, deleteCandidates, findPrefixed, MIN_PREFIX_LENGTH, type SweepCandidate } from "./sweep";

export const SWEEP_USAGE = `Usage: pulumi-qualys-cs sweep --prefix <prefix> --registry <id> [--registry <id>]... [--yes]

Lists the scan schedules whose name starts with <prefix> in the registries named, and deletes them
with --yes (only then). For what an interrupted test run left behind: an acceptance run names every
object it makes with the run prefix it prints first.

  --prefix <prefix>      the start of the names to delete; at least ${MIN_PREFIX_LENGTH} characters
  --registry <id>        a registry to look in; repeatable
  --yes                  delete what was found (without it, only list: a dry run)

Settings (as the provider reads them):
  --stack <name>         read qualys:gatewayUrl, qualys:username, qualys:password from this stack's config
                         (runs \`pulumi config --show-secrets\` in the current directory); otherwise, and
                         for anything the stack does not set, QUALYS_GATEWAY_URL, QUALYS_USERNAME and
                         QUALYS_PASSWORD

  -h, --help             show this help
`;

/** What `sweep` needs from its surroundings; tests replace parts of it. */
export interface SweepIO extends CommandIO {
  /** The API for the resolved settings (default: the provider's shared client). */
  api?: (settings: ClientSettings) => ScheduleApi;
}

interface SweepArgs {
  prefix: string;
  registries: string[];
  yes: boolean;
  stack?: string;
}

/** Parses the arguments after `sweep`; `undefined` for --help. Throws `CliError` (usage) for a bad command line. */
export function parseSweepArgs(argv: string[]): SweepArgs | undefined {
  const { values: v } = parseCommandArgs(
    "sweep",
    argv,
    {
      prefix: { type: "string" },
      registry: { type: "string", multiple: true },
      yes: { type: "boolean" },
      stack: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
    false,
  );
  if (v.help === true) return undefined;
  const prefix = checkPrefix(v.prefix);
  const registries = [...new Set(v.registry ?? [])];
  if (registries.length === 0)
    throw usageError("sweep", "Name a registry to look in: --registry <registryId>.");
  for (const r of registries) {
    if (!isIdPart(r)) {
      throw usageError(
        "sweep",
        `Malformed registry ID ${JSON.stringify(r)}: a registry ID has no slashes, spaces or control characters.`,
      );
    }
  }
  return { prefix, registries, yes: v.yes === true, stack: v.stack };
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? "" : "s"}`;

function table(found: SweepCandidate[]): string[] {
  const width = Math.max(...found.map((c) => c.name.length));
  return found.map((c) => `  ${c.name.padEnd(width)}  ${c.registryId}/${c.scheduleId}  ${c.status}`);
}

/** Runs `sweep` with its arguments; returns the exit code. Errors are printed, never thrown. */
export function runSweepCommand(argv: string[], io: SweepIO): Promise<number> {
  return runCommand(io, async () => {
    const args = parseSweepArgs(argv);
    if (!args) {
      io.stdout(SWEEP_USAGE);
      return 0;
    }
    const settings = await settingsFor(
      args.stack === undefined ? undefined : { stack: args.stack, cwd: io.cwd },
    );
    const api = (io.api ?? scheduleApi)(settings);
    const where =
      args.registries.length === 1
        ? `registry ${args.registries[0]}`
        : `${args.registries.length} registries`;
    const found = await findPrefixed(api, args.registries, args.prefix);
    if (found.length === 0) {
      io.stdout(`No schedule in ${where} has a name starting with ${args.prefix}: nothing to delete.\n`);
      return 0;
    }
    io.stdout(
      [`${plural(found.length, "schedule")} in ${where} named ${args.prefix}…:`, ...table(found), ""].join(
        "\n",
      ),
    );
    if (!args.yes) {
      io.stdout("Dry run: nothing was deleted. Run again with --yes to delete them.\n");
      return 0;
    }
    const outcome = await deleteCandidates(api, found, (c) =>
      io.stdout(`Deleted ${c.name}  ${c.registryId}/${c.scheduleId}\n`),
    );
    // Checked, not assumed: a bulk deletion may skip a schedule that started running meanwhile.
    const left = await findPrefixed(api, args.registries, args.prefix);
    if (outcome.failed.length > 0 || left.length > 0) {
      throw new CliError(
        [
          `Deleted ${plural(outcome.deleted.length, "schedule")}; ${plural(left.length, "schedule")} named ${args.prefix}… still in Qualys.`,
          ...outcome.failed.map(
            (f) => `  ${f.candidate.name}  ${f.candidate.registryId}/${f.candidate.scheduleId}: ${f.message}`,
          ),
          "Resolve what the messages say, then run this command again.",
        ].join("\n"),
        EXIT_FAILURE,
      );
    }
    io.stdout(
      `Deleted ${plural(outcome.deleted.length, "schedule")}; none named ${args.prefix}… is left in ${where}.\n`,
    );
    return 0;
  });
}

/** `pulumi-qualys-cs sweep`. */
export const sweepCommand: Command<SweepIO> = {
  name: "sweep",
  summary:
    "list the schedules whose name starts with a prefix (what an interrupted test run left), and\n" +
    "delete them with --yes",
  usage: SWEEP_USAGE,
  run: runSweepCommand,
};
