// Finishing every email of a build without holding up the render. Inlining,
// the text twin and the MIME message cost ~3.5 ms an email, which at archive
// scale is a third of a cold render if Eleventy's thread does it. So the
// email transform only submits the rendered HTML here and returns, and each
// email goes to the worker pool (scripts/pool/), which hands each worker a
// few at a time and the next ones as replies come in.
// A small build (fewer than `startAt` emails) never starts a worker: the
// main thread finishes its emails once Eleventy is done.
// Finished editions are handed to `onFinished` at once, so that a large build
// need not hold them all. (There is no cache of finished emails: a rebuild
// renders only the briefings that changed, and a full render finishes its
// emails beside the render; writing a cache cost more than it saved.)
import { finishEmail, type FinishedEmail } from "./finish.ts";
import type { MessageHeaders } from "./message.ts";
import { openPool, type WorkerPool } from "../pool/pool.ts";
import { asBuffer } from "../pool/worker.ts";

export interface FinisherOptions {
  /** Worker threads (0: everything on the main thread). */
  workers: number;
  /** Called on the main thread as each email is finished. */
  onFinished: (name: string, email: FinishedEmail) => void;
  /** Start workers once this many emails wait to be finished (default 64). */
  startAt?: number;
}

export interface EmailFinisher {
  /** Queues one email; `name` is how its result is reported (the output path). */
  submit(name: string, renderedHtml: string, headers: MessageHeaders): void;
  /** Resolves when every submitted email is finished; stops the workers. */
  finishAll(): Promise<void>;
  /** Where the emails were finished: by the workers, by the main thread. */
  readonly stats: { workers: number; main: number };
}

/** Emails handed to each worker before it has replied: ~30 ms of work, enough
 *  to keep it busy between the render's pauses (the main thread reads the
 *  replies and sends more whenever Eleventy awaits), few enough that a worker
 *  does not hold the whole archive's emails half-finished at once. */
const EMAILS_PER_WORKER = 8;

interface Job {
  name: string;
  renderedHtml: string;
  headers: MessageHeaders;
}

export function emailFinisher(options: FinisherOptions): EmailFinisher {
  const startAt = options.startAt ?? 64;
  const stats = { workers: 0, main: 0 };
  /** Submitted before the workers started: finished on the main thread if they never do. */
  let waiting: Job[] = [];
  /** Emails in the workers, each settling when its result has been handed on. */
  const inWorkers: Promise<void>[] = [];
  const failures: string[] = [];
  let pool: WorkerPool | null = null;

  const send = (workers: WorkerPool, job: Job) => {
    const finished = workers.run({ kind: "finish-email", html: job.renderedHtml, headers: job.headers }).then(
      (email) => {
        options.onFinished(job.name, { ...email, eml: asBuffer(email.eml) });
        stats.workers++;
      },
      (error: unknown) => void failures.push(`${job.name}: ${error instanceof Error ? error.message : String(error)}`),
    );
    inWorkers.push(finished);
  };

  return {
    stats,
    submit(name, renderedHtml, headers) {
      const job = { name, renderedHtml, headers };
      if (pool) return send(pool, job);
      waiting.push(job);
      if (options.workers > 0 && waiting.length >= startAt) {
        const started = openPool({ workers: options.workers, tasksPerWorker: EMAILS_PER_WORKER });
        pool = started;
        for (const queued of waiting) send(started, queued);
        waiting = [];
      }
    },
    async finishAll() {
      try {
        for (const job of waiting) {
          options.onFinished(job.name, await finishEmail(job.renderedHtml, job.headers));
          stats.main++;
        }
        waiting = [];
        await Promise.all(inWorkers);
      } finally {
        await pool?.close();
        pool = null;
      }
      if (failures.length > 0) throw new Error(`email editions failed: ${failures.join("; ")}`);
    },
  };
}
