// In-memory state of registries, connectors and schedules, optionally mirrored to a JSON file so that
// a demo survives a restart.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import {
  emptyRegistryFields,
  type RegistryFields,
  type ScheduleFields,
  type SeedRegistry,
  type StoredConnector,
  type StoredRegistry,
  type StoredRepository,
  type StoredSchedule,
} from "./types";

interface StateFile {
  /** Older state files hold `{id, type}` only. */
  registries: (StoredRegistry | { id: string; type: string })[];
  connectors?: StoredConnector[];
  schedules: StoredSchedule[];
  repositories?: StoredRepository[];
}

/** A seeded registry: only an ID and a type are needed; the rest gets plain defaults. */
export function seededRegistry(seed: SeedRegistry, now = Date.now()): StoredRegistry {
  return {
    ...emptyRegistryFields(),
    registryUuid: seed.id,
    registryType: seed.type,
    registryUri: seed.uri ?? `https://${seed.id.toLowerCase()}.seeded.invalid`,
    registryName: seed.name ?? seed.id,
    origin: "seed",
    deletionJobId: null,
    created: now,
    updated: now,
  };
}

export class Store {
  /** Keyed by registryUuid, in creation order. */
  readonly registries = new Map<string, StoredRegistry>();
  readonly connectors = new Map<string, StoredConnector>();
  /** Keyed by scheduleUuid; Map keeps creation order, which the list answers follow. */
  private readonly byUuid = new Map<string, StoredSchedule>();
  /** Keyed by `<registryId>\n<repoName>`. */
  private readonly repos = new Map<string, StoredRepository>();
  /** Keys of the repositories seeded with their registry: kept across `reset`. */
  private readonly seededRepos = new Set<string>();

  constructor(
    registries: SeedRegistry[],
    private readonly statePath?: string,
  ) {
    for (const r of registries) {
      this.registries.set(r.id, seededRegistry(r));
      this.seedRepositories(r);
    }
    if (statePath && existsSync(statePath)) this.load(statePath);
  }

  private load(path: string): void {
    const state = JSON.parse(readFileSync(path, "utf8")) as StateFile;
    for (const r of state.registries ?? []) {
      const full = "registryUuid" in r ? r : seededRegistry(r);
      this.registries.set(full.registryUuid, full);
    }
    for (const c of state.connectors ?? []) this.connectors.set(c.connectorId, c);
    for (const s of state.schedules ?? []) this.byUuid.set(s.scheduleUuid, s);
    for (const r of state.repositories ?? []) this.repos.set(`${r.registryId}\n${r.repoName}`, r);
  }

  /** Written after every change; write-then-rename so a crash never leaves half a file. */
  persist(): void {
    if (!this.statePath) return;
    const state: StateFile = {
      registries: [...this.registries.values()],
      connectors: [...this.connectors.values()],
      schedules: [...this.byUuid.values()],
      repositories: [...this.repos.values()],
    };
    const tmp = `${this.statePath}.tmp`;
    writeFileSync(tmp, JSON.stringify(state, null, 2));
    renameSync(tmp, this.statePath);
  }

  /** The registry's type, or undefined when there is no such registry. */
  registryType(id: string): string | undefined {
    return this.registries.get(id)?.registryType;
  }

  addRegistry(seed: SeedRegistry): void {
    this.registries.set(seed.id, seededRegistry(seed));
    this.seedRepositories(seed);
    this.persist();
  }

  private seedRepositories(seed: SeedRegistry): void {
    for (const repoName of seed.repositories ?? []) this.seededRepos.add(`${seed.id}\n${repoName}`);
    this.putRepositories(
      seed.id,
      (seed.repositories ?? []).map((repoName) => ({ repoName })),
    );
  }

  /** The registry's repositories, by name. */
  repositories(registryId: string): StoredRepository[] {
    return [...this.repos.values()]
      .filter((r) => r.registryId === registryId)
      .sort((a, b) => a.repoName.localeCompare(b.repoName));
  }

  /** Adds repositories to a registry (a name already there gets the new image count). */
  putRepositories(registryId: string, repositories: { repoName: string; totalImages?: number }[]): void {
    const now = Date.now();
    for (const { repoName, totalImages } of repositories) {
      const key = `${registryId}\n${repoName}`;
      const had = this.repos.get(key);
      this.repos.set(key, {
        registryId,
        repoName,
        totalImages: totalImages ?? had?.totalImages ?? 1,
        created: had?.created ?? now,
      });
    }
    if (repositories.length > 0) this.persist();
  }

  createRegistry(fields: RegistryFields): StoredRegistry {
    const now = Date.now();
    const r: StoredRegistry = {
      ...fields,
      registryUuid: randomUUID(),
      origin: "api",
      deletionJobId: null,
      created: now,
      updated: now,
    };
    this.registries.set(r.registryUuid, r);
    this.persist();
    return r;
  }

  patchRegistry(r: StoredRegistry, patch: Partial<StoredRegistry>): void {
    const { registryUuid: _u, ...rest } = patch;
    Object.assign(r, rest);
    this.persist();
  }

  /** Removes the registry and its schedules, as Qualys does. */
  removeRegistry(id: string): boolean {
    const had = this.registries.delete(id);
    for (const s of this.list(id)) this.byUuid.delete(s.scheduleUuid);
    for (const r of this.repositories(id)) this.repos.delete(`${id}\n${r.repoName}`);
    if (had) this.persist();
    return had;
  }

  addConnector(c: StoredConnector): void {
    this.connectors.set(c.connectorId, c);
    this.persist();
  }

  list(registryId?: string): StoredSchedule[] {
    const all = [...this.byUuid.values()];
    return registryId === undefined ? all : all.filter((s) => s.registryId === registryId);
  }

  get(registryId: string, uuid: string): StoredSchedule | undefined {
    const s = this.byUuid.get(uuid);
    return s && s.registryId === registryId ? s : undefined;
  }

  create(registryId: string, fields: ScheduleFields): StoredSchedule {
    const now = Date.now();
    const s: StoredSchedule = {
      registryId,
      scheduleUuid: randomUUID(),
      ...fields,
      registryType: this.registryType(registryId) ?? "",
      status: "Created",
      created: now,
      updated: now,
    };
    this.byUuid.set(s.scheduleUuid, s);
    this.persist();
    return s;
  }

  /** Identity fields are never patched: they are the key. */
  patch(s: StoredSchedule, patch: Partial<StoredSchedule>): void {
    const { registryId: _r, scheduleUuid: _u, ...rest } = patch;
    Object.assign(s, rest);
    this.persist();
  }

  remove(uuid: string): boolean {
    const had = this.byUuid.delete(uuid);
    if (had) this.persist();
    return had;
  }

  /** What `reset` clears: schedules, repositories not seeded, and the registries and connectors the API made. */
  clear(): void {
    this.byUuid.clear();
    for (const [id, r] of this.registries) if (r.origin === "api") this.registries.delete(id);
    for (const key of this.repos.keys()) if (!this.seededRepos.has(key)) this.repos.delete(key);
    for (const [id, c] of this.connectors) if (c.origin === "api") this.connectors.delete(id);
    this.persist();
  }
}
