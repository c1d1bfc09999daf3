import { DEMO_REGISTRY_ID } from "./index";
import { useSimulator } from "./testkit";

const h = useSimulator();

describe("GET /csapi/v1.3/registry/{registryId}", () => {
  it("serves the seeded demo registry with its type", async () => {
    const res = await h().api.get(`/csapi/v1.3/registry/${DEMO_REGISTRY_ID}`);
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ registryUuid: DEMO_REGISTRY_ID, registryType: "DockerHub" });
  });

  it("answers 404 JSON for an unknown registry", async () => {
    const res = await h().api.get("/csapi/v1.3/registry/no-such-registry");
    expect(res.status).toBe(404);
    expect(res.data).toMatchObject({
      errorCode: "404 NOT_FOUND",
      message: expect.stringContaining("no-such-registry"),
    });
  });

  it("serves a registry added through control, and keeps it across reset", async () => {
    h().sim.control.addRegistry("reg-aws-1", "AWS");
    h().sim.control.reset();
    const res = await h().api.get("/csapi/v1.3/registry/reg-aws-1");
    expect(res.status).toBe(200);
    expect(res.data.registryType).toBe("AWS");
  });

  it("answers 404 to schedule calls on an unknown registry", async () => {
    expect((await h().api.get("/csapi/v1.3/registry/nope/schedule")).status).toBe(404);
  });
});
