import { DEMO_REGISTRY_ID, DEMO_REGISTRY_TYPE } from "./index";
import { REGISTRY, SCHEDULES, useSimulator, weekly } from "./testkit";

const SEEDED = "seeded-with-repositories";
const h = useSimulator({
  registries: [
    { id: DEMO_REGISTRY_ID, type: DEMO_REGISTRY_TYPE },
    { id: SEEDED, type: "V2", repositories: ["library/nginx"] },
  ],
});
const REPOSITORIES = `${REGISTRY}/repository`;

interface RepositoryPage {
  count: number;
  data: { repoName: string; totalImages: number }[];
}
const names = (data: unknown) => (data as RepositoryPage).data.map((r) => r.repoName);

describe("GET …/repository (a registry's repositories, docs/qualys-contract.md §3)", () => {
  it("answers 204 with no body when the registry lists none", async () => {
    const res = await h().api.get(REPOSITORIES, { responseType: "text" });
    expect(res.status).toBe(204);
    expect(res.data).toBe("");
  });

  it("answers {count, data} by name, paged by pageNumber and pageSize", async () => {
    h().sim.control.addRepositories(DEMO_REGISTRY_ID, [
      "team/web",
      "team/api",
      { repoName: "team/worker", totalImages: 7 },
    ]);
    const all = await h().api.get(REPOSITORIES);
    expect(all.status).toBe(200);
    expect(all.data).toMatchObject({ count: 3 });
    expect(names(all.data)).toEqual(["team/api", "team/web", "team/worker"]);
    expect((all.data as RepositoryPage).data[2]).toMatchObject({ repoName: "team/worker", totalImages: 7 });
    const second = await h().api.get(REPOSITORIES, { params: { pageNumber: 2, pageSize: 2 } });
    expect(second.data).toMatchObject({ count: 3 });
    expect(names(second.data)).toEqual(["team/worker"]);
    const down = await h().api.get(REPOSITORIES, { params: { sort: "repoName:desc" } });
    expect(names(down.data)).toEqual(["team/worker", "team/web", "team/api"]);
  });

  it("filters by repoName as a case-insensitive contains; no match is 204", async () => {
    h().sim.control.addRepositories(DEMO_REGISTRY_ID, ["team/api", "team/web", "other/api"]);
    expect(names((await h().api.get(REPOSITORIES, { params: { filter: "repoName:API" } })).data)).toEqual([
      "other/api",
      "team/api",
    ]);
    expect((await h().api.get(REPOSITORIES, { params: { filter: "repoName:nothing" } })).status).toBe(204);
    expect((await h().api.get(REPOSITORIES, { params: { filter: "status:x" } })).status).toBe(400);
  });

  it("answers 404 for a registry it does not have, and 405 for a write", async () => {
    expect((await h().api.get("/csapi/v1.3/registry/no-such-registry/repository")).status).toBe(404);
    expect((await h().api.post(REPOSITORIES, {})).status).toBe(405);
  });

  it("keeps repositories seeded with their registry across reset, and drops those added later", () => {
    h().sim.control.addRepositories(SEEDED, ["library/redis"]);
    expect(
      h()
        .sim.control.repositories(SEEDED)
        .map((r) => r.repoName),
    ).toEqual(["library/nginx", "library/redis"]);
    h().sim.control.reset();
    expect(
      h()
        .sim.control.repositories(SEEDED)
        .map((r) => r.repoName),
    ).toEqual(["library/nginx"]);
  });
});

describe("a schedule's tag selectors (docs/qualys-contract.md §5, tag selectors)", () => {
  const withTags = (...tags: (string | null)[]) =>
    weekly({
      filters: [{ repoTags: tags.map((tag, i) => ({ repo: `team/r${i}`, tag })), days: null }],
    });

  it("accepts a tag per repository, tags and patterns alike", async () => {
    const res = await h().api.post(SCHEDULES, withTags("v1\\..*,latest", null, ".*"));
    expect(res.status).toBe(201);
    expect(h().sim.control.schedules(DEMO_REGISTRY_ID)[0]?.filters[0]?.repoTags).toEqual([
      { repo: "team/r0", tag: "v1\\..*,latest" },
      { repo: "team/r1", tag: null },
      { repo: "team/r2", tag: ".*" },
    ]);
  });

  it.each([
    [
      "an invalid regular expression",
      "(rc",
      'filters[0].repoTags[0].tag item "(rc" is not a valid regular expression',
    ],
    ["an empty item", "v1,,v2", "filters[0].repoTags[0].tag has an empty item between commas"],
  ])("refuses %s with 400 naming the field", async (_what, tag, message) => {
    const res = await h().api.post(SCHEDULES, withTags(tag));
    expect(res.status).toBe(400);
    expect((res.data as { message: string }).message).toBe(message);
  });
});
