/**
 * `pulumi-qualys-cs import`: reads live schedules (and, with `--with-registry`, their registries) and
 * writes the code that declares them and the file that lets `pulumi import --file` adopt them without
 * creating or changing anything.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import { CliError } from "../errors";
import type { ClientSettings } from "../qualys/config";
import { registryApi, type RegistryApi } from "../registry/api";
import { scheduleApi, type ScheduleApi } from "../schedule/api";
import { generateCode } from "./codegen";
import {
  parseCommandArgs,
  runCommand,
  usageError as commandUsageError,
  type Command,
  type CommandIO,
} from "./command";
import { isIdPart, parseImportId, parseScheduleArg, type ImportId } from "./ids";
import { buildImportFile, renderImportFile } from "./import-file";
import {
  REGISTRY_RESOURCE_TYPE,
  RESOURCE_TYPE,
  type ImportedRegistry,
  type ImportedSchedule,
} from "./imported";
import { exportStack } from "./pulumi-cli";
import { readRegistries } from "./read-registries";
import { readImportable, type RegistrySelection } from "./read-schedules";
import { REGISTRY_RUNTIME_SUBPATH, RUNTIME_SUBPATH, serializedProvider } from "./serialized-provider";
import { settingsFor, STACK_OPTION_HELP } from "./settings";

/** Default file names written into `--out`. */
export const DEFAULT_IMPORT_FILE = "qualys-import.json";
export const DEFAULT_CODE_FILE = "qualys-schedules.ts";

/** The usage text of `pulumi-qualys-cs import`. */
export const IMPORT_USAGE = `Usage: pulumi-qualys-cs import [<registryId>/<scheduleId>]... [options]

Reads Qualys registry scan schedules, and with --with-registry their registries (only reads), and writes:
  - TypeScript that declares them as RegistryScanSchedule (and Registry) resources, with their current
    settings;
  - an import file with which \`pulumi import --file\` adopts them without creating anything.

Selection (at least a registry, or full IDs):
  --registry <id>        a registry whose schedules to import (all of them unless narrowed); repeatable:
                         each registry is read
  --schedule <id>        only this schedule (a schedule ID of the one --registry, or
                         <registryId>/<scheduleId>); repeatable
  --name <pattern>       only schedules whose whole name matches (* and ? wildcards), in every --registry;
                         repeatable
  --with-registry        also adopt each registry itself as a Registry resource; its schedules then take
                         registryId from it. A registry's password or token (Qualys never returns
                         one) is read from stack config: the code says which key to set, and the
                         first \`pulumi up\` after the import sets it with one in-place update

Output (default: --out .):
  --out <dir>            write ${DEFAULT_IMPORT_FILE} and ${DEFAULT_CODE_FILE} into <dir>
  --file <path>          write the import file to <path> and print the code to standard output
  --force                overwrite files that exist
  --protect <bool>       declare the resources with { protect: true } (default true, as \`pulumi import\`);
                         with --protect=false, also pass --protect=false to \`pulumi import\`

Settings (as the provider reads them):
${STACK_OPTION_HELP}. Schedules and registries the stack already manages are
                         skipped (and listed): one resource is never owned by two

Then, in the Pulumi project:
  1. add the declarations to the program;
  2. pulumi import --file ${DEFAULT_IMPORT_FILE} --generate-code=false --yes
  3. pulumi preview        (shows no changes; with --with-registry, then pulumi up, which records that
                           the schedules depend on the registry)

  -h, --help             show this help
`;

/** The IDs of the stack's resources of one type (from `pulumi stack export`). */
async function stackIds(stack: string, cwd: string, type: string): Promise<Set<string>> {
  const state = await exportStack(stack, { cwd });
  const resources = (state.deployment as { resources?: { type?: unknown; id?: unknown }[] }).resources ?? [];
  return new Set(
    resources.filter((r) => r.type === type && typeof r.id === "string").map((r) => r.id as string),
  );
}

/** The IDs of the schedules the stack's resources hold. */
const stackScheduleIds = (stack: string, cwd: string) => stackIds(stack, cwd, RESOURCE_TYPE);
/** The IDs of the registries the stack's resources hold. */
const stackRegistryIds = (stack: string, cwd: string) => stackIds(stack, cwd, REGISTRY_RESOURCE_TYPE);

/** What `import` needs from its surroundings; tests replace parts of it. */
export interface ImportIO extends CommandIO {
  /** The schedule IDs the stack already manages (default: read with `pulumi stack export`). */
  stackScheduleIds?: (stack: string, cwd: string) => Promise<Set<string>>;
  /** The registry IDs the stack already manages (default: read with `pulumi stack export`). */
  stackRegistryIds?: (stack: string, cwd: string) => Promise<Set<string>>;
  /** The settings (default: `settingsFor`, the stack's config then the environment). */
  settings?: typeof settingsFor;
  /** The API for the resolved settings (default: the provider's shared client). */
  api?: (settings: ClientSettings) => ScheduleApi;
  /** The registry API for the resolved settings (default: the provider's shared client). */
  registryApi?: (settings: ClientSettings) => RegistryApi;
  /** A `__provider` string for a runtime subpath (default: serialized from the project's installed package). */
  serializeProvider?: (projectDir: string, subpath: string) => Promise<string>;
}

interface ParsedImportArgs {
  selections: RegistrySelection[];
  outDir?: string;
  importFile?: string;
  force: boolean;
  protect: boolean;
  stack?: string;
  withRegistry: boolean;
  help: boolean;
}

const usageError = (message: string): CliError => commandUsageError("import", message);

/** Parses the arguments after `import`. Throws `CliError` (usage exit code) for a bad command line. */
export function parseImportArgs(argv: string[]): ParsedImportArgs {
  const parsed = parseCommandArgs(
    "import",
    argv,
    {
      registry: { type: "string", multiple: true },
      schedule: { type: "string", multiple: true },
      name: { type: "string", multiple: true },
      out: { type: "string" },
      file: { type: "string" },
      force: { type: "boolean" },
      protect: { type: "string" },
      stack: { type: "string" },
      "with-registry": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
    true,
  );
  const v = parsed.values;
  const help = v.help === true;
  if (help) return { selections: [], force: false, protect: true, withRegistry: false, help };

  const registries = [...new Set(v.registry ?? [])];
  for (const r of registries) {
    if (!isIdPart(r)) {
      throw usageError(
        `Malformed registry ID ${JSON.stringify(r)}: a registry ID has no slashes, spaces or control characters.`,
      );
    }
  }
  // A bare schedule ID belongs to the one --registry; with several, it must say which.
  const registry = registries.length === 1 ? registries[0] : undefined;
  let ids: ImportId[];
  try {
    ids = [
      ...parsed.positionals.map(parseImportId),
      ...(v.schedule ?? []).map((s) => parseScheduleArg(s, registry)),
    ];
  } catch (err) {
    throw err instanceof CliError ? usageError(err.message) : err;
  }
  if (registries.length === 0 && ids.length === 0) {
    throw usageError(
      "Name the schedules to import: --registry <registryId>, or IDs <registryId>/<scheduleId>.",
    );
  }
  const names = v.name ?? [];
  if (names.some((n) => n === "")) throw usageError("--name needs a non-empty pattern.");
  if (names.length > 0 && registries.length === 0) throw usageError("--name needs --registry <registryId>.");
  if (v.out !== undefined && v.file !== undefined)
    throw usageError("Give --out <dir> or --file <path>, not both.");
  if (v.protect !== undefined && v.protect !== "true" && v.protect !== "false") {
    throw usageError(`--protect takes true or false, not ${JSON.stringify(v.protect)}.`);
  }

  const byRegistry = new Map<string, RegistrySelection>();
  const selection = (registryId: string): RegistrySelection => {
    let sel = byRegistry.get(registryId);
    if (!sel) {
      sel = { registryId, scheduleIds: [], names: [] };
      byRegistry.set(registryId, sel);
    }
    return sel;
  };
  for (const r of registries) selection(r).names.push(...names);
  for (const id of ids) {
    const sel = selection(id.registryId);
    if (!sel.scheduleIds.includes(id.scheduleId)) sel.scheduleIds.push(id.scheduleId);
  }
  return {
    selections: [...byRegistry.values()],
    outDir: v.out,
    importFile: v.file,
    force: v.force === true,
    protect: v.protect !== "false",
    stack: v.stack,
    withRegistry: v["with-registry"] === true,
    help,
  };
}

function describe(s: ImportedSchedule): string {
  const i = s.inputs;
  if (i.onDemand) return "on demand";
  const interval = i.scheduleScanIntervalInDays;
  const at = i.schedule ? ` at ${i.schedule} UTC` : "";
  if (interval === 1) return `daily${at}`;
  if (interval === 7) return `weekly on ${i.weekDay ?? "?"}${at}`;
  return `every ${interval ?? "?"} days`;
}

/** A path as the user reads it: relative to the project when inside it, else absolute. */
function shown(cwd: string, file: string): string {
  const rel = path.relative(cwd, file);
  return rel === "" || rel.startsWith("..") || path.isAbsolute(rel) ? file : rel;
}

function writeNew(file: string, text: string, force: boolean): void {
  if (!force && fs.existsSync(file)) {
    throw new CliError(`${file} exists: pass --force to overwrite it, or choose another --out/--file.`);
  }
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
}

/** Runs `import` with its arguments; returns the exit code. Errors are printed, never thrown. */
export function runImportCommand(argv: string[], io: ImportIO): Promise<number> {
  return runCommand(io, async () => {
    const args = parseImportArgs(argv);
    if (args.help) {
      io.stdout(IMPORT_USAGE);
      return 0;
    }
    // The provider string first: it needs no network, and a wrong installation should fail before any call.
    const serialize = io.serializeProvider ?? serializedProvider;
    const providerText = await serialize(io.cwd, RUNTIME_SUBPATH);
    const registryProviderText = args.withRegistry ? await serialize(io.cwd, REGISTRY_RUNTIME_SUBPATH) : "";
    const settings = await (io.settings ?? settingsFor)(
      args.stack === undefined ? undefined : { stack: args.stack, cwd: io.cwd },
    );
    const api = (io.api ?? scheduleApi)(settings);
    const read = await readImportable(api, args.selections, args.withRegistry);
    // One resource must never be owned by two: what the stack already holds is not offered.
    const held =
      args.stack === undefined
        ? new Set<string>()
        : await (io.stackScheduleIds ?? stackScheduleIds)(args.stack, io.cwd);
    const schedules = read.filter((s) => !held.has(s.id));
    const skipped = read.filter((s) => held.has(s.id));
    if (skipped.length > 0) {
      io.stderr(
        [
          `Skipped ${skipped.length} schedule${skipped.length === 1 ? "" : "s"} that stack ${args.stack ?? ""} already manages:`,
          ...skipped.map((s) => `  ${s.id}  ${JSON.stringify(s.inputs.name)}`),
          "",
        ].join("\n"),
      );
    }
    let registries: ImportedRegistry[] = [];
    if (args.withRegistry) {
      const heldRegistries =
        args.stack === undefined
          ? new Set<string>()
          : await (io.stackRegistryIds ?? stackRegistryIds)(args.stack, io.cwd);
      const wanted = args.selections.map((s) => s.registryId);
      const skippedRegistries = wanted.filter((id) => heldRegistries.has(id));
      if (skippedRegistries.length > 0) {
        io.stderr(
          [
            `Skipped ${skippedRegistries.length} registr${skippedRegistries.length === 1 ? "y" : "ies"} that stack ${args.stack ?? ""} already manages (its schedules keep the literal registryId):`,
            ...skippedRegistries.map((id) => `  ${id}`),
            "",
          ].join("\n"),
        );
      }
      registries = await readRegistries(
        (io.registryApi ?? registryApi)(settings),
        wanted.filter((id) => !heldRegistries.has(id)),
        new Set(schedules.map((s) => s.resourceName)),
      );
    }
    if (schedules.length === 0 && registries.length === 0) {
      io.stderr("Nothing left to import: no file was written.\n");
      return 0;
    }

    const importPath = path.resolve(
      io.cwd,
      args.importFile ?? path.join(args.outDir ?? ".", DEFAULT_IMPORT_FILE),
    );
    const codePath =
      args.importFile === undefined ? path.resolve(io.cwd, args.outDir ?? ".", DEFAULT_CODE_FILE) : undefined;
    const shownImport = shown(io.cwd, importPath);
    const code = generateCode(schedules, { protect: args.protect, importFile: shownImport }, registries);
    const file = renderImportFile(
      buildImportFile(schedules, providerText, { registries, serializedProvider: registryProviderText }),
    );
    writeNew(importPath, file, args.force);
    if (codePath) writeNew(codePath, code, args.force);
    else io.stdout(code);

    const width = Math.max(
      ...schedules.map((s) => s.resourceName.length),
      ...registries.map((r) => r.resourceName.length),
    );
    const secrets = registries.filter((r) => r.secretConfigKey !== undefined);
    io.stderr(
      [
        ...(registries.length > 0
          ? [
              `Read ${registries.length} registr${registries.length === 1 ? "y" : "ies"} from Qualys (nothing was changed there):`,
              ...registries.map(
                (r) =>
                  `  ${r.resourceName.padEnd(width)}  ${r.id}  ${r.inputs.registryType} ${r.inputs.registryUri}`,
              ),
            ]
          : []),
        `Read ${schedules.length} schedule${schedules.length === 1 ? "" : "s"} from Qualys (nothing was changed there):`,
        ...schedules.map((s) => `  ${s.resourceName.padEnd(width)}  ${s.id}  ${describe(s)}`),
        `Wrote ${shownImport}${codePath ? ` and ${shown(io.cwd, codePath)}` : ""}.`,
        "Next, in your Pulumi project:",
        `  1. add the declarations${codePath ? ` in ${shown(io.cwd, codePath)}` : " printed above"} to your program;`,
        ...secrets.map(
          (r) =>
            `     pulumi config set --secret ${r.secretConfigKey ?? ""} <${r.resourceName}'s ${r.secret ?? ""}>   (Qualys never returns it)`,
        ),
        `  2. pulumi import --file ${shownImport}${args.protect ? "" : " --protect=false"} --generate-code=false --yes`,
        secrets.length > 0
          ? `  3. pulumi up        (expect no changes, except one in-place update per registry with a secret, setting it)`
          : registries.length > 0
            ? "  3. pulumi preview   (expect no changes), then pulumi up (changes nothing; records that the schedules depend on the registry)"
            : "  3. pulumi preview   (expect no changes)",
        "",
      ].join("\n"),
    );
    return 0;
  });
}

/** `pulumi-qualys-cs import`. */
export const importCommand: Command<ImportIO> = {
  name: "import",
  summary:
    "write the code and the `pulumi import` file that bring existing Qualys schedules (and\n" +
    "registries) under management without recreating them",
  usage: IMPORT_USAGE,
  run: runImportCommand,
};
