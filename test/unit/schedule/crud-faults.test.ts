/**
 * The provider's CRUD against the simulator when replies are malformed: a
 * non-JSON body, JSON of the wrong shape, a create reply with no ID, an empty 200. Each gives a typed
 * error that names the call and what came back, with no credential in it, and no schedule is lost:
 * nothing is created twice, a committed create is adopted, and a read never mistakes a bad reply for
 * "gone" (which would make refresh drop the resource). Also: batched read-backs of many schedules.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";

import { ScheduleApi } from "../../../provider/schedule/api";
import { createSchedule, readSchedule } from "../../../provider/schedule/crud";
import { parseResourceId } from "../../../provider/schedule/wire";
import { MalformedResponseError, QualysError } from "../../../provider/errors";
import { QualysClient } from "../../../provider/qualys/http/client";
import type { ScheduleInputs } from "../../../provider/schedule/types";
import {
  DEMO_PASSWORD,
  DEMO_REGISTRY_ID,
  DEMO_USERNAME,
  startSimulator,
  type RunningSimulator,
} from "../../simulator";
import { simulatorClient } from "../../harness/use-simulator";
import { defined } from "../../harness/assert";

const JWT = /eyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+/;
const SCHEDULES_PATH = `/csapi/v1.3/registry/${DEMO_REGISTRY_ID}/schedule`;

/** Malformed replies: label, status, body, content type, and what the error must show of it. */
const MALFORMED: [string, number, string, string, string][] = [
  [
    "a non-JSON body (an HTML error page)",
    200,
    "<html><body>Gateway maintenance</body></html>",
    "text/html",
    "<html><body>Gateway maintenance",
  ],
  ["JSON of the wrong shape", 200, '{"result":"ok","items":7}', "application/json", '{\\"result\\":\\"ok\\"'],
  ["a JSON array", 200, '[{"id":1}]', "application/json", '[{\\"id\\":1}]'],
  ["an empty 200", 200, "", "application/json", "an empty body"],
];
/** Create replies with no usable ID. */
const NO_ID: [string, number, string, string, string][] = [
  ["a create reply with no ID", 201, "{}", "application/json", '"{}"'],
  ["a create reply with an ID that is not a UUID", 201, '"not-a-uuid"', "application/json", "not-a-uuid"],
];

let sim: RunningSimulator;
let client: QualysClient;
let api: ScheduleApi;

beforeAll(async () => {
  sim = await startSimulator();
});

beforeEach(() => {
  sim.control.reset();
  client = simulatorClient(sim, { timeoutMs: 2000, maxRetries: 2, concurrency: 4, retryBaseMs: 20 });
  api = new ScheduleApi(client);
});

afterEach(() => client.close());

afterAll(async () => {
  await sim?.close();
});

const inputs = (name: string): ScheduleInputs => ({
  registryId: DEMO_REGISTRY_ID,
  name,
  onDemand: false,
  repo: ["team/api"],
  scheduleScanIntervalInDays: 1,
  schedule: "19:30",
  forceScan: false,
});

async function failure(p: Promise<unknown>): Promise<Error> {
  try {
    await p;
  } catch (e) {
    return e as Error;
  }
  throw new Error("expected a failure");
}

function noSecrets(message: string): void {
  expect(message).not.toContain(DEMO_PASSWORD);
  expect(message).not.toMatch(JWT);
}

const posts = () => sim.control.requests().filter((r) => r.method === "POST" && r.path === SCHEDULES_PATH);

/** In front of the simulator: lets it perform a create, then replaces the reply (a committed create, garbled). */
async function garblingProxy(status: number, body: string, contentType: string) {
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(req.headers)) {
        if (typeof v === "string" && !["host", "connection", "content-length"].includes(k)) headers[k] = v;
      }
      const payload = Buffer.concat(chunks);
      fetch(`${sim.url}${req.url ?? "/"}`, {
        method: req.method,
        headers,
        body: payload.length > 0 ? payload : undefined,
      })
        .then(async (r) => {
          const text = await r.text();
          const garble = req.method === "POST" && (req.url ?? "").split("?")[0] === SCHEDULES_PATH;
          const out = garble ? body : text;
          res.writeHead(garble ? status : r.status, {
            "content-type": garble ? contentType : (r.headers.get("content-type") ?? "text/plain"),
            "content-length": String(Buffer.byteLength(out)),
          });
          res.end(out);
        })
        .catch(() => res.destroy());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

describe("a malformed create reply, nothing committed", () => {
  test.each([...MALFORMED, ...NO_ID])(
    "%s: a typed error naming the call and the reply; the POST is not repeated; nothing is created",
    async (_label, status, body, contentType, shown) => {
      sim.control.injectFault({
        kind: "body",
        method: "POST",
        path: "/schedule$",
        status,
        body,
        contentType,
      });
      const err = await failure(createSchedule(api, inputs("garbled")));
      expect(err).toBeInstanceOf(QualysError);
      expect(err.message).toContain(
        `Unexpected reply to create schedule "garbled" in registry ${DEMO_REGISTRY_ID} (POST ${SCHEDULES_PATH})`,
      );
      expect(err.message).toContain(`got ${status} ${contentType}`);
      expect(err.message).toContain(shown);
      expect(err.message).toContain("nothing was created");
      noSecrets(err.message);
      expect(posts()).toHaveLength(1);
      expect(sim.control.schedules()).toEqual([]);
    },
  );
});

describe("a malformed create reply after the schedule was committed", () => {
  test.each([...MALFORMED, ...NO_ID])(
    "%s: the new schedule is adopted, exactly once",
    async (_l, status, body, ct) => {
      const proxy = await garblingProxy(status, body, ct);
      const viaProxy = new QualysClient({
        gatewayUrl: proxy.url,
        username: DEMO_USERNAME,
        password: DEMO_PASSWORD,
        timeoutMs: 2000,
        maxRetries: 2,
        concurrency: 4,
        retryBaseMs: 20,
      });
      try {
        // One schedule of that name exists already (made in the console): it is not ours.
        const theirs = sim.control.createSchedule(DEMO_REGISTRY_ID, {
          name: "committed",
          onDemand: true,
          filters: [{ repoTags: [{ repo: "team/api", tag: null }], days: null }],
        });
        const { id, outs } = await createSchedule(new ScheduleApi(viaProxy), inputs("committed"));
        const all = sim.control.schedules();
        expect(all).toHaveLength(2);
        const ours = all.find((s) => s.scheduleUuid !== theirs.scheduleUuid);
        expect(id).toBe(`${DEMO_REGISTRY_ID}/${ours?.scheduleUuid}`);
        expect(outs).toMatchObject({ scheduleId: ours?.scheduleUuid, name: "committed", schedule: "19:30" });
        expect(posts()).toHaveLength(1);
      } finally {
        viaProxy.close();
        await proxy.close();
      }
    },
  );
});

describe("a malformed list reply on read", () => {
  test.each([
    ...MALFORMED,
    [
      "a schedule without scheduleUuid",
      200,
      '{"count":1,"data":[{"name":"x"}]}',
      "application/json",
      '{\\"count\\":1',
    ],
    ["an object with neither count nor data", 200, "{}", "application/json", '"{}"'],
  ] as [string, number, string, string, string][])(
    "%s, every time it is asked: a MalformedResponseError naming the list call; never read as gone",
    async (_l, status, body, contentType, shown) => {
      const { id } = await createSchedule(api, inputs("kept"));
      // Every reply is bad: the registry's listing and its two repeats, then the look-up by ID the
      // read falls back to and its two repeats.
      sim.control.injectFault({
        kind: "body",
        method: "GET",
        path: "/schedule$",
        status,
        body,
        contentType,
        times: 6,
      });
      const err = await failure(readSchedule(api, id));
      expect(err).toBeInstanceOf(MalformedResponseError);
      expect(err.message).toContain(`Unexpected reply to list schedules of registry ${DEMO_REGISTRY_ID}`);
      expect(err.message).toContain(`GET ${SCHEDULES_PATH}`);
      expect(err.message).toContain(shown);
      noSecrets(err.message);
      // The schedule is still there, and the next read finds it.
      expect(sim.control.schedules()).toHaveLength(1);
      expect((await readSchedule(api, id)).id).toBe(id);
    },
  );

  test.each(MALFORMED)(
    "%s once: asked for again, and the read succeeds",
    async (_l, status, body, contentType) => {
      const { id } = await createSchedule(api, inputs("kept"));
      sim.control.clearRequests();
      sim.control.injectFault({ kind: "body", method: "GET", path: "/schedule$", status, body, contentType });
      expect((await readSchedule(api, id)).id).toBe(id);
      expect(sim.control.requests().filter((r) => r.method === "GET")).toHaveLength(2);
    },
  );

  test("a 204 with no body still means gone", async () => {
    const { id } = await createSchedule(api, inputs("deleted"));
    sim.control.deleteSchedule(DEMO_REGISTRY_ID, defined(parseResourceId(id), "a schedule ID").scheduleId);
    expect(await readSchedule(api, id)).toEqual({});
  });
});

describe("a malformed registry reply", () => {
  test.each(MALFORMED)(
    "%s: create fails before any POST, naming the registry call",
    async (_l, status, body, ct, shown) => {
      sim.control.injectFault({
        kind: "body",
        method: "GET",
        path: "/registry/[^/]+$",
        status,
        body,
        contentType: ct,
      });
      const err = await failure(createSchedule(api, inputs("no-registry")));
      expect(err).toBeInstanceOf(MalformedResponseError);
      expect(err.message).toContain(`Unexpected reply to read registry ${DEMO_REGISTRY_ID}`);
      expect(err.message).toContain(shown);
      noSecrets(err.message);
      expect(posts()).toHaveLength(0);
    },
  );
});

describe("batched reads", () => {
  test("many schedules read at once are all found (none mistaken for gone)", async () => {
    const ids = [];
    for (let i = 0; i < 7; i++) ids.push((await createSchedule(api, inputs(`batch-${i}`))).id);
    const reads = await Promise.all(ids.map((id) => readSchedule(api, id)));
    expect(reads.map((r) => r.id)).toEqual(ids);
  });
});

describe("a create whose outcome is unknown and cannot be checked", () => {
  test("says the outcome is unknown and what to look for, not only the second failure", async () => {
    /** The name check before the POST reads the registry's listing; every later look-up fails as a 403 would. */
    class FailingSecondList extends ScheduleApi {
      override listSchedules(): Promise<never> {
        return Promise.reject(new QualysError("Qualys rejected list schedules: 403 FORBIDDEN"));
      }
    }
    sim.control.injectFault({ method: "POST", path: "/schedule$", kind: "commitThenFail", mode: "500" });
    const inputs: ScheduleInputs = {
      registryId: DEMO_REGISTRY_ID,
      name: "unknown-outcome",
      onDemand: false,
      repo: ["team/api"],
      scheduleScanIntervalInDays: 1,
      schedule: "01:00",
      forceScan: false,
    };
    const err = await createSchedule(new FailingSecondList(client), inputs).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(QualysError);
    const message = (err as Error).message;
    expect(message).toContain("is unknown");
    expect(message).toContain("Checking whether Qualys created it failed too");
    expect(message).toContain("403 FORBIDDEN");
    expect(message).toContain('look in Qualys for a schedule named "unknown-outcome"');
    expect(message).not.toContain(DEMO_PASSWORD);
  });
});

describe("a schedule whose repositories carry different tags (made in the console)", () => {
  test("is read as repositories, a tag per repository, rather than flattened to one tag", async () => {
    const s = sim.control.createSchedule(DEMO_REGISTRY_ID, {
      name: "mixed-tags",
      onDemand: false,
      forceScan: false,
      filters: [
        {
          repoTags: [
            { repo: "team/api", tag: "v1" },
            { repo: "team/worker", tag: null },
          ],
          days: null,
        },
      ],
      scheduleScanIntervalInDays: 1,
      weekDay: null,
      schedule: "01:00",
      additionalFilters: null,
    });
    const read = await readSchedule(api, `${DEMO_REGISTRY_ID}/${s.scheduleUuid}`);
    expect(read.inputs?.repositories).toEqual([{ repo: "team/api", tag: "v1" }, { repo: "team/worker" }]);
    expect(read.inputs?.repo).toBeUndefined();
    expect(read.inputs?.tag).toBeUndefined();
  });
});
