// The benchmark's synthetic articles and `npm run bench` end to end on a tiny N
// (speed itself is never asserted here: that is what the bench prints).
import { describe, expect, it } from "vitest";
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { syntheticArticle, syntheticCorpus } from "../scripts/bench/synthetic.ts";
import { readArticle } from "../scripts/pipeline/read.ts";
import { PROJECT_ROOT } from "./helpers/project.ts";
import { treeResidentKiB } from "../scripts/bench/measure.ts";
import { formatTargets, targetChecks, type Kind, type Run, type SizeResult } from "../scripts/bench/run.ts";

describe("synthetic articles", () => {
  const corpus = syntheticCorpus(1, 60);

  it("are deterministic, and article i does not depend on N", () => {
    expect(syntheticCorpus(1, 60).map((a) => a.text)).toEqual(corpus.map((a) => a.text));
    expect(syntheticCorpus(1, 10).map((a) => a.text)).toEqual(corpus.slice(0, 10).map((a) => a.text));
    expect(syntheticArticle(2, 0).text).not.toBe(corpus[0]!.text);
    expect(new Set(corpus.map((a) => a.plain.slug)).size).toBe(corpus.length);
  });

  it("read cleanly as articles: valid front matter, ~900 words, 8 to 12 paragraphs", () => {
    for (const a of corpus) {
      const read = readArticle({ path: `src/articles/${a.name}`, bytes: Buffer.from(a.text), sidecar: null, siteTimeZone: "Asia/Seoul" });
      expect(read.problems, a.name).toEqual([]);
      expect(read.article!.meta.title).toBe(a.plain.title);
      const words = a.plain.paragraphs.join(" ").split(/\s+/).length;
      expect(words, a.name).toBeGreaterThanOrEqual(800);
      expect(words, a.name).toBeLessThanOrEqual(1000);
      expect(a.plain.paragraphs.length).toBeGreaterThanOrEqual(8);
      expect(a.plain.paragraphs.length).toBeLessThanOrEqual(12);
    }
  });

  it("carry what wire copy carries: subheads, people with roles, organizations, dates, quotations", () => {
    const all = corpus.map((a) => a.text).join("\n");
    const bodyLines = corpus.flatMap((a) => a.text.split("---\n")[2]!.trim().split("\n"));
    expect(bodyLines.length).toBeGreaterThan(corpus.reduce((n, a) => n + a.plain.paragraphs.length, 0)); // subheads
    expect(all).toMatch(/[A-Z][a-z]+ [A-Z][a-z]+, the (Minister|Governor|Prime Minister|chief economist|Deputy)/);
    expect(all).toMatch(/the (Ministry of Trade|Central Bank of Ostravia|Harbor Workers' Union)/);
    expect(all).toMatch(/\b(January|February|March|April|May|June|July|August|September|October|November|December) \d{1,2} and \d{1,2}\b/);
    expect(all).toMatch(/\blast (January|February|March|April|May|June|July|August|September|October|November|December)\b/);
    expect(all).toMatch(/\u201C[A-Z][^\u201D]+,\u201D (said|[A-Z][a-z]+ (said|added|noted))/);
  });
});

describe("npm run bench", () => {
  it("measures bare Eleventy and our cold, warm and one-changed builds, and prints the table", () => {
    const result = spawnSync(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/cli/bench.ts", "--sizes", "3", "--reps", "1"], {
      cwd: PROJECT_ROOT,
      encoding: "utf8",
    });
    expect(result.status, result.stderr + result.stdout).toBe(0);
    const rows = result.stdout.split("\n").filter((l) => /^\| 3 \|/.test(l));
    expect(rows.map((r) => r.split("|")[2]!.trim())).toEqual([
      "bare Eleventy (baseline)", "cold: raw text, empty cache", "warm: nothing changed", "one article changed",
    ]);
    expect(rows[0]).toMatch(/\| 1\.00 \| \d+\.\d\d s \| 1\.00 \| \d+ MiB \|/);
    for (const row of rows) expect(row).toMatch(/\| \d+\.\d\d s \| \d+\.\d\d \| \d+\.\d\d s \| \d+\.\d\d \| [1-9]\d* MiB \|/);
    expect(result.stdout).toContain("N=3: cold and warm outputs byte-identical: yes");
    // Extraction's own cost, per article and per 900 words, over the hundred synthetic articles.
    // The code's counts from issue 17: one place that starts threads, no module-level state.
    expect(result.stdout).toMatch(/^code: 1 place\(s\) that start worker threads \(pool\/pool\.ts\)/m);
    expect(result.stdout).toMatch(/^code: 0 module-level mutable value\(s\)/m);
    expect(result.stdout).toMatch(/^Extraction \(normalize alone, CPU time\), 100 synthetic articles, \d{5,} words: \d+\.\d\d ms per article, \d+\.\d\d ms per 900 words \(median of 5 warm passes; fastest \d+\.\d\d; first pass \d+\.\d\d\)$/m);
  });

  it("rejects a malformed option with a message, not a stack trace", () => {
    const result = spawnSync(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/cli/bench.ts", "--reps", "zero"], { cwd: PROJECT_ROOT, encoding: "utf8" });
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/--reps must be a whole number/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("the issue's targets against a run", () => {
  const run = (kind: Kind, ms: number, peakMiB: number): Run => ({ kind, ms, cpuMs: ms, peakMiB, stages: {}, cache: null });
  const size = (n: number, cold: number, peak: number): SizeResult => ({
    n,
    identical: true,
    runs: [run("bare", 10_000, 200), run("cold", cold, peak), run("warm", 6_000, peak / 2), run("changed", 12_500, peak / 2)],
  });

  it("checks cold, warm and one-changed against bare, and the largest peak, at N = 4,000 only", () => {
    expect(targetChecks([size(1000, 20_000, 500)])).toEqual([]);
    const checks = targetChecks([size(1000, 20_000, 500), size(4000, 30_000, 900)]);
    expect(checks.map((c) => [c.measure, c.value, c.met])).toEqual([
      ["cold build, N = 4,000, vs bare Eleventy", "3.00×", true],
      ["peak memory (all processes), N = 4,000", "900 MiB", true],
      ["one article changed, N = 4,000", "1.25×", false],
      ["warm build, N = 4,000", "0.60×", true],
    ]);
    expect(formatTargets(checks).split("\n")[4]).toBe("| one article changed, N = 4,000 | 1.25× | <= 1.2× | no |");
  });

  it("adds how peak memory grows from N = 4,000 to 16,000 when both were measured", () => {
    const checks = targetChecks([size(4000, 30_000, 900), size(16000, 120_000, 1200)]);
    expect(checks.at(-1)).toEqual({ measure: "peak memory, N = 16,000 over N = 4,000", value: "1.33× (1200 MiB)", target: "<= 1.3×", met: false });
  });
});

describe("peak memory of a process tree", () => {
  it("adds up the resident sets of a process and its children", async () => {
    // A child that holds 200 MB of touched memory until it is told to stop.
    const child = spawn(process.execPath, ["-e", "const b = Buffer.alloc(200 * 2 ** 20, 1); process.stdout.write('ready'); setInterval(() => b[0]++, 1000);"], { stdio: ["ignore", "pipe", "ignore"] });
    try {
      await new Promise((resolve) => child.stdout!.once("data", resolve));
      const own = treeResidentKiB(child.pid!)!;
      const tree = treeResidentKiB(process.pid)!;
      expect(own).toBeGreaterThan(200 * 1024);
      expect(tree).toBeGreaterThanOrEqual(own + Math.round(process.memoryUsage().rss / 1024 / 2));
    } finally {
      child.kill();
    }
  });
});
