/** Every API call carries an X-Request-Id that stays the same on its retries and differs between calls. */
import { simulatorClient } from "../../harness/use-simulator";
import { DEMO_REGISTRY_ID, startSimulator, type RunningSimulator } from "../../simulator";

describe("X-Request-Id", () => {
  let sim: RunningSimulator;

  beforeAll(async () => {
    sim = await startSimulator();
  });

  afterAll(async () => {
    await sim.close();
  });

  test("is the same on every attempt of one call, and new for the next call", async () => {
    const client = simulatorClient(sim, { maxRetries: 3, retryBaseMs: 10 });
    const path = `/v1.3/registry/${DEMO_REGISTRY_ID}`;
    sim.control.injectFault({ method: "GET", path: `${path}$`, times: 2, kind: "status", status: 503 });
    await client.request({ method: "GET", path, operation: "read registry" });
    await client.request({ method: "GET", path, operation: "read registry" });
    client.close();
    const reads = sim.control.requests().filter((r) => r.path === `/csapi${path}`);
    expect(reads.map((r) => r.status)).toEqual([503, 503, 200, 200]);
    const ids = reads.map((r) => r.requestId);
    expect(ids[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(ids[1]).toBe(ids[0]);
    expect(ids[2]).toBe(ids[0]);
    expect(ids[3]).not.toBe(ids[0]);
  });
});
