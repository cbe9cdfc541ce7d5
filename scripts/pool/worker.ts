// The one worker module: every worker thread of the build runs `runTask`, and
// the pool (pool.ts) calls the same function on the calling thread when it
// has no workers, so where a task ran never shows in what it returns. Each
// task is a pure function of its input, named by `kind`. A task's module is
// imported when the task first runs, so a thread that only finishes emails
// never loads the NLP libraries.
import type { Article, Site } from "../schema.ts";
import type { ProcessedArticle } from "../pipeline/process-article.ts";
import type { SourceArticle } from "../pipeline/read.ts";
import type { FinishedEmail } from "../email/finish.ts";
import type { MessageHeaders } from "../email/message.ts";
import type { Manifest } from "../incremental/render-cache.ts";

export type Task =
  /** Normalize and summarize a batch of articles (processArticle on each). */
  | { kind: "normalize"; site: Site; sources: SourceArticle[] }
  /** Finish one email edition from the HTML its template rendered. */
  | { kind: "finish-email"; html: string; headers: MessageHeaders }
  /** List a folder's files with their sizes and times. */
  | { kind: "manifest"; dir: string }
  /** Delete a folder and everything in it. */
  | { kind: "remove"; dir: string };

export type TaskOf<K extends Task["kind"]> = Extract<Task, { kind: K }>;


interface Results {
  normalize: ProcessedArticle[];
  "finish-email": FinishedEmail;
  manifest: Manifest;
  remove: null;
}
export type ResultOf<T extends Task> = Results[T["kind"]];

export default async function runTask<T extends Task>(task: T): Promise<ResultOf<T>> {
  return (await run(task)) as ResultOf<T>;
}

async function run(task: Task): Promise<ResultOf<Task>> {
  switch (task.kind) {
    case "normalize": {
      const { processArticle } = await import("../pipeline/process-article.ts");
      return task.sources.map((source) => processArticle(asBuffers(source), task.site));
    }
    case "finish-email": {
      const { finishEmail } = await import("../email/finish.ts");
      return finishEmail(task.html, task.headers);
    }
    case "manifest": {
      const { manifestOf } = await import("../incremental/render-cache.ts");
      return manifestOf(task.dir);
    }
    case "remove": {
      const { rmSync } = await import("node:fs");
      rmSync(task.dir, { recursive: true, force: true });
      return null;
    }
    default:
      throw new Error(`scripts/pool/worker.ts has no task "${(task as { kind: unknown }).kind}"`);
  }
}

/** Structured cloning turns a Buffer into a plain Uint8Array: the Buffer back, sharing its memory. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The source as the serial path gives it to the stages. */
function asBuffers(source: SourceArticle): SourceArticle {
  return Buffer.isBuffer(source.bytes) ? source : { ...source, bytes: asBuffer(source.bytes) };
}
