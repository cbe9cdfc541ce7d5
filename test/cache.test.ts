// The per-article cache: keyed by everything processArticle reads, validated
// on read, never trusted when corrupt or stale, safe to delete.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ArticleSchema, SiteSchema, type Article, type Site } from "../scripts/schema.ts";
import { cachedProcessor, cacheKey, cacheVersion, openArticleCache, STAGE_SITE_FIELDS, type CacheStats } from "../scripts/incremental/article-cache.ts";
import { processArticle } from "../scripts/pipeline/process-article.ts";
import { readArticle, type SourceArticle } from "../scripts/pipeline/read.ts";
import { processSerially, type ArticleProcessor, type FailedEntry } from "../scripts/pipeline/run.ts";
import { articleDigest, type ArticleEntry } from "../scripts/pipeline/article-entry.ts";
import { loadSite } from "../scripts/site-settings.ts";
import { syntheticArticle } from "../scripts/bench/synthetic.ts";
import { PROJECT_ROOT, SEED_ARTICLE } from "./helpers/project.ts";

let site: Site;
let sources: SourceArticle[];

function source(name: string, text: string | Buffer, sidecar: Buffer | null = null): SourceArticle {
  const result = readArticle({
    path: `src/articles/${name}`,
    bytes: Buffer.from(text),
    sidecar: sidecar ? { path: `src/articles/${name.replace(/\.\w+$/, ".yaml")}`, bytes: sidecar } : null,
    siteTimeZone: site.timeZone,
  });
  if (!result.article) throw new Error(JSON.stringify(result.problems));
  return result.article;
}

beforeAll(() => {
  site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"), {});
  const seed = source(path.basename(SEED_ARTICLE), readFileSync(SEED_ARTICLE), readFileSync(SEED_ARTICLE.replace(/\.txt$/, ".yaml")));
  sources = [seed, ...Array.from({ length: 5 }, (_, i) => syntheticArticle(3, i)).map((a) => source(a.name, a.text))];
});

const dirs: string[] = [];
function tempRoot(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "briefing-cache-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A processor that counts what it was asked to process, then processes it for real. */
function counting(): { processor: ArticleProcessor; processed: string[] } {
  const processed: string[] = [];
  return { processed, processor: async (s, st) => { processed.push(...s.map((x) => x.path)); return processSerially(s, st); } };
}

/** Entries that must all have succeeded (a failed one fails the test, naming its problems). */
const succeeded = (results: (ArticleEntry | FailedEntry)[]): ArticleEntry[] =>
  results.map((r) => {
    if (r.article === null) throw new Error(r.problems.map((p) => p.message).join("; "));
    return r;
  });

/** The bytes the data file would hold for these articles. */
const asData = (results: ({ article: Article | null } | { problems: unknown[] })[]) => JSON.stringify(results.map((r) => ArticleSchema.parse("article" in r ? r.article : null)));

describe("cacheKey", () => {
  it("changes with the article's bytes, its sidecar, its metadata, its path and the processing site fields", () => {
    const [seed, a] = [sources[0]!, sources[1]!];
    const base = cacheKey(a, site);
    expect(cacheKey(a, site)).toBe(base);
    const text = syntheticArticle(3, 0).text;
    expect(cacheKey(source("bench-00000.txt", text.replace(/\n$/, " More.\n")), site)).not.toBe(base);
    expect(cacheKey(source("bench-00000.txt", text.replace(/^title: .*$/m, 'title: "Other"')), site)).not.toBe(base);
    expect(cacheKey(source("renamed.txt", text), site)).not.toBe(base);
    expect(cacheKey(a, { ...site, readingWordsPerMinute: site.readingWordsPerMinute + 1 })).not.toBe(base);
    expect(cacheKey(a, { ...site, summaryWords: { min: 10, max: 20 } })).not.toBe(base);
    expect(cacheKey(a, { ...site, language: "en-GB" })).not.toBe(base);
    expect(cacheKey(a, { ...site, timeZone: "Europe/Paris" })).not.toBe(base);
    expect(cacheKey(a, site, "another pipeline version")).not.toBe(base);
    const sidecar = readFileSync(SEED_ARTICLE.replace(/\.txt$/, ".yaml"), "utf8");
    const seedKey = cacheKey(seed, site);
    expect(cacheKey(source(path.basename(SEED_ARTICLE), readFileSync(SEED_ARTICLE), Buffer.from(sidecar.replace("Diplomacy", "Talks"))), site)).not.toBe(seedKey);
  });

  it("ignores every site field but the ones the stages read, and processArticle really does not read them", () => {
    const presentation: Site = {
      ...site,
      title: "Another title", description: "Another description",
      url: "https://example.org/sub/", pathPrefix: "/sub/",
      direction: site.direction === "ltr" ? "rtl" : "ltr",
      author: { name: "Someone Else", email: "x@example.org", url: "https://example.org/" },
      homePageSize: site.homePageSize + 5,
      feed: { ...site.feed, limit: site.feed.limit + 1, idScheme: "tag", tagAuthority: "example.org,2026" },
      email: { ...site.email, from: "Other <o@example.org>", unsubscribeUrl: "https://example.org/u", listUnsubscribe: "mailto:u@example.org" },
      edition: { cadence: site.edition.cadence === "daily" ? "weekly" : "daily", weekStartsOn: site.edition.weekStartsOn === "monday" ? "sunday" : "monday", sendAt: "06:30" },
    };
    // Every field of the site but the stages' differs, so the check below is not
    // vacuous; a field added to the site fails here until it is decided on.
    const varied = Object.keys(SiteSchema.shape).filter((field) => JSON.stringify(presentation[field as keyof Site]) !== JSON.stringify(site[field as keyof Site]));
    expect(varied.sort()).toEqual(Object.keys(SiteSchema.shape).filter((field) => !(STAGE_SITE_FIELDS as readonly string[]).includes(field)).sort());
    for (const s of sources) {
      expect(cacheKey(s, presentation)).toBe(cacheKey(s, site));
      expect(JSON.stringify(processArticle(s, presentation))).toBe(JSON.stringify(processArticle(s, site)));
    }
  });

  it("hashes the stage code into the version (test/stage-code.test.ts: which code)", () => {
    expect(cacheVersion()).toMatch(/^[0-9a-f]{64}$/);
    expect(cacheVersion()).toBe(cacheVersion());
  });
});

describe("cachedProcessor", () => {
  it("processes every article once, then serves them all from the cache with the same result", async () => {
    const root = tempRoot();
    const inner = counting();
    const stats: CacheStats[] = [];
    const processor = cachedProcessor({ cache: openArticleCache(root), inner: inner.processor, onStats: (s) => stats.push(s) });
    const first = succeeded(await processor(sources, site));
    expect(inner.processed).toHaveLength(sources.length);
    const second = succeeded(await processor(sources, site));
    expect(inner.processed).toHaveLength(sources.length);
    expect(stats.map((s) => [s.hits, s.misses, s.written])).toEqual([[0, sources.length, sources.length], [sources.length, 0, 0]]);
    const serial = await processSerially(sources, site);
    expect(asData(first)).toBe(asData(serial));
    expect(asData(second)).toBe(asData(serial));
    // Each entry carries the JSON the data file will hold and its digest; a hit serves the text the miss stored.
    for (const entry of [...first, ...second]) {
      expect(entry.json).toBe(JSON.stringify(entry.article));
      expect(entry.digest).toBe(articleDigest(entry.json));
      expect(entry.problems).toEqual([]);
    }
    expect(second.map((e) => e.json)).toEqual(first.map((e) => e.json));
    expect(second.map((e) => e.source.path)).toEqual(sources.map((s) => s.path));
  });

  it("reprocesses only the article that changed, and removes the entry it replaced", async () => {
    const root = tempRoot();
    const inner = counting();
    const cache = openArticleCache(root);
    const processor = cachedProcessor({ cache, inner: inner.processor });
    await processor(sources, site);
    inner.processed.length = 0;
    const edited = [...sources];
    edited[2] = source(syntheticArticle(3, 1).name, syntheticArticle(3, 1).text.replace(/\n$/, " A late addition.\n"));
    const result = await processor(edited, site);
    expect(inner.processed).toEqual([edited[2]!.path]);
    expect(result[2]!.article!.sections.flatMap((s) => s.paragraphs).at(-1)!.text).toMatch(/A late addition\.$/);
    expect(readdirSync(cache.dir).filter((f) => f.endsWith(".json"))).toHaveLength(sources.length);
  });

  it("ignores and rebuilds corrupt, truncated, schema-invalid and misfiled entries", async () => {
    const root = tempRoot();
    const cache = openArticleCache(root);
    const serial = await processSerially(sources, site);
    await cachedProcessor({ cache, inner: processSerially })(sources, site);
    const file = (i: number) => path.join(cache.dir, `${cacheKey(sources[i]!, site)}.json`);
    writeFileSync(file(0), "{ not json");
    writeFileSync(file(1), readFileSync(file(1), "utf8").slice(0, 200));
    const invalid = JSON.parse(readFileSync(file(2), "utf8"));
    invalid.article.slug = "Not A Slug!";
    writeFileSync(file(2), JSON.stringify(invalid));
    // A valid entry under the wrong name: another article's result must not be served.
    writeFileSync(file(3), readFileSync(file(4)));
    const inner = counting();
    const stats: CacheStats[] = [];
    const result = await cachedProcessor({ cache, inner: inner.processor, onStats: (s) => stats.push(s) })(sources, site);
    expect(inner.processed.sort()).toEqual([0, 1, 2, 3].map((i) => sources[i]!.path).sort());
    expect(stats[0]).toMatchObject({ hits: sources.length - 4, misses: 4, rejected: 4, written: 4 });
    expect(asData(result)).toBe(asData(serial));
    // The rebuilt entries are good again.
    for (const i of [0, 1, 2, 3]) expect(cache.read(cacheKey(sources[i]!, site))).not.toBeTypeOf("string");
  });

  it("starts afresh for another version and drops the old version's folder", async () => {
    const root = tempRoot();
    await cachedProcessor({ cache: openArticleCache(root, "a".repeat(64)), inner: processSerially })(sources, site);
    const inner = counting();
    const cache = openArticleCache(root, "b".repeat(64));
    await cachedProcessor({ cache, inner: inner.processor })(sources, site);
    expect(inner.processed).toHaveLength(sources.length);
    expect(readdirSync(path.join(root, ".cache/articles"))).toEqual([path.basename(cache.dir)]);
  });

  it("survives the cache folder being deleted, and leaves no temporary files", async () => {
    const root = tempRoot();
    const processor = cachedProcessor({ cache: openArticleCache(root), inner: processSerially });
    await processor(sources, site);
    rmSync(path.join(root, ".cache"), { recursive: true });
    const inner = counting();
    const again = await cachedProcessor({ cache: openArticleCache(root), inner: inner.processor })(sources, site);
    expect(inner.processed).toHaveLength(sources.length);
    expect(asData(again)).toBe(asData(await processSerially(sources, site)));
    const dir = openArticleCache(root).dir;
    expect(existsSync(dir)).toBe(true);
    expect(readdirSync(dir).filter((f) => !f.endsWith(".json"))).toEqual([]);
  });

  it("passes a failing article's problems through as a value and caches only the articles that succeeded", async () => {
    const root = tempRoot();
    const broken: SourceArticle = { ...sources[1]!, meta: null as unknown as SourceArticle["meta"] };
    const cache = openArticleCache(root);
    const [good, failed] = await cachedProcessor({ cache, inner: processSerially })([sources[0]!, broken], site);
    expect(good!.article?.sourcePath).toBe(sources[0]!.path);
    expect(failed!.article).toBeNull();
    expect(failed!.problems.map((p) => p.file)).toEqual([broken.path]);
    expect(failed!.problems[0]!.message).toMatch(/internal error/);
    mkdirSync(cache.dir, { recursive: true });
    expect(readdirSync(cache.dir).filter((f) => f.endsWith(".json"))).toHaveLength(1);
  });
});
