// The render: one Eleventy in the build's own process, or, for a large
// archive, several processes at once (scripts/render/shards.ts says which
// pages and which data each gets): a shard of the briefing and edition pages
// each, and one for the shared pages. They write into the same staging
// folder, each its own files, so the site is the same bytes either way
// (test/build-shards.test.ts). Memory is then a shard's, not the archive's.
import { fork } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { DataFile } from "../schema.ts";
import { BriefingError, problem, type Problem } from "../pipeline/problems.ts";
import type { EmailFinishing } from "./email.ts";
import type { RenderInput, RenderOnly } from "./eleventy-site.ts";
import { runEleventy } from "./run-eleventy.ts";
import { planShards, renderData, shardData, sharedPagesData } from "./shards.ts";
import type { ShardJob, ShardResult } from "./shard-process.ts";

/**
 * Below this many own pages (briefings and editions) per process, starting a
 * process (Node, tsx, Eleventy, fonts: about a second) costs more than it
 * saves: a build left to choose renders in its own process.
 */
export const MIN_PAGES_PER_PROCESS = 200;

/**
 * At most this many own pages per shard: a larger archive gets more shards,
 * run `processes` at a time, so that a render process's memory does not grow
 * with the archive (about 350 MiB for 330 briefings at N = 1,000).
 */
export const MAX_PAGES_PER_SHARD = 1000;

export interface RenderRequest {
  root: string;
  data: DataFile;
  /** The own pages to render (a partial render), null for all. */
  only: RenderOnly | null;
  reviewMarks: boolean;
  cardCache: string | null;
  emailFinishing: EmailFinishing;
  outputDir: string;
  /** Where the render processes' jobs are written (the build's staging folder). */
  staging: string;
  /** Render processes for the own pages: 1 renders everything in this process; undefined lets the build choose (see renderProcessCount). */
  processes: number | undefined;
  /** Own pages per shard at most (default MAX_PAGES_PER_SHARD). */
  maxPagesPerShard?: number;
}

/** The default: as many processes as cores, when each gets MIN_PAGES_PER_PROCESS pages or more. */
export function renderProcessCount(requested: number | undefined, ownPages: number): number {
  if (requested !== undefined) return Math.max(1, Math.floor(requested));
  return Math.max(1, Math.min(os.availableParallelism(), Math.floor(ownPages / MIN_PAGES_PER_PROCESS)));
}

/** Renders the site into `outputDir`; returns how many files were written. Throws a BriefingError with every process's problems. */
export async function renderPages(request: RenderRequest): Promise<number> {
  const { data, only } = request;
  const ownPages = only ? only.articles.length + only.editions.length : data.articles.length + data.editions.length;
  const processes = renderProcessCount(request.processes, ownPages);
  const common = { root: request.root, reviewMarks: request.reviewMarks, cardCache: request.cardCache };
  if (processes <= 1) {
    return runEleventy({ ...common, data: renderData(data, only), only, pages: "all", emailFinishing: request.emailFinishing }, request.outputDir);
  }
  const shards = planShards(data, only, Math.max(processes, Math.ceil(ownPages / (request.maxPagesPerShard ?? MAX_PAGES_PER_SHARD))));
  // The email workers from BuildOptions, shared out between the shards.
  const emailWorkers = Math.floor(request.emailFinishing.workers / shards.length);
  const jobs: ShardJob[] = [
    { input: { ...common, data: sharedPagesData(data), only: { articles: [], editions: [] }, pages: "shared" }, emailWorkers: 0, outputDir: request.outputDir },
    ...shards.map((shard): ShardJob => ({ input: { ...common, data: shardData(data, shard), only: shard.only, pages: "own" }, emailWorkers, outputDir: request.outputDir })),
  ];
  const jobsDir = path.join(request.staging, "render-jobs");
  mkdirSync(jobsDir, { recursive: true });
  const files = jobs.map((job, i) => {
    const file = path.join(jobsDir, i === 0 ? "shared.json" : `shard-${i}.json`);
    writeFileSync(file, JSON.stringify(job));
    return file;
  });
  // The shared pages beside the shards, which run `processes` at a time.
  const [shared, ...own] = files;
  const results = await Promise.all([runShardProcess(shared!, request.root), ...(await inTurn(own, processes, (file) => runShardProcess(file, request.root)))]);
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
async function inTurn<T, R>(items: readonly T[], limit: number, run: (item: T) => Promise<R>): Promise<Promise<R>[]> {
  const results: Promise<R>[] = [];
  const running = new Set<Promise<unknown>>();
  for (const item of items) {
    if (running.size >= limit) await Promise.race(running);
    const result = run(item);
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
  if (!file) throw new Error("tsx no longer exports its loader as \".\"; update scripts/render/sharded-render.ts");
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
