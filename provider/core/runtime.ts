/**
 * The provider functions of one resource (`configure`, `check`, `diff`, `create`, `read`, `update`,
 * `delete`), built from its handlers. Each resource exports them from its own stable subpath
 * (`schedule/runtime-v1.ts` is `pulumi-qualys-cs/provider-runtime/v1`): state stores only a
 * `require()` of that subpath, so refresh and destroy always run the installed code.
 */
import type * as pulumi from "@pulumi/pulumi";

import { ProviderBugError } from "../errors/provider-bug-error";
import { resolveSettings, type ClientSettings, type ConfigSource } from "../qualys/config";
import type { CheckOutcome } from "./check";
import type { DiffPlan } from "./plan";
import { providerOnlyChange } from "./plan";
import { PROVIDER_KEY, type ResourceDefinition } from "./properties";

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

/** The engine's config (the whole stack config, decrypted); one per process, shared by every resource. */
let configSource: ConfigSource | undefined;

/** Builds the provider functions of one resource. */
export function resourceRuntime<Api>(handlers: ResourceHandlers<Api>): ResourceRuntime {
  // Settings resolve on the first API call, so `pulumi preview` of new resources needs no credentials.
  const api = (): Api => handlers.api(resolveSettings(configSource));
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
      configSource = (key) => config.get(key);
      return Promise.resolve();
    },
    check(_olds, news) {
      return Promise.resolve(
        guarded("check", () => {
          const { inputs, failures } = handlers.check(news);
          return failures.length > 0 ? { inputs, failures } : { inputs };
        }),
      );
    },
    diff(_id, olds, news) {
      return Promise.resolve(guarded("diff", () => handlers.diff(olds, news)));
    },
    create(inputs) {
      return handlers.create(api(), inputs);
    },
    read(id, props) {
      return handlers.read(api(), id, props);
    },
    async update(id, olds, news) {
      if (providerOnlyChange(handlers.resource, olds, news)) {
        // Only the stored provider changed: the engine adds the new one to these outputs; nothing at Qualys changes.
        const { [PROVIDER_KEY]: _stored, ...outs } = olds;
        return { outs };
      }
      return { outs: await handlers.update(api(), id, olds, news) };
    },
    delete(id, props) {
      return handlers.delete(api(), id, props);
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
