// The build's worker threads: a pool (tinypool, vitest's) whose every thread
// runs the one worker module (worker.ts) on the tasks it is given. `map`
// returns results in the order of its tasks, whichever thread finished
// first, so parallel output is the serial output byte for byte. With no
// workers the same function runs on the calling thread and no thread starts.
// Threads start on the first task sent to them, not before.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import Tinypool from "tinypool";
import runTask, { type ResultOf, type Task } from "./worker.ts";

export interface PoolOptions {
  /** Worker threads (0: every task runs on the calling thread). */
  workers: number;
  /** Tasks handed to each worker before it has replied (default 2: one to
   *  work on, one waiting, so that a worker does not wait for a busy calling
   *  thread to read its reply). More when the calling thread is busy for
   *  long stretches, as when it renders while the workers finish emails. */
  tasksPerWorker?: number;
}

export interface WorkerPool {
  /** Runs one task in a worker thread (on the calling thread when there are no workers). */
  run<T extends Task>(task: T): Promise<ResultOf<T>>;
  /** Runs every task, results in task order. `alsoHere`: the calling thread takes tasks too, between the workers' replies. */
  map<T extends Task>(tasks: T[], options?: { alsoHere?: boolean }): Promise<ResultOf<T>[]>;
  /** Tasks done so far on the calling thread and in worker threads, and how many threads started. */
  readonly counts: { here: number; workers: number; threads: number };
  /** Stops the threads once their tasks are done. */
  close(): Promise<void>;
}

/** Worker threads besides the main thread, when the caller does not say: available cores - 1. */
export function defaultWorkerCount(): number {
  return Math.max(0, os.availableParallelism() - 1);
}

/** BRIEFING_WORKERS from the environment (the CLI's switch): a whole number of worker threads, or undefined. */
export function workersFromEnv(env: Record<string, string | undefined>): number | undefined {
  const raw = env.BRIEFING_WORKERS;
  if (raw === undefined || raw.trim() === "") return undefined;
  const n = Number(raw);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

export function openPool(options: PoolOptions): WorkerPool {
  const counts = { here: 0, workers: 0, threads: 0 };
  let threads: Tinypool | null = null;

  const here = async <T extends Task>(task: T): Promise<ResultOf<T>> => {
    const result = await runTask(task);
    counts.here++;
    return result;
  };

  const inWorker = async <T extends Task>(task: T): Promise<ResultOf<T>> => {
    if (!threads) {
      threads = new Tinypool({
        filename: workerBootstrap(),
        minThreads: options.workers,
        maxThreads: options.workers,
        concurrentTasksPerWorker: options.tasksPerWorker ?? 2,
      });
      counts.threads = options.workers;
    }
    const result = (await threads.run(task)) as ResultOf<T>;
    counts.workers++;
    return result;
  };

  const run = <T extends Task>(task: T) => (options.workers > 0 ? inWorker(task) : here(task));

  return {
    counts,
    run,
    async map<T extends Task>(tasks: T[], mapOptions: { alsoHere?: boolean } = {}) {
      const results: ResultOf<T>[] = new Array(tasks.length);
      let next = 0;
      // Each lane takes the next task when its last one is done.
      // A failed task fails the whole map, and the other lanes take no more.
      const lane = async (runOne: (task: T) => Promise<ResultOf<T>>, between?: () => Promise<void>) => {
        try {
          for (let i = next++; i < tasks.length; i = next++) {
            results[i] = await runOne(tasks[i]!);
            await between?.();
          }
        } catch (error) {
          next = tasks.length;
          throw error;
        }
      };
      const lanes: Promise<void>[] = [];
      const workerLanes = Math.min(tasks.length, options.workers * (options.tasksPerWorker ?? 2));
      for (let i = 0; i < workerLanes; i++) lanes.push(lane(inWorker));
      // The calling thread's tasks are synchronous work: after each, let the
      // workers' replies in, so that they get their next task at once.
      if (options.workers === 0 || mapOptions.alsoHere) lanes.push(lane(here, () => new Promise<void>((resolve) => setImmediate(resolve))));
      await Promise.all(lanes);
      return results;
    },
    async close() {
      const running = threads;
      threads = null;
      await running?.destroy();
    },
  };
}

/**
 * The module each thread loads: registers tsx's loader in the thread, then
 * imports worker.ts. A data: URL, because tinypool imports a module by name
 * and the loader must be in place before a .ts file is imported; this works
 * the same under `tsx`, vitest and plain node.
 */
function workerBootstrap(): string {
  const worker = new URL("./worker.ts", import.meta.url).href;
  const code = `const { register } = await import(${JSON.stringify(tsxEsmApiUrl())}); register(); const worker = await import(${JSON.stringify(worker)}); export default worker.default;`;
  return `data:text/javascript,${encodeURIComponent(code)}`;
}

/** tsx's ESM register API, found through its package exports (require.resolve would give the CommonJS build). */
function tsxEsmApiUrl(): string {
  const manifest = createRequire(import.meta.url).resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import?: { default?: string } } | string> };
  const entry = pkg.exports["./esm/api"];
  const relative = typeof entry === "object" ? entry.import?.default : undefined;
  if (!relative) throw new Error("tsx no longer exports ./esm/api for import; update scripts/pool/pool.ts");
  return pathToFileURL(path.join(path.dirname(manifest), relative)).href;
}
