// What each Eleventy process of a render is given. The pages split in two:
//   own pages     briefings/<slug>/ (page, card, email) and editions/<date>/
//                 (page, email): each reads its own article (an edition: its
//                 briefings) in full, so they are rendered in shards, each
//                 process given a slice of the archive;
//   shared pages  home archive, topics, feeds, sitemap, editions index, about…:
//                 they list every briefing but read only a few fields of each,
//                 so one process renders them all from the compact index
//                 (ArticleRow), with in full only the briefings a feed prints
//                 in full (the newest site.feed.limit, and those of the newest
//                 site.feed.limit editions).
// Every shard's data is the data file with fewer articles in it: the
// templates are the same whichever process renders them, and so are the bytes
// (test/build-shards.test.ts compares them).
import type { Article, DataFile } from "../schema.ts";
import type { RenderOnly } from "./eleventy-site.ts";

/**
 * The fields of an article the shared pages read (src/index.njk, src/tags/,
 * src/feeds/ in the archive variant, the sitemap, the editions index, 404,
 * about, subscribe; feed-model.ts for archive items): a few hundred bytes
 * where the whole article is tens of kilobytes.
 */
export const ARTICLE_ROW_FIELDS = ["slug", "title", "date", "updated", "timeZone", "language", "author", "byline", "source", "tags", "readingMinutes"] as const;
export type ArticleRow = Pick<Article, (typeof ARTICLE_ROW_FIELDS)[number]> & { summary: Pick<Article["summary"], "text"> };

export function articleRow(article: Article): ArticleRow {
  return {
    slug: article.slug,
    title: article.title,
    date: article.date,
    updated: article.updated,
    timeZone: article.timeZone,
    language: article.language,
    author: article.author,
    byline: article.byline,
    source: article.source,
    tags: article.tags,
    readingMinutes: article.readingMinutes,
    summary: { text: article.summary.text },
  };
}

/** Which pages an Eleventy process writes: all of them, only the shared ones, or only the own pages of `only`. */
export type PageSet = "all" | "shared" | "own";

/** The templates of the own pages (relative to src/); every other template is a shared page. */
export const OWN_PAGE_TEMPLATES = ["briefings/briefing.njk", "briefings/card.njk", "email/email.njk", "editions/edition.njk", "editions/email.njk"] as const;

/** The slugs of the articles the shared pages print in full: the latest feeds' and the editions feeds'. */
export function fullTextSlugs(data: Pick<DataFile, "site" | "editions"> & { articles: readonly { slug: string }[] }): Set<string> {
  const slugs = new Set(data.articles.slice(0, data.site.feed.limit).map((a) => a.slug));
  for (const edition of data.editions.slice(0, data.site.feed.limit)) for (const slug of edition.articles) slugs.add(slug);
  return slugs;
}

/** The data file with every article as its row but those in `full`. */
function withRows(data: DataFile, full: ReadonlySet<string>): DataFile {
  // Rows where the templates read only rows: typed as the data file, whose articles they stand in for.
  const articles = data.articles.map((a) => (full.has(a.slug) ? a : (articleRow(a) as Article)));
  return { ...data, articles };
}

/** The data file as the shared pages need it: every article as its row but those a feed prints in full. */
export function sharedPagesData(data: DataFile): DataFile {
  return withRows(data, fullTextSlugs(data));
}

/**
 * The data file as one process rendering every shared page and the own pages
 * of `only` needs it (a partial render in the build's process): in full the
 * articles of those pages and those a feed prints in full; rows for the rest.
 */
export function renderData(data: DataFile, only: RenderOnly | null): DataFile {
  if (!only) return data;
  const full = fullTextSlugs(data);
  for (const slug of ownPageArticles(data, only)) full.add(slug);
  return withRows(data, full);
}

/** The articles the own pages of `only` read: their own, and their editions' briefings. */
function ownPageArticles(data: Pick<DataFile, "editions">, only: RenderOnly): Set<string> {
  const wanted = new Set(only.articles);
  const dates = new Set(only.editions);
  for (const edition of data.editions) if (dates.has(edition.date)) for (const slug of edition.articles) wanted.add(slug);
  return wanted;
}

/** One shard of the own pages: the articles and editions whose pages it writes. */
export interface Shard {
  only: RenderOnly;
}

/**
 * Splits the own pages of a render into at most `count` shards of about
 * equal size, in the data file's order (newest first), so that an edition
 * usually finds its briefings in its own shard. Each edition goes with the
 * shard of its lead briefing, or the last one when its lead is not rendered.
 * Shards with nothing to write are left out.
 */
export function planShards(data: Pick<DataFile, "articles" | "editions">, only: RenderOnly | null, count: number): Shard[] {
  const slugs = only ? new Set(only.articles) : null;
  const dates = only ? new Set(only.editions) : null;
  const articles = data.articles.map((a) => a.slug).filter((slug) => !slugs || slugs.has(slug));
  const editions = data.editions.filter((e) => !dates || dates.has(e.date));
  const n = Math.max(1, Math.min(count, articles.length + editions.length));
  const shards: { articles: string[]; editions: string[] }[] = Array.from({ length: n }, () => ({ articles: [], editions: [] }));
  const shardOf = new Map<string, number>();
  articles.forEach((slug, i) => {
    const k = Math.floor((i * n) / Math.max(1, articles.length));
    shards[k]!.articles.push(slug);
    shardOf.set(slug, k);
  });
  // Editions without a rendered lead are spread too, by their place in the list.
  editions.forEach((edition, i) => {
    const k = shardOf.get(edition.articles[0]!) ?? Math.floor((i * n) / Math.max(1, editions.length));
    shards[k]!.editions.push(edition.date);
  });
  return shards.filter((s) => s.articles.length + s.editions.length > 0).map((only) => ({ only }));
}

/**
 * The data file as one shard needs it: its own articles and the briefings of
 * its editions, in full; the rest of the data file (site, topics, editions)
 * as it is.
 */
export function shardData(data: DataFile, shard: Shard): DataFile {
  const wanted = ownPageArticles(data, shard.only);
  return { ...data, articles: data.articles.filter((a) => wanted.has(a.slug)) };
}
