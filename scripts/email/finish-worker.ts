// A worker thread of the email finisher (finisher.ts): finishes the emails it
// is sent, in order, each one only if it can claim it first (the main thread
// may have taken it from the other end of the list).
import { parentPort } from "node:worker_threads";
import { CLAIMED_BY_WORKER, UNCLAIMED } from "./claims.ts";
import { finishEmail } from "./finish.ts";
import type { MessageHeaders } from "./message.ts";

export type FinishRequest = { id: number; html: string; headers: MessageHeaders; slots: SharedArrayBuffer; slot: number };
export type FinishReply =
  | { type: "done"; id: number; html: string; text: string; eml: Uint8Array }
  | { type: "skipped"; id: number }
  | { type: "failed"; id: number; message: string };

const port = parentPort;
if (port) {
  // One at a time, so that what is still waiting can be claimed by the main thread.
  let chain: Promise<void> = Promise.resolve();
  port.on("message", (request: FinishRequest) => {
    chain = chain.then(async () => {
      const slots = new Int32Array(request.slots);
      if (Atomics.compareExchange(slots, request.slot, UNCLAIMED, CLAIMED_BY_WORKER) !== UNCLAIMED) {
        port.postMessage({ type: "skipped", id: request.id } satisfies FinishReply);
        return;
      }
      try {
        const { html, text, eml } = await finishEmail(request.html, request.headers);
        port.postMessage({ type: "done", id: request.id, html, text, eml } satisfies FinishReply);
      } catch (error) {
        port.postMessage({ type: "failed", id: request.id, message: error instanceof Error ? error.message : String(error) } satisfies FinishReply);
      }
    });
  });
}
