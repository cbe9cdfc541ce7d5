// Issue 17's two counts that are about the code, not the clock: how many
// places start worker threads (one pool: one), and how much mutable state
// lives at module level (none). Read from the source text, so that
// `npm run bench` prints them and a test keeps them where they are.
import { readFileSync } from "node:fs";
import path from "node:path";
import { listFiles } from "../list-files.ts";

export interface StructureCounts {
  /** Files that start worker threads (construct a node:worker_threads Worker or a Tinypool). */
  workerStarters: string[];
  /** Module-level `let`/`var`, and module-level collections the module changes after load (`file: name`). */
  moduleState: string[];
}

const STARTS_THREADS = /\bnew (?:Worker|Tinypool)\s*\(/;
const TOP_LEVEL_VARIABLE = /^(?:export )?(?:let|var) (\w+)/gm;
const TOP_LEVEL_COLLECTION = /^(?:export )?const (\w+)(?::[^=]+)? = new (?:Map|Set|WeakMap|WeakSet)\b/gm;

/** The counts over every .ts file under `scriptsDir`. */
export function structureCounts(scriptsDir: string): StructureCounts {
  const workerStarters: string[] = [];
  const moduleState: string[] = [];
  const files = listFiles(scriptsDir, () => false).filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  for (const file of files.sort()) {
    const rel = path.relative(scriptsDir, file).split(path.sep).join("/");
    const text = readFileSync(file, "utf8");
    if (STARTS_THREADS.test(text)) workerStarters.push(rel);
    for (const m of text.matchAll(TOP_LEVEL_VARIABLE)) moduleState.push(`${rel}: ${m[1]}`);
    for (const m of text.matchAll(TOP_LEVEL_COLLECTION)) {
      // A constant table is built once from constant data; state is one the module changes later.
      if (new RegExp(`\\b${m[1]}\\.(?:set|add|delete|clear)\\(`).test(text)) moduleState.push(`${rel}: ${m[1]}`);
    }
  }
  return { workerStarters, moduleState };
}

export function formatStructure(counts: StructureCounts): string {
  const list = (items: string[]) => (items.length > 0 ? ` (${items.join(", ")})` : "");
  return [
    `code: ${counts.workerStarters.length} place(s) that start worker threads${list(counts.workerStarters)} (issue 17: 1)`,
    `code: ${counts.moduleState.length} module-level mutable value(s)${list(counts.moduleState)} (issue 17: 0)`,
  ].join("\n");
}
