// The whole build: pipeline -> data file -> Eleventy, all written to a staging
// folder and swapped into place only when every stage succeeded. A failure
// leaves the previous _data/briefing.json and _site/ exactly as they were.
import { existsSync, mkdirSync, mkdtempSync, renameSync } from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { loadSite } from "./site-settings.ts";
import { writeDataFile, DATA_FILE } from "./pipeline/data-file.ts";
import { checkedEntries, runPipeline, type ArticleProcessor, type EntryProcessor } from "./pipeline/run.ts";
import { cachedProcessor, openArticleCache, CACHE_DIR } from "./incremental/article-cache.ts";
import { BATCH, parallelProcessor, type ParallelRun } from "./pipeline/parallel.ts";
import { defaultWorkerCount, openPool, type WorkerPool } from "./pool/pool.ts";
import type { EmailFinishing } from "./email/eleventy-plugin.ts";
import type { RenderOnly } from "./eleventy/eleventy-site.ts";
import { renderPages } from "./eleventy/sharded-render.ts";
import { BriefingError, problem, type Problem } from "./problems.ts";
import { dataFileUnchanged, keepArticleFolders, manifestInBackground, planRender, recordRender, renderKeys, type Manifest, type RenderPlan } from "./incremental/render-cache.ts";
import { guessCountLine } from "./pipeline/review.ts";
import type { DataFile } from "./schema.ts";
import { countOf } from "./count.ts";
import { warmArticleCache, type WarmBuild } from "./dev/warm.ts";

export interface BuildOptions {
  root: string;
  env?: Record<string, string | undefined>;
  /** Where the site goes (default `_site` under root). */
  outputDir?: string;
  /** Replaces the default processor (cache around the worker pool). */
  processor?: ArticleProcessor;
  /** Use the per-article cache in `.cache/` (default true; BRIEFING_CACHE=off disables it). */
  cache?: boolean;
  /** Worker threads besides the main thread, for normalizing and for finishing emails (default cores - 1; 0 is serial). The CLI maps BRIEFING_WORKERS here. */
  workers?: number;
  /**
   * Eleventy processes at once for the briefing and edition pages, each
   * given a shard of the archive, besides one for the shared pages (default
   * 1: everything in this process; scripts/eleventy/sharded-render.ts says
   * why). The CLI maps BRIEFING_RENDER_PROCESSES here.
   */
  renderProcesses?: number;
  log?: (line: string) => void;
  /** Show the review's marks on the briefing pages: npm run dev's toggle (never npm run build's). */
  reviewMarks?: boolean;
  /** What npm run dev's build process keeps between its builds (scripts/dev/warm.ts): made once by the caller and passed to every build. */
  warm?: WarmBuild;
}

export interface BuildReport {
  data: DataFile;
  warnings: Problem[];
  stages: { name: string; ms: number; detail: string }[];
  outputFiles: number;
  /** Where the emails of this render were finished (none when the render was skipped). */
  emails: { workers: number; main: number };
}

export async function build(options: BuildOptions): Promise<BuildReport> {
  const root = path.resolve(options.root);
  const env = options.env ?? process.env;
  const log = options.log ?? (() => {});
  const workers = options.workers ?? defaultWorkerCount();
  const stages: BuildReport["stages"] = [];
  const stageLine = (entry: { name: string; ms: number; detail: string }) => `${entry.name.padEnd(10)} ${entry.detail} (${Math.round(entry.ms)} ms)`;
  const timed = async <T>(name: string, fn: () => Promise<T> | T, detail: (v: T) => string): Promise<T> => {
    const t0 = performance.now();
    const value = await fn();
    const entry = { name, ms: performance.now() - t0, detail: detail(value) };
    stages.push(entry);
    log(stageLine(entry));
    return value;
  };

  // Two chores for one worker thread while the pipeline works: what the
  // output folder holds now, for deciding what to render; then removing the
  // site the last build replaced (its staging folder holds it).
  const chores = openPool({ workers: Math.min(workers, 1) });
  const finalSite = path.resolve(root, options.outputDir ?? "_site");
  const useCache = !options.processor && (options.cache ?? env.BRIEFING_CACHE !== "off");
  const siteNow = useCache ? manifestInBackground(finalSite, chores) : Promise.resolve(null);
  const cleared = clearInBackground(root, path.join(root, ".build"), chores);
  void Promise.allSettled([siteNow, cleared]).then(() => chores.close());
  const site = await timed("config", () => loadSite(path.join(root, "_data/site.yaml"), env), (s) => `site ${s.url}`);
  // Timed by hand: when an article has an error, the errors come first and the
  // stage's summary ("8 articles read, 7 published") after them, not above.
  const pipelineStart = performance.now();
  // The checked data file is released once written (below), hence `let`.
  let { checked, ...result } = await runPipeline({ root, articlesDir: path.join(root, "src/articles"), site }, options.processor ? checkedEntries(options.processor) : defaultProcessor(root, env, { cache: options.cache, workers, warm: options.warm }, log));
  const pipelineEntry = {
    name: "pipeline",
    ms: performance.now() - pipelineStart,
    detail: `${countOf(result.stats.read, "article")} read, ${result.stats.published} published, ${countOf(result.stats.drafts, "draft")}`,
  };
  stages.push(pipelineEntry);
  const errors = result.problems.filter((p) => p.severity === "error");
  if (!checked || errors.length > 0) throw new BriefingError(errors.length > 0 ? errors : result.problems, stageLine(pipelineEntry));
  log(stageLine(pipelineEntry));
  const data = checked.data;
  // What is left for the editor to check; never a reason to fail.
  log(`${"review".padEnd(10)} ${guessCountLine(data.articles)}`);

  const staging = path.join(root, ".build");
  const stagedData = path.join(staging, "briefing.json");
  const stagedSite = path.join(staging, "site");
  mkdirSync(staging, { recursive: true });

  const finalData = path.join(root, DATA_FILE);
  const siteName = `${path.relative(root, finalSite) || finalSite}/`;
  const keys = useCache ? renderKeys(root, finalSite, data, checked.entries.map((e) => e.digest), { reviewMarks: options.reviewMarks }) : null;
  const current = await siteNow;
  const plan: RenderPlan = keys ? planRender(root, keys, finalSite, current ?? undefined) : { kind: "full", reason: "the render cache is off" };
  // Nothing changed and the data file is the last build's: its bytes would be the same.
  const keepData = plan.kind === "skip" && dataFileUnchanged(plan.record, finalData);
  if (keepData) {
    await timed("data", () => data.articles.length, (n) => `${DATA_FILE} unchanged since the last build (${countOf(n, "article")}, validated then)`);
  } else {
    await timed("data", () => writeDataFile(stagedData, checked!), () => `${DATA_FILE} validated (${countOf(data.articles.length, "article")})`);
  }
  // At archive scale the articles' JSON texts are hundreds of megabytes that
  // the render has better use for: the data file holds them now.
  checked = null;
  let outputFiles: number;
  let knownFiles: Manifest = {};
  const emails = { workers: 0, main: 0 };
  const renderOptions: RenderOptions = { reviewMarks: options.reviewMarks === true, useCache, emailFinishing: { workers, onFinished: (s) => Object.assign(emails, s) }, processes: options.renderProcesses };
  if (plan.kind === "skip") {
    outputFiles = await timed("render", () => plan.record.outputFiles, (n) => `skipped: data file, templates and code unchanged since the build that wrote ${siteName} (${countOf(n, "file")} kept)`);
  } else if (plan.kind === "partial") {
    // Only the changed briefings and the shared pages; the rest of the
    // folder comes from the previous site (scripts/incremental/render-cache.ts).
    const written = await timed("render", () => renderSite(root, data, { articles: plan.render, editions: plan.renderEditions }, staging, stagedSite, renderOptions),
      (n) => `${countOf(n, "file")} written by Eleventy (${countOf(plan.render.length, "changed or new briefing")}, ${countOf(plan.renderEditions.length, "edition")} and the shared pages)`);
    const kept = await timed("keep", () => keepArticleFolders(finalSite, stagedSite, plan.record.manifest, plan.keep, plan.keepEditions),
      (k) => `${countOf(k.files, "file")} of ${countOf(plan.keep.length, "unchanged briefing")} and ${countOf(plan.keepEditions.length, "edition")} kept from ${siteName}`);
    outputFiles = written + kept.files;
    knownFiles = kept.linked;
  } else {
    outputFiles = await timed("render", () => renderSite(root, data, null, staging, stagedSite, renderOptions), (n) => `${countOf(n, "file")} written by Eleventy${keys ? ` (${plan.reason})` : ""}`);
  }

  // Swap: both renames are on one file system, so each is atomic.
  await timed("swap", async () => {
    if (plan.kind !== "skip") {
      const old = path.join(staging, "old-site");
      if (existsSync(finalSite)) renameSync(finalSite, old);
      mkdirSync(path.dirname(finalSite), { recursive: true });
      renameSync(stagedSite, finalSite);
    }
    if (!keepData) {
      mkdirSync(path.dirname(finalData), { recursive: true });
      renameSync(stagedData, finalData);
    }
    // The replaced site stays in .build/ until the next build clears it in the background.
    if (keys && !keepData) outputFiles = recordRender(root, keys, finalSite, finalData, knownFiles).outputFiles;
  }, () => (keepData ? "nothing to move" : `${plan.kind === "skip" ? "" : `${siteName} and `}${DATA_FILE} in place`));
  await cleared;

  return { data, warnings: result.problems.filter((p) => p.severity === "warning"), stages, outputFiles, emails };
}

/**
 * Moves `dir` (if any) into `.build-trash/` and deletes the trash in the
 * pool (on a worker thread, or on this one when it has no workers): removing
 * a replaced site is thousands of system calls that need not hold up the
 * build's own work. Resolves when the trash is gone; a failure only leaves it
 * for the next build to try again.
 */
function clearInBackground(root: string, dir: string, pool: WorkerPool): Promise<void> {
  const trash = path.join(root, ".build-trash");
  if (existsSync(dir)) {
    mkdirSync(trash, { recursive: true });
    renameSync(dir, path.join(mkdtempSync(path.join(trash, "build-")), "build"));
  }
  if (!existsSync(trash)) return Promise.resolve();
  return pool.run({ kind: "remove", dir: trash }).then(() => {}, () => {});
}

/**
 * The cache in front of the worker pool: hits come from `.cache/`, and only
 * the misses are normalized and summarized, in parallel when they are many.
 * Each logs its own stage line.
 */
export function defaultProcessor(root: string, env: Record<string, string | undefined>, options: Pick<BuildOptions, "cache" | "workers" | "warm">, log: (line: string) => void): EntryProcessor {
  const workers = options.workers ?? defaultWorkerCount();
  let lastRun: ParallelRun | null = null;
  const pool = parallelProcessor({ workers, onRun: (run) => (lastRun = run) });
  const timedPool: ArticleProcessor = async (sources, site) => {
    const t0 = performance.now();
    const articles = await pool(sources, site);
    const run = lastRun as ParallelRun | null;
    const how = !run
      ? ""
      : run.workersStarted === 0
        ? workers === 0 ? " serially (workers off)" : " on the main thread (too few to start workers)"
        : ` in batches of ${BATCH}: ${run.batches.main} on the main thread, ${run.batches.workers} in ${countOf(run.workersStarted, "worker")}`;
    log(`${"normalize".padEnd(10)} ${countOf(sources.length, "article")} normalized and summarized${how} (${Math.round(performance.now() - t0)} ms)`);
    return articles;
  };
  const useCache = options.cache ?? env.BRIEFING_CACHE !== "off";
  if (!useCache) return checkedEntries(timedPool);
  const cache = options.warm ? warmArticleCache(openArticleCache(root), options.warm) : openArticleCache(root);
  return cachedProcessor({
    cache,
    inner: timedPool,
    onStats: (s) => {
      const rejected = s.rejected > 0 ? ` (${s.rejected} unreadable or invalid, rebuilt)` : "";
      const pruned = s.pruned > 0 ? `, ${s.pruned} stale removed` : "";
      log(`${"cache".padEnd(10)} ${countOf(s.hits, "hit")}, ${countOf(s.misses, "miss", "misses")}${rejected}, ${s.written} written${pruned} in ${CACHE_DIR}/`);
    },
  });
}

/**
 * Runs Eleventy into `outputDir` on the data file's value, handed over in
 * memory as plugin options (it was validated and written a moment ago;
 * parsing a hundred megabytes again would only cost time), in this process
 * or in several (scripts/eleventy/sharded-render.ts). `only`: the slugs and
 * edition dates whose own pages to render, null for all.
 * `options.reviewMarks`: show the review's marks (npm run dev only);
 * `options.useCache`: keep social cards in .cache/cards/. Returns how many
 * files Eleventy wrote.
 */
interface RenderOptions { reviewMarks: boolean; useCache: boolean; emailFinishing: EmailFinishing; processes: number | undefined }

function renderSite(root: string, data: DataFile, only: RenderOnly | null, staging: string, outputDir: string, options: RenderOptions): Promise<number> {
  return renderPages({
    root,
    data,
    only,
    reviewMarks: options.reviewMarks,
    cardCache: options.useCache ? path.join(root, CACHE_DIR, "cards") : null,
    emailFinishing: options.emailFinishing,
    outputDir,
    staging,
    processes: options.processes,
  });
}
