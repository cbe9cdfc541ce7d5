// The worker of manifestInBackground (render-cache.ts): walks one folder and
// posts its manifest back.
import { parentPort, workerData } from "node:worker_threads";
import { manifestOf } from "./render-cache.ts";

parentPort?.postMessage(manifestOf((workerData as { dir: string }).dir));
