// What `npm run dev`'s one build process keeps between builds. The caller
// (scripts/dev/builder.ts) makes one WarmBuild and passes it to every build()
// as BuildOptions.warm; nothing here is module state.
//
// Each article's processed result is kept in memory under its cache key
// (scripts/incremental/article-cache.ts: a hash of the file's bytes, its sidecar, the
// site fields the stages read and the pipeline's code), so a build after one
// saved article takes the other articles from memory instead of reading,
// digest-checking and parsing their `.cache/` entries again (~1.2 s at
// N = 1,000). The key is the same one the disk cache trusts, so a memory hit
// is exactly the entry a cold build would read. The kept articles are frozen:
// a later build hands the same objects to Eleventy, and a stage or template
// that tried to change one would fail loudly rather than leak into the next
// build's pages.
import type { ArticleCache } from "../incremental/article-cache.ts";
import type { ArticleJson } from "../pipeline/article-entry.ts";

export interface WarmBuild {
  /** cache key -> the article's result as the disk cache holds it (JSON text, digest), frozen. */
  articles: Map<string, ArticleJson>;
}

export function newWarmBuild(): WarmBuild {
  return { articles: new Map() };
}

/** Freezes a value and everything it holds (article values are plain JSON data). */
function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

function keep(warm: WarmBuild, key: string, stored: ArticleJson): ArticleJson {
  deepFreeze(stored.article);
  warm.articles.set(key, stored);
  return stored;
}

/**
 * The disk cache with `warm` in front of it: reads are served from memory
 * when the key was seen before, and what is read or written on disk is kept.
 * Pruning drops the same keys from memory as from disk, so memory holds the
 * current archive's articles and no more.
 */
export function warmArticleCache(cache: ArticleCache, warm: WarmBuild): ArticleCache {
  return {
    dir: cache.dir,
    version: cache.version,
    read(key) {
      const kept = warm.articles.get(key);
      if (kept) return kept;
      const found = cache.read(key);
      return typeof found === "string" ? found : keep(warm, key, found);
    },
    write(key, article) {
      const stored = cache.write(key, article);
      return stored ? keep(warm, key, stored) : null;
    },
    prune(keepKeys) {
      for (const key of warm.articles.keys()) if (!keepKeys.has(key)) warm.articles.delete(key);
      return cache.prune(keepKeys);
    },
  };
}
