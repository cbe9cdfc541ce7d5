// Eleventy plugin for editions (scripts/pipeline/editions.ts groups the
// briefings): the edition pages, the editions index, the editions feeds and
// the small pure helpers their templates call. The edition emails are
// finished by the email plugin (scripts/email/eleventy-plugin.ts).
import type { Article, DataFile, Edition, Site } from "../schema.ts";
import { countOf } from "../count.ts";
import { absoluteUrl } from "./filters.ts";
import { feedChannel, feedItemId, feedLine, newestUpdate, tagAuthorityOf, type FeedChannel, type FeedModel } from "./feed-model.ts";
import type { RenderInput, RenderOnly } from "./eleventy-site.ts";
import { archivePages, articlesBySlugs, dateSpan, indexedArticlesBySlugs, type ArticlesBySlugs } from "./pages.ts";

/** The editions whose own pages (editions/<date>/: page and email) a render writes, in the data file's order. */
export function renderedEditions<T extends { date: string }>(editions: readonly T[], only: RenderOnly | null): T[] {
  if (!only) return [...editions];
  const dates = new Set(only.editions);
  return editions.filter((e) => dates.has(e.date));
}

/** "27 February 2026", or "23 February – 1 March 2026" for a week. */
export function editionName(edition: Pick<Edition, "date" | "end">): string {
  return dateSpan({ start: edition.date, end: edition.end, precision: "day" });
}

/** The page description: the lead's headline and how many more. */
export function editionDescription(edition: Pick<Edition, "articles">, articles: Article[], pick: ArticlesBySlugs = articlesBySlugs): string {
  const [lead] = pick(articles, edition.articles.slice(0, 1));
  const more = edition.articles.length - 1;
  return `${lead?.title ?? "Edition"}${more > 0 ? `, and ${countOf(more, "more briefing", "more briefings")}` : ""}.`;
}

/** Site path of editions index page `index` (0-based): "/editions/", then "/editions/page/2/"… */
export function editionIndexPath(index: number): string {
  return index === 0 ? "/editions/" : `/editions/page/${index + 1}/`;
}

// ---------------------------------------------------------------- the email's cut

/**
 * Gmail clips an email whose HTML passes about 102 KB and hides the rest
 * behind "[Message clipped]". An edition email keeps whole briefings, lead
 * first, while their estimated size stays under this budget, and ends with a
 * "read the rest on the site" link. The 12 KB of headroom cover the
 * estimate's error (measured under 3 KB on long editions, test/editions.test.ts)
 * and the headers and wrapping some clients count in.
 */
export const EDITION_EMAIL_BUDGET = 90_000;

/**
 * Bytes the finished (CSS-inlined) email spends besides the briefings' own
 * words and links, measured on a built 40-briefing edition (test/editions.test.ts
 * checks the estimate stays above the real size and within 3 kB of it): the
 * frame, masthead, preheader padding, "read the rest" block and footer; each
 * briefing's markup and inline styles (its date line included); each key point's.
 */
export const EMAIL_FRAME_BYTES = 5_000;
export const EMAIL_ITEM_BYTES = 840;
export const EMAIL_POINT_BYTES = 125;

/** HTML-escaped UTF-8 length: what a text costs in the email's HTML. */
function htmlBytes(text: string): number {
  let extra = 0;
  for (const c of text) if (c === "&" || c === "<" || c === ">" || c === '"' || c === "'") extra += 4;
  return Buffer.byteLength(text, "utf8") + extra;
}

/** Estimated bytes of one briefing in the edition email on a site at `siteUrl`. */
export function emailItemBytes(article: Pick<Article, "title" | "summary" | "keyPoints" | "slug" | "source">, siteUrl: string): number {
  const url = absoluteUrl(`briefings/${article.slug}/`, siteUrl).length;
  return (
    EMAIL_ITEM_BYTES +
    // The headline twice (heading, preheader) and the briefing's URL twice (headline, "Read the full briefing").
    2 * htmlBytes(article.title) + 2 * url +
    htmlBytes(article.summary.text) + htmlBytes(article.source?.name ?? "") +
    article.keyPoints.reduce((n, p) => n + EMAIL_POINT_BYTES + htmlBytes(p), 0)
  );
}

export interface EmailCut {
  /** The briefings the email carries in full, lead first. */
  shown: Article[];
  /** The rest, left to the edition page. */
  rest: Article[];
}

/**
 * Where an edition's email stops: whole briefings in edition order while the
 * estimate stays within `budget`; the lead always. Never mid-briefing: a cut
 * gist or a half list of key points reads as an error, a clear "N more on the
 * site" does not.
 */
export function editionEmailCut(edition: Pick<Edition, "articles">, articles: Article[], siteUrl: string, budget = EDITION_EMAIL_BUDGET, pick: ArticlesBySlugs = articlesBySlugs): EmailCut {
  const members = pick(articles, edition.articles);
  let bytes = EMAIL_FRAME_BYTES;
  let count = 0;
  for (const article of members) {
    bytes += emailItemBytes(article, siteUrl);
    if (count > 0 && bytes > budget) break;
    count++;
  }
  return { shown: members.slice(0, count), rest: members.slice(count) };
}

// ---------------------------------------------------------------- feeds

export interface EditionFeedItem {
  id: string;
  idIsPermalink: boolean;
  url: string;
  title: string;
  /** The headlines, one line. */
  summary: string;
  /** The newest of its briefings' times, shown in the site's zone. */
  updated: string;
  edition: Edition;
  /** Its briefings, lead first, for the content partial: as many as its email carries (editionEmailCut). */
  articles: Article[];
  /** How many more the edition holds, left to its page (a long day's feed item stays as small as its email). */
  more: number;
  /** Where the first of them is on the edition page, or null. */
  moreUrl: string | null;
}

/** The editions feed: the channel every feed has (feed-model.ts), its own items. */
export interface EditionFeedModel extends FeedChannel {
  /** The site's zone, in which the editions' times are shown. */
  timeZone: string;
  /** The newest edition's time; an empty feed says the epoch (`fromItems` false). */
  updated: FeedModel["updated"];
  items: EditionFeedItem[];
}

/** The editions feed: the newest `feed.limit` editions, one item each. */
export function editionFeedModel(data: DataFile): EditionFeedModel {
  const site: Site = data.site;
  const tagAuthority = tagAuthorityOf(site);
  const editions = data.editions.slice(0, site.feed.limit);
  const pick = indexedArticlesBySlugs();
  const items = editions.map((edition): EditionFeedItem => {
    const { id, idIsPermalink, url } = feedItemId(`editions/${edition.date}/`, site.url, tagAuthority);
    const members = pick(data.articles, edition.articles);
    const cut = editionEmailCut(edition, data.articles, site.url, EDITION_EMAIL_BUDGET, pick);
    return {
      id,
      idIsPermalink,
      url,
      title: feedLine(`${editionName(edition)}: ${members[0]?.title ?? ""}`),
      summary: feedLine(members.map((a) => a.title).join("; ")),
      updated: edition.updated,
      edition,
      articles: cut.shown,
      more: cut.rest.length,
      moreUrl: cut.rest[0] ? `${url}#item-${cut.rest[0].slug}` : null,
    };
  });
  return {
    ...feedChannel(data, "editions", {
      title: `${feedLine(site.title)}: editions`,
      description: `${feedLine(site.description)} One item per edition.${items.length === 0 ? " No editions have been published yet." : ""}`,
      homeUrl: absoluteUrl("editions/", site.url),
      complete: data.editions.length <= site.feed.limit,
    }),
    timeZone: site.timeZone,
    updated: newestUpdate(items.map((item) => ({ updated: item.updated, timeZone: site.timeZone }))),
    items,
  };
}

// ---------------------------------------------------------------- plugin

export function editionsPlugin(eleventyConfig: any, input: Pick<RenderInput, "data" | "only">): void {
  eleventyConfig.addFilter("editionName", editionName);
  // One slug index per articles array for this config's renders (every edition page asks with the same one).
  const pick = indexedArticlesBySlugs();
  eleventyConfig.addFilter("editionDescription", (edition: Edition, articles: Article[]) => editionDescription(edition, articles, pick));
  eleventyConfig.addFilter("editionIndexPath", editionIndexPath);
  eleventyConfig.addFilter("editionEmailCut", (edition: Edition, articles: Article[], siteUrl: string) => editionEmailCut(edition, articles, siteUrl, EDITION_EMAIL_BUDGET, pick));
  eleventyConfig.addFilter("editionFeedModel", editionFeedModel);
  // All the editions, unless the build renders only changed ones (render-cache.ts).
  eleventyConfig.addCollection("editionPages", () => renderedEditions(input.data.editions, input.only));
  eleventyConfig.addCollection("editionIndexPages", () => archivePages(input.data.editions, input.data.site.homePageSize));
}
