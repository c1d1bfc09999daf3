// The control API over HTTP, under /__control/: the same operations as SimulatorControl, for
// processes that did not start the simulator. Not logged, not rate limited, never faulted.
import type { z } from "zod";
import {
  ConnectorSchema,
  CreateSchema,
  FaultSchema,
  PatchSchema,
  RegistryPatchSchema,
  RegistrySchema,
  RepositoriesSchema,
  SettingsSchema,
  StatusSchema,
} from "./control-schemas";
import { errorReply, fromError, HttpError, json, type Reply } from "./reply";
import type { SimulatorControl } from "./types";

function parse<T>(schema: z.ZodType<T>, body: string): T {
  let raw: unknown;
  try {
    raw = body === "" ? {} : JSON.parse(body);
  } catch {
    throw new HttpError(400, "control: body is not valid JSON");
  }
  const r = schema.safeParse(raw);
  if (!r.success) {
    throw new HttpError(
      400,
      `control: ${r.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`,
    );
  }
  return r.data;
}

/** Runs a control operation that returns nothing and answers 200. */
function run(fn: () => void): Reply {
  fn();
  return json(200, { ok: true });
}

export function handleControl(
  c: SimulatorControl,
  method: string,
  path: string,
  query: URLSearchParams,
  body: string,
): Reply {
  try {
    const parts = path.slice("/__control/".length).split("/").map(decodeURIComponent);
    const route = `${method} ${parts[0]}`;
    if (parts[0] === "schedules" && parts.length === 3) {
      const [, registryId = "", uuid = ""] = parts; // both present: the length is 3
      if (method === "DELETE") return run(() => c.deleteSchedule(registryId, uuid));
      if (method === "PATCH") return run(() => c.patchSchedule(registryId, uuid, parse(PatchSchema, body)));
      return errorReply(405, `control: ${method} not supported here`, { Allow: "DELETE, PATCH" });
    }
    if (parts[0] === "registries" && parts.length === 2) {
      const [, registryUuid = ""] = parts; // present: the length is 2
      if (method === "DELETE") return run(() => c.deleteRegistry(registryUuid));
      if (method === "PATCH") {
        return run(() => c.patchRegistry(registryUuid, parse(RegistryPatchSchema, body)));
      }
      return errorReply(405, `control: ${method} not supported here`, { Allow: "DELETE, PATCH" });
    }
    if (parts.length !== 1) return errorReply(404, `control: no endpoint ${method} ${path}`);
    switch (route) {
      case "POST reset":
        return run(() => c.reset());
      case "GET schedules":
        return json(200, c.schedules(query.get("registryId") ?? undefined));
      case "POST schedules": {
        const { registryId, body: scheduleBody } = parse(CreateSchema, body);
        return json(201, c.createSchedule(registryId, scheduleBody));
      }
      case "POST status": {
        const s = parse(StatusSchema, body);
        return run(() => c.setStatus(s.registryId, s.scheduleUuid, s.status));
      }
      case "GET requests":
        return json(200, c.requests());
      case "DELETE requests":
        return run(() => c.clearRequests());
      case "POST faults":
        return run(() => c.injectFault(parse(FaultSchema, body)));
      case "DELETE faults":
        return run(() => c.clearFaults());
      case "GET registries":
        return json(200, c.registries());
      case "POST registries": {
        const r = parse(RegistrySchema, body);
        if ("body" in r) return json(201, c.createRegistry(r.body));
        return run(() => c.addRegistry(r.id, r.type, { uri: r.uri, name: r.name }));
      }
      case "GET repositories":
        return json(200, c.repositories(query.get("registryId") ?? ""));
      case "POST repositories": {
        const r = parse(RepositoriesSchema, body);
        return run(() => c.addRepositories(r.registryId, r.repositories));
      }
      case "GET connectors":
        return json(200, c.connectors());
      case "POST connectors":
        return json(201, c.addConnector(parse(ConnectorSchema, body)));
      case "POST settings":
        return run(() => c.configure(parse(SettingsSchema, body)));
      case "POST expire-tokens":
        return run(() => c.expireTokens());
      default:
        return errorReply(404, `control: no endpoint ${method} ${path}`);
    }
  } catch (e) {
    if (e instanceof URIError) return errorReply(400, "control: malformed path");
    if (e instanceof SyntaxError) return errorReply(400, `control: ${e.message}`);
    return fromError(e);
  }
}
