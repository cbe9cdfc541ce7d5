// npm run dev's warm build process: the articles it keeps in memory between
// builds (scripts/dev/warm.ts) and which changes it may build warm
// (scripts/dev/changes.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openArticleCache } from "../scripts/incremental/article-cache.ts";
import type { ArticleJson } from "../scripts/pipeline/article-entry.ts";
import { ArticleSchema, type Article } from "../scripts/schema.ts";
import { newWarmBuild, warmArticleCache } from "../scripts/dev/warm.ts";
import { isWatched, rebuildKind } from "../scripts/dev/changes.ts";
import { processedSeedArticle } from "./helpers/seed-article.ts";

let article: Article;
let root: string;
beforeAll(() => {
  ({ article } = processedSeedArticle());
  root = mkdtempSync(path.join(os.tmpdir(), "briefing-warm-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("the articles kept in memory between builds", () => {
  it("serves an article it wrote or read from memory, as the disk cache stored it, without the disk", () => {
    const disk = openArticleCache(root, "a".repeat(64));
    const warm = newWarmBuild();
    const cache = warmArticleCache(disk, warm);
    const written = cache.write("k1", article)!;
    expect(written).toEqual(disk.read("k1"));
    rmSync(path.join(disk.dir, "k1.json"));
    expect(disk.read("k1")).toBe("missing");
    expect(cache.read("k1")).toBe(written);

    // A second process (a fresh WarmBuild) reads from disk once, then from memory.
    disk.write("k2", article);
    const other = newWarmBuild();
    const cache2 = warmArticleCache(disk, other);
    const fromDisk = cache2.read("k2") as ArticleJson;
    expect(fromDisk.json).toBe(JSON.stringify(ArticleSchema.parse(article)));
    rmSync(path.join(disk.dir, "k2.json"));
    expect(cache2.read("k2")).toBe(fromDisk);
    expect(cache2.read("k3")).toBe("missing");
    expect([...other.articles.keys()]).toEqual(["k2"]);
  });

  it("keeps the articles frozen, so that no build can change what the next one is given", () => {
    const cache = warmArticleCache(openArticleCache(root, "b".repeat(64)), newWarmBuild());
    const kept = cache.write("k", article)!;
    expect(Object.isFrozen(kept.article)).toBe(true);
    expect(Object.isFrozen(kept.article.tags)).toBe(true);
    expect(() => {
      (kept.article as { title: string }).title = "changed";
    }).toThrow(TypeError);
    expect(kept.json).toBe(JSON.stringify(ArticleSchema.parse(article)));
  });

  it("keeps no invalid article, and forgets what a prune removes from disk", () => {
    const disk = openArticleCache(root, "c".repeat(64));
    const warm = newWarmBuild();
    const cache = warmArticleCache(disk, warm);
    expect(cache.write("bad", { ...article, slug: "Not A Slug!" })).toBeNull();
    cache.write("old", article);
    cache.write("current", article);
    expect([...warm.articles.keys()].sort()).toEqual(["current", "old"]);
    cache.prune(new Set(["current"]));
    expect([...warm.articles.keys()]).toEqual(["current"]);
    expect(existsSync(path.join(disk.dir, "old.json"))).toBe(false);
    expect(cache.read("old")).toBe("missing");
  });
});

describe("what npm run dev watches and how it rebuilds", () => {
  it("watches the sources, templates, settings, config and code, not the output or the caches", () => {
    for (const rel of ["", "src", "src/articles/a.md", "src/articles/a.yaml", "src/about.njk", "_includes/base.njk", "_data", "_data/site.yaml", "eleventy.config.ts", "scripts/build.ts", "package.json"]) {
      expect(isWatched(rel), rel).toBe(true);
    }
    for (const rel of ["_site", "_site/index.html", "_data/briefing.json", ".cache", ".cache/articles/x.json", ".build", "node_modules", "node_modules/chokidar/index.js", "srcx/a.md", "README.md"]) {
      expect(isWatched(rel), rel).toBe(false);
    }
  });

  it("builds articles and sidecars warm, and anything else in a fresh process", () => {
    expect(rebuildKind(["src/articles/a.md"])).toBe("warm");
    expect(rebuildKind(["src/articles/a.md", "src/articles/a.yaml", "src/articles/b.txt"])).toBe("warm");
    for (const other of ["src/about.njk", "_includes/base.njk", "_data/site.yaml", "eleventy.config.ts", "scripts/eleventy/pages.ts", "package.json", "src/assets/site.css"]) {
      expect(rebuildKind(["src/articles/a.md", other]), other).toBe("fresh process");
    }
  });
});
