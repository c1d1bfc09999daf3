/**
 * A stand-in for the AWS, Azure Native, Google Cloud and Harbor provider plugins, for the scan-coverage
 * policy tests only: those plugins cannot be downloaded on these machines. It serves the type tokens the
 * policy matches (policy/cloud.ts), with the properties the real providers give them (`repositoryUrl`
 * of an ECR repository, `loginServer` of an Azure registry, …), computed from the inputs and the
 * provider's configuration, and creates nothing anywhere. `cloudPlugins(dir)` writes the
 * `pulumi-resource-<name>` executables a program's Pulumi.yaml points at (`plugins: providers:`).
 *
 * Like the real bridged providers it does not support preview: a planned create's computed properties
 * are not known until `up`.
 */
import * as fs from "node:fs";
import * as path from "node:path";

import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";

/** The packages served, and the account, region or project a resource lands in when its config says none. */
export const STAND_IN_PACKAGES = ["aws", "azure-native", "gcp", "harbor"] as const;
export const STAND_IN_AWS_ACCOUNT = "123456789012";
const DEFAULT_REGION = "eu-west-1";

type Props = Record<string, unknown>;

/** A property's text, or `fallback` when it is not a string. */
const str = (value: unknown, fallback: string): string => (typeof value === "string" ? value : fallback);

/** The properties a created resource reports: its inputs, and what the real provider computes. */
function computed(type: string, inputs: Props, config: Props, id: string): Props {
  switch (type) {
    case "aws:ecr/repository:Repository": {
      const region = typeof config["region"] === "string" ? config["region"] : DEFAULT_REGION;
      const name = str(inputs["name"], id);
      return {
        ...inputs,
        name,
        registryId: STAND_IN_AWS_ACCOUNT,
        arn: `arn:aws:ecr:${region}:${STAND_IN_AWS_ACCOUNT}:repository/${name}`,
        repositoryUrl: `${STAND_IN_AWS_ACCOUNT}.dkr.ecr.${region}.amazonaws.com/${name}`,
      };
    }
    case "azure-native:containerregistry:Registry":
      return { ...inputs, loginServer: `${str(inputs["registryName"], id).toLowerCase()}.azurecr.io` };
    case "gcp:artifactregistry/repository:Repository": {
      const project = str(inputs["project"], str(config["project"], "demo-project"));
      const location = str(inputs["location"], "us");
      const repositoryId = str(inputs["repositoryId"], id);
      return {
        ...inputs,
        project,
        name: `projects/${project}/locations/${location}/repositories/${repositoryId}`,
        registryUri: `${location}-docker.pkg.dev/${project}/${repositoryId}`,
      };
    }
    case "harbor:index/project:Project":
      return { ...inputs, projectId: id };
    default:
      return inputs;
  }
}

const toStruct = (props: Props) =>
  Struct.fromJavaScript(props as Parameters<typeof Struct.fromJavaScript>[0]);
const fromStruct = (s: Struct | undefined): Props => s?.toJavaScript() ?? {};

/**
 * The version the plugin reports: for aws, that of the @pulumi/aws the programs use (which asks the
 * engine for a plugin at least that new); the others are asked for by type token, without a version.
 */
function versionOf(pkg: string): string {
  if (pkg !== "aws") return "0.0.1";
  const file = require.resolve("@pulumi/aws/package.json");
  return (JSON.parse(fs.readFileSync(file, "utf8")) as { version: string }).version;
}

function serve(pkg: string): void {
  let config: Props = {};
  let created = 0;
  const impl: Partial<provrpc.IResourceProviderServer> = {
    getPluginInfo: (_call, cb) => cb(null, new plugproto.PluginInfo().setVersion(versionOf(pkg))),
    checkConfig: (call, cb) => cb(null, new provproto.CheckResponse().setInputs(call.request.getNews())),
    diffConfig: (_call, cb) =>
      cb(null, new provproto.DiffResponse().setChanges(provproto.DiffResponse.DiffChanges.DIFF_NONE)),
    configure: (call, cb) => {
      config = fromStruct(call.request.getArgs());
      cb(
        null,
        new provproto.ConfigureResponse()
          .setAcceptsecrets(true)
          .setAcceptresources(true)
          .setSupportspreview(false),
      );
    },
    check: (call, cb) => cb(null, new provproto.CheckResponse().setInputs(call.request.getNews())),
    diff: (call, cb) => {
      const olds = fromStruct(call.request.getOldInputs() ?? call.request.getOlds());
      const news = fromStruct(call.request.getNews());
      const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])];
      const changed = keys.filter((k) => JSON.stringify(olds[k]) !== JSON.stringify(news[k]));
      cb(
        null,
        new provproto.DiffResponse()
          .setChanges(
            changed.length > 0
              ? provproto.DiffResponse.DiffChanges.DIFF_SOME
              : provproto.DiffResponse.DiffChanges.DIFF_NONE,
          )
          .setDiffsList(changed),
      );
    },
    create: (call, cb) => {
      const id = `${pkg}-${process.pid}-${++created}`;
      const props = computed(call.request.getType(), fromStruct(call.request.getProperties()), config, id);
      cb(null, new provproto.CreateResponse().setId(id).setProperties(toStruct(props)));
    },
    read: (call, cb) =>
      cb(
        null,
        new provproto.ReadResponse()
          .setId(call.request.getId())
          .setProperties(call.request.getProperties())
          .setInputs(call.request.getInputs()),
      ),
    update: (call, cb) => {
      const props = computed(
        call.request.getType(),
        fromStruct(call.request.getNews()),
        config,
        call.request.getId(),
      );
      cb(null, new provproto.UpdateResponse().setProperties(toStruct(props)));
    },
    delete: (_call, cb) => cb(null, new Empty()),
    cancel: (_call, cb) => cb(null, new Empty()),
  };
  const service = provrpc.ResourceProviderService as unknown as grpc.ServiceDefinition;
  const handlers: grpc.UntypedServiceImplementation = {};
  for (const method of Object.keys(service)) {
    handlers[method] = ((impl as Record<string, unknown>)[method] ??
      ((_call: unknown, cb: grpc.sendUnaryData<unknown>) =>
        cb({
          code: grpc.status.UNIMPLEMENTED,
          details: `${method} is not served by the stand-in`,
        }))) as grpc.UntypedHandleCall;
  }
  const server = new grpc.Server();
  server.addService(service, handlers);
  server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
    if (err) {
      process.stderr.write(`stand-in ${pkg} could not listen: ${err.message}\n`);
      process.exit(1);
    }
    process.stdout.write(`${port}\n`);
  });
  for (const sig of ["SIGINT", "SIGTERM"] as const) process.on(sig, () => process.exit(0));
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.exit(0);
  }, 1000).unref();
}

/**
 * Writes `pulumi-resource-<package>` for every stand-in package into `dir` (made if missing) and returns
 * the `plugins: providers:` entries of a Pulumi.yaml that point at them.
 */
export function cloudPlugins(dir: string): Array<{ name: string; path: string }> {
  fs.mkdirSync(dir, { recursive: true });
  const script = path.join(__dirname, "cloud-stand-in.js");
  return STAND_IN_PACKAGES.map((pkg) => {
    fs.writeFileSync(
      path.join(dir, `pulumi-resource-${pkg}`),
      `#!/bin/sh\nexec "${process.execPath}" "${script}" ${pkg} "$@"\n`,
      { mode: 0o755 },
    );
    return { name: pkg, path: dir };
  });
}

if (require.main === module) {
  const pkg = process.argv[2];
  if (!pkg || !(STAND_IN_PACKAGES as readonly string[]).includes(pkg)) {
    process.stderr.write(`usage: cloud-stand-in.js <${STAND_IN_PACKAGES.join("|")}> <engine address>\n`);
    process.exit(2);
  }
  serve(pkg);
}
