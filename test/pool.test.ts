// The worker pool on its own: results in task order whichever thread ran a
// task, the same result in a worker as on the calling thread, no thread at
// all with no workers, and a failing task failing the run.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openPool } from "../scripts/pool/pool.ts";
import type { TaskOf } from "../scripts/pool/worker.ts";

let base: string;
/** Folders of different sizes, so that tasks finish out of order. */
const folders: string[] = [];

beforeAll(() => {
  base = mkdtempSync(path.join(os.tmpdir(), "briefing-pool-"));
  for (let f = 0; f < 6; f++) {
    const dir = path.join(base, `site-${f}`);
    mkdirSync(path.join(dir, "nested"), { recursive: true });
    for (let i = 0; i < (f % 3) * 40 + 1; i++) writeFileSync(path.join(dir, i % 2 ? "nested" : "", `page-${i}.html`), "x".repeat(i + f));
    folders.push(dir);
  }
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

const manifests = (): TaskOf<"manifest">[] => folders.map((dir) => ({ kind: "manifest", dir }));

describe("openPool", () => {
  it("with no workers runs every task on the calling thread and starts no thread", async () => {
    const pool = openPool({ workers: 0 });
    const results = await pool.map(manifests());
    await pool.close();
    expect(pool.counts).toEqual({ here: folders.length, workers: 0, threads: 0 });
    expect(results.map((m) => Object.keys(m).length)).toEqual([1, 41, 81, 1, 41, 81]);
  });

  it("gives the calling thread's results, in task order, from worker threads", async () => {
    const serial = openPool({ workers: 0 });
    const expected = await serial.map(manifests());
    const pool = openPool({ workers: 2 });
    try {
      expect(await pool.map(manifests())).toEqual(expected);
      expect(await pool.map(manifests(), { alsoHere: true })).toEqual(expected);
    } finally {
      await pool.close();
    }
    expect(pool.counts.threads).toBe(2);
    expect(pool.counts.workers).toBeGreaterThanOrEqual(folders.length);
  });

  it("runs a one-off task in a worker", async () => {
    const doomed = path.join(base, "old-site");
    mkdirSync(path.join(doomed, "a/b"), { recursive: true });
    writeFileSync(path.join(doomed, "a/b/index.html"), "old");
    const pool = openPool({ workers: 1 });
    await expect(pool.run({ kind: "remove", dir: doomed })).resolves.toBeNull();
    await pool.close();
    expect(existsSync(doomed)).toBe(false);
    expect(pool.counts).toEqual({ here: 0, workers: 1, threads: 1 });
  });

  it("fails the run when a task fails in a worker, with the task's error", async () => {
    const pool = openPool({ workers: 1 });
    const unknown = { kind: "translate", dir: base } as unknown as TaskOf<"manifest">;
    await expect(pool.map([...manifests(), unknown])).rejects.toThrow('scripts/pool/worker.ts has no task "translate"');
    await pool.close();
  });
});
