// Finishing every email of a build without holding up the render. Inlining,
// the text twin and the MIME message cost ~3.5 ms an email, which at archive
// scale is a third of a cold render if Eleventy's thread does it. So the
// email transform only submits the rendered HTML here and returns, and each
// email is posted to a worker thread at once: Eleventy renders and writes
// synchronously, so the main thread rarely reads its mailbox before the
// render ends, and a worker that waited to be fed would sit idle. When
// Eleventy is done, the main thread takes emails from the back of the list
// while the workers go on from the front; a slot in shared memory, claimed
// with compare-and-swap, decides who finishes each one. A small build (fewer
// than `startAt` emails to finish) never starts a worker.
// Finished editions are handed to `onFinished` at once, so that a large build
// need not hold them all. (There is no cache of finished emails: a rebuild
// renders only the briefings that changed, and a full render finishes its
// emails beside the render; writing a cache cost more than it saved.)
import type { Worker } from "node:worker_threads";
import { tsxWorker } from "../tsx-worker.ts";
import { finishEmail, type FinishedEmail } from "./finish.ts";
import { CLAIMED_BY_MAIN, UNCLAIMED } from "./claims.ts";
import type { FinishReply, FinishRequest } from "./finish-worker.ts";
import type { MessageHeaders } from "./message.ts";

export interface FinisherOptions {
  /** Worker threads (0: everything on the main thread). */
  workers: number;
  /** Called on the main thread as each email is finished. */
  onFinished: (name: string, email: FinishedEmail) => void;
  /** Start workers once this many emails wait to be finished (default 64). */
  startAt?: number;
  /** Let the main thread finish emails too once Eleventy is done (default
   *  true). Off, it only waits, unless no worker is left; tests use this to
   *  make sure the workers really did the work. */
  mainThread?: boolean;
}

export interface EmailFinisher {
  /** Queues one email; `name` is how its result is reported (the output path). */
  submit(name: string, renderedHtml: string, headers: MessageHeaders): void;
  /** Resolves when every submitted email is finished; stops the workers. */
  finishAll(): Promise<void>;
  /** Where the emails were finished: by the workers, by the main thread. */
  readonly stats: { workers: number; main: number };
}

interface Job {
  id: number;
  name: string;
  renderedHtml: string;
  headers: MessageHeaders;
  /** Where its claim lives once it is posted to a worker. */
  claim: { slots: Int32Array; slot: number; worker: Worker } | null;
}

/** Claim slots per shared buffer. */
const SLOTS = 1024;

export function emailFinisher(options: FinisherOptions): EmailFinisher {
  const startAt = options.startAt ?? 64;
  /** Submitted and not yet finished. */
  const pending = new Map<number, Job>();
  /** Every submitted job in order; the main thread walks it from the end. */
  const order: Job[] = [];
  let cursor = -1;
  /** Jobs of a worker that died: the main thread finishes them. */
  const orphans: Job[] = [];
  const workers: Worker[] = [];
  const failures: string[] = [];
  const stats = { workers: 0, main: 0 };
  let ids = 0;
  let posted = 0;
  let slots = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
  let wake: (() => void) | null = null;

  const store = (job: Job, email: FinishedEmail) => {
    pending.delete(job.id);
    options.onFinished(job.name, email);
  };

  const post = (job: Job) => {
    if (posted > 0 && posted % SLOTS === 0) slots = new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT));
    const worker = workers[posted % workers.length]!;
    job.claim = { slots, slot: posted % SLOTS, worker };
    posted++;
    worker.postMessage({ id: job.id, html: job.renderedHtml, headers: job.headers, slots: slots.buffer as SharedArrayBuffer, slot: job.claim.slot } satisfies FinishRequest);
  };

  const startWorkers = () => {
    for (let i = 0; i < options.workers; i++) {
      const worker = tsxWorker(new URL("./finish-worker.ts", import.meta.url));
      worker.on("message", (reply: FinishReply) => {
        const job = pending.get(reply.id);
        if (job && reply.type === "done") {
          store(job, { html: reply.html, text: reply.text, eml: Buffer.from(reply.eml) });
          stats.workers++;
        } else if (job && reply.type === "failed") {
          pending.delete(job.id);
          failures.push(`${job.name}: ${reply.message}`);
        }
        wake?.();
      });
      // A worker that fails to start or dies leaves its emails to the main thread.
      const lose = () => {
        const i = workers.indexOf(worker);
        if (i < 0) return;
        workers.splice(i, 1);
        for (const job of pending.values()) if (job.claim?.worker === worker) orphans.push(job);
        wake?.();
      };
      worker.on("error", lose);
      worker.on("exit", lose);
      // Until finishAll waits for them, workers do not keep the process
      // alive: a render that fails before the end must still exit.
      worker.unref();
      workers.push(worker);
    }
  };

  /** The next email the main thread may finish itself: an orphan, else the last one nobody claimed. */
  const nextForMain = (): Job | undefined => {
    const orphan = orphans.pop();
    if (orphan) return pending.has(orphan.id) ? orphan : nextForMain();
    if (options.mainThread === false && workers.length > 0) return undefined;
    for (; cursor >= 0; cursor--) {
      const job = order[cursor]!;
      if (!pending.has(job.id)) continue;
      if (!job.claim || Atomics.compareExchange(job.claim.slots, job.claim.slot, UNCLAIMED, CLAIMED_BY_MAIN) === UNCLAIMED) {
        cursor--;
        return job;
      }
    }
    return undefined;
  };

  return {
    stats,
    submit(name, renderedHtml, headers) {
      const job: Job = { id: ids++, name, renderedHtml, headers, claim: null };
      pending.set(job.id, job);
      order.push(job);
      if (workers.length > 0) post(job);
      else if (options.workers > 0 && pending.size >= startAt) {
        startWorkers();
        for (const waiting of pending.values()) post(waiting);
      }
    },
    async finishAll() {
      for (const w of workers) w.ref();
      cursor = order.length - 1;
      try {
        for (;;) {
          const job = nextForMain();
          if (job) {
            const email = await finishEmail(job.renderedHtml, job.headers);
            if (pending.has(job.id)) {
              store(job, email);
              stats.main++;
            }
            continue;
          }
          if (pending.size === 0) break;
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
      } finally {
        await Promise.all(workers.map((w) => w.terminate()));
        workers.length = 0;
      }
      if (failures.length > 0) throw new Error(`email editions failed: ${failures.join("; ")}`);
    },
  };
}
