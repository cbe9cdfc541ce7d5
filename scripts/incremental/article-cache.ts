// The article cache: each article's read -> normalize -> summarize result
// kept in `.cache/articles/`, so that a build only processes articles whose
// inputs changed.
//
// An entry is keyed by a hash of everything those stages read: the article's
// raw bytes and its sidecar's, its path and metadata as read, the site fields
// that reach the result, and the version of the stage code alone
// (stage-code.ts: the files the stages import and the packages they use).
// Editing this file, build.ts or a template keeps the entries; editing a
// stage starts afresh rather than serving results the new code would not
// produce. Each entry carries a SHA-256 digest of its article; an entry that
// fails to parse, is filed under another key or does not match its digest is
// a miss and is rebuilt, never trusted. Results are validated against
// ArticleSchema once, before they are stored; the digest then stands in for
// that check on read (a schema parse costs ~0.85 ms per article on every warm
// build), and the data file validates only the articles not served from here.
// The folder is safe to delete at any time.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pruneCacheFolder, sealJson, unsealJson } from "./cache-folder.ts";
import { stageCodeVersion } from "./stage-code.ts";
import { ArticleSchema, type Article, type Site } from "../schema.ts";
import { articleJson, checkedEntry, type ArticleEntry, type ArticleJson } from "../pipeline/article-entry.ts";
import type { ArticleProcessor, EntryProcessor, FailedEntry } from "../pipeline/run.ts";
import type { SourceArticle } from "../pipeline/read.ts";

/** The cache folder, relative to the project root. */
export const CACHE_DIR = ".cache";
/** Bumped when the entry layout itself changes. */
const ENTRY_FORMAT = 2;

/**
 * The site fields the stages read: the language (sentence and name rules),
 * the zone (dates that state none), reading speed and summary length.
 * Nothing else of the site reaches an entry, so changing it (a new title, a
 * deploy's SITE_URL, the edition cadence) keeps the cache; test/cache.test.ts
 * checks that processArticle's result really depends on no other field, and
 * fails when the site gains a field until it is listed here or shown unread.
 */
export const STAGE_SITE_FIELDS = ["language", "timeZone", "readingWordsPerMinute", "summaryWords"] as const;

/** The part of the site that can change an article's processed result. */
export function siteFieldsForStages(site: Site): Pick<Site, (typeof STAGE_SITE_FIELDS)[number]> {
  return { language: site.language, timeZone: site.timeZone, readingWordsPerMinute: site.readingWordsPerMinute, summaryWords: site.summaryWords };
}

/**
 * The version an entry is made with: the entry layout and the stage code.
 * Computed when a cache is opened (~10 ms), which keeps it for its runs.
 */
export function cacheVersion(scriptsDir?: string): string {
  return createHash("sha256").update(`entry-format ${ENTRY_FORMAT}\0`).update(stageCodeVersion(scriptsDir)).digest("hex");
}

/** The entry's key: a hash of every input of reading and processing the article. */
export function cacheKey(source: SourceArticle, site: Site, version: string = cacheVersion()): string {
  return createHash("sha256")
    .update(version)
    .update("\0")
    .update(JSON.stringify({ path: source.path, format: source.format, bodyLine: source.bodyLine, meta: source.meta, site: siteFieldsForStages(site) }))
    .update("\0")
    .update(source.bytes)
    .digest("hex");
}

export interface CacheStats {
  hits: number;
  misses: number;
  /** Entries that existed but failed to parse or validate (rebuilt). */
  rejected: number;
  written: number;
  /** Entries of articles no longer built, and of other versions, removed. */
  pruned: number;
}

export interface ArticleCache {
  /** Where this version's entries live. */
  readonly dir: string;
  /** The version (entry layout and stage code) its keys are made with. */
  readonly version: string;
  /** A stored article with the JSON text and digest it was stored with (valid against ArticleSchema when written, unchanged since). */
  read(key: string): ArticleJson | "missing" | "rejected";
  /** Stores a schema-valid result and returns it as validated, with its JSON and digest; an invalid one is not stored and comes back null. */
  write(key: string, article: Article): ArticleJson | null;
  /** Removes every entry not in `keep`, and every other version's folder. */
  prune(keep: ReadonlySet<string>): number;
}


export function openArticleCache(root: string, version: string = cacheVersion()): ArticleCache {
  const base = path.join(root, CACHE_DIR, "articles");
  const dir = path.join(base, version.slice(0, 16));
  let writes = 0;
  const fileFor = (key: string) => path.join(dir, `${key}.json`);
  return {
    dir,
    version,
    read(key) {
      let text: string;
      try {
        text = readFileSync(fileFor(key), "utf8");
      } catch {
        return "missing";
      }
      // Sealed by write(): the digest is checked on the article's bytes as
      // stored, and only they are parsed.
      const sealed = unsealJson(text, `"key":${JSON.stringify(key)}`, "article");
      if (!sealed) return "rejected";
      const { payload: articleJson, digest } = sealed;
      try {
        const article = JSON.parse(articleJson) as unknown;
        if (typeof article !== "object" || article === null || Array.isArray(article)) return "rejected";
        // Valid against ArticleSchema when written (see write), unchanged since.
        return { article: article as Article, json: articleJson, digest };
      } catch {
        return "rejected";
      }
    },
    write(key, article) {
      // Only schema-valid results are stored; an invalid one is reported by
      // the data file's validation and never reaches the cache.
      const checked = ArticleSchema.safeParse(article);
      if (!checked.success) return null;
      article = checked.data;
      // Write beside the entry and rename: a reader (another build, `dev`)
      // sees the old entry or the new one, never half of one.
      const tmp = path.join(dir, `.${key}.${process.pid}.${writes++}.tmp`);
      const stored = articleJson(article);
      const { text: entry } = sealJson(`"key":${JSON.stringify(key)}`, "article", stored.json);
      try {
        writeFileSync(tmp, entry);
      } catch (error) {
        // The folder is made on the first write, and again if it was deleted
        // meanwhile (`npm run dev` keeps one cache open for its whole session).
        if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
        mkdirSync(dir, { recursive: true });
        writeFileSync(tmp, entry);
      }
      renameSync(tmp, fileFor(key));
      // Validated just now: the data file need not check it again, nor serialize it again.
      return stored;
    },
    prune(keep) {
      return pruneCacheFolder(base, dir, keep);
    },
  };
}


export interface CachedProcessorOptions {
  cache: ArticleCache;
  /** Processes the misses (serially or in workers). */
  inner: ArticleProcessor;
  /** Called once per run with the counts, for the build's stage line. */
  onStats?: (stats: CacheStats) => void;
  /** Remove entries not used by this run (default true). */
  prune?: boolean;
}

/**
 * Wraps a processor: hits come from the cache, misses go to `inner` in one
 * call (so a worker pool sees all of them at once) and are stored.
 */
export function cachedProcessor(options: CachedProcessorOptions): EntryProcessor {
  return async (sources, site) => {
    const version = options.cache.version;
    const stats: CacheStats = { hits: 0, misses: 0, rejected: 0, written: 0, pruned: 0 };
    const keys = sources.map((s) => cacheKey(s, site, version));
    const results: (ArticleEntry | FailedEntry | null)[] = keys.map((key, i) => {
      const found = options.cache.read(key);
      if (typeof found !== "string") {
        stats.hits++;
        return { source: sources[i]!, ...found, problems: [] };
      }
      stats.misses++;
      if (found === "rejected") stats.rejected++;
      return null;
    });
    const missing = results.flatMap((r, i) => (r === null ? [i] : []));
    if (missing.length > 0) {
      const processed = await options.inner(missing.map((i) => sources[i]!), site);
      processed.forEach((result, j) => {
        const i = missing[j]!;
        // An article that failed is not stored: its problems go to the pipeline.
        if ("problems" in result) {
          results[i] = { source: sources[i]!, article: null, problems: result.problems };
          return;
        }
        // The validated copy when it is valid; an invalid result is checked
        // again for its problems, which the pipeline reports.
        const stored = options.cache.write(keys[i]!, result.article);
        results[i] = stored ? { source: sources[i]!, ...stored, problems: [] } : checkedEntry(sources[i]!, result.article);
        stats.written++;
      });
    }
    if (options.prune ?? true) stats.pruned = options.cache.prune(new Set(keys));
    options.onStats?.(stats);
    return results as (ArticleEntry | FailedEntry)[];
  };
}
