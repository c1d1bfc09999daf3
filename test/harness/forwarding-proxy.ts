/**
 * A loopback HTTP proxy in front of a Qualys gateway (the simulator, or a real tenant): the provider is
 * pointed at it as its gateway, and it forwards every request unchanged. Tests use it to see the replies
 * exactly as the provider got them (the acceptance run's fidelity report) or to hold a request past the
 * provider's timeout (the fault scenarios). The provider itself is left untouched.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

/** One request and the reply the gateway gave, as forwarded. */
export interface ProxiedExchange {
  method: string;
  /** Path without the query, e.g. `/csapi/v1.3/registry/…/schedule`. */
  path: string;
  query: URLSearchParams;
  /** The request's body (for the observer to follow what was asked; never sent anywhere else). */
  requestBody: string;
  /** The gateway's status; 0 when it gave no reply (connection failed). */
  status: number;
  /** Reply headers, names in lower case. */
  headers: Record<string, string>;
  body: string;
}

export interface ForwardingProxyOptions {
  /** How long to hold this request before forwarding it (then the client's connection is dropped); undefined forwards it at once. */
  hold?: (method: string, path: string) => number | undefined;
  /** Sees every exchange forwarded at once, after its reply went back. Never throws into the proxy. */
  observe?: (exchange: ProxiedExchange) => void;
}

export interface ForwardingProxy {
  /** `http://127.0.0.1:<port>`: give this to the provider as its gateway. */
  url: string;
  /** How many requests were held so far. */
  held(): number;
  close(): Promise<void>;
}

/** Hop-by-hop and length headers: the proxy's own connections set them. */
const REQUEST_SKIP = new Set(["host", "connection", "content-length", "keep-alive", "transfer-encoding"]);
const REPLY_SKIP = new Set([
  "content-length",
  "transfer-encoding",
  "connection",
  "content-encoding",
  "keep-alive",
]);

/** Forwards everything to `target` (a gateway base URL, with any path prefix it has). */
export async function startForwardingProxy(
  target: string,
  opts: ForwardingProxyOptions = {},
): Promise<ForwardingProxy> {
  const base = target.replace(/\/+$/, "");
  let held = 0;
  const forward = (method: string, url: string, headers: http.IncomingHttpHeaders, body: Buffer) => {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(headers)) {
      if (v === undefined || REQUEST_SKIP.has(k)) continue;
      out[k] = Array.isArray(v) ? v.join(", ") : v;
    }
    // Never follow a redirect: the provider does not either, and must see it.
    return fetch(`${base}${url}`, {
      method,
      headers: out,
      body: body.length > 0 ? body : undefined,
      redirect: "manual",
    });
  };
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const method = req.method ?? "GET";
      const url = req.url ?? "/";
      const [pathOnly, queryText = ""] = url.split(/\?(.*)/s, 2);
      const holdMs = opts.hold?.(method, pathOnly);
      if (holdMs !== undefined) {
        held += 1;
        setTimeout(() => {
          forward(method, url, req.headers, body)
            .then((r) => r.arrayBuffer())
            .catch(() => undefined)
            .finally(() => res.destroy());
        }, holdMs);
        return;
      }
      const seen = (status: number, headers: Record<string, string>, text: string) => {
        try {
          opts.observe?.({
            method,
            path: pathOnly,
            query: new URLSearchParams(queryText),
            requestBody: body.toString("utf8"),
            status,
            headers,
            body: text,
          });
        } catch {
          // An observer never breaks the traffic it watches.
        }
      };
      forward(method, url, req.headers, body)
        .then(async (r) => {
          const bytes = Buffer.from(await r.arrayBuffer());
          const headers: Record<string, string> = {};
          r.headers.forEach((v, k) => {
            if (!REPLY_SKIP.has(k)) headers[k] = v;
          });
          res.writeHead(r.status, { ...headers, "content-length": String(bytes.length) });
          res.end(bytes);
          seen(r.status, headers, bytes.toString("utf8"));
        })
        .catch(() => {
          res.destroy();
          seen(0, {}, "");
        });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    held: () => held,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
