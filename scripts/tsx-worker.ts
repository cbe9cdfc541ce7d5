// Worker threads that run TypeScript: a small bootstrap registers tsx's
// loader in the worker, then imports the worker module. This works the same
// under `tsx`, vitest and plain node. Used by the parallel pipeline, the email
// finisher and the render cache's folder walk.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";

const requireHere = createRequire(import.meta.url);

/** tsx's ESM register API, found through its package exports (require.resolve would give the CommonJS build). */
function tsxEsmApiUrl(): string {
  const manifest = requireHere.resolve("tsx/package.json");
  const pkg = JSON.parse(readFileSync(manifest, "utf8")) as { exports: Record<string, { import?: { default?: string } } | string> };
  const entry = pkg.exports["./esm/api"];
  const relative = typeof entry === "object" ? entry.import?.default : undefined;
  if (!relative) throw new Error("tsx no longer exports ./esm/api for import; update scripts/tsx-worker.ts");
  return pathToFileURL(path.join(path.dirname(manifest), relative)).href;
}

/** A worker thread running a TypeScript module (through tsx's loader). */
export function tsxWorker(module: URL, workerData?: unknown): Worker {
  const bootstrap = `import(${JSON.stringify(tsxEsmApiUrl())}).then((m) => { m.register(); return import(${JSON.stringify(module.href)}); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
