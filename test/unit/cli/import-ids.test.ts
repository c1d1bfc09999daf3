/**
 * Import IDs (`<registryId>/<scheduleId>`) and the command line of `pulumi-qualys-cs import`: what is
 * accepted, and that everything else is a usage error (exit code 2) that shows the expected form.
 */
import { EXIT_USAGE, CliError } from "../../../provider/errors";
import { parseImportId, parseScheduleArg } from "../../../provider/cli/ids";
import { parseImportArgs } from "../../../provider/cli/import-command";

const R = "5e1f0c2a-7b3d-4c8e-9a6f-1d2b3c4e5f60";
const S = "9b2f6c1e-0d4a-4f3b-8c7e-2a1b3c4d5e6f";

function usageError(fn: () => unknown): CliError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(CliError);
    expect((err as CliError).exitCode).toBe(EXIT_USAGE);
    return err as CliError;
  }
  throw new Error("expected a usage error");
}

describe("parseImportId", () => {
  test("splits <registryId>/<scheduleId>", () => {
    expect(parseImportId(`${R}/${S}`)).toEqual({ registryId: R, scheduleId: S });
  });

  test.each([
    ["no slash", S],
    ["an empty registry", `/${S}`],
    ["an empty schedule", `${R}/`],
    ["two slashes", `${R}/${S}/x`],
    ["a space", `${R}/ ${S}`],
    ["a tab", `${R}\t/${S}`],
    ["a newline", `${R}/${S}\n`],
    ["a backslash", `${R}\\x/${S}`],
    ["a control character", `${R}/${S}\u0007`],
    ["nothing", ""],
  ])("rejects an ID with %s, naming it and the expected form", (_what, id) => {
    const err = usageError(() => parseImportId(id));
    expect(err.message).toContain(`Malformed schedule ID ${JSON.stringify(id)}`);
    expect(err.message).toContain('"<registryId>/<scheduleId>"');
  });
});

describe("parseScheduleArg (--schedule)", () => {
  test("a bare schedule ID belongs to --registry", () => {
    expect(parseScheduleArg(S, R)).toEqual({ registryId: R, scheduleId: S });
  });

  test("a full ID of the same registry is accepted", () => {
    expect(parseScheduleArg(`${R}/${S}`, R)).toEqual({ registryId: R, scheduleId: S });
  });

  test("a full ID of another registry is refused", () => {
    const err = usageError(() => parseScheduleArg(`other/${S}`, R));
    expect(err.message).toContain(`belongs to registry other, not to --registry ${R}`);
  });

  test("a bare schedule ID without --registry is refused, showing the full form", () => {
    const err = usageError(() => parseScheduleArg(S, undefined));
    expect(err.message).toContain(`"<registryId>/${S}"`);
  });
});

describe("parseImportArgs", () => {
  test("--registry alone selects the whole registry, protected, written to the current directory", () => {
    expect(parseImportArgs(["--registry", R])).toEqual({
      selections: [{ registryId: R, scheduleIds: [], names: [] }],
      outDir: undefined,
      importFile: undefined,
      force: false,
      protect: true,
      stack: undefined,
      withRegistry: false,
      help: false,
    });
  });

  test("schedules, names and full IDs are grouped by registry, without repeats", () => {
    const args = parseImportArgs([
      `other/${S}`,
      "--registry",
      R,
      "--schedule",
      S,
      "--schedule",
      `${R}/${S}`,
      "--name",
      "nightly-*",
      "--protect=false",
      "--file",
      "import.json",
      "--stack",
      "dev",
    ]);
    expect(args.selections).toEqual([
      { registryId: R, scheduleIds: [S], names: ["nightly-*"] },
      { registryId: "other", scheduleIds: [S], names: [] },
    ]);
    expect(args).toMatchObject({ protect: false, importFile: "import.json", stack: "dev" });
  });

  test("--help needs nothing else", () => {
    expect(parseImportArgs(["--help"]).help).toBe(true);
  });

  test.each([
    ["nothing to import", [], "Name the schedules to import"],
    ["an unknown flag", ["--registry", R, "--regsitry", R], "Unknown option '--regsitry'"],
    ["--out and --file together", ["--registry", R, "--out", "d", "--file", "f"], "not both"],
    ["--name without --registry", [`${R}/${S}`, "--name", "x"], "--name needs --registry"],
    ["an empty --name", ["--registry", R, "--name", ""], "non-empty pattern"],
    ["--protect with a non-boolean", ["--registry", R, "--protect", "yes"], "--protect takes true or false"],
    ["a malformed registry ID", ["--registry", "a b"], 'Malformed registry ID "a b"'],
    ["a malformed positional ID", [S], `Malformed schedule ID ${JSON.stringify(S)}`],
  ])("refuses %s", (_what, argv, message) => {
    const err = usageError(() => parseImportArgs(argv));
    expect(err.message).toContain(message);
    expect(err.message).toContain("pulumi-qualys-cs import --help");
  });
});
