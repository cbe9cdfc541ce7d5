// Normalizing and summarizing in parallel: the articles go to the worker pool
// (scripts/pool/) in batches, and the main thread takes batches too. Every
// article goes through the same processArticle, and the pool returns the
// batches in input order, so the output is the serial path's, byte for byte.
import type { Site } from "../schema.ts";
import { openPool } from "../pool/pool.ts";
import type { TaskOf } from "../pool/worker.ts";
import type { ProcessedArticle } from "./process-article.ts";
import type { SourceArticle } from "./read.ts";
import type { ArticleProcessor } from "./run.ts";

export interface ParallelOptions {
  /** Worker threads besides the main thread. 0 means serial. */
  workers: number;
  /** Start workers only for at least this many articles (default 64): a
   *  worker takes the better part of a second to load tsx and the NLP
   *  libraries, as long as the main thread takes for about a hundred articles. */
  startAt?: number;
  /** Let the main thread process batches too (default true). Off, it only
   *  waits; tests use this to make sure the workers really did the work. */
  mainThread?: boolean;
  /** Called once per run: how many articles, and where their batches ran. */
  onRun?: (info: ParallelRun) => void;
}

export interface ParallelRun {
  articles: number;
  workersStarted: number;
  /** Batches (of up to BATCH articles) processed on the main thread and in the workers. */
  batches: { main: number; workers: number };
}

/** Articles per task: large enough to amortize messaging, small enough to balance. */
export const BATCH = 8;

export function parallelProcessor(options: ParallelOptions): ArticleProcessor {
  return (sources, site) => processInParallel(sources, site, options);
}

export async function processInParallel(sources: SourceArticle[], site: Site, options: ParallelOptions): Promise<ProcessedArticle[]> {
  const workers = sources.length >= (options.startAt ?? 64) ? options.workers : 0;
  const tasks: TaskOf<"normalize">[] = [];
  for (let i = 0; i < sources.length; i += BATCH) tasks.push({ kind: "normalize", site, sources: sources.slice(i, i + BATCH) });
  const pool = openPool({ workers });
  let batches;
  try {
    batches = await pool.map(tasks, { alsoHere: options.mainThread ?? true });
  } finally {
    await pool.close();
  }
  options.onRun?.({ articles: sources.length, workersStarted: pool.counts.threads, batches: { main: pool.counts.here, workers: pool.counts.workers } });
  return batches.flat();
}
