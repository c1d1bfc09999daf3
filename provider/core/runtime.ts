/**
 * The provider functions of one resource (`configure`, `check`, `diff`, `create`, `read`, `update`,
 * `delete`), built from its handlers. Each resource exports them from its own stable subpath
 * (`schedule/runtime-v1.ts` is `pulumi-qualys-cs/provider-runtime/v1`): state stores only a
 * `require()` of that subpath, so refresh and destroy always run the installed code.
 */
import type * as pulumi from "@pulumi/pulumi";

import { AuthFailedEarlierError, ProviderBugError, QualysError, SameFailureError } from "../errors";
import { resolveSettings, type ClientSettings, type ConfigSource } from "../qualys/config";
import type { CheckOutcome } from "./check";
import type { DiffPlan } from "./plan";
import { providerOnlyChange } from "./plan";
import { registerSecrets } from "../qualys/redact";
import { PROVIDER_KEY, secretValues, type ResourceDefinition } from "./properties";

type Props = Record<string, unknown>;

/** What a resource supplies; the runtime adds settings, the stored-provider rewrite and error handling. */
export interface ResourceHandlers<Api> {
  resource: ResourceDefinition;
  /** The resource's API over the shared Qualys client for these settings. */
  api(settings: ClientSettings): Api;
  /** Validates and canonicalizes; pure. */
  check(news: Props): CheckOutcome;
  /** Plans update versus replace; pure. */
  diff(olds: Props, news: Props): DiffPlan;
  create(api: Api, inputs: Props): Promise<{ id: string; outs: Props }>;
  read(api: Api, id: string, props: Props | undefined): Promise<pulumi.dynamic.ReadResult<Props>>;
  /** Returns the complete outputs. */
  update(api: Api, id: string, olds: Props, news: Props): Promise<Props>;
  delete(api: Api, id: string, props: Props): Promise<void>;
}

/** The functions a resource's stable runtime subpath exports. */
export interface ResourceRuntime {
  configure: (req: pulumi.dynamic.ConfigureRequest) => Promise<void>;
  check: (olds: Props, news: Props) => Promise<pulumi.dynamic.CheckResult<Props>>;
  diff: (id: string, olds: Props, news: Props) => Promise<pulumi.dynamic.DiffResult>;
  create: (inputs: Props) => Promise<pulumi.dynamic.CreateResult<Props>>;
  read: (id: string, props?: Props) => Promise<pulumi.dynamic.ReadResult<Props>>;
  update: (id: string, olds: Props, news: Props) => Promise<pulumi.dynamic.UpdateResult<Props>>;
  delete: (id: string, props: Props) => Promise<void>;
}

/**
 * For a failed `check`, `diff`, `read` or `delete`, the dynamic provider host of `@pulumi/pulumi`
 * (node_modules/@pulumi/pulumi/cmd/dynamic-provider/index.js) prints `${e}: ${e.stack}` to stderr
 * before returning the error to the engine, which prints its message under the resource. For an
 * expected failure (bad credentials, unreachable gateway, a Running schedule, …) that print repeats
 * the message with a doubled `Name: message` prefix and a stack trace, once per resource; the engine
 * shows it as a message of the stack. This drops exactly that print for errors of this package that
 * are not bugs (a `ProviderBugError` keeps its stack trace): the message then appears once, under the
 * resource that failed. Any other output of the process is untouched.
 */
/** Echoes to drop, with how many times each is expected (one error can fail several resources). */
const hostEchoes = new Map<string, number>();
let echoFilterInstalled = false;

function expectedFailure(err: unknown): err is QualysError {
  return err instanceof QualysError && !(err instanceof ProviderBugError);
}

function withoutHostEcho(err: unknown): unknown {
  if (!expectedFailure(err)) return err;
  if (!echoFilterInstalled) {
    echoFilterInstalled = true;
    const print = console.error.bind(console);
    console.error = (...args: unknown[]): void => {
      const pending = args.length === 1 && typeof args[0] === "string" ? hostEchoes.get(args[0]) : undefined;
      if (pending === undefined) {
        print(...args);
      } else if (pending > 1) {
        hostEchoes.set(args[0] as string, pending - 1);
      } else {
        hostEchoes.delete(args[0] as string);
      }
    };
  }
  const echo = `${String(err)}: ${err.stack ?? ""}`;
  hostEchoes.set(echo, (hostEchoes.get(echo) ?? 0) + 1);
  // The host prints right after the rejection; an echo never printed must not linger.
  setTimeout(() => hostEchoes.delete(echo), 10_000).unref();
  return err;
}

/**
 * Where each failure met in this process was shown in full: by `sameFailureKey()`, else by the error
 * object (one batched listing rejects every resource that shared it with the same error).
 */
const shownByKey = new Map<string, string>();
const shownByError = new WeakMap<object, string>();

/**
 * The error a resource (`label`) reports: the first resource to meet a failure shows it in full; the
 * others a `SameFailureError` naming that resource. A request not sent because the credentials were
 * rejected earlier (`AuthFailedEarlierError`) shows the rejection itself when no resource has shown it
 * yet: it may have happened inside a listing shared by every resource, which belongs to none of them.
 */
function shownOnce(err: unknown, label: string): unknown {
  if (!expectedFailure(err)) return err;
  const full = err instanceof AuthFailedEarlierError && err.cause instanceof QualysError ? err.cause : err;
  const key = full.sameFailureKey();
  const shownUnder = key === undefined ? shownByError.get(full) : shownByKey.get(key);
  if (shownUnder !== undefined && shownUnder !== label) {
    return new SameFailureError({ resource: label, shownUnder, first: full });
  }
  if (key === undefined) shownByError.set(full, label);
  else shownByKey.set(key, label);
  return full;
}

/** Forgets where failures were shown: a new run (tests run several in one process). @internal */
export function forgetShownFailures(): void {
  shownByKey.clear();
}

/** How failure messages name a resource: its type, its `name` property when it has one, and its ID. */
function resourceLabel(typeName: string, id: string | undefined, props: Props | undefined): string {
  const name = typeof props?.name === "string" ? ` ${JSON.stringify(props.name)}` : "";
  return `${typeName}${name}${id === undefined ? "" : ` (${id})`}`;
}

/** The engine's config (the whole stack config, decrypted); one per process, shared by every resource. */
let configSource: ConfigSource | undefined;

/**
 * Where every resource of this process reads its settings (then the environment, `qualys/config.ts`):
 * the dynamic provider host's stack config (`configure` below), or the provider plugin's `Configure`
 * arguments (plugin/server.ts). The engine runs one process per provider, so one source per process.
 */
export function useSettingsSource(source: ConfigSource): void {
  configSource = source;
}

/** This process's settings, resolved and validated now (a `ConfigError` names what is missing). */
export function currentSettings(): ClientSettings {
  return resolveSettings(configSource);
}

/** Builds the provider functions of one resource. */
export function resourceRuntime<Api>(handlers: ResourceHandlers<Api>): ResourceRuntime {
  // Settings resolve on the first API call, so `pulumi preview` of new resources needs no credentials.
  const api = (): Api => handlers.api(currentSettings());
  const { typeName, properties } = handlers.resource;
  /** Whatever the table marks secret is removed from every message of this process (qualys/redact.ts). */
  const secretsOf = (...props: Array<Props | undefined>): void =>
    registerSecrets(secretValues(properties, ...props));
  /**
   * Runs one call at Qualys for a resource; its failure is shown once (`shownOnce`), and not echoed
   * by the host where it prints failures itself (`hostEchoes`: read and delete).
   */
  const failingOnce = async <T>(label: string, run: () => Promise<T>, hostEchoes = false): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      const shown = shownOnce(err, label);
      throw hostEchoes ? withoutHostEcho(shown) : shown;
    }
  };
  const guarded = <T>(operation: string, run: () => T): T => {
    try {
      return run();
    } catch (cause) {
      throw new ProviderBugError({ operation, resourceType: handlers.resource.typeName, cause });
    }
  };
  return {
    configure(req) {
      const config = req.config;
      useSettingsSource((key) => config.get(key));
      return Promise.resolve();
    },
    check(_olds, news) {
      secretsOf(news);
      return Promise.resolve(
        guarded("check", () => {
          const { inputs, failures } = handlers.check(news);
          return failures.length > 0 ? { inputs, failures } : { inputs };
        }),
      );
    },
    diff(_id, olds, news) {
      secretsOf(olds, news);
      return Promise.resolve(guarded("diff", () => handlers.diff(olds, news)));
    },
    create(inputs) {
      secretsOf(inputs);
      return failingOnce(resourceLabel(typeName, undefined, inputs), () => handlers.create(api(), inputs));
    },
    read(id, props) {
      secretsOf(props);
      return failingOnce(resourceLabel(typeName, id, props), () => handlers.read(api(), id, props), true);
    },
    async update(id, olds, news) {
      secretsOf(olds, news);
      if (providerOnlyChange(handlers.resource, olds, news)) {
        // Only the stored provider changed: the engine adds the new one to these outputs; nothing at Qualys changes.
        const { [PROVIDER_KEY]: _stored, ...outs } = olds;
        return { outs };
      }
      return {
        outs: await failingOnce(resourceLabel(typeName, id, news), () =>
          handlers.update(api(), id, olds, news),
        ),
      };
    },
    delete(id, props) {
      secretsOf(props);
      return failingOnce(resourceLabel(typeName, id, props), () => handlers.delete(api(), id, props), true);
    },
  };
}

/**
 * A resource's provider as a class whose methods can be called directly (tests, policy tooling): each
 * resource's `…Provider` class extends it with its runtime. `create`, `read`, `update` and `delete` call
 * Qualys with the settings given to `configure`, or else from the `QUALYS_*` environment variables;
 * `check` and `diff` are pure.
 */
export class RuntimeProvider implements pulumi.dynamic.ResourceProvider<Props, Props> {
  readonly #runtime: ResourceRuntime;

  constructor(runtime: ResourceRuntime) {
    this.#runtime = runtime;
  }
  configure(req: pulumi.dynamic.ConfigureRequest): Promise<void> {
    return this.#runtime.configure(req);
  }
  check(olds: Props, news: Props): Promise<pulumi.dynamic.CheckResult<Props>> {
    return this.#runtime.check(olds, news);
  }
  diff(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.DiffResult> {
    return this.#runtime.diff(id, olds, news);
  }
  create(inputs: Props): Promise<pulumi.dynamic.CreateResult<Props>> {
    return this.#runtime.create(inputs);
  }
  read(id: string, props?: Props): Promise<pulumi.dynamic.ReadResult<Props>> {
    return this.#runtime.read(id, props);
  }
  update(id: string, olds: Props, news: Props): Promise<pulumi.dynamic.UpdateResult<Props>> {
    return this.#runtime.update(id, olds, news);
  }
  delete(id: string, props: Props): Promise<void> {
    return this.#runtime.delete(id, props);
  }
}
