/** The benchmark's Markdown table and SVG chart, written by hand from `bench-results.json`'s figures. */
import type { BenchResults, Phase, ScenarioResult, Side } from "./results";
import type { Summary } from "./stats";

const PHASE_ORDER: Phase[] = ["preview", "up", "previewAgain", "refresh", "updateAll", "destroy"];
const PHASE_LABEL: Record<Phase, string> = {
  preview: "preview",
  up: "up (create)",
  previewAgain: "preview again",
  refresh: "refresh",
  updateAll: "update all",
  destroy: "destroy",
};
const KINDS = ["auth", "registry", "list", "create", "update", "delete"] as const;

const s = (ms: number): string => (ms / 1000).toFixed(2);
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const kib = (k: number): string => (k / 1024).toFixed(0);
const mib1 = (k: number): string => (k / 1024).toFixed(1);

function calls(c: Record<string, number>): string {
  const known = KINDS.map((k) => String(c[k] ?? 0));
  const other = Object.entries(c)
    .filter(([k]) => !(KINDS as readonly string[]).includes(k))
    .map(([k, v]) => `${k} ${v}`);
  return [...known, ...(other.length ? [other.join(", ")] : [])].join(" / ");
}

export function renderMarkdown(r: BenchResults): string {
  const m = r.meta;
  const lines: string[] = [];
  lines.push("# Benchmark results", "");
  lines.push(
    `${m.date} · ${m.machine.cpus} × ${m.machine.cpuModel}, ${m.machine.memoryGiB} GiB, ${m.machine.os}, ` +
      `Node.js ${m.machine.node}, Pulumi CLI ${m.machine.pulumi} · load average at start ` +
      `${m.loadAverage.start.map((x) => x.toFixed(2)).join(" ")}, at end ${m.loadAverage.end.map((x) => x.toFixed(2)).join(" ")}`,
    "",
    `\`${m.command}\` · ${m.reps} repetition(s), median (spread = (max − min) / median) · ` +
      `engine --parallel ${m.engineParallel}, provider concurrency cap ${m.concurrencyCap} · ${m.durationS} s in all`,
    "",
  );
  lines.push("## Time per phase, ours against the floor (no added latency)", "");
  lines.push(
    "| N | phase | ours s | spread | floor s | spread | ours/floor | CPU ours/floor | API calls auth / registry / list / create / update / delete | calls per schedule |",
    "|---|---|---:|---:|---:|---:|---:|---:|---|---:|",
  );
  for (const sc of r.scenarios) {
    for (const p of PHASE_ORDER) {
      const x = sc.phases[p];
      lines.push(
        `| ${sc.scenario.id} | ${PHASE_LABEL[p]} | ${s(x.ours.median)} | ${pct(x.ours.spread)} | ${s(x.floor.median)} | ` +
          `${pct(x.floor.spread)} | **${x.ratio.toFixed(2)}** | ${x.cpuRatio.toFixed(2)} | ${calls(x.calls)} | ${x.callsPerSchedule.toFixed(2)} |`,
      );
    }
  }
  lines.push(
    "",
    "N is schedules; `200x10` is 200 schedules spread over 10 registries. CPU ours/floor: CPU time of the " +
      "CLI's process tree (engine, program, provider), the steadier figure on a shared machine.",
    "",
  );

  const withPlugin = r.scenarios.filter((sc) => sc.plugin);
  if (withPlugin.length > 0) {
    lines.push("## The provider plugin (YAML program) against the same floor", "");
    lines.push(
      "| N | phase | plugin s | spread | floor s | plugin/floor | CPU plugin/floor | CPU without the program | plugin CPU s: total | engine | YAML host | provider | API calls auth / registry / list / create / update / delete | calls per schedule |",
      "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|",
    );
    for (const sc of withPlugin) {
      for (const p of PHASE_ORDER) {
        const x = sc.phases[p];
        const pl = x.plugin;
        if (!pl) continue;
        lines.push(
          `| ${sc.scenario.id} | ${PHASE_LABEL[p]} | ${s(pl.wall.median)} | ${pct(pl.wall.spread)} | ${s(x.floor.median)} | ` +
            `**${pl.ratio.toFixed(2)}** | ${pl.cpuRatio.toFixed(2)} | ${pl.cpuRatioWithoutProgram.toFixed(2)} | ${s(pl.cpuMs.total ?? 0)} | ${s(pl.cpuMs.engine ?? 0)} | ` +
            `${s(pl.cpuMs.program ?? 0)} | ${s(pl.cpuMs.provider ?? 0)} | ${calls(pl.calls)} | ${pl.callsPerSchedule.toFixed(2)} |`,
        );
      }
    }
    const st = m.pluginStartup;
    lines.push(
      "",
      "The YAML program runs in the YAML language host (its CPU under “YAML host”); the floor is the " +
        "TypeScript program with a no-op dynamic resource, as in the table above, so the ratios include the " +
        "difference between the two program languages; CPU without the program compares engine and provider " +
        "processes only." +
        (st
          ? ` Plugin start-up to its first answered request: first ${s(st.firstWallMs)} s ` +
            `(${s(st.firstCpuMs)} s CPU), warm median ${s(st.warmWallMs.median)} s ` +
            `(${s(st.warmCpuMs.median)} s CPU) over ${st.warmWallMs.samples.length} runs.`
          : ""),
      "",
    );
  }

  lines.push("## CPU time per phase (median, s)", "");
  lines.push(
    "| N | phase | ours: total | engine | program | provider | simulator | floor: total | engine | program | provider |",
    "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  );
  const c = (x: number | undefined): string => s(x ?? 0);
  for (const sc of r.scenarios) {
    for (const p of PHASE_ORDER) {
      const { ours, floor } = sc.phases[p].cpuMs;
      lines.push(
        `| ${sc.scenario.id} | ${PHASE_LABEL[p]} | ${c(ours.total)} | ${c(ours.engine)} | ${c(ours.program)} | ` +
          `${c(ours.provider)} | ${c(ours.simulator)} | ${c(floor.total)} | ${c(floor.engine)} | ${c(floor.program)} | ${c(floor.provider)} |`,
      );
    }
  }
  lines.push("");

  const slow = r.scenarios.filter((sc) => sc.latency);
  if (slow.length > 0) {
    lines.push(`## With ${m.latencyMs} ms added to every API call (${m.latencyReps} repetition(s))`, "");
    lines.push(
      "Each run with latency comes right after a run of ours without it, and the two are compared as a pair " +
        "(load on a shared machine drifts over minutes). A negative figure means the load moved more than " +
        "the latency did: no conclusion.",
      "",
    );
    lines.push(
      "| N | phase | ours s | ours without latency s | floor s | added by latency s (median of pairs; each pair) | bound N×latency/cap s | added / bound | over the floor / bound | calls × latency / cap s | calls | most in flight |",
      "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    );
    for (const sc of slow) {
      const lat = sc.latency;
      if (!lat) continue;
      for (const p of PHASE_ORDER) {
        const x = lat.phases[p];
        if (x.callsTotal === 0) continue;
        lines.push(
          `| ${sc.scenario.id} | ${PHASE_LABEL[p]} | ${s(x.ours.median)} | ${s(x.oursNoLatencyMedian)} | ${s(x.floorMedian)} | ` +
            `${s(x.addedByLatencyMs)} (${(x.addedByLatencySamplesMs ?? []).map((v) => s(v)).join(", ")}) | ${s(x.lowerBoundMs)} | **${x.ratioToBound.toFixed(2)}** | ` +
            `${x.overFloorRatioToBound.toFixed(2)} | ${s(x.callsBoundMs)} | ${x.callsTotal} | ${x.peakInFlight} |`,
        );
      }
    }
    lines.push("");
  }

  lines.push("## Size and memory", "");
  lines.push(
    "| N | serialized provider B (ours / floor) | state per schedule B, mean / max (ours) | (floor) | (plugin) | provider peak RSS MiB (ours / floor / plugin) |",
    "|---|---:|---:|---:|---:|---:|",
  );
  for (const sc of r.scenarios) {
    const st = sc.stateBytesPerSchedule;
    lines.push(
      `| ${sc.scenario.id} | ${sc.blobBytes.ours} / ${sc.blobBytes.floor} | ${st.ours.mean} / ${st.ours.max} | ` +
        `${st.floor.mean} / ${st.floor.max} | ${sc.plugin ? `${sc.plugin.stateBytesPerSchedule.mean} / ${sc.plugin.stateBytesPerSchedule.max}` : "–"} | ` +
        `${kib(sc.providerPeakKiB.ours)} / ${kib(sc.providerPeakKiB.floor)} / ${sc.plugin ? kib(sc.plugin.providerPeakKiB) : "–"} |`,
    );
  }
  const lib = m.libraryCost;
  if (lib) {
    lines.push(
      "",
      `What axios and zod alone cost in the dynamic provider host's process, after \`@pulumi/pulumi\` ` +
        `(test/bench/library-cost.ts, median of ${lib.loadCpuMs.samples.length}): loading them ` +
        `${s(lib.loadCpuMs.median)} s CPU and +${mib1(lib.loadKiB.median)} MiB peak; then ${lib.requests} ` +
        `requests through axios ${s(lib.requestsCpuMs.median)} s CPU and +${mib1(lib.requestsKiB.median)} MiB, ` +
        `the same requests through \`node:http\` ${s(lib.nodeHttpCpuMs.median)} s CPU and ` +
        `+${mib1(lib.nodeHttpKiB.median)} MiB. The floor's provider pays none of it.`,
    );
  }
  lines.push("", "## Targets", "", "| target | goal | measured | met |", "|---|---|---|---|");
  for (const t of r.targets) {
    lines.push(
      `| ${t.name} | ${t.goal} | ${t.value} | ${t.met === null ? "n/a" : t.met ? "yes" : "**no**"} |`,
    );
  }
  lines.push("");
  return `${lines.join("\n")}\n`;
}

const esc = (t: string): string => t.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Small multiples: one panel per phase, seconds against N (single-registry scenarios), ours and floor. */
export function renderSvg(r: BenchResults): string {
  const panelW = 300;
  const panelH = 210;
  const cols = 3;
  const pad = { l: 46, r: 14, t: 28, b: 34 };
  const width = cols * panelW;
  const height = Math.ceil(PHASE_ORDER.length / cols) * panelH + 40;
  const series = r.scenarios
    .filter((sc) => sc.scenario.registries === 1)
    .sort((a, b) => a.scenario.n - b.scenario.n);
  const spread = r.scenarios.filter((sc) => sc.scenario.registries > 1);
  const maxN = Math.max(1, ...r.scenarios.map((sc) => sc.scenario.n));
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" ` +
      `font-family="sans-serif" font-size="11">`,
    `<rect width="100%" height="100%" fill="white"/>`,
    `<text x="10" y="18" font-size="13" font-weight="bold">Wall time (s) against N schedules: ours ` +
      `<tspan fill="#c0392b">●</tspan>${r.scenarios.some((sc) => sc.plugin) ? ` · plugin <tspan fill="#27ae60">▲</tspan>` : ""} vs floor <tspan fill="#2c7fb8">■</tspan>` +
      `${spread.length ? " · hollow: spread over registries" : ""} · ${esc(r.meta.date.slice(0, 10))}</text>`,
  );
  PHASE_ORDER.forEach((phase, i) => {
    const ox = (i % cols) * panelW;
    const oy = 30 + Math.floor(i / cols) * panelH;
    const w = panelW - pad.l - pad.r;
    const h = panelH - pad.t - pad.b;
    const all = r.scenarios.flatMap((sc) => [
      sc.phases[phase].ours.max,
      sc.phases[phase].floor.max,
      sc.phases[phase].plugin?.wall.max ?? 0,
    ]);
    const maxY = Math.max(1000, ...all) * 1.1;
    const x = (n: number): number => ox + pad.l + (n / maxN) * w;
    const y = (ms: number): number => oy + pad.t + h - (ms / maxY) * h;
    out.push(`<text x="${ox + pad.l}" y="${oy + 16}" font-weight="bold">${esc(PHASE_LABEL[phase])}</text>`);
    out.push(
      `<line x1="${ox + pad.l}" y1="${oy + pad.t + h}" x2="${ox + pad.l + w}" y2="${oy + pad.t + h}" stroke="#888"/>`,
      `<line x1="${ox + pad.l}" y1="${oy + pad.t}" x2="${ox + pad.l}" y2="${oy + pad.t + h}" stroke="#888"/>`,
    );
    // From 1: the zero line is the axis itself.
    for (let k = 1; k <= 4; k++) {
      const v = (maxY * k) / 4;
      out.push(
        `<line x1="${ox + pad.l}" y1="${y(v).toFixed(1)}" x2="${ox + pad.l + w}" y2="${y(v).toFixed(1)}" stroke="#eee"/>`,
        `<text x="${ox + pad.l - 4}" y="${(y(v) + 4).toFixed(1)}" text-anchor="end">${(v / 1000).toFixed(1)}</text>`,
      );
    }
    out.push(`<text x="${ox + pad.l - 4}" y="${oy + pad.t + h + 4}" text-anchor="end">0</text>`);
    for (const n of [...new Set(r.scenarios.map((sc) => sc.scenario.n))]) {
      out.push(`<text x="${x(n).toFixed(1)}" y="${oy + pad.t + h + 14}" text-anchor="middle">${n}</text>`);
    }
    out.push(
      `<text x="${ox + pad.l + w / 2}" y="${oy + pad.t + h + 28}" text-anchor="middle" fill="#555">N</text>`,
    );
    const pickOf: Record<Side, (sc: ScenarioResult) => Summary | undefined> = {
      ours: (sc) => sc.phases[phase].ours,
      floor: (sc) => sc.phases[phase].floor,
      plugin: (sc) => sc.phases[phase].plugin?.wall,
    };
    const line = (pick: Side, color: string): void => {
      const of = (sc: ScenarioResult): Summary[] => {
        const got = pickOf[pick](sc);
        return got ? [got] : [];
      };
      const pts = series.flatMap((sc) =>
        of(sc).map((p) => `${x(sc.scenario.n).toFixed(1)},${y(p.median).toFixed(1)}`),
      );
      if (pts.length > 1)
        out.push(`<polyline points="${pts.join(" ")}" fill="none" stroke="${color}" stroke-width="2"/>`);
      for (const sc of series) {
        const p = of(sc)[0];
        if (!p) continue;
        const cx = x(sc.scenario.n);
        // Whisker from the fastest to the slowest repetition.
        out.push(
          `<line x1="${cx.toFixed(1)}" y1="${y(p.min).toFixed(1)}" x2="${cx.toFixed(1)}" y2="${y(p.max).toFixed(1)}" stroke="${color}"/>`,
        );
        const cy = y(p.median);
        out.push(
          pick === "ours"
            ? `<circle cx="${cx.toFixed(1)}" cy="${cy.toFixed(1)}" r="3.5" fill="${color}"/>`
            : pick === "floor"
              ? `<rect x="${(cx - 3).toFixed(1)}" y="${(cy - 3).toFixed(1)}" width="6" height="6" fill="${color}"/>`
              : `<polygon points="${cx.toFixed(1)},${(cy - 4).toFixed(1)} ${(cx - 4).toFixed(1)},${(cy + 3).toFixed(1)} ${(cx + 4).toFixed(1)},${(cy + 3).toFixed(1)}" fill="${color}"/>`,
        );
      }
      for (const sc of spread) {
        const p = of(sc)[0];
        if (!p) continue;
        out.push(
          `<circle cx="${(x(sc.scenario.n) + 8).toFixed(1)}" cy="${y(p.median).toFixed(1)}" r="3.5" fill="none" stroke="${color}" stroke-width="1.5"/>`,
        );
      }
    };
    line("floor", "#2c7fb8");
    line("plugin", "#27ae60");
    line("ours", "#c0392b");
  });
  out.push("</svg>");
  return `${out.join("\n")}\n`;
}
