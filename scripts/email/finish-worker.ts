// A worker thread of the email finisher (finisher.ts): finishes the editions
// it is sent, one message each way per email.
import { parentPort } from "node:worker_threads";
import { finishEmail } from "./finish.ts";
import type { MessageHeaders } from "./message.ts";

export type FinishRequest = { id: number; html: string; headers: MessageHeaders };
export type FinishReply = { type: "ready" } | { type: "done"; id: number; html: string; text: string; eml: Uint8Array } | { type: "failed"; id: number; message: string };

const port = parentPort;
if (port) {
  port.on("message", (request: FinishRequest) => {
    finishEmail(request.html, request.headers).then(
      ({ html, text, eml }) => port.postMessage({ type: "done", id: request.id, html, text, eml } satisfies FinishReply),
      (error: unknown) => port.postMessage({ type: "failed", id: request.id, message: error instanceof Error ? error.message : String(error) } satisfies FinishReply),
    );
  });
  port.postMessage({ type: "ready" } satisfies FinishReply);
}
