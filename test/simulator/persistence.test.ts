import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DEMO_REGISTRY_ID, startSimulator } from "./index";
import { client, login, SCHEDULES, weekly } from "./testkit";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "qualys-sim-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("statePath: state survives a restart", () => {
  it("keeps schedules (with status and edits) and added registries", async () => {
    const statePath = join(dir, "state.json");
    const first = await startSimulator({ statePath });
    const api = client(first.url, await login(client(first.url)));
    const { scheduleUuid } = (await api.post(SCHEDULES, weekly())).data as { scheduleUuid: string };
    await api.put(`${SCHEDULES}/${scheduleUuid}`, weekly({ name: "edited" }));
    first.control.setStatus(DEMO_REGISTRY_ID, scheduleUuid, "Paused");
    first.control.addRegistry("r-aws", "AWS");
    const before = first.control.schedules();
    await first.close();

    const second = await startSimulator({ statePath });
    try {
      expect(second.control.schedules()).toEqual(before);
      expect(before[0]).toMatchObject({ name: "edited", status: "Paused" });
      const api2 = client(second.url, await login(client(second.url)));
      const res = await api2.get(SCHEDULES, { params: { filter: `scheduleUuid:${scheduleUuid}` } });
      expect(res.data.data[0].name).toBe("edited");
      expect((await api2.get("/csapi/v1.3/registry/r-aws")).status).toBe(200);
    } finally {
      await second.close();
    }
  });

  it("writes the file after every change, without tokens or passwords", async () => {
    const statePath = join(dir, "state.json");
    const sim = await startSimulator({ statePath, password: "s3cret-pw" });
    try {
      const token = await login(client(sim.url)).catch(() => "");
      expect(token).toBe(""); // the demo password is not this simulator's
      const s = sim.control.createSchedule(DEMO_REGISTRY_ID, weekly());
      const text = readFileSync(statePath, "utf8");
      expect(JSON.parse(text).schedules).toHaveLength(1);
      expect(text).not.toContain("s3cret-pw");
      sim.control.deleteSchedule(DEMO_REGISTRY_ID, s.scheduleUuid);
      expect(JSON.parse(readFileSync(statePath, "utf8")).schedules).toHaveLength(0);
    } finally {
      await sim.close();
    }
  });

  it("starts empty when the file does not exist yet", async () => {
    const sim = await startSimulator({ statePath: join(dir, "absent.json") });
    try {
      expect(sim.control.schedules()).toEqual([]);
    } finally {
      await sim.close();
    }
  });
});
