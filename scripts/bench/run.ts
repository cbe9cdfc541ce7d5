// The benchmark: for each N, the same synthetic articles built four ways,
// alternating within one run so that machine noise hits all of them alike:
//   bare     bare Eleventy from a plain JSON data file (the baseline)
//   cold     our build from raw text with an empty cache
//   warm     our build again, nothing changed
//   changed  our build after one article changed (only it may be re-normalized)
// Each is a fresh child process running the real command.
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createHash } from "node:crypto";
import { readdirSync, statSync } from "node:fs";
import { measure, type Measurement } from "./measure.ts";
import { makeBenchProjects, PROJECT_ROOT } from "./project.ts";
import { syntheticCorpus } from "./synthetic.ts";

export const KINDS = ["bare", "cold", "warm", "changed"] as const;
export type Kind = (typeof KINDS)[number];

export const KIND_LABELS: Record<Kind, string> = {
  bare: "bare Eleventy (baseline)",
  cold: "cold: raw text, empty cache",
  warm: "warm: nothing changed",
  changed: "one article changed",
};

export interface BenchOptions {
  sizes: number[];
  reps: number;
  seed: number;
  /** Worker threads for our builds (undefined: the build's default). */
  workers?: number;
  /** Render processes for our builds (undefined: the build's default). */
  renderProcesses?: number;
  log: (line: string) => void;
}

export interface Run {
  kind: Kind;
  ms: number;
  /** CPU time (user + system) of the whole process tree. */
  cpuMs: number;
  /** Summed over all of the build's processes (measure.ts). */
  peakMiB: number;
  /** Stage times our build printed (ms), by stage name. */
  stages: Record<string, number>;
  /** Cache counts our build printed. */
  cache: { hits: number; misses: number } | null;
}

export interface SizeResult {
  n: number;
  runs: Run[];
  /** Cold and warm builds wrote byte-identical sites and data files, in every repetition. */
  identical: boolean;
}

const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
const ELEVENTY = path.join(PROJECT_ROOT, "node_modules/@11ty/eleventy/cmd.cjs");

export async function runBench(options: BenchOptions): Promise<SizeResult[]> {
  const results: SizeResult[] = [];
  for (const n of options.sizes) {
    options.log(`N=${n}: generating ${n} articles (seed ${options.seed})`);
    const articles = syntheticCorpus(options.seed, n);
    const projects = makeBenchProjects(articles);
    const runs: Run[] = [];
    let identical = true;
    try {
      const env = {
        BRIEFING_WORKERS: options.workers === undefined ? undefined : String(options.workers),
        BRIEFING_RENDER_PROCESSES: options.renderProcesses === undefined ? undefined : String(options.renderProcesses),
      };
      const ours = async (kind: Kind): Promise<Run> => {
        const m = await measure(TSX, ["scripts/cli/build.ts"], projects.briefing, env);
        if (m.status !== 0) throw new Error(`${kind} build failed (exit ${m.status}):\n${m.stderr}`);
        return { kind, ms: m.ms, cpuMs: m.cpuMs, peakMiB: m.peakMiB, stages: stageTimes(m), cache: cacheCounts(m) };
      };
      for (let rep = 0; rep < options.reps; rep++) {
        const bare = await measure(process.execPath, [ELEVENTY, "--input=src", "--output=_site", "--quiet"], projects.bare);
        if (bare.status !== 0) throw new Error(`bare Eleventy failed (exit ${bare.status}):\n${bare.stderr}`);
        runs.push({ kind: "bare", ms: bare.ms, cpuMs: bare.cpuMs, peakMiB: bare.peakMiB, stages: {}, cache: null });

        rmSync(path.join(projects.briefing, ".cache"), { recursive: true, force: true });
        const cold = await ours("cold");
        expectCache(cold, { hits: 0, misses: n });
        const coldHash = hashOutputs(projects.briefing);
        runs.push(cold);

        const warm = await ours("warm");
        expectCache(warm, { hits: n, misses: 0 });
        identical &&= coldHash === hashOutputs(projects.briefing);
        runs.push(warm);

        // A different article each repetition, and a real change to its text.
        const edited = articles[(rep * 7919) % n]!;
        const file = path.join(projects.briefing, "src/articles", edited.name);
        writeFileSync(file, readFileSync(file, "utf8").replace(/\n$/, ` An update was added in benchmark run ${rep + 1}.\n`));
        const changed = await ours("changed");
        expectCache(changed, { hits: n - 1, misses: 1 });
        runs.push(changed);
        options.log(`N=${n} run ${rep + 1}/${options.reps}: ${runs.slice(-4).map((r) => `${r.kind} ${(r.ms / 1000).toFixed(2)} s (CPU ${(r.cpuMs / 1000).toFixed(2)} s)`).join(", ")}`);
      }
    } finally {
      projects.remove();
    }
    results.push({ n, runs, identical });
  }
  return results;
}

function expectCache(run: Run, expected: { hits: number; misses: number }): void {
  if (!run.cache || run.cache.hits !== expected.hits || run.cache.misses !== expected.misses) {
    throw new Error(`${run.kind} build: expected ${expected.hits} cache hits and ${expected.misses} misses, the build reported ${JSON.stringify(run.cache)}`);
  }
}

/** "render     5 files written by Eleventy (1234 ms)" -> { render: 1234 }. */
export function stageTimes(m: Measurement): Record<string, number> {
  const out: Record<string, number> = {};
  for (const line of m.stdout.split("\n")) {
    const match = /^(\w+)\s.*\((\d+) ms\)$/.exec(line.trim());
    if (match) out[match[1]!] = Number(match[2]);
  }
  return out;
}

/** "cache      1,999 hits, 1 miss ..." -> { hits: 1999, misses: 1 }. */
export function cacheCounts(m: Measurement): { hits: number; misses: number } | null {
  const match = /^cache\s+([\d,]+) hits?, ([\d,]+) miss(?:es)?\b/m.exec(m.stdout);
  const count = (text: string) => Number(text.replace(/,/g, ""));
  return match ? { hits: count(match[1]!), misses: count(match[2]!) } : null;
}

function hashOutputs(root: string): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else hash.update(path.relative(root, full)).update("\0").update(readFileSync(full)).update("\0");
    }
  };
  walk(path.join(root, "_site"));
  hash.update(readFileSync(path.join(root, "_data/briefing.json")));
  return hash.digest("hex");
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The table `npm run bench` prints (Markdown, so it pastes into the README). */
export function formatTable(results: SizeResult[]): string {
  const rows = ["| N | build | median wall | × bare | median CPU | × bare | peak memory | pipeline | render |", "|---:|---|---:|---:|---:|---:|---:|---:|---:|"];
  for (const r of results) {
    const bare = median(r.runs.filter((x) => x.kind === "bare").map((x) => x.ms));
    const bareCpu = median(r.runs.filter((x) => x.kind === "bare").map((x) => x.cpuMs));
    for (const kind of KINDS) {
      const runs = r.runs.filter((x) => x.kind === kind);
      if (runs.length === 0) continue;
      const ms = median(runs.map((x) => x.ms));
      const cpu = median(runs.map((x) => x.cpuMs));
      const peak = Math.max(...runs.map((x) => x.peakMiB));
      const stage = (name: string) => (kind === "bare" ? "–" : `${(median(runs.map((x) => x.stages[name] ?? 0)) / 1000).toFixed(2)} s`);
      rows.push(`| ${r.n.toLocaleString("en-US")} | ${KIND_LABELS[kind]} | ${(ms / 1000).toFixed(2)} s | ${(ms / bare).toFixed(2)} | ${(cpu / 1000).toFixed(2)} s | ${bareCpu > 0 ? (cpu / bareCpu).toFixed(2) : "–"} | ${Math.round(peak)} MiB | ${stage("pipeline")} | ${stage("render")} |`);
    }
  }
  return rows.join("\n");
}

/** The issue's targets (issue 17, "Must reach"), each with the figure this run measured. */
export interface TargetCheck {
  measure: string;
  value: string;
  target: string;
  met: boolean;
}

/** Median wall time of one kind of build at one N over bare Eleventy's, and the largest peak memory. */
function figures(r: SizeResult, kind: Kind): { ratio: number; peakMiB: number } {
  const bare = median(r.runs.filter((x) => x.kind === "bare").map((x) => x.ms));
  const runs = r.runs.filter((x) => x.kind === kind);
  return { ratio: median(runs.map((x) => x.ms)) / bare, peakMiB: Math.max(...runs.map((x) => x.peakMiB)) };
}

/**
 * The "must reach" rows at N = 4,000 (and N = 16,000 over N = 4,000 when
 * both were measured); none when N = 4,000 was not.
 */
export function targetChecks(results: SizeResult[]): TargetCheck[] {
  const at = (n: number) => results.find((r) => r.n === n);
  const large = at(4000);
  if (!large) return [];
  const cold = figures(large, "cold");
  const warm = figures(large, "warm");
  const changed = figures(large, "changed");
  const peak = Math.max(cold.peakMiB, warm.peakMiB, changed.peakMiB);
  const rows: TargetCheck[] = [
    { measure: "cold build, N = 4,000, vs bare Eleventy", value: `${cold.ratio.toFixed(2)}×`, target: "<= 3.5×", met: cold.ratio <= 3.5 },
    { measure: "peak memory (all processes), N = 4,000", value: `${Math.round(peak)} MiB`, target: "< 1 GiB", met: peak < 1024 },
    { measure: "one article changed, N = 4,000", value: `${changed.ratio.toFixed(2)}×`, target: "<= 1.2×", met: changed.ratio <= 1.2 },
    { measure: "warm build, N = 4,000", value: `${warm.ratio.toFixed(2)}×`, target: "<= 0.7×", met: warm.ratio <= 0.7 },
  ];
  const xl = at(16000);
  if (xl) {
    const xlPeak = Math.max(...(["cold", "warm", "changed"] as const).map((k) => figures(xl, k).peakMiB));
    rows.push({ measure: "peak memory, N = 16,000 over N = 4,000", value: `${(xlPeak / peak).toFixed(2)}× (${Math.round(xlPeak)} MiB)`, target: "<= 1.3×", met: xlPeak / peak <= 1.3 });
  }
  return rows;
}

export function formatTargets(checks: TargetCheck[]): string {
  const rows = ["| measure | this run | must reach | met |", "|---|---:|---|---|"];
  for (const c of checks) rows.push(`| ${c.measure} | ${c.value} | ${c.target} | ${c.met ? "yes" : "no"} |`);
  return rows.join("\n");
}
