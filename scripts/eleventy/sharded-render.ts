// The render: one Eleventy in the build's own process, or, for a large
// archive, several processes at once (scripts/eleventy/shards.ts says which
// pages and which data each gets): a shard of the briefing and edition pages
// each, and one for the shared pages. They write into the same staging
// folder, each its own files, so the site is the same bytes either way
// (test/build-shards.test.ts). Memory is then a shard's, not the archive's.
import { fork } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { BriefingError, problem, type Problem } from "../problems.ts";
import type { RenderInput } from "./eleventy-site.ts";
import { runEleventy } from "./run-eleventy.ts";
import { planShards, renderData, shardData, sharedPagesData } from "./shards.ts";
import type { ShardJob, ShardResult } from "./shard-process.ts";

/**
 * At most this many own pages per shard: a larger archive gets more shards,
 * run `processes` at a time, so that a render process's memory does not grow
 * with the archive (about 350 MiB for 330 briefings at N = 1,000).
 */
export const MAX_PAGES_PER_SHARD = 1000;

/** What to render (a RenderInput without its page set: the plan below decides it), and where. */
export interface RenderRequest extends Omit<RenderInput, "pages"> {
  outputDir: string;
  /** Where the render processes' jobs are written (the build's staging folder). */
  staging: string;
  /** Render processes for the own pages: 1 (the default) renders everything in this process. */
  processes: number | undefined;
  /** Own pages per shard at most (default MAX_PAGES_PER_SHARD). */
  maxPagesPerShard?: number;
}

/**
 * One process unless asked for more. Measured with `npm run bench` at
 * N = 1,000 and 4,000 on a busy 2-core machine, shards cost more than they
 * save while the build's own process still holds every article: each render
 * process starts Node, tsx, Eleventy and the fonts again (CPU), and adds its
 * own memory to the build's, which stays as large as it was. They pay once
 * the build's process keeps only the compact index (issue 17, not done yet).
 */
export const DEFAULT_RENDER_PROCESSES = 1;

/** Renders the site into `outputDir`; returns how many files were written. Throws a BriefingError with every process's problems. */
export async function renderPages(request: RenderRequest): Promise<number> {
  const { data, only } = request;
  const ownPages = only ? only.articles.length + only.editions.length : data.articles.length + data.editions.length;
  const processes = Math.max(1, Math.floor(request.processes ?? DEFAULT_RENDER_PROCESSES));
  const common = { root: request.root, reviewMarks: request.reviewMarks, cardCache: request.cardCache };
  if (processes <= 1) {
    return runEleventy({ ...common, data: renderData(data, only), only, pages: "all", emailFinishing: request.emailFinishing }, request.outputDir);
  }
  const shards = planShards(data, only, Math.max(processes, Math.ceil(ownPages / (request.maxPagesPerShard ?? MAX_PAGES_PER_SHARD))));
  // The email workers from BuildOptions, shared out between the shards that run at once.
  const emailWorkers = Math.floor(request.emailFinishing.workers / processes);
  const jobsDir = path.join(request.staging, "render-jobs");
  mkdirSync(jobsDir, { recursive: true });
  // Each job is written as its process starts: one shard's JSON text in memory at a time.
  const start = (name: string, job: ShardJob) => {
    const file = path.join(jobsDir, `${name}.json`);
    writeFileSync(file, JSON.stringify(job));
    return runShardProcess(file, request.root);
  };
  const shared = start("shared", { input: { ...common, data: sharedPagesData(data), only: { articles: [], editions: [] }, pages: "shared" }, emailWorkers: 0, outputDir: request.outputDir });
  // The shared pages beside the shards, which run `processes` at a time.
  const own = await inTurn(shards, processes, (shard, i) =>
    start(`shard-${i + 1}`, { input: { ...common, data: shardData(data, shard), only: shard.only, pages: "own" }, emailWorkers, outputDir: request.outputDir }));
  const results = await Promise.all([shared, ...own]);
  const problems: Problem[] = results.flatMap((r) => (r.ok ? [] : r.problems));
  if (problems.length > 0) throw new BriefingError(problems);
  const emails = { workers: 0, main: 0 };
  let written = 0;
  for (const r of results) {
    if (!r.ok) continue;
    written += r.files;
    emails.workers += r.emails.workers;
    emails.main += r.emails.main;
  }
  request.emailFinishing.onFinished?.(emails);
  return written;
}

/** `run` on every item, at most `limit` at once; results in the order of `items`. */
async function inTurn<T, R>(items: readonly T[], limit: number, run: (item: T, index: number) => Promise<R>): Promise<Promise<R>[]> {
  const results: Promise<R>[] = [];
  const running = new Set<Promise<unknown>>();
  for (const [index, item] of items.entries()) {
    if (running.size >= limit) await Promise.race(running);
    const result = run(item, index);
    results.push(result);
    const settled: Promise<boolean> = result.then(() => running.delete(settled), () => running.delete(settled));
    running.add(settled);
  }
  return results;
}

const SHARD_PROCESS = fileURLToPath(new URL("./shard-process.ts", import.meta.url));

/** tsx's loader for `node --import`, found through its package exports. */
function tsxLoaderUrl(): string {
  const requireHere = createRequire(import.meta.url);
  const manifest = requireHere.resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, unknown> };
  const entry = pkg.exports["."];
  const relative = typeof entry === "string" ? entry : (entry as { import?: string | { default?: string } } | undefined)?.import;
  const file = typeof relative === "string" ? relative : relative?.default;
  if (!file) throw new Error("tsx no longer exports its loader as \".\"; update scripts/eleventy/sharded-render.ts");
  return pathToFileURL(path.join(path.dirname(manifest), file)).href;
}

/**
 * Runs one render process on its job file, in the project folder (Eleventy
 * reads its ignores relative to the working directory); its stderr
 * (Eleventy's warnings) goes to ours.
 */
function runShardProcess(jobFile: string, root: string): Promise<ShardResult> {
  return new Promise((resolve) => {
    const child = fork(SHARD_PROCESS, [jobFile], { cwd: root, execArgv: ["--import", tsxLoaderUrl()], stdio: ["ignore", "ignore", "pipe", "ipc"] });
    let result: ShardResult | null = null;
    let stderr = "";
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
      stderr += chunk;
      process.stderr.write(chunk);
    });
    child.on("message", (message) => (result = message as ShardResult));
    child.on("error", (error) => resolve({ ok: false, problems: [failed(jobFile, error.message)] }));
    child.on("exit", (code, signal) => {
      resolve(result ?? { ok: false, problems: [failed(jobFile, `the render process stopped (${signal ?? `exit code ${code}`}) before it reported: ${stderr.trim().split("\n").slice(-3).join(" ") || "no message"}`)] });
    });
  });
}

const failed = (jobFile: string, message: string): Problem =>
  problem({ file: jobFile, stage: "render", message, fix: "see the message above; the previous _site/ is untouched" });
