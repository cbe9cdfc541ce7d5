// Finishing every email of a build without holding up the render. Inlining,
// the text twin and the MIME message cost ~4 ms an email, which at archive
// scale is a third of a cold render if Eleventy's thread does it. So the
// email transform only submits the rendered HTML here and returns; a worker
// thread finishes editions while Eleventy renders the rest of the site, and
// when Eleventy is done the main thread joins in on whatever is left. A small
// build (fewer than `startAt` emails to finish) never starts a worker.
// Finished editions go through the email cache (cache.ts) either way, and are
// handed to `onFinished` at once, so that a large build need not hold them all.
import { Worker } from "node:worker_threads";
import { tsxWorker } from "../pipeline/parallel.ts";
import { editionKey, messageKey, type EmailCache } from "./cache.ts";
import { finishEmail, type FinishedEmail } from "./finish.ts";
import type { FinishReply, FinishRequest } from "./finish-worker.ts";
import type { MessageHeaders } from "./message.ts";

export interface FinisherOptions {
  /** Worker threads (0: everything on the main thread). */
  workers: number;
  cache: EmailCache | null;
  /** Called on the main thread as each email is finished (or found in the cache). */
  onFinished: (name: string, email: FinishedEmail) => void;
  /** Start workers once this many emails wait to be finished (default 64). */
  startAt?: number;
  /** Let the main thread finish emails too once Eleventy is done (default
   *  true). Off, it only waits, unless no worker is left; tests use this to
   *  make sure the workers really did the work. */
  mainThread?: boolean;
}

export interface EmailFinisher {
  /** Queues one email; `name` is how its result is asked for (the output path). */
  submit(name: string, renderedHtml: string, headers: MessageHeaders): void;
  /** Resolves when every submitted email is finished; stops the workers. */
  finishAll(): Promise<void>;
  /** Where the emails were finished: from the cache, by the workers, by the main thread. */
  readonly stats: { cached: number; workers: number; main: number };
}

interface Job {
  id: number;
  name: string;
  renderedHtml: string;
  headers: MessageHeaders;
}

/** Emails in flight per worker: enough to keep it busy between looks at its mailbox. */
const WINDOW = 8;

export function emailFinisher(options: FinisherOptions): EmailFinisher {
  const startAt = options.startAt ?? 64;
  const cache = options.cache;
  const queue: Job[] = [];
  const inFlight = new Map<number, Job>();
  const workers: { worker: Worker; ready: boolean; jobs: Set<number> }[] = [];
  const failures: string[] = [];
  const stats = { cached: 0, workers: 0, main: 0 };
  let ids = 0;
  let wake: (() => void) | null = null;

  const store = (job: Job, email: FinishedEmail) => {
    cache?.writeEdition(editionKey(job.renderedHtml), { html: email.html, text: email.text });
    cache?.writeMessage(messageKey({ html: email.html, text: email.text }, job.headers), email.eml);
    options.onFinished(job.name, email);
  };

  const pump = () => {
    for (const w of workers) {
      while (w.ready && w.jobs.size < WINDOW && queue.length > 0) {
        const job = queue.shift()!;
        inFlight.set(job.id, job);
        w.jobs.add(job.id);
        w.worker.postMessage({ id: job.id, html: job.renderedHtml, headers: job.headers } satisfies FinishRequest);
      }
    }
  };

  const startWorkers = () => {
    for (let i = 0; i < options.workers; i++) {
      const entry = { worker: tsxWorker(new URL("./finish-worker.ts", import.meta.url)), ready: false, jobs: new Set<number>() };
      entry.worker.on("message", (reply: FinishReply) => {
        if (reply.type === "ready") entry.ready = true;
        else {
          entry.jobs.delete(reply.id);
          const job = inFlight.get(reply.id)!;
          inFlight.delete(reply.id);
          if (reply.type === "done") {
            store(job, { html: reply.html, text: reply.text, eml: Buffer.from(reply.eml) });
            stats.workers++;
          }
          else failures.push(`${job.name}: ${reply.message}`);
        }
        pump();
        wake?.();
      });
      // A worker that fails to start or dies hands its emails back to the queue.
      const lose = () => {
        const i = workers.indexOf(entry);
        if (i < 0) return;
        workers.splice(i, 1);
        for (const id of entry.jobs) {
          queue.unshift(inFlight.get(id)!);
          inFlight.delete(id);
        }
        entry.jobs.clear();
        wake?.();
      };
      entry.worker.on("error", lose);
      entry.worker.on("exit", lose);
      // Until finishAll waits for them, workers do not keep the process
      // alive: a render that fails before the end must still exit.
      entry.worker.unref();
      workers.push(entry);
    }
  };

  return {
    stats,
    submit(name, renderedHtml, headers) {
      const edition = cache?.readEdition(editionKey(renderedHtml));
      const eml = edition ? cache?.readMessage(messageKey(edition, headers)) : null;
      if (edition && eml) {
        stats.cached++;
        options.onFinished(name, { ...edition, eml });
        return;
      }
      queue.push({ id: ids++, name, renderedHtml, headers });
      if (workers.length === 0 && options.workers > 0 && queue.length >= startAt) startWorkers();
      pump();
    },
    async finishAll() {
      for (const w of workers) w.worker.ref();
      try {
        // The main thread takes from the back of the queue, the workers from the front.
        while (queue.length > 0 || inFlight.size > 0) {
          const job = options.mainThread === false && workers.length > 0 ? undefined : queue.pop();
          if (job) {
            store(job, await finishEmail(job.renderedHtml, job.headers));
            stats.main++;
            continue;
          }
          await new Promise<void>((resolve) => (wake = resolve));
          wake = null;
        }
      } finally {
        await Promise.all(workers.map((w) => w.worker.terminate()));
        workers.length = 0;
      }
      if (failures.length > 0) throw new Error(`email editions failed: ${failures.join("; ")}`);
    },
  };
}
