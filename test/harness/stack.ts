/**
 * End-to-end harness: runs Pulumi programs with the real `pulumi` CLI (through the Automation API,
 * which only shells out to the binary in `.tools/bin`), as local programs through the language
 * host, with the package installed from its `npm pack` tarball (`.tools/consumer`, made by setup.sh).
 *
 * Every stack gets its own PULUMI_HOME, `file://` backend, passphrase and project directory, with
 * the offline variables set, so tests run in parallel and never touch the network.
 */
import { execFile } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";

import {
  LocalWorkspace,
  PulumiCommand,
  type ConfigMap,
  type OutputMap,
  type Stack,
} from "@pulumi/pulumi/automation";

export const REPO_ROOT = path.resolve(__dirname, "..", "..", "..");
export const TOOLS_DIR = path.join(REPO_ROOT, ".tools");
/**
 * The CLI runs from `<PULUMI_ROOT>/bin` and programs get the node_modules of a consumer project. By
 * default the ones setup.sh installs; test/harness/test.sh points its smoke run at another CLI and at
 * a consumer of another `@pulumi/pulumi`.
 */
export const PULUMI_ROOT = process.env.QUALYS_E2E_PULUMI_ROOT ?? TOOLS_DIR;
export const CONSUMER_MODULES = path.join(
  process.env.QUALYS_E2E_CONSUMER ?? path.join(TOOLS_DIR, "consumer"),
  "node_modules",
);
export const EXAMPLES_DIR = path.join(REPO_ROOT, "examples");

/** The environment every CLI run gets: offline, local backend, no update checks. */
export function offlineEnv(home: string, backendDir: string): Record<string, string> {
  return {
    PULUMI_HOME: home,
    PULUMI_BACKEND_URL: `file://${backendDir}`,
    PULUMI_CONFIG_PASSPHRASE: "e2e-passphrase",
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
    // Type-checking happens once in `npm run build`; the language host need not repeat it per run.
    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
    PULUMI_AUTOMATION_API_SKIP_VERSION_CHECK: "true",
    PATH: `${path.join(PULUMI_ROOT, "bin")}${path.delimiter}${process.env.PATH ?? ""}`,
  };
}

export interface ProgramStackOptions {
  /** A directory holding `index.ts` (and optionally more files): copied into a fresh project. */
  programDir?: string;
  /**
   * Instead of `programDir`, a YAML program: Pulumi.yaml's content after `name` and `runtime: yaml`
   * (`resources`, `config`, `plugins`, …); see writeYamlProgram.
   */
  yamlProgram?: Record<string, unknown>;
  /** Project name (default `qualys-e2e`). */
  project?: string;
  /** Stack config, e.g. `{ "qualys:gatewayUrl": { value: url } }`. */
  config?: ConfigMap;
  /** Extra environment for every CLI run (e.g. `QUALYS_*`, or a program's `E2E_*` inputs). */
  env?: Record<string, string>;
  /** Provider plugins the project loads from a directory (Pulumi.yaml `plugins: providers:`). */
  providerPlugins?: Array<{ name: string; path: string }>;
  /** Keep the working directory after `dispose()` (for debugging). */
  keep?: boolean;
}

/** A stack of a real project directory, driven through the real CLI. */
export interface ProgramStack {
  stack: Stack;
  workDir: string;
  projectDir: string;
  env: Record<string, string>;
  /** `pulumi stack export` as stored: secrets stay encrypted (the Automation API's own export decrypts them). */
  exportState(): Promise<StateDeployment>;
  /** Runs the CLI with these arguments in the project, e.g. `["import", "--file", f, "--yes"]`. */
  run(args: string[]): Promise<{ stdout: string; stderr: string; code: number }>;
  /** Outputs of the last update. */
  outputs(): Promise<OutputMap>;
  /** Replace the environment of later runs (e.g. change a program input). */
  setEnv(extra: Record<string, string>): Promise<void>;
  /** Destroy (best effort) and remove the stack and its directories. */
  dispose(): Promise<void>;
}

/** The parts of an exported deployment the tests read. */
export interface StateDeployment {
  version: number;
  deployment: {
    resources?: StateResource[];
    pending_operations?: { resource: StateResource; type: string }[];
  };
}
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
}

function copyProgram(from: string, to: string): void {
  for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name === "Pulumi.yaml" || entry.name.startsWith("Pulumi."))
      continue;
    const src = path.join(from, entry.name);
    const dst = path.join(to, entry.name);
    if (entry.isDirectory()) {
      fs.mkdirSync(dst, { recursive: true });
      copyProgram(src, dst);
    } else {
      fs.copyFileSync(src, dst);
    }
  }
}

let pulumiCommand: Promise<PulumiCommand> | undefined;
function cli(): Promise<PulumiCommand> {
  if (!fs.existsSync(path.join(PULUMI_ROOT, "bin", "pulumi"))) {
    throw new Error(
      `the Pulumi CLI is not installed in ${PULUMI_ROOT}/bin: run \`bash test/harness/setup.sh\` first`,
    );
  }
  // Never PulumiCommand.install(): it downloads. get() runs the binary we built.
  pulumiCommand ??= PulumiCommand.get({ root: PULUMI_ROOT, skipVersionCheck: true });
  return pulumiCommand;
}

/** Runs the CLI binary itself; never throws on a non-zero exit (the caller asserts on it). */
export function runCli(
  args: string[],
  cwd: string,
  env: Record<string, string>,
): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(
      path.join(PULUMI_ROOT, "bin", "pulumi"),
      args,
      { cwd, env: { ...process.env, ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === "number" ? err.code : 1) : 0;
        resolve({ stdout, stderr, code });
      },
    );
  });
}

/** The installed package's command, as `npx pulumi-qualys-cs` finds it in a user's project. */
export const PACKAGE_COMMAND = path.join(CONSUMER_MODULES, ".bin", "pulumi-qualys-cs");

/** Runs the installed `pulumi-qualys-cs` with exactly this environment; never throws on a non-zero exit. */
export function runPackageCommand(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv,
): Promise<{ stdout: string; stderr: string; code: number }> {
  return new Promise((resolve) => {
    execFile(PACKAGE_COMMAND, args, { cwd, env, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) =>
      resolve({ code: err ? (typeof err.code === "number" ? err.code : 1) : 0, stdout, stderr }),
    );
  });
}

let counter = 0;

/** A Node.js program: `from` copied into the project, with the tarball-installed package. */
function writeNodeProgram(
  from: string,
  projectDir: string,
  project: string,
  providerPlugins: ReadonlyArray<{ name: string; path: string }> = [],
): void {
  copyProgram(from, projectDir);
  // The consumer's node_modules holds real copies (the tarball installed), so a symlink to the
  // directory still resolves every module to a path inside node_modules, as in a user's project.
  fs.symlinkSync(CONSUMER_MODULES, path.join(projectDir, "node_modules"), "dir");
  // A program may bring its own package.json (an ES-module program says "type": "module"); one
  // without index.ts is plain JavaScript, which the language host then runs without TypeScript.
  if (!fs.existsSync(path.join(projectDir, "package.json"))) {
    fs.writeFileSync(
      path.join(projectDir, "package.json"),
      JSON.stringify({ name: "qualys-e2e-program", private: true }),
    );
  }
  const typescript = fs.existsSync(path.join(projectDir, "index.ts"));
  const plugins = providerPlugins.map((p) => `    - name: ${p.name}\n      path: ${p.path}\n`);
  fs.writeFileSync(
    path.join(projectDir, "Pulumi.yaml"),
    `name: ${project}\nruntime:\n  name: nodejs\n  options:\n    typescript: ${typescript}\n` +
      (plugins.length > 0 ? `plugins:\n  providers:\n${plugins.join("")}` : ""),
  );
}

/**
 * Writes (or rewrites, to change the program) a YAML program's Pulumi.yaml: `name`, `runtime: yaml`,
 * then `program`. JSON is YAML, so the file is written as JSON.
 */
export function writeYamlProgram(
  projectDir: string,
  project: string,
  program: Record<string, unknown>,
): void {
  fs.writeFileSync(
    path.join(projectDir, "Pulumi.yaml"),
    JSON.stringify({ name: project, runtime: "yaml", ...program }, null, 2),
  );
}

/** Creates a project from `programDir` with the tarball-installed package, and a fresh stack. */
export async function createProgramStack(opts: ProgramStackOptions): Promise<ProgramStack> {
  if (!fs.existsSync(path.join(CONSUMER_MODULES, "pulumi-qualys-cs", "package.json"))) {
    throw new Error(
      "the packed package is not installed in .tools/consumer: run `bash test/harness/setup.sh` first",
    );
  }
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), "qualys-e2e-"));
  const home = path.join(workDir, "home");
  const backend = path.join(workDir, "state");
  const projectDir = path.join(workDir, "project");
  for (const d of [home, backend, projectDir]) fs.mkdirSync(d, { recursive: true });
  const project = opts.project ?? "qualys-e2e";
  if (opts.yamlProgram) {
    writeYamlProgram(projectDir, project, opts.yamlProgram);
  } else {
    if (opts.programDir === undefined) throw new Error("createProgramStack: give programDir or yamlProgram");
    writeNodeProgram(opts.programDir, projectDir, project, opts.providerPlugins);
  }

  let env = { ...offlineEnv(home, backend), ...(opts.env ?? {}) };
  const pulumiCmd = await cli();
  const stackName = `e2e${process.pid}x${++counter}`;
  const stack = await LocalWorkspace.createStack(
    { stackName, workDir: projectDir },
    {
      workDir: projectDir,
      pulumiHome: home,
      envVars: env,
      pulumiCommand: pulumiCmd,
    },
  );
  if (opts.config) await stack.setAllConfig(opts.config);

  return {
    stack,
    workDir,
    projectDir,
    get env() {
      return env;
    },
    async exportState() {
      const res = await runCli(["stack", "export", "--stack", stackName], projectDir, env);
      if (res.code !== 0) throw new Error(`pulumi stack export failed: ${res.stderr}`);
      return JSON.parse(res.stdout) as StateDeployment;
    },
    async run(args) {
      return runCli([...args, "--stack", stackName, "--non-interactive"], projectDir, env);
    },
    outputs: () => stack.outputs(),
    async setEnv(extra) {
      env = { ...env, ...extra };
      Object.assign((stack.workspace as LocalWorkspace).envVars, extra);
      await Promise.resolve();
    },
    async dispose() {
      if (!opts.keep) fs.rmSync(workDir, { recursive: true, force: true });
      await Promise.resolve();
    },
  };
}

/** The dynamic-resource entries of a state export (not the stack or provider entries). */
export function dynamicResources(state: StateDeployment): StateResource[] {
  return (state.deployment.resources ?? []).filter((r) => r.type.startsWith("pulumi-nodejs:dynamic"));
}
