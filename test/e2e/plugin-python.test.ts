/**
 * Python: the generated SDK (sdk/python) pip-installed into a venv next to `pulumi` from PyPI at the
 * CLI's version (test/harness/python-venv.sh), imported and type checked with mypy, then a program
 * using it through the registry's whole life against the simulator (test/harness/sdk-programs.ts).
 */
import { execFileSync, spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import { packageVersion } from "../../provider/plugin/settings";
import { describeSdkLifecycle } from "../harness/sdk-programs";
import { REPO_ROOT } from "../harness/stack";
import { useSimulator } from "../harness/use-simulator";

const PROGRAMS = path.join(REPO_ROOT, "test", "e2e", "programs", "python");
const { sim } = useSimulator();

let venv = "";
let scratch = "";
const python = () => path.join(venv, "bin", "python");

/** Makes (or reuses) the venv and installs sdk/python into it, from a copy (pip writes build files). */
function install(): void {
  venv = execFileSync("bash", [path.join(REPO_ROOT, "test", "harness", "python-venv.sh")], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  }).trim();
  scratch = fs.mkdtempSync(path.join(os.tmpdir(), "qualys-python-sdk-"));
  fs.cpSync(path.join(REPO_ROOT, "sdk", "python"), path.join(scratch, "sdk"), { recursive: true });
  execFileSync(
    python(),
    ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "--no-build-isolation"].concat([
      "--no-deps",
      "--force-reinstall",
      path.join(scratch, "sdk"),
    ]),
    { stdio: "inherit" },
  );
}

function mypy(file: string): { code: number; out: string } {
  const res = spawnSync(
    python(),
    ["-m", "mypy", "--strict", "--cache-dir", path.join(scratch, "mypy-cache"), file],
    { cwd: PROGRAMS, encoding: "utf8" },
  );
  return { code: res.status ?? 1, out: `${res.stdout}${res.stderr}` };
}

afterAll(() => {
  if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
});

describeSdkLifecycle(
  { language: "Python", runtime: "python", command: () => [python(), path.join(PROGRAMS, "drive.py")] },
  sim,
  () => {
    install();
  },
  600_000,
);

describe("the Python SDK's types", () => {
  test("the package imports, and asks for the plugin of the package's version", () => {
    const out = execFileSync(
      python(),
      ["-c", "import pulumi_qualys_cs._utilities as u; print(u.get_version())"],
      {
        encoding: "utf8",
      },
    );
    expect(out.trim()).toBe(packageVersion());
  });

  test("a program using the SDK passes mypy --strict", () => {
    expect(mypy("drive.py")).toMatchObject({ code: 0 });
  }, 300_000);

  test("mypy refuses a wrong type and an unknown argument, at the calls that carry them", () => {
    const { code, out } = mypy("bad_usage.py");
    expect(code).toBe(1);
    const lines = [...out.matchAll(/^bad_usage\.py:(\d+): error/gm)].map((m) => Number(m[1]));
    const calls = fs
      .readFileSync(path.join(PROGRAMS, "bad_usage.py"), "utf8")
      .split("\n")
      .flatMap((line, i) => (line.startsWith("qualys.RegistryScanSchedule(") ? [i + 1] : []));
    expect([...new Set(lines)]).toEqual(calls);
    expect(out).toContain('Unexpected keyword argument "intervall"');
  }, 300_000);
});
