/**
 * `pulumi-qualys-cs sweep`: lists the schedules whose name starts with a prefix in the registries named,
 * and the registries whose name starts with it, and deletes them only with `--yes`. For what an
 * interrupted test run (e.g. `npm run test:acceptance`, whose names all start with the run prefix it
 * prints) left behind.
 */
import { CliError, EXIT_FAILURE } from "../errors";
import type { ClientSettings } from "../qualys/config";
import { registryApi } from "../registry/api";
import { scheduleApi } from "../schedule/api";
import { parseCommandArgs, runCommand, usageError, type Command, type CommandIO } from "./command";
import { isIdPart } from "./ids";
import { settingsFor, STACK_OPTION_HELP } from "./settings";
import {
  checkPrefix,
  deleteCandidates,
  deleteRegistryCandidates,
  findPrefixed,
  findPrefixedRegistries,
  MIN_PREFIX_LENGTH,
  type RegistryCandidate,
  type SweepApis,
  type SweepCandidate,
} from "./sweep";

export const SWEEP_USAGE = `Usage: pulumi-qualys-cs sweep --prefix <prefix> --registry <id> [--registry <id>]... [--yes]

Lists the scan schedules whose name starts with <prefix> in the registries named, and the registries
whose name starts with it, and deletes them with --yes (only then; a registry with its schedules). For
what an interrupted test run left behind: an acceptance run names every object it makes with the run
prefix it prints first.

  --prefix <prefix>      the start of the names to delete (case-sensitive); at least ${MIN_PREFIX_LENGTH} characters
  --registry <id>        a registry whose schedules to look at; repeatable
  --yes                  delete what was found (without it, only list: a dry run)

Settings (as the provider reads them):
${STACK_OPTION_HELP}

  -h, --help             show this help
`;

/** What `sweep` needs from its surroundings; tests replace parts of it. */
export interface SweepIO extends CommandIO {
  /** The APIs for the resolved settings (default: the provider's, on its shared client). */
  apis?: (settings: ClientSettings) => SweepApis;
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

const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;

/** Rows of aligned columns, indented. */
function table(rows: string[][]): string[] {
  const widths = (rows[0] ?? []).map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0)));
  return rows.map(
    (r) => `  ${r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join("  ")}`,
  );
}

const scheduleRow = (c: SweepCandidate): string[] => [c.name, `${c.registryId}/${c.scheduleId}`, c.status];
const registryRow = (c: RegistryCandidate): string[] => [c.name, c.registryId, c.registryUri, c.status];

interface Found {
  schedules: SweepCandidate[];
  registries: RegistryCandidate[];
}

async function find(apis: SweepApis, args: SweepArgs): Promise<Found> {
  return {
    schedules: await findPrefixed(apis.schedules, args.registries, args.prefix),
    registries: await findPrefixedRegistries(apis.registries, args.prefix),
  };
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
    const apis = (io.apis ?? ((s) => ({ schedules: scheduleApi(s), registries: registryApi(s) })))(settings);
    const where =
      args.registries.length === 1
        ? `registry ${args.registries[0]}`
        : `${args.registries.length} registries`;
    const found = await find(apis, args);
    if (found.schedules.length + found.registries.length === 0) {
      io.stdout(
        `No schedule in ${where} and no registry has a name starting with ${args.prefix}: nothing to delete.\n`,
      );
      return 0;
    }
    const lines: string[] = [];
    if (found.schedules.length > 0) {
      lines.push(`${plural(found.schedules.length, "schedule")} in ${where} named ${args.prefix}…:`);
      lines.push(...table(found.schedules.map(scheduleRow)));
    }
    if (found.registries.length > 0) {
      lines.push(`${plural(found.registries.length, "registry", "registries")} named ${args.prefix}…:`);
      lines.push(...table(found.registries.map(registryRow)));
    }
    io.stdout(`${lines.join("\n")}\n`);
    if (!args.yes) {
      io.stdout("Dry run: nothing was deleted. Run again with --yes to delete them.\n");
      return 0;
    }
    // Schedules first, then registries (which take their remaining schedules with them).
    const schedules = await deleteCandidates(apis.schedules, found.schedules, (c) =>
      io.stdout(`Deleted schedule ${c.name}  ${c.registryId}/${c.scheduleId}\n`),
    );
    const registries = await deleteRegistryCandidates(apis, found.registries, (c) =>
      io.stdout(`Deleted registry ${c.name}  ${c.registryId}\n`),
    );
    // Checked, not assumed: a bulk deletion may skip a schedule that started running meanwhile.
    const left = await find(apis, args);
    const failed = [
      ...schedules.failed.map(
        (f) => `  ${f.candidate.name}  ${f.candidate.registryId}/${f.candidate.scheduleId}: ${f.message}`,
      ),
      ...registries.failed.map((f) => `  ${f.candidate.name}  ${f.candidate.registryId}: ${f.message}`),
    ];
    const deleted = `${plural(schedules.deleted.length, "schedule")} and ${plural(registries.deleted.length, "registry", "registries")}`;
    if (failed.length > 0 || left.schedules.length + left.registries.length > 0) {
      throw new CliError(
        [
          `Deleted ${deleted}; ${left.schedules.length + left.registries.length} named ${args.prefix}… still in Qualys.`,
          ...failed,
          "Resolve what the messages say, then run this command again.",
        ].join("\n"),
        EXIT_FAILURE,
      );
    }
    io.stdout(`Deleted ${deleted}; none named ${args.prefix}… is left.\n`);
    return 0;
  });
}

/** `pulumi-qualys-cs sweep`. */
export const sweepCommand: Command<SweepIO> = {
  name: "sweep",
  summary:
    "list the schedules and registries whose name starts with a prefix (what an interrupted test\n" +
    "run left), and delete them with --yes",
  usage: SWEEP_USAGE,
  run: runSweepCommand,
};
