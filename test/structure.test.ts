// Issue 17's counts about the code: one place starts worker threads (the
// pool), and no module keeps mutable state at module level.
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { structureCounts } from "../scripts/bench/structure.ts";
import { PROJECT_ROOT } from "./helpers/project.ts";

describe("the code's structure", () => {
  it("has one place that starts worker threads and no module-level mutable state", () => {
    const counts = structureCounts(path.join(PROJECT_ROOT, "scripts"));
    expect(counts.workerStarters).toEqual(["pool/pool.ts"]);
    expect(counts.moduleState).toEqual([]);
  });

  const dir = mkdtempSync(path.join(os.tmpdir(), "briefing-structure-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  it("finds what it counts: a second thread starter, a module-level let, a memo filled later; not a constant table", () => {
    mkdirSync(path.join(dir, "a"), { recursive: true });
    writeFileSync(path.join(dir, "a/pool.ts"), "import Tinypool from 'tinypool';\nexport const open = () => new Tinypool({ filename: 'w.js' });\n");
    writeFileSync(path.join(dir, "a/other.ts"), "import { Worker } from 'node:worker_threads';\nexport const start = () => new Worker('x.js');\n");
    writeFileSync(path.join(dir, "memo.ts"), "let loaded = false;\nconst MEMO = new Map<string, number>();\nexport function f(k: string) { MEMO.set(k, 1); loaded = true; }\n");
    writeFileSync(path.join(dir, "table.ts"), "const WORDS = new Set(['a', 'the']);\nexport const isWord = (w: string) => WORDS.has(w);\n");
    const counts = structureCounts(dir);
    expect(counts.workerStarters).toEqual(["a/other.ts", "a/pool.ts"]);
    expect(counts.moduleState).toEqual(["memo.ts: loaded", "memo.ts: MEMO"]);
  });
});
