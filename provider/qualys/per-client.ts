/**
 * One API object per shared HTTP client (one token, one concurrency cap) for each resource's endpoints.
 * The HTTP stack is loaded on the first call: the program and `pulumi preview` never call Qualys, and
 * axios is over half of the package's load time, paid in the program's process and the provider's.
 */
import type { ClientSettings } from "./config";
import type { QualysClient } from "./http/client";

/** `make` runs once per shared client; the returned function resolves the client from settings. */
export function perClient<T extends object>(
  make: (client: QualysClient) => T,
): (settings: ClientSettings) => T {
  const apis = new WeakMap<QualysClient, T>();
  // `resolveSettings` hands out the same object while the settings stay the same: the API for it is
  // then found without hashing the settings into the shared client's key on every call.
  const bySettings = new WeakMap<ClientSettings, T>();
  return (settings) => {
    const known = bySettings.get(settings);
    if (known) return known;
    const { sharedClient } = require("./http/client") as typeof import("./http/client");
    const client = sharedClient(settings);
    let api = apis.get(client);
    if (!api) {
      api = make(client);
      apis.set(client, api);
    }
    bySettings.set(settings, api);
    return api;
  };
}
