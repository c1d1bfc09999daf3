/**
 * `pulumi-qualys-cs recover`'s command line, in process: help, the required stack, unknown flags (usage
 * exit code), and a `pulumi` that cannot be run (failure exit code, nothing else attempted).
 */
import { parseRecoverArgs, RECOVER_USAGE, runRecoverCommand } from "../../../provider/cli/recover-command";
import { main } from "../../../provider/cli/main";

async function run(
  argv: string[],
  pulumi?: string,
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runRecoverCommand(argv, {
    cwd: process.cwd(),
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    pulumi,
    api: () => {
      throw new Error("Qualys must not be called");
    },
  });
  return { code, stdout, stderr };
}

test("--help prints the usage and exits 0", async () => {
  const res = await run(["--help"]);
  expect(res).toEqual({ code: 0, stdout: RECOVER_USAGE, stderr: "" });
  expect(RECOVER_USAGE).toContain("pulumi cancel --yes --stack <name>");
});

test("the top-level help lists recover", async () => {
  const write = jest.spyOn(process.stdout, "write").mockImplementation(() => true);
  try {
    expect(await main(["--help"])).toBe(0);
    expect(write.mock.calls.map((c) => String(c[0])).join("")).toMatch(/^ {2}recover /m);
  } finally {
    write.mockRestore();
  }
});

test("the stack is required, unknown flags are refused: usage exit code 2", async () => {
  const missing = await run([]);
  expect(missing.code).toBe(2);
  expect(missing.stderr).toContain("--stack <name>");
  const unknown = await run(["--stack", "dev", "--force"]);
  expect(unknown.code).toBe(2);
  expect(unknown.stderr).toContain("recover --help");
  expect((await run(["--stack", "dev", "extra"])).code).toBe(2);
});

test("flags parse", () => {
  expect(parseRecoverArgs(["--stack", "dev", "--cwd", "p", "-y", "--dry-run", "--drop-unresolved"])).toEqual({
    stack: "dev",
    cwd: "p",
    yes: true,
    dryRun: true,
    dropUnresolved: true,
    help: false,
  });
});

test("a pulumi that cannot be run: exit code 1 and what to do", async () => {
  const res = await run(["--stack", "dev", "--yes"], "/nonexistent/pulumi");
  expect(res.code).toBe(1);
  expect(res.stderr).toContain("install the Pulumi CLI");
});
