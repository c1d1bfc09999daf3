/**
 * A Node.js language host for the real `pulumi` CLI, standing in for the Go `pulumi-language-nodejs`
 * that cannot be built here (the Go module proxy refuses its module; see CONTRIBUTING.md, "The Pulumi CLI").
 *
 * It speaks the same LanguageRuntime gRPC protocol and does what the Go host does for `Run`: it launches
 * the SDK's own entry point `@pulumi/pulumi/cmd/run` from the program's `node_modules`, passing the engine
 * addresses and the stack config the same way. Everything after that (the program, the resource
 * monitor, closure serialization of dynamic providers, the engine) is Pulumi's own code.
 */
import { spawn } from "node:child_process";
import * as fs from "node:fs";

import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as langproto from "@pulumi/pulumi/proto/language_pb";
import * as langrpc from "@pulumi/pulumi/proto/language_grpc_pb";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";

/** The SDK entry point's exit code for "the error was already reported to the user". */
const EXIT_ALREADY_REPORTED = 32;

type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

/** Programs this host started and that are still running. */
const running = new Set<ReturnType<typeof spawn>>();

function sdkVersion(): string {
  const pkg = JSON.parse(fs.readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as {
    version: string;
  };
  return pkg.version;
}

/** Finds `@pulumi/pulumi/cmd/run` as the program itself would resolve it. */
function runEntryPoint(programDir: string): string {
  return require.resolve("@pulumi/pulumi/cmd/run", { paths: [programDir] });
}

function runtimeOptions(req: langproto.RunRequest): Record<string, unknown> {
  const opts = req.getInfo()?.getOptions()?.toJavaScript();
  return opts ?? {};
}

function buildArgs(req: langproto.RunRequest, engineAddress: string, entry: string): string[] {
  const args: string[] = [];
  const add = (flag: string, value: string | number | undefined): void => {
    if (value !== undefined && value !== "" && value !== 0) args.push(`--${flag}=${value}`);
  };
  add("monitor", req.getMonitorAddress());
  add("engine", engineAddress);
  add("organization", req.getOrganization());
  add("project", req.getProject());
  add("stack", req.getStack());
  add("pwd", req.getPwd());
  add("root-directory", req.getInfo()?.getRootDirectory());
  add("parallel", req.getParallel());
  if (req.getDryrun()) args.push("--dry-run");
  args.push(entry, ...req.getArgsList());
  return args;
}

function run(engineAddress: string): Unary<langproto.RunRequest, langproto.RunResponse> {
  return (call, callback) => {
    const req = call.request;
    const info = req.getInfo();
    const programDir = info?.getProgramDirectory() || req.getPwd() || process.cwd();
    const entry = info?.getEntryPoint() || req.getProgram() || ".";
    const opts = runtimeOptions(req);
    const resp = new langproto.RunResponse();
    let runPath: string;
    try {
      runPath = runEntryPoint(programDir);
    } catch {
      resp.setError(
        `could not find @pulumi/pulumi in ${programDir}: install the program's dependencies (npm install)`,
      );
      callback(null, resp);
      return;
    }
    const config: Record<string, string> = {};
    req.getConfigMap().forEach((value, key) => {
      config[key] = value;
    });
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PULUMI_CONFIG: JSON.stringify(config),
      PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(req.getConfigsecretkeysList()),
      // TypeScript is on unless the project turned it off, as with the Go host.
      PULUMI_NODEJS_TYPESCRIPT: opts["typescript"] === false ? "false" : "true",
    };
    const nodeArgs =
      typeof opts["nodeargs"] === "string" ? opts["nodeargs"].split(/\s+/).filter(Boolean) : [];
    const child = spawn(process.execPath, [...nodeArgs, runPath, ...buildArgs(req, engineAddress, entry)], {
      cwd: programDir,
      env,
      stdio: ["ignore", "inherit", "inherit"],
    });
    running.add(child);
    child.on("close", () => running.delete(child));
    child.on("error", (err) => {
      resp.setError(`could not start node for the program: ${err.message}`);
      callback(null, resp);
    });
    child.on("exit", (code, signal) => {
      if (code === EXIT_ALREADY_REPORTED) {
        resp.setBail(true);
      } else if (code !== 0) {
        resp.setError(
          signal ? `Program was killed by ${signal}` : `Program exited with non-zero exit code: ${code}`,
        );
      }
      callback(null, resp);
    });
  };
}

/**
 * `RunPlugin` for a policy pack (kind `analyzer`): the engine asks the language host to start a Node.js
 * policy pack when it has one for the pack's runtime. Like the Go host, this runs the SDK's own
 * `@pulumi/pulumi/cmd/run-policy-pack` from the pack's directory, with the engine's arguments first and
 * the pack's directory last, and streams the pack's output back; the engine reads the port the
 * `@pulumi/policy` server prints. (The Go host also proxies the pack's `ConfigureStack` call to put the
 * stack's config in the pack's environment; our packs read no stack config, so this host does not.)
 */
function runPlugin(
  call: grpc.ServerWritableStream<langproto.RunPluginRequest, langproto.RunPluginResponse>,
): void {
  const req = call.request;
  const send = (fill: (m: langproto.RunPluginResponse) => void): void => {
    const message = new langproto.RunPluginResponse();
    fill(message);
    call.write(message);
  };
  const fail = (details: string): void => {
    call.destroy(Object.assign(new Error(details), { code: grpc.status.FAILED_PRECONDITION, details }));
  };
  if (req.getKind() !== "analyzer") {
    fail(`this language host runs only policy packs as plugins, not ${req.getKind()} plugins`);
    return;
  }
  const packDir = req.getInfo()?.getProgramDirectory() ?? req.getPwd();
  let runPath: string;
  try {
    runPath = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
  } catch {
    fail(
      `could not find @pulumi/pulumi from ${packDir}: install the policy pack's dependencies (npm install)`,
    );
    return;
  }
  const env: NodeJS.ProcessEnv = {};
  for (const entry of req.getEnvList()) {
    const eq = entry.indexOf("=");
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  const child = spawn(process.execPath, [runPath, ...req.getArgsList(), packDir], {
    cwd: packDir,
    env: { ...env, PULUMI_NODEJS_TYPESCRIPT: "true" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  running.add(child);
  child.stdout.on("data", (chunk: Buffer) => send((m) => m.setStdout(chunk)));
  child.stderr.on("data", (chunk: Buffer) => send((m) => m.setStderr(chunk)));
  child.on("error", (err) => fail(`could not start node for the policy pack: ${err.message}`));
  child.on("close", (code) => {
    running.delete(child);
    send((m) => m.setExitcode(code ?? 1));
    call.end();
  });
  // The engine cancels the stream to stop the pack.
  call.on("cancelled", () => child.kill("SIGKILL"));
}

function unimplemented(name: string): grpc.handleUnaryCall<unknown, unknown> {
  return (_call, callback) =>
    callback({
      code: grpc.status.UNIMPLEMENTED,
      details: `${name} is not implemented by this language host`,
    });
}

function main(): void {
  // The engine passes flags first and its own address last.
  const positional = process.argv.slice(2).filter((a) => !a.startsWith("-"));
  const engineAddress = positional[positional.length - 1] ?? "";
  const version = sdkVersion();

  const impl: Partial<langrpc.ILanguageRuntimeServer> = {
    handshake: (_call, callback) => callback(null, new langproto.LanguageHandshakeResponse()),
    getPluginInfo: (_call, callback) => callback(null, new plugproto.PluginInfo().setVersion(version)),
    getRequiredPlugins: (_call, callback) => callback(null, new langproto.GetRequiredPluginsResponse()),
    getRequiredPackages: (_call, callback) => callback(null, new langproto.GetRequiredPackagesResponse()),
    getProgramDependencies: (_call, callback) =>
      callback(null, new langproto.GetProgramDependenciesResponse()),
    about: (_call, callback) => callback(null, new langproto.AboutResponse().setExecutable(process.execPath)),
    runtimeOptionsPrompts: (_call, callback) => callback(null, new langproto.RuntimeOptionsResponse()),
    run: run(engineAddress),
    runPlugin,
    cancel: (_call, callback) => callback(null, new Empty()),
  };
  const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024 });
  const service = langrpc.LanguageRuntimeService as unknown as grpc.ServiceDefinition;
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const method of Object.keys(service)) {
    const handler = (impl as Record<string, unknown>)[method];
    handlers[method] = (
      typeof handler === "function" ? handler : unimplemented(method)
    ) as grpc.UntypedHandleCall;
  }
  server.addService(service, handlers);
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      process.stderr.write(`language host could not listen: ${err.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`${port}\n`);
  });
  const stop = (): void => {
    for (const child of running) child.kill("SIGKILL");
    server.forceShutdown();
    process.exit(0);
  };
  // The engine stops plugins with a signal: stop at once (tryShutdown would wait for the engine's
  // open stream). If the engine itself dies (say `pulumi up` was killed), this process is re-parented:
  // like the Go host's health check, leave then, and take the program along.
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, stop);
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1000).unref();
}

main();
