// One schema check per article: the cache stores only results that pass
// ArticleSchema, the data file check skips what the cache served (digest
// intact) and checks everything else, naming the article and field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openArticleCache } from "../scripts/incremental/article-cache.ts";
import { checkedEntry, type ArticleJson } from "../scripts/pipeline/article-entry.ts";
import type { SourceArticle } from "../scripts/pipeline/read.ts";
import { serializeDataFile, validateDataFile } from "../scripts/pipeline/data-file.ts";
import { assembleDataFile } from "../scripts/pipeline/run.ts";
import { ArticleSchema, DataFileSchema, type Article, type Site } from "../scripts/schema.ts";
import { processedSeedArticle } from "./helpers/seed-article.ts";

let site: Site;
let article: Article;
let root: string;
beforeAll(() => {
  ({ site, article } = processedSeedArticle());
  root = mkdtempSync(path.join(os.tmpdir(), "briefing-validation-"));
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("validation once per article", () => {
  it("stores a valid result and serves it; does not store an invalid one", () => {
    const cache = openArticleCache(root, "v".repeat(64));
    cache.write("good", article);
    cache.write("bad", { ...article, slug: "Not A Slug!" });
    expect(cache.read("good")).toMatchObject({ article, json: JSON.stringify(ArticleSchema.parse(article)) });
    expect(cache.read("bad")).toBe("missing");
  });

  it("names an invalid article and field; gives the same verdict and bytes as DataFileSchema for a valid file", () => {
    const cache = openArticleCache(root, "w".repeat(64));
    cache.write("good", article);
    const served = (cache.read("good") as ArticleJson).article;
    const bad = { ...article, slug: "second-copy", readingMinutes: -1 };
    const checked = validateDataFile(assembleDataFile(site, [served, bad]));
    expect(checked.success).toBe(false);
    if (!checked.success) expect(checked.error.issues.map((i) => i.path.join("."))).toEqual(["articles.1.readingMinutes"]);

    const good = assembleDataFile(site, [served, { ...article, slug: "second-copy" }]);
    const ok = validateDataFile(good);
    expect(ok.success).toBe(true);
    expect(DataFileSchema.safeParse(good).success).toBe(true);
    if (ok.success) expect(serializeDataFile(ok.data)).toBe(JSON.stringify(DataFileSchema.parse(good)) + "\n");
    // A broken envelope is caught too.
    expect(validateDataFile({ ...good, version: 999 as never }).success).toBe(false);
  });
});

describe("an article entry", () => {
  it("names the file and field of a result the schema rejects, and gives a valid one its JSON and digest", () => {
    const source = { path: "src/articles/broken.txt" } as SourceArticle;
    const bad = checkedEntry(source, { ...article, readingMinutes: -1 });
    expect(bad.problems.map((p) => [p.file, p.field, p.severity])).toEqual([["src/articles/broken.txt", "readingMinutes", "error"]]);
    const good = checkedEntry(source, article);
    expect(good.problems).toEqual([]);
    expect(good.article).toEqual(article);
    expect(good.json).toBe(JSON.stringify(ArticleSchema.parse(article)));
    expect(good.digest).toMatch(/^[0-9a-f]{64}$/);
  });
});
