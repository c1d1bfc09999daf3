/**
 * The floor's dynamic provider: the functions `RegistryScanSchedule`'s provider has, doing nothing but
 * echo (no API call, no validation). The benchmark installs its compiled file as the module
 * `bench-floor-noop` in a `node_modules` directory of the floor's project, so the closure serializer
 * stores it as `require("bench-floor-noop")`, as it stores ours as a `require()` of the installed
 * package: the floor's state then has the same shape and nearly the same size as ours.
 */
type Props = Record<string, unknown>;

/** The output-only keys of `RegistryScanSchedule`; the rest are inputs. */
const OUTPUT_KEYS = new Set(["scheduleId", "status", "registryType", "created", "updated", "__provider"]);

function inputsOf(p: Props): string {
  return JSON.stringify(
    Object.keys(p)
      .filter((k) => !OUTPUT_KEYS.has(k) && p[k] !== undefined)
      .sort()
      .map((k) => [k, p[k]]),
  );
}

let counter = 0;

function fakeUuid(): string {
  counter += 1;
  const hex = (n: number, v: number): string => v.toString(16).padStart(n, "0").slice(-n);
  return `${hex(8, Date.now() % 2 ** 32)}-${hex(4, process.pid)}-4000-8000-${hex(12, counter)}`;
}

export function check(_olds: Props, news: Props): Promise<{ inputs: Props }> {
  return Promise.resolve({ inputs: news });
}

export function diff(_id: string, olds: Props, news: Props): Promise<{ changes: boolean }> {
  return Promise.resolve({ changes: inputsOf(olds) !== inputsOf(news) });
}

export function create(inputs: Props): Promise<{ id: string; outs: Props }> {
  const scheduleId = fakeUuid();
  const now = new Date().toISOString();
  return Promise.resolve({
    id: `${String(inputs.registryId)}/${scheduleId}`,
    outs: { ...inputs, scheduleId, status: "Created", registryType: "DockerHub", created: now, updated: now },
  });
}

export function read(id: string, props?: Props): Promise<{ id: string; props?: Props }> {
  return Promise.resolve({ id, props });
}

export function update(_id: string, olds: Props, news: Props): Promise<{ outs: Props }> {
  return Promise.resolve({
    outs: {
      ...news,
      scheduleId: olds.scheduleId,
      status: olds.status,
      registryType: olds.registryType,
      created: olds.created,
      updated: new Date().toISOString(),
    },
  });
}

function remove(): Promise<void> {
  return Promise.resolve();
}
export { remove as delete };
