// Eleventy plugin for the web pages: passthrough assets and the few derived
// values the page templates need (date spans, JSON-LD, the
// home page's archive pages). Each is a small pure function, unit-tested in
// test/site-filters.test.ts; templates only call them.
import path from "node:path";
import { DateTime, Info } from "luxon";
import type { Article, DataFile, ResolvedDate, Sentence, Site } from "../schema.ts";
import { absoluteUrl, rfc3339 } from "./filters.ts";
import type { RenderInput, RenderOnly } from "./eleventy-site.ts";

// ---------------------------------------------------------------- article lookups

/**
 * A resolved date for people: "20–21 February 2026", "31 March – 2 April 2026",
 * "September 2025", "2023", "about March 2026". English month names whatever
 * the machine's locale; calendar dates carry no zone.
 */
export function dateSpan(date: Pick<ResolvedDate, "start" | "end" | "precision">, locale = "en"): string {
  return formatDateSpan(date, locale);
}

/** English month names, looked up once: the pages' locale (building the list is an Intl call per span). */
const ENGLISH_MONTHS: readonly string[] = Info.months("long", { locale: "en" });

/** YYYY-MM-DD as numbers, or null when it is not a real calendar date. */
function calendarDate(iso: string): { year: number; month: number; day: number } | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth ? { year, month, day } : null;
}

/**
 * The same text as luxon's toFormat("d LLLL yyyy") and friends, from the
 * numbers: DateTime.fromISO and hasSame cost most of a millisecond per span,
 * and an archive has thousands of distinct spans.
 */
function formatDateSpan(date: Pick<ResolvedDate, "start" | "end" | "precision">, locale: string): string {
  const start = calendarDate(date.start);
  const end = calendarDate(date.end);
  if (!start || !end) return formatDateSpanWithLuxon(date, locale);
  const months = locale === "en" ? ENGLISH_MONTHS : Info.months("long", { locale });
  const year = (d: typeof start) => String(d.year).padStart(4, "0");
  const month = (d: typeof start) => `${months[d.month - 1]} ${year(d)}`;
  const day = (d: typeof start) => `${d.day} ${month(d)}`;
  const sameYear = start.year === end.year;
  const sameMonth = sameYear && start.month === end.month;
  let text: string;
  if (date.precision === "year") {
    text = sameYear ? year(start) : `${year(start)}–${year(end)}`;
  } else if (date.precision === "month") {
    text = sameMonth ? month(start) : `${month(start)} – ${month(end)}`;
  } else if (sameMonth && start.day === end.day) {
    text = day(start);
  } else if (sameMonth) {
    text = `${start.day}–${day(end)}`;
  } else if (sameYear) {
    text = `${start.day} ${months[start.month - 1]} – ${day(end)}`;
  } else {
    text = `${day(start)} – ${day(end)}`;
  }
  return date.precision === "approximate" ? `about ${text}` : text;
}

/** The reference implementation, for anything that is not a plain calendar date (and throws for what is not a date). */
export function formatDateSpanWithLuxon(date: Pick<ResolvedDate, "start" | "end" | "precision">, locale: string): string {
  const start = DateTime.fromISO(date.start, { zone: "UTC", locale });
  const end = DateTime.fromISO(date.end, { zone: "UTC", locale });
  if (!start.isValid || !end.isValid) throw new Error(`not an ISO date: "${date.start}" / "${date.end}"`);
  const single = (unit: "day" | "month" | "year", d: DateTime) =>
    d.toFormat(unit === "day" ? "d LLLL yyyy" : unit === "month" ? "LLLL yyyy" : "yyyy");
  let text: string;
  if (date.precision === "year") {
    text = start.year === end.year ? single("year", start) : `${single("year", start)}–${single("year", end)}`;
  } else if (date.precision === "month") {
    text = start.hasSame(end, "month") ? single("month", start) : `${single("month", start)} – ${single("month", end)}`;
  } else if (start.hasSame(end, "day")) {
    text = single("day", start);
  } else if (start.hasSame(end, "month")) {
    text = `${start.toFormat("d")}–${single("day", end)}`;
  } else if (start.hasSame(end, "year")) {
    text = `${start.toFormat("d LLLL")} – ${single("day", end)}`;
  } else {
    text = `${single("day", start)} – ${single("day", end)}`;
  }
  return date.precision === "approximate" ? `about ${text}` : text;
}

/** Picks articles by slug from an articles array, in the order of the slugs. */
export type ArticlesBySlugs = (articles: Article[], slugs: string[]) => Article[];

/** The articles with the given slugs, in the order of the slugs (tags list theirs newest first). */
export const articlesBySlugs: ArticlesBySlugs = (articles, slugs) => pickBySlug(new Map(articles.map((a) => [a.slug, a])), slugs);

function pickBySlug(bySlug: ReadonlyMap<string, Article>, slugs: string[]): Article[] {
  return slugs.flatMap((slug) => {
    const article = bySlug.get(slug);
    return article ? [article] : [];
  });
}

/**
 * articlesBySlugs with one slug index per articles array, for one render:
 * every topic and edition page asks with the same array, and indexing
 * thousands of articles per page would cost more than the pages. The
 * plugins make one each, so no index outlives its Eleventy config.
 */
export function indexedArticlesBySlugs(): ArticlesBySlugs {
  const indexes = new WeakMap<Article[], ReadonlyMap<string, Article>>();
  return (articles, slugs) => {
    let bySlug = indexes.get(articles);
    if (!bySlug) indexes.set(articles, (bySlug = new Map(articles.map((a) => [a.slug, a]))));
    return pickBySlug(bySlug, slugs);
  };
}

// ---------------------------------------------------------------- home archive pages

/**
 * The briefings the home archive lists: every one but those that lead the
 * first page (listing them again under it was a duplicate): the latest
 * edition's briefings when there are editions, else the latest briefing.
 */
export function homeArchive<T extends { slug: string }>(articles: readonly T[], latestEdition: { articles: readonly string[] } | null): T[] {
  if (latestEdition === null) return articles.slice(1);
  const leading = new Set(latestEdition.articles);
  return articles.filter((a) => !leading.has(a.slug));
}

/** Splits the archive into pages of `size` (at least one page, empty when there are no articles). */
export function archivePages<T>(items: T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`page size must be a positive integer, got ${size}`);
  const pages: T[][] = [];
  for (let i = 0; i < items.length; i += size) pages.push(items.slice(i, i + size));
  return pages.length > 0 ? pages : [[]];
}

/** Site path of home archive page `index` (0-based): "/" then "/page/2/", "/page/3/"… */
export function archivePagePath(index: number): string {
  return index === 0 ? "/" : `/page/${index + 1}/`;
}

/**
 * The archive pages the pager links to from page `current` (0-based) of
 * `count`: the first, the last, and `radius` pages either side of the current
 * one, in order, with null where pages are left out ("…"). Every page linking
 * every other would make an archive of N pages cost N² links.
 */
export function pagerWindow(current: number, count: number, radius = 2): (number | null)[] {
  const shown: number[] = [];
  for (let i = 0; i < count; i++) {
    if (i === 0 || i === count - 1 || Math.abs(i - current) <= radius) shown.push(i);
  }
  const out: (number | null)[] = [];
  shown.forEach((page, k) => {
    const gap = k > 0 ? page - shown[k - 1]! : 1;
    if (gap === 2) out.push(page - 1); // one left out: show it rather than "…"
    else if (gap > 2) out.push(null);
    out.push(page);
  });
  return out;
}

// ---------------------------------------------------------------- sitemap

export interface SitemapEntry {
  /** Absolute URL. */
  loc: string;
  /** RFC 3339, or null when the page has no date of its own. */
  lastmod: string | null;
}

/** Every indexable page of the site (no 404, no feeds, no email files), home first. */
export function sitemapEntries(data: Pick<DataFile, "site" | "articles" | "tags"> & Partial<Pick<DataFile, "editions">>): SitemapEntry[] {
  const { site, articles } = data;
  const changed = (a: Article) => a.updated ?? a.date;
  // By instant, not by string: two articles may state different offsets.
  // Memoized: every archive and topic page compares its articles' dates again.
  const instants = new Map<string, number>();
  const instant = (iso: string) => {
    let ms = instants.get(iso);
    if (ms === undefined) instants.set(iso, (ms = DateTime.fromISO(iso, { setZone: true }).toMillis()));
    return ms;
  };
  const newest = (list: Article[]) =>
    list.length > 0 ? rfc3339(list.map(changed).reduce((a, b) => (instant(b) > instant(a) ? b : a))) : null;
  const url = (p: string) => absoluteUrl(p, site.url);
  const pages = archivePages(homeArchive(articles, data.editions?.[0] ?? null), site.homePageSize);
  return [
    // The first page also shows what leads it (the latest briefing, or edition), above its list.
    ...pages.map((page, i) => ({ loc: url(archivePagePath(i)), lastmod: newest(i === 0 ? articles : page) })),
    ...articles.map((a) => ({ loc: url(`/briefings/${a.slug}/`), lastmod: rfc3339(changed(a)) })),
    ...(data.tags.length > 0 ? [{ loc: url("/tags/"), lastmod: newest(articles) }] : []),
    ...data.tags.map((t) => ({ loc: url(`/tags/${t.slug}/`), lastmod: newest(articlesBySlugs(articles, t.articles)) })),
    ...archivePages(data.editions ?? [], site.homePageSize).flatMap((page, i) =>
      page.length > 0 ? [{ loc: url(i === 0 ? "/editions/" : `/editions/page/${i + 1}/`), lastmod: rfc3339(page[0]!.updated) }] : []),
    ...(data.editions ?? []).map((e) => ({ loc: url(`/editions/${e.date}/`), lastmod: rfc3339(e.updated) })),
    { loc: url("/subscribe/"), lastmod: null },
    { loc: url("/about/"), lastmod: null },
  ];
}

// ---------------------------------------------------------------- JSON-LD

/** Where a briefing's social card goes, relative to the site root (scripts/eleventy/social-card.ts draws it). */
export function cardPath(slug: string): string {
  return `briefings/${slug}/card.png`;
}

/** schema.org NewsArticle for a briefing page (https://schema.org/NewsArticle). */
export function newsArticleLd(article: Article, site: Site): Record<string, unknown> {
  const pageUrl = absoluteUrl(`/briefings/${article.slug}/`, site.url);
  const author = article.author ?? article.byline?.replace(/^by\s+/i, "") ?? null;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: article.title,
    description: article.summary.text,
    url: pageUrl,
    image: [absoluteUrl(cardPath(article.slug), site.url)],
    mainEntityOfPage: { "@type": "WebPage", "@id": pageUrl },
    datePublished: rfc3339(article.date),
    dateModified: rfc3339(article.updated ?? article.date),
    inLanguage: article.language,
    wordCount: article.wordCount,
    ...(article.tags.length > 0 ? { keywords: article.tags.map((t) => t.name) } : {}),
    author: author
      ? { "@type": "Person", name: author }
      : { "@type": "Organization", name: site.author.name, ...(site.author.url ? { url: site.author.url } : {}) },
    publisher: { "@type": "Organization", name: site.title, url: site.url },
    ...(article.source
      ? { isBasedOn: { "@type": "CreativeWork", name: article.source.name, ...(article.source.url ? { url: article.source.url } : {}) } }
      : {}),
    ...(article.people.length > 0
      ? { mentions: article.people.map((p) => ({ "@type": "Person", name: p.name, ...(p.role ? { jobTitle: p.role } : {}) })) }
      : {}),
  };
}

/**
 * JSON for a <script type="application/ld+json"> element: `<`, `>` and `&` as
 * \u escapes so no string can close the element or open a comment, and
 * U+2028/U+2029 escaped for old JavaScript parsers. Still the same JSON value.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// ---------------------------------------------------------------- plugin

/** The articles whose own pages (briefings/<slug>/: page, card and email) a render writes, in the data file's order. */
export function renderedArticles<T extends { slug: string }>(articles: readonly T[], only: RenderOnly | null): T[] {
  if (!only) return [...articles];
  const slugs = new Set(only.articles);
  return articles.filter((a) => slugs.has(a.slug));
}

export function sitePlugin(eleventyConfig: any, input: Pick<RenderInput, "root" | "data" | "only" | "pages">): void {
  // The assets go with the shared pages.
  if (input.pages !== "own") eleventyConfig.addPassthroughCopy({ [path.join(input.root, "src/assets")]: "assets" });
  eleventyConfig.addFilter("dateSpan", dateSpan);
  eleventyConfig.addFilter("articlesBySlugs", indexedArticlesBySlugs());
  eleventyConfig.addFilter("archivePagePath", archivePagePath);
  eleventyConfig.addFilter("pagerWindow", pagerWindow);
  eleventyConfig.addFilter("sitemapEntries", sitemapEntries);
  eleventyConfig.addFilter("newsArticleLd", newsArticleLd);
  eleventyConfig.addFilter("jsonForScript", jsonForScript);
  // All the briefings, unless the build renders only the changed ones and
  // keeps the rest from the previous site (scripts/incremental/render-cache.ts).
  eleventyConfig.addCollection("briefingPages", () => renderedArticles(input.data.articles, input.only));
  // The home archive paginates by site.homePageSize, which lives in the data
  // file; Eleventy's pagination `size` must be a literal, so src/index.njk
  // paginates one at a time over these pages, cut from the data file.
  eleventyConfig.addCollection("archivePages", () => archivePages(homeArchive(input.data.articles, input.data.editions[0] ?? null), input.data.site.homePageSize));
}
