// A worker thread of the parallel processor (parallel.ts): receives batches of
// SourceArticles, runs the same processArticle as the serial path, and replies
// with the articles (or the problems of the ones that failed) by input index.
import { parentPort, workerData } from "node:worker_threads";
import type { Article, Site } from "../schema.ts";
import { processArticle } from "./process-article.ts";
import { BriefingError, type Problem } from "./problems.ts";
import type { SourceArticle } from "./read.ts";

export type WorkerRequest = { type: "batch"; id: number; items: { index: number; source: SourceArticle }[] };
export type WorkerResult = { index: number; article: Article } | { index: number; problems: Problem[] };
export type WorkerReply = { type: "ready" } | { type: "done"; id: number; results: WorkerResult[] };

function processOne(index: number, source: SourceArticle, site: Site): WorkerResult {
  // Structured cloning turns a Buffer into a plain Uint8Array; give the stage
  // the same type the serial path sees.
  const restored: SourceArticle = { ...source, bytes: Buffer.from(source.bytes.buffer, source.bytes.byteOffset, source.bytes.byteLength) };
  try {
    return { index, article: processArticle(restored, site) };
  } catch (error) {
    // processArticle turns every failure into a BriefingError naming the article.
    if (error instanceof BriefingError) return { index, problems: error.problems };
    throw error;
  }
}

const port = parentPort;
if (port) {
  const site = (workerData as { site: Site }).site;
  port.on("message", (request: WorkerRequest) => {
    const reply: WorkerReply = { type: "done", id: request.id, results: request.items.map((item) => processOne(item.index, item.source, site)) };
    port.postMessage(reply);
  });
  port.postMessage({ type: "ready" } satisfies WorkerReply);
}
