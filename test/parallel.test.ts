// Normalizing on the worker pool: the same articles as the serial path, byte
// for byte, with the workers really doing the work; failures reported as the
// serial path does.
import { beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Site } from "../scripts/schema.ts";
import { processInParallel, type ParallelRun } from "../scripts/pipeline/parallel.ts";
import { workersFromEnv } from "../scripts/pool/pool.ts";
import { readArticle, type SourceArticle } from "../scripts/pipeline/read.ts";
import { processSerially } from "../scripts/pipeline/run.ts";
import { loadSite } from "../scripts/site-settings.ts";
import { syntheticArticle } from "../scripts/bench/synthetic.ts";
import { PROJECT_ROOT, SEED_ARTICLE } from "./helpers/project.ts";

let site: Site;
let sources: SourceArticle[];

beforeAll(() => {
  site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"), {});
  const read = (p: string, bytes: Buffer, sidecar: { path: string; bytes: Buffer } | null) => {
    const r = readArticle({ path: p, bytes, sidecar, siteTimeZone: site.timeZone });
    if (!r.article) throw new Error(JSON.stringify(r.problems));
    return r.article;
  };
  const seed = read("src/articles/000_73ba9802054c4cc1.txt", readFileSync(SEED_ARTICLE), { path: "src/articles/000_73ba9802054c4cc1.yaml", bytes: readFileSync(SEED_ARTICLE.replace(/\.txt$/, ".yaml")) });
  const synthetic = Array.from({ length: 24 }, (_, i) => syntheticArticle(5, i)).map((a) => read(`src/articles/${a.name}`, Buffer.from(a.text), null));
  sources = [...synthetic.slice(0, 12), seed, ...synthetic.slice(12)];
});

describe("processInParallel", () => {
  it("gives the serial path's articles, byte for byte and in order, from worker threads", async () => {
    const runs: ParallelRun[] = [];
    const parallel = await processInParallel(sources, site, { workers: 2, startAt: 0, mainThread: false, onRun: (r) => runs.push(r) });
    const serial = await processSerially(sources, site);
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
    expect(runs).toHaveLength(1);
    expect(runs[0]!.workersStarted).toBe(2);
    // 25 articles in batches of 8, every batch in a worker: the main thread only waited.
    expect(runs[0]!.batches).toEqual({ main: 0, workers: 4 });
  });

  it("with the main thread working too, still gives the serial result", async () => {
    const parallel = await processInParallel(sources, site, { workers: 1, startAt: 0 });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(await processSerially(sources, site)));
  });

  it("runs serially with no workers", async () => {
    const runs: ParallelRun[] = [];
    const result = await processInParallel(sources.slice(0, 3), site, { workers: 0, onRun: (r) => runs.push(r) });
    expect(result.map((r) => ("article" in r ? r.article.sourcePath : null))).toEqual(sources.slice(0, 3).map((s) => s.path));
    expect(runs[0]).toEqual({ articles: 3, workersStarted: 0, batches: { main: 1, workers: 0 } });
  });

  it("starts no worker for fewer articles than startAt", async () => {
    const runs: ParallelRun[] = [];
    const result = await processInParallel(sources, site, { workers: 2, startAt: sources.length + 1, onRun: (r) => runs.push(r) });
    expect(JSON.stringify(result)).toBe(JSON.stringify(await processSerially(sources, site)));
    expect(runs[0]).toEqual({ articles: sources.length, workersStarted: 0, batches: { main: 4, workers: 0 } });
  });

  it("returns every failing article's problems in its place, as the serial path does", async () => {
    const broken = (i: number): SourceArticle => ({ ...sources[i]!, meta: null as unknown as SourceArticle["meta"] });
    const input = sources.slice(0, 24).map((s, i) => (i === 7 || i === 17 ? broken(i) : s));
    const serial = await processSerially(input, site);
    const parallel = await processInParallel(input, site, { workers: 2, startAt: 0, mainThread: false });
    expect(JSON.stringify(parallel)).toBe(JSON.stringify(serial));
    const failed = parallel.flatMap((r, i) => ("problems" in r ? [[i, r.problems.map((p) => p.file)]] : []));
    expect(failed).toEqual([[7, [sources[7]!.path]], [17, [sources[17]!.path]]]);
  });
});

describe("BRIEFING_WORKERS", () => {
  it("accepts a whole number and ignores anything else", () => {
    expect(workersFromEnv({ BRIEFING_WORKERS: "0" })).toBe(0);
    expect(workersFromEnv({ BRIEFING_WORKERS: "3" })).toBe(3);
    expect(workersFromEnv({ BRIEFING_WORKERS: "-1" })).toBeUndefined();
    expect(workersFromEnv({ BRIEFING_WORKERS: "two" })).toBeUndefined();
    expect(workersFromEnv({})).toBeUndefined();
  });
});
