// In-memory state of registries and schedules, optionally mirrored to a JSON file so that a demo
// survives a restart.
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { ScheduleFields, StoredSchedule } from "./types";

interface StateFile {
  registries: { id: string; type: string }[];
  schedules: StoredSchedule[];
}

export class Store {
  readonly registries = new Map<string, string>();
  /** Keyed by scheduleUuid; Map keeps creation order, which the list answers follow. */
  private readonly byUuid = new Map<string, StoredSchedule>();

  constructor(
    registries: { id: string; type: string }[],
    private readonly statePath?: string,
  ) {
    for (const r of registries) this.registries.set(r.id, r.type);
    if (statePath && existsSync(statePath)) this.load(statePath);
  }

  private load(path: string): void {
    const state = JSON.parse(readFileSync(path, "utf8")) as StateFile;
    for (const r of state.registries ?? []) this.registries.set(r.id, r.type);
    for (const s of state.schedules ?? []) this.byUuid.set(s.scheduleUuid, s);
  }

  /** Written after every change; write-then-rename so a crash never leaves half a file. */
  persist(): void {
    if (!this.statePath) return;
    const state: StateFile = {
      registries: [...this.registries].map(([id, type]) => ({ id, type })),
      schedules: [...this.byUuid.values()],
    };
    const tmp = `${this.statePath}.tmp`;
    writeFileSync(tmp, JSON.stringify(state, null, 2));
    renameSync(tmp, this.statePath);
  }

  addRegistry(id: string, type: string): void {
    this.registries.set(id, type);
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
      registryType: this.registries.get(registryId) ?? "",
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

  clearSchedules(): void {
    this.byUuid.clear();
    this.persist();
  }
}
