// Parallel processing: processArticle across worker threads, with the main
// thread working through the same queue. Workers take a few hundred
// milliseconds to start (tsx and the NLP libraries load in each), so the main
// thread starts at once and a pool is only started when the work measured so
// far says the rest will take longer than starting it. Every article goes
// through the same processArticle, and results are put back in input order, so
// the output is the serial path's, byte for byte.
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import type { Worker } from "node:worker_threads";
import { tsxWorker } from "../tsx-worker.ts";
import type { Article, Site } from "../schema.ts";
import { processArticle } from "./process-article.ts";
import { BriefingError, type Problem } from "./problems.ts";
import type { SourceArticle } from "./read.ts";
import type { ArticleProcessor } from "./run.ts";
import type { WorkerReply, WorkerRequest } from "./parallel-worker.ts";

export interface ParallelOptions {
  /** Worker threads besides the main thread (default: available cores - 1). 0 means serial. */
  workers?: number;
  /** Start the pool only when the estimated remaining serial time exceeds this (default 300 ms). */
  startWhenRemainingMs?: number;
  /** Let the main thread process articles too (default true). Off, it only
   *  dispatches, unless every worker failed to start; tests use this to make
   *  sure the workers really did the work. */
  mainThread?: boolean;
  /** Called once per run: how many articles, and how many threads did the work. */
  onRun?: (info: ParallelRun) => void;
}

export interface ParallelRun {
  articles: number;
  /** Threads that processed at least one article (main thread included). */
  threads: number;
  workersStarted: number;
  /** Articles processed by each thread, the main thread first. */
  perThread: number[];
}

/** Articles per message to a worker: large enough to amortize messaging, small enough to balance. */
const BATCH = 8;
/** Articles the main thread does between looks at its mailbox. */
const MAIN_BATCH = 4;
/** Articles measured before deciding whether a pool pays for itself. */
const PROBE = 4;

export function defaultWorkerCount(): number {
  return Math.max(0, os.availableParallelism() - 1);
}

/** BRIEFING_WORKERS from the environment: a whole number of worker threads, or undefined. */
export function workersFromEnv(env: Record<string, string | undefined>): number | undefined {
  const raw = env.BRIEFING_WORKERS;
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

export function parallelProcessor(options: ParallelOptions = {}): ArticleProcessor {
  return (sources, site) => processInParallel(sources, site, options);
}

interface Failure {
  index: number;
  problems: Problem[];
}

interface PoolWorker {
  worker: Worker;
  ready: boolean;
  inFlight: Map<number, number[]>;
  done: number;
  dead: boolean;
}

export async function processInParallel(sources: SourceArticle[], site: Site, options: ParallelOptions = {}): Promise<Article[]> {
  const workerCount = options.workers ?? defaultWorkerCount();
  const threshold = options.startWhenRemainingMs ?? 300;
  const results: (Article | undefined)[] = new Array(sources.length);
  const failures: Failure[] = [];
  const queue: number[] = sources.map((_, i) => i);
  const pool: PoolWorker[] = [];
  let mainDone = 0;
  let batchIds = 0;
  let wake: (() => void) | null = null;
  const notify = () => {
    wake?.();
    wake = null;
  };

  const takeBatch = (size: number): number[] => (failures.length > 0 ? [] : queue.splice(0, size));

  const dispatch = (pw: PoolWorker) => {
    // Two batches in flight keep a worker busy while the main thread is not
    // reading its messages.
    while (pw.ready && !pw.dead && pw.inFlight.size < 2) {
      const batch = takeBatch(BATCH);
      if (batch.length === 0) return;
      const id = batchIds++;
      pw.inFlight.set(id, batch);
      const request: WorkerRequest = { type: "batch", id, items: batch.map((index) => ({ index, source: sources[index]! })) };
      pw.worker.postMessage(request);
    }
  };

  const startPool = () => {
    for (let w = 0; w < workerCount; w++) {
      const pw: PoolWorker = { worker: startWorker(site), ready: false, inFlight: new Map(), done: 0, dead: false };
      pw.worker.on("message", (reply: WorkerReply) => {
        if (reply.type === "ready") pw.ready = true;
        else {
          pw.inFlight.delete(reply.id);
          for (const r of reply.results) {
            if ("article" in r) results[r.index] = r.article;
            else failures.push({ index: r.index, problems: r.problems });
            pw.done++;
          }
        }
        dispatch(pw);
        notify();
      });
      const lose = () => {
        if (pw.dead) return;
        pw.dead = true;
        // A worker that could not start or died: its batches go back to the
        // front of the queue for the others (or the main thread).
        for (const batch of [...pw.inFlight.values()].reverse()) queue.unshift(...batch);
        pw.inFlight.clear();
        notify();
      };
      pw.worker.on("error", lose);
      pw.worker.on("exit", lose);
      pool.push(pw);
    }
  };

  const runOnMain = (batch: number[]) => {
    for (const index of batch) {
      try {
        results[index] = processArticle(sources[index]!, site);
      } catch (error) {
        if (!(error instanceof BriefingError)) throw error;
        failures.push({ index, problems: error.problems });
      }
      mainDone++;
    }
  };

  try {
    const mainThread = options.mainThread ?? true;
    if (mainThread || workerCount === 0) {
      const t0 = performance.now();
      runOnMain(takeBatch(Math.min(PROBE, queue.length)));
      const perArticle = mainDone > 0 ? (performance.now() - t0) / mainDone : 0;
      if (workerCount > 0 && queue.length > 0 && perArticle * queue.length > threshold) startPool();
    } else if (queue.length > 0) startPool();

    while (queue.length > 0 || pool.some((pw) => pw.inFlight.size > 0)) {
      const mainWorks = mainThread || pool.every((pw) => pw.dead);
      for (const pw of pool) dispatch(pw);
      if (queue.length > 0 && mainWorks) {
        runOnMain(takeBatch(MAIN_BATCH));
        // Let worker replies in before the next batch.
        await new Promise<void>((resolve) => setImmediate(resolve));
      } else {
        await new Promise<void>((resolve) => {
          wake = resolve;
        });
      }
      if (failures.length > 0) queue.length = 0;
    }
  } finally {
    await Promise.all(pool.map((pw) => pw.worker.terminate()));
  }

  options.onRun?.({
    articles: sources.length,
    threads: 1 + pool.filter((pw) => pw.done > 0).length,
    workersStarted: pool.length,
    perThread: [mainDone, ...pool.map((pw) => pw.done)],
  });
  if (failures.length > 0) {
    // The serial path stops at the first failing article in input order; so
    // does this (every article before it was dispatched and has finished).
    failures.sort((a, b) => a.index - b.index);
    throw new BriefingError(failures[0]!.problems);
  }
  return results as Article[];
}

function startWorker(site: Site): Worker {
  return tsxWorker(new URL("./parallel-worker.ts", import.meta.url), { site });
}
