/**
 * `npm run bench -- --profile DIR`: where the provider process spends its CPU. Every Node.js process a
 * CLI run starts (program, language host, dynamic provider) writes a V8 CPU profile (`--cpu-prof`,
 * through `NODE_OPTIONS`) into `DIR/<scenario>-<side>-<rep>/<phase>/`; this file reads them back and
 * charges each sample's self time to a package (`zod`, `axios`, `pulumi-qualys-cs`, …), to Node.js's
 * module loader, or to the garbage collector. Profiling slows every process down, so a profiled run's
 * times are not comparable with an unprofiled one's; its shares are what it is for.
 */
import * as fs from "node:fs";
import * as path from "node:path";

/** The parts of a `.cpuprofile` read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Milliseconds of self time per bucket, for one process. */
export type Buckets = Record<string, number>;

/** `NODE_OPTIONS` that make every Node.js process of a CLI run write its CPU profile into `dir`. */
export function profilingEnv(dir: string): Record<string, string> {
  fs.mkdirSync(dir, { recursive: true });
  const hook = path.join(__dirname, "profile-hook.js");
  return { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir="${dir}" --require "${hook}"` };
}

/** The package a script belongs to (`zod`, `@pulumi/pulumi`, …), if it is in a `node_modules`. */
export function packageOf(url: string): string | undefined {
  return /.*node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1];
}

/** Whether a profile is the dynamic provider host's (its entry point is `cmd/dynamic-provider`). */
function isProvider(p: CpuProfile): boolean {
  return p.nodes.some((n) => n.callFrame.url.includes("cmd/dynamic-provider"));
}

/**
 * Time per bucket of one profile. A sample is charged to the package of the nearest frame on its stack
 * that belongs to one: Node.js's own work (loading a module, parsing a URL, hashing) counts for the
 * package that asked for it, so loading zod's modules counts as zod's. Samples with no package on the
 * stack keep V8's labels (`(garbage collector)`, `(program)`, `(idle)`) or count as `(node)`.
 */
export function bucketsOf(p: CpuProfile): Buckets {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const bucketOfNode = new Map<number, string>();
  const bucket = (id: number): string => {
    const known = bucketOfNode.get(id);
    if (known !== undefined) return known;
    const frame = byId.get(id)?.callFrame;
    const up = parent.get(id);
    const own = frame ? packageOf(frame.url) : undefined;
    const b =
      own ??
      (up !== undefined && parent.has(up)
        ? bucket(up)
        : frame?.url === "" && frame.functionName.startsWith("(")
          ? frame.functionName
          : "(node)");
    bucketOfNode.set(id, b);
    return b;
  };
  const out: Buckets = {};
  p.samples.forEach((id, i) => {
    const key = bucket(id);
    out[key] = (out[key] ?? 0) + (p.timeDeltas[i] ?? 0) / 1000;
  });
  return out;
}

/** The provider process's buckets of every profiled phase: `<run>/<phase>` → buckets. */
export function providerProfiles(dir: string): Record<string, Buckets> {
  const out: Record<string, Buckets> = {};
  if (!fs.existsSync(dir)) return out;
  for (const run of fs.readdirSync(dir).sort()) {
    const runDir = path.join(dir, run);
    if (!fs.statSync(runDir).isDirectory()) continue;
    for (const phase of fs.readdirSync(runDir).sort()) {
      const phaseDir = path.join(runDir, phase);
      if (!fs.statSync(phaseDir).isDirectory()) continue;
      for (const file of fs.readdirSync(phaseDir).filter((f) => f.endsWith(".cpuprofile"))) {
        const p = JSON.parse(fs.readFileSync(path.join(phaseDir, file), "utf8")) as CpuProfile;
        if (isProvider(p)) out[`${run}/${phase}`] = bucketsOf(p);
      }
    }
  }
  return out;
}

/** A Markdown table: one row per profiled provider process, one column per bucket that matters. */
export function renderProfiles(profiles: Record<string, Buckets>, columns = 9): string {
  const totals: Buckets = {};
  for (const b of Object.values(profiles))
    for (const [k, v] of Object.entries(b)) totals[k] = (totals[k] ?? 0) + v;
  const keep = Object.entries(totals)
    .filter(([k]) => k !== "(idle)")
    .sort((a, b) => b[1] - a[1])
    .slice(0, columns)
    .map(([k]) => k);
  const lines = [
    `| provider process | busy ms | ${keep.join(" | ")} | rest |`,
    `|---|---:|${keep.map(() => "---:").join("|")}|---:|`,
  ];
  for (const [name, b] of Object.entries(profiles)) {
    const busy = Object.entries(b)
      .filter(([k]) => k !== "(idle)")
      .reduce((a, [, v]) => a + v, 0);
    const shown = keep.map((k) => b[k] ?? 0);
    const rest = busy - shown.reduce((a, v) => a + v, 0);
    lines.push(
      `| ${name} | ${busy.toFixed(0)} | ${shown.map((v) => v.toFixed(0)).join(" | ")} | ${rest.toFixed(0)} |`,
    );
  }
  return `${lines.join("\n")}\n`;
}
