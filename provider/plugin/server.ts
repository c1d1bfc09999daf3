/**
 * The provider plugin's gRPC service (`pulumirpc.ResourceProvider`), over the service definitions that
 * `@pulumi/pulumi` generates, serving `qualys-cs:index:RegistryScanSchedule` and `qualys-cs:index:Registry`
 * with the very functions the dynamic resources run (each resource's `runtime-v1.ts`, built by
 * core/runtime.ts): one check, diff, create, read, update and delete. What is the plugin's own is the
 * protocol around them: settings from `Configure`, secret wrappers kept (plugin/values.ts), the
 * resource name from the URN, a detailed diff, `pulumi import`'s empty read, and errors as the engine
 * shows them. Why not the SDK's `provider.main`: it drops `Configure`'s arguments and fails on an
 * import's read (docs/languages.md, "How the plugin is built").
 *
 * The resources' code is loaded on the first call that needs it, so that the engine's first requests
 * (handshake, plugin info, schema) are answered without loading the Qualys client.
 */
import * as grpc from "@grpc/grpc-js";
import { Any } from "google-protobuf/google/protobuf/any_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as plugproto from "@pulumi/pulumi/proto/plugin_pb";
import * as provproto from "@pulumi/pulumi/proto/provider_pb";
import * as provrpc from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as statusproto from "@pulumi/pulumi/proto/status_pb";

import type { ResourceRuntime } from "../core/runtime";
import type { ResourceDefinition } from "../core/properties";
import { pluginToken, withPluginSettingNames } from "./settings";
import { defined, keepSecret, reveal, secretKeys } from "./values";

type Props = Record<string, unknown>;
type Unary<Req, Res> = grpc.handleUnaryCall<Req, Res>;

/** A resource the plugin serves: its table and the functions of its stable runtime subpath. */
interface Served {
  definition: ResourceDefinition;
  runtime: ResourceRuntime;
}

/** The resources by type token, loaded once. */
let served: Map<string, Served> | undefined;
function resources(): Map<string, Served> {
  served ??= new Map<string, Served>([
    [
      pluginToken("RegistryScanSchedule"),
      {
        definition: (require("../schedule/properties") as typeof import("../schedule/properties")).SCHEDULE,
        runtime: require("../schedule/runtime-v1") as ResourceRuntime,
      },
    ],
    [
      pluginToken("Registry"),
      {
        definition: (require("../registry/properties") as typeof import("../registry/properties")).REGISTRY,
        runtime: require("../registry/runtime-v1") as ResourceRuntime,
      },
    ],
  ]);

  return served;
}

/** An error the engine shows under the resource: a type the plugin does not know. */
class UnknownTypeError extends Error {
  constructor(type: string) {
    super(
      `The qualys-cs plugin has no resource or function ${JSON.stringify(type)}: it serves ` +
        `${[...resources().keys(), pluginToken("getRegistry"), pluginToken("getAwsBase")].join(", ")}. ` +
        `Check the type token, and that the plugin and the SDK are of the same version.`,
    );
    this.name = "UnknownTypeError";
  }
}

function servedFor(urn: string, type?: string): Served {
  const token = type || typeOfUrn(urn);
  const found = resources().get(token);
  if (!found) throw new UnknownTypeError(token);
  return found;
}

/** `urn:pulumi:<stack>::<project>::<type>::<name>`: the type is the third part, the name the rest. */
function urnParts(urn: string): { type: string; name: string } {
  const parts = urn.split("::");
  const type = (parts[2] ?? "").split("$").pop() ?? "";
  return { type, name: parts.slice(3).join("::") };
}
function typeOfUrn(urn: string): string {
  return urnParts(urn).type;
}

function toJs(s: Struct | undefined): Props | undefined {
  return s ? s.toJavaScript() : undefined;
}
function toStruct(props: Props): Struct {
  return Struct.fromJavaScript(defined(props) as Parameters<typeof Struct.fromJavaScript>[0]);
}

/** The table's secret properties: kept secret in whatever the plugin returns, however they arrived. */
function tableSecrets(definition: ResourceDefinition): string[] {
  return Object.entries(definition.properties)
    .filter(([, spec]) => spec.secret === true)
    .map(([name]) => name);
}

/** What stays secret in what is returned: the table's secrets and whatever arrived secret. */
function secretsOf(definition: ResourceDefinition, ...sources: (Props | undefined)[]): Set<string> {
  return new Set([...tableSecrets(definition), ...sources.flatMap((s) => secretKeys(s))]);
}

/** An expected failure (a named error of this package, not a bug) shows its message only. */
function isExpected(err: unknown): err is Error {
  if (!(err instanceof Error)) return false;
  const { QualysError, ProviderBugError } = require("../errors") as typeof import("../errors");
  return (
    (err instanceof QualysError && !(err instanceof ProviderBugError)) || err instanceof UnknownTypeError
  );
}

/**
 * The gRPC error the engine prints under the resource: the message once, with the plugin's setting
 * names; a stack trace only for a bug. An error carrying `id` (a create that made the resource but did
 * not finish, errors/partial-create-error.ts) is sent as `ErrorResourceInitFailed`, so that the engine
 * records the resource instead of forgetting it, as the dynamic provider host does.
 */
function grpcError(err: unknown, secrets: Set<string> = new Set()): Partial<grpc.StatusObject> {
  const message = withPluginSettingNames(
    isExpected(err) ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err),
  );
  const metadata = new grpc.Metadata();
  const partial = err as { id?: unknown; properties?: unknown; reasons?: unknown };
  if (err instanceof Error && typeof partial.id === "string" && partial.id !== "") {
    const detail = new provproto.ErrorResourceInitFailed();
    detail.setId(partial.id);
    const props = (partial.properties ?? {}) as Props;
    detail.setProperties(toStruct(keepSecret(props, secrets)));
    detail.setReasonsList(Array.isArray(partial.reasons) ? partial.reasons.map(String) : []);
    const any = new Any();
    any.pack(detail.serializeBinary(), "pulumirpc.ErrorResourceInitFailed");
    const status = new statusproto.Status();
    status.setCode(grpc.status.UNKNOWN);
    status.setMessage(message);
    status.addDetails(any);
    metadata.add("grpc-status-details-bin", Buffer.from(status.serializeBinary()));
  }
  return { code: grpc.status.UNKNOWN, details: message, metadata };
}

/** A unary handler from an async function; any failure becomes the engine's error. */
function unary<Req, Res>(
  run: (req: Req) => Promise<Res>,
  secrets?: (req: Req) => Set<string>,
): Unary<Req, Res> {
  return (call, callback) => {
    run(call.request).then(
      (res) => callback(null, res),
      (err: unknown) => {
        let keep: Set<string> | undefined;
        try {
          keep = secrets?.(call.request);
        } catch {
          keep = undefined;
        }
        callback(grpcError(err, keep));
      },
    );
  };
}

function unimplemented<Req, Res>(name: string): Unary<Req, Res> {
  return (_call, callback) =>
    callback({ code: grpc.status.UNIMPLEMENTED, details: `${name} is not implemented` });
}

/** What the service needs from outside: the version, the schema, and where settings go. */
export interface PluginOptions {
  /** The package's version: the plugin's version. */
  version: string;
  /** The package schema as JSON text. */
  schema: () => string;
}

/** The service implementation. */
export function providerService(options: PluginOptions): provrpc.IResourceProviderServer {
  const { version } = options;

  const configure = async (req: provproto.ConfigureRequest): Promise<provproto.ConfigureResponse> => {
    const args = toJs(req.getArgs()) ?? {};
    const asked = reveal(args.version);
    if (typeof asked === "string" && asked !== "" && asked.replace(/^v/, "") !== version) {
      const { VersionMismatchError } = await import("../errors/version-mismatch-error");
      throw new VersionMismatchError({ plugin: version, asked: asked.replace(/^v/, "") });
    }
    const { settingsFromArgs } = await import("./settings");
    const { useSettingsSource } = await import("../core/runtime");
    useSettingsSource(settingsFromArgs(args));
    const res = new provproto.ConfigureResponse();
    res.setAcceptsecrets(true);
    res.setSupportspreview(false);
    res.setAcceptresources(false);
    res.setAcceptoutputs(false);
    return res;
  };

  const check = async (req: provproto.CheckRequest): Promise<provproto.CheckResponse> => {
    const { definition, runtime } = servedFor(req.getUrn(), req.getType());
    const news = toJs(req.getNews()) ?? {};
    const secrets = secretsOf(definition, news);
    const plain = reveal(news) as Props;
    // The resource class fills a `resourceName` input from the Pulumi name (core/properties.ts); here the
    // engine's request carries the name.
    const name = req.getName() || urnParts(req.getUrn()).name;
    for (const [key, spec] of Object.entries(definition.properties)) {
      if (spec.kind === "input" && spec.presence === "resourceName" && plain[key] === undefined)
        plain[key] = name;
    }
    const olds = reveal(toJs(req.getOlds()) ?? {}) as Props;
    const result = await runtime.check(olds, plain);
    const res = new provproto.CheckResponse();
    res.setInputs(toStruct(keepSecret(result.inputs ?? {}, secrets)));
    res.setFailuresList(
      (result.failures ?? []).map((f) => {
        const failure = new provproto.CheckFailure();
        failure.setProperty(String(f.property));
        failure.setReason(withPluginSettingNames(f.reason));
        return failure;
      }),
    );
    return res;
  };

  const diff = async (req: provproto.DiffRequest): Promise<provproto.DiffResponse> => {
    const { definition, runtime } = servedFor(req.getUrn(), req.getType());
    const olds = reveal(toJs(req.getOlds()) ?? {}) as Props;
    const news = reveal(toJs(req.getNews()) ?? {}) as Props;
    const plan = await runtime.diff(req.getId(), olds, news);
    const { changedInputs } = await import("../core/plan");
    const changed = plan.changes ? changedInputs(definition, olds, news) : [];
    const replaces = new Set(plan.replaces ?? []);
    const res = new provproto.DiffResponse();
    res.setChanges(
      plan.changes
        ? provproto.DiffResponse.DiffChanges.DIFF_SOME
        : provproto.DiffResponse.DiffChanges.DIFF_NONE,
    );
    res.setReplacesList([...replaces]);
    res.setDeletebeforereplace(plan.deleteBeforeReplace ?? false);
    res.setDiffsList(changed);
    res.setHasdetaileddiff(true);
    const K = provproto.PropertyDiff.Kind;
    for (const key of changed) {
      const before = olds[key] !== undefined && olds[key] !== null;
      const after = news[key] !== undefined && news[key] !== null;
      const replace = replaces.has(key);
      const kind = !before
        ? replace
          ? K.ADD_REPLACE
          : K.ADD
        : !after
          ? replace
            ? K.DELETE_REPLACE
            : K.DELETE
          : replace
            ? K.UPDATE_REPLACE
            : K.UPDATE;
      const d = new provproto.PropertyDiff();
      d.setKind(kind);
      d.setInputdiff(true);
      res.getDetaileddiffMap().set(key, d);
    }
    return res;
  };

  const create = async (req: provproto.CreateRequest): Promise<provproto.CreateResponse> => {
    const { runtime } = servedFor(req.getUrn(), req.getType());
    const inputs = reveal(toJs(req.getProperties()) ?? {}) as Props;
    const { id, outs } = await runtime.create(inputs);
    const res = new provproto.CreateResponse();
    res.setId(id);
    res.setProperties(toStruct(keepSecret(outs ?? {}, createSecrets(req))));
    return res;
  };
  const createSecrets = (req: provproto.CreateRequest): Set<string> =>
    secretsOf(servedFor(req.getUrn(), req.getType()).definition, toJs(req.getProperties()));

  const read = async (req: provproto.ReadRequest): Promise<provproto.ReadResponse> => {
    const { definition, runtime } = servedFor(req.getUrn(), req.getType());
    const stored = toJs(req.getProperties());
    const storedInputs = toJs(req.getInputs());
    const secrets = secretsOf(definition, stored, storedInputs);
    // `pulumi import` reads with no properties at all: adopt by ID (the dynamic path cannot).
    const props = stored && Object.keys(stored).length > 0 ? (reveal(stored) as Props) : undefined;
    const found = await runtime.read(req.getId(), props);
    const res = new provproto.ReadResponse();
    if (!found.id) return res; // gone: refresh drops it
    res.setId(found.id);
    res.setProperties(toStruct(keepSecret(found.props ?? {}, secrets)));
    if (found.inputs) res.setInputs(toStruct(keepSecret(found.inputs, secrets)));
    return res;
  };

  const update = async (req: provproto.UpdateRequest): Promise<provproto.UpdateResponse> => {
    const { definition, runtime } = servedFor(req.getUrn(), req.getType());
    const olds = toJs(req.getOlds()) ?? {};
    const news = toJs(req.getNews()) ?? {};
    const { outs } = await runtime.update(req.getId(), reveal(olds) as Props, reveal(news) as Props);
    const res = new provproto.UpdateResponse();
    res.setProperties(toStruct(keepSecret(outs ?? {}, secretsOf(definition, news))));
    return res;
  };

  const remove = async (req: provproto.DeleteRequest): Promise<Empty> => {
    const { runtime } = servedFor(req.getUrn(), req.getType());
    await runtime.delete(req.getId(), reveal(toJs(req.getProperties()) ?? {}) as Props);
    return new Empty();
  };

  const invoke = async (req: provproto.InvokeRequest): Promise<provproto.InvokeResponse> => {
    const args = reveal(toJs(req.getArgs()) ?? {}) as Props;
    const { invokeFunction } = await import("./functions");
    const res = new provproto.InvokeResponse();
    res.setReturn(toStruct((await invokeFunction(req.getTok(), args)) ?? {}));
    return res;
  };

  // Provider settings: kept as given (secrets stay wrapped); checked when first used, as with the dynamic
  // resources, so that a preview of new resources needs no credentials.
  const checkConfig = async (req: provproto.CheckRequest): Promise<provproto.CheckResponse> => {
    const res = new provproto.CheckResponse();
    res.setInputs(req.getNews() ?? new Struct());
    return Promise.resolve(res);
  };
  // A change of settings (another gateway, a rotated password) replaces no resource.
  const diffConfig = async (req: provproto.DiffRequest): Promise<provproto.DiffResponse> => {
    const olds = reveal(toJs(req.getOlds()) ?? {}) as Props;
    const news = reveal(toJs(req.getNews()) ?? {}) as Props;
    const { sameValue } = await import("../core/values");
    const keys = [...new Set([...Object.keys(olds), ...Object.keys(news)])].filter(
      (k) => !sameValue(olds[k], news[k]),
    );
    const res = new provproto.DiffResponse();
    res.setChanges(
      keys.length > 0
        ? provproto.DiffResponse.DiffChanges.DIFF_SOME
        : provproto.DiffResponse.DiffChanges.DIFF_NONE,
    );
    res.setDiffsList(keys);
    return res;
  };

  return {
    handshake: unimplemented("Handshake"),
    parameterize: unimplemented("Parameterize"),
    getSchema: unary(async (req: provproto.GetSchemaRequest) => {
      if (req.getVersion() > 0) throw new Error(`schema version ${req.getVersion()} is not supported`);
      const res = new provproto.GetSchemaResponse();
      res.setSchema(options.schema());
      return Promise.resolve(res);
    }),
    checkConfig: unary(checkConfig),
    diffConfig: unary(diffConfig),
    configure: unary(configure),
    invoke: unary(invoke),
    call: unimplemented("Call"),
    check: unary(check),
    diff: unary(diff),
    create: unary(create, createSecrets),
    read: unary(read),
    list: (call) =>
      call.emit("error", { code: grpc.status.UNIMPLEMENTED, details: "List is not implemented" }),
    update: unary(update),
    delete: unary(remove),
    construct: unimplemented("Construct"),
    // Nothing to stop: every request has its own timeout (qualys/http/client.ts).
    cancel: unary(() => Promise.resolve(new Empty())),
    getPluginInfo: unary(() => {
      const info = new plugproto.PluginInfo();
      info.setVersion(version);
      return Promise.resolve(info);
    }),
    attach: unimplemented("Attach"),
    getMapping: unimplemented("GetMapping"),
    getMappings: unimplemented("GetMappings"),
  };
}

/** Serves the provider on a loopback port; resolves with the port (which the caller prints). */
export async function serve(options: PluginOptions): Promise<{ port: number; server: grpc.Server }> {
  const server = new grpc.Server({
    // As the SDK's own servers: the engine sends large requests for big stacks.
    "grpc.max_receive_message_length": 400 * 1024 * 1024,
  });
  server.addService(provrpc.ResourceProviderService, providerService(options));
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) =>
      err ? reject(err) : resolve(p),
    ),
  );
  return { port, server };
}
