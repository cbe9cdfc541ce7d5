// Whole builds with the cache and the worker pool: a cold, a warm and a
// parallel build write byte-identical sites and data files; the build's stage
// lines report cache hits and misses and the threads used.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashTree, makeTempProject, type TempProject } from "./helpers/project.ts";
import { BATCH, parallelProcessor, type ParallelRun } from "../scripts/pipeline/parallel.ts";
import { syntheticArticle } from "../scripts/bench/synthetic.ts";

const N = 12;
let project: TempProject;
let lines: string[];
const log = (line: string) => lines.push(line);
const outputs = () => ({ site: hashTree(project.site("")), data: readFileSync(path.join(project.root, "_data/briefing.json"), "utf8") });
const cacheLine = () => lines.find((l) => l.startsWith("cache "));

beforeAll(() => {
  project = makeTempProject();
  for (let i = 0; i < N; i++) {
    const a = syntheticArticle(11, i);
    project.addArticle(a.name, a.text);
  }
});
afterAll(() => project.remove());

describe("build with the cache and workers", () => {
  let cold: ReturnType<typeof outputs>;

  it("a cold build processes every article and fills .cache/", async () => {
    lines = [];
    await project.build({ log, workers: 0 });
    cold = outputs();
    expect(cacheLine()).toMatch(new RegExp(`^cache\\s+0 hits, ${N + 1} misses, ${N + 1} written in \\.cache/`));
    expect(lines.find((l) => l.startsWith("normalize "))).toMatch(new RegExp(`${N + 1} articles normalized and summarized serially`));
    expect(readdirSync(path.join(project.root, ".cache/articles"))).toHaveLength(1);
  });

  it("a warm build reprocesses nothing and writes the same bytes", async () => {
    lines = [];
    await project.build({ log });
    expect(cacheLine()).toMatch(new RegExp(`^cache\\s+${N + 1} hits, 0 misses`));
    expect(lines.some((l) => l.startsWith("normalize "))).toBe(false);
    expect(outputs()).toEqual(cold);
  });

  it("a parallel build with an empty cache writes the same bytes, the workers doing the work", async () => {
    lines = [];
    const runs: ParallelRun[] = [];
    rmSync(path.join(project.root, ".cache"), { recursive: true });
    await project.build({ log, cache: false, processor: undefined, workers: 2 });
    expect(outputs()).toEqual(cold);
    await project.build({ log, processor: parallelProcessor({ workers: 2, startAt: 0, mainThread: false, onRun: (r) => runs.push(r) }) });
    expect(runs[0]!.batches).toEqual({ main: 0, workers: Math.ceil((N + 1) / BATCH) });
    expect(outputs()).toEqual(cold);
    expect(existsSync(path.join(project.root, ".cache"))).toBe(false); // cache: false / a custom processor leave no cache
  });

  it("after one article changes, only that one is reprocessed and its page changes", async () => {
    await project.build({ log: () => {} }); // refill the cache
    lines = [];
    const a = syntheticArticle(11, 4);
    project.addArticle(a.name, a.text.replace(/^title: .*$/m, 'title: "A changed headline"'));
    await project.build({ log });
    expect(cacheLine()).toMatch(new RegExp(`^cache\\s+${N} hits, 1 miss, 1 written, 1 stale removed`));
    expect(lines.find((l) => l.startsWith("normalize "))).toMatch(/^normalize\s+1 article normalized/);
    expect(project.read(`briefings/${a.plain.slug}/index.html`)).toContain("A changed headline");
  });

  it("a corrupt cache entry is rebuilt, never trusted", async () => {
    // Any entry this build will read: not the changed headline's, which the build drops as stale.
    const base = path.join(project.root, ".cache/articles");
    const entries = readdirSync(base).flatMap((d) => readdirSync(path.join(base, d)).filter((f) => f.endsWith(".json")).map((f) => path.join(base, d, f)));
    const entry = entries.find((f) => !readFileSync(f, "utf8").includes("A changed headline"))!;
    writeFileSync(entry, '{"key":"x","article":{"slug":"BROKEN"}}');
    const a = syntheticArticle(11, 4);
    project.addArticle(a.name, a.text); // back to the cold build's text
    lines = [];
    await project.build({ log });
    expect(cacheLine()).toMatch(/\(1 unreadable or invalid, rebuilt\)/);
    expect(outputs()).toEqual(cold);
  });
});
