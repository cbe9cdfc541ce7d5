// The one feed model: a pure function from the data file to what every feed
// format says. RSS 2.0, Atom 1.0 and JSON Feed 1.1 (src/feeds/*.njk) only
// choose how to write it, so the three cannot disagree on ids, links, titles
// or dates. Dates stay ISO strings with the article's zone; the templates
// format them per format (rfc822 / rfc3339 filters) in that zone.
import { DateTime } from "luxon";
import type { Article, DataFile, Site } from "../schema.ts";
import { BriefingError, problem } from "../problems.ts";
import { absoluteUrl } from "./filters.ts";
import { feedUrls, type FeedKind, type PerFormat } from "./feed-formats.ts";

/**
 * `latest`: the subscription feeds (newest `site.feed.limit`), full text.
 * `archive`: every briefing, summary and link only: the full text of thousands
 * of articles made ~100 MB documents and most of the build's time and memory.
 */
export type FeedVariant = "latest" | "archive";
export const FEED_VARIANTS: readonly FeedVariant[] = ["latest", "archive"];

/**
 * The site's icon (the favicon the base layout links), square and scalable:
 * Atom <icon> and JSON Feed icon/favicon. RSS 2.0 gets no <image>, which must
 * be a GIF, JPEG or PNG of at most 144 x 400 pixels.
 */
export const SITE_ICON_PATH = "assets/icon.svg";

/** Atom requires a feed <updated>. A feed with no items was never updated, and
 *  "now" would change every build, so an empty feed says the Unix epoch. */
export const EMPTY_FEED_UPDATED = "1970-01-01T00:00:00.000+00:00";

/** What the briefing feed and the editions feed say alike: the channel, the site's author, the generator. */
export interface FeedChannel {
  title: string;
  /** Channel description; says so when there is nothing to read yet. */
  description: string;
  /** BCP 47 tag of the site. */
  language: string;
  homeUrl: string;
  /** Absolute URL of the square site icon (SVG). */
  iconUrl: string;
  /** Absolute URLs of this feed's document in each format (each template's self link is its own). */
  urls: PerFormat<string>;
  /** Atom feed id: stable, distinct per feed. */
  atomId: string;
  /** True when the feed carries every published item (RFC 5005 "complete feed"). */
  complete: boolean;
  author: FeedPerson;
  generator: { name: string; version: string; url: string };
}

export interface FeedPerson {
  name: string;
  email: string | null;
  url: string | null;
}

export interface FeedItem {
  /** Stable id, the same in all three formats: the canonical URL or a tag: URI. */
  id: string;
  /** True when `id` is the canonical URL (RSS guid isPermaLink). */
  idIsPermalink: boolean;
  /** Canonical, absolute URL of the briefing page. */
  url: string;
  /** Plain text; the templates escape it for their format. */
  title: string;
  /** The one-paragraph summary, plain text. */
  summary: string;
  /** ISO date-times with offset, expressed in `timeZone`. */
  published: string;
  /** `updated`, or the publication date when the article was never updated. */
  updated: string;
  timeZone: string;
  language: string;
  /**
   * Who the item is credited to: the article's author (or byline), then its
   * source (the publisher, with its URL); the site's author only when the
   * article names neither, so republished text is never credited to the desk.
   */
  authors: FeedPerson[];
  /** Where the article was first published, for RSS <source url> and Atom <source> / rel="via". */
  source: { name: string; url: string | null } | null;
  /** Tag names, in the article's order. */
  categories: string[];
  /** Base against which the full text's relative links are resolved (the briefing URL). */
  contentBase: string;
  /** The article itself, for the shared full-text partial. */
  article: Article;
}

export interface FeedModel extends FeedChannel {
  variant: FeedVariant;
  /** True when items carry the article's full text; false for the archive (summary and link only). */
  fullText: boolean;
  /**
   * The archive's documents, linked from the subscription feeds (null in
   * the archive itself). `rel` is RFC 5005's prev-archive when the subscription
   * feed leaves older briefings out, else "related" (nothing older to page back to).
   */
  archive: { rel: "prev-archive" | "related"; urls: PerFormat<string> } | null;
  /** The newest item's updated (or published) time in that item's zone. An empty
   *  feed has no such time: `fromItems` is false and the time is the epoch. */
  updated: { iso: string; timeZone: string; fromItems: boolean };
  items: FeedItem[];
}

/** Characters XML 1.0 cannot carry at all (C0 controls but tab/LF/CR, U+FFFE/FFFF, lone surrogates). */
const XML_FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Characters XML 1.0 forbids, removed, so the three formats can carry the same text. */
export function xmlSafe(text: string): string {
  return text.replace(XML_FORBIDDEN, "");
}

/**
 * One line of feed text (title, summary, name, tag). XML parsers turn a CR
 * into a LF and readers show titles on one line, so line breaks would make
 * the formats disagree; they become single spaces.
 */
export function feedLine(text: string): string {
  return xmlSafe(text).replace(/[ \t\n\r\f\v\u2028\u2029]+/g, " ").trim();
}

/** RFC 4151 taggingEntity: authorityName "," date, e.g. "example.org,2026" or "x@example.org,2026-02". */
const TAG_AUTHORITY = /^(?:[a-z0-9-]+(?:\.[a-z0-9-]+)*|[^@\s,]+@[a-z0-9-]+(?:\.[a-z0-9-]+)*),\d{4}(?:-\d{2}(?:-\d{2})?)?$/i;

/** Builds the model for one variant from the data file. Throws a BriefingError for a bad id scheme. */
export function feedModel(data: DataFile, variant: FeedVariant = "latest"): FeedModel {
  const site = data.site;
  const tagAuthority = tagAuthorityOf(site);
  const articles = variant === "latest" ? data.articles.slice(0, site.feed.limit) : data.articles;
  const items = articles.map((a) => feedItem(a, site, tagAuthority));
  const complete = variant === "archive" || data.articles.length <= site.feed.limit;
  const siteTitle = feedLine(site.title);
  const channel = feedChannel(data, variant, {
    title: variant === "archive" ? `${siteTitle}: every briefing` : siteTitle,
    description: feedLine(site.description) + (items.length === 0 ? " No briefings have been published yet." : ""),
    homeUrl: site.url,
    complete,
  });
  return {
    variant,
    ...channel,
    fullText: variant === "latest",
    archive: variant === "latest" ? { rel: complete ? "related" : "prev-archive", urls: feedUrls("archive", site.url) } : null,
    updated: newestUpdate(items),
    items,
  };
}

/** The Atom id's path under the tag: authority, per kind of feed (stable: readers key on it). */
const ATOM_ID_PATHS: Record<FeedKind, string> = { latest: "feed", archive: "feed/archive", editions: "feed/editions" };

/**
 * The channel of one kind of feed: what it is called and where its documents
 * are the caller's; the language, icon, ids, author and generator are the
 * site's, the same for the briefing and the editions feeds.
 */
export function feedChannel(
  data: DataFile,
  kind: FeedKind,
  own: Pick<FeedChannel, "title" | "description" | "homeUrl" | "complete">,
): FeedChannel {
  const site = data.site;
  const tagAuthority = tagAuthorityOf(site);
  const urls = feedUrls(kind, site.url);
  return {
    title: own.title,
    description: own.description,
    language: site.language,
    homeUrl: own.homeUrl,
    iconUrl: absoluteUrl(SITE_ICON_PATH, site.url),
    urls,
    atomId: tagAuthority ? `tag:${tagAuthority}:${ATOM_ID_PATHS[kind]}` : urls.atom,
    complete: own.complete,
    author: siteAuthor(site),
    generator: { ...data.generator },
  };
}

/**
 * An item's id and canonical URL from its page's site path: the URL itself,
 * or a tag: URI under the site's authority when it asks for tag: ids.
 */
export function feedItemId(sitePath: string, siteUrl: string, tagAuthority: string | null): { id: string; idIsPermalink: boolean; url: string } {
  const url = absoluteUrl(sitePath, siteUrl);
  return { id: tagAuthority ? `tag:${tagAuthority}:${sitePath.replace(/\/$/, "")}` : url, idIsPermalink: tagAuthority === null, url };
}

function feedItem(article: Article, site: Site, tagAuthority: string | null): FeedItem {
  const { id, idIsPermalink, url } = feedItemId(`briefings/${article.slug}/`, site.url, tagAuthority);
  return {
    id,
    idIsPermalink,
    url,
    title: feedLine(article.title),
    summary: feedLine(article.summary.text),
    published: article.date,
    updated: article.updated ?? article.date,
    timeZone: article.timeZone,
    language: article.language,
    authors: itemAuthors(article, site),
    source: article.source ? { name: feedLine(article.source.name), url: article.source.url } : null,
    categories: article.tags.map((t) => feedLine(t.name)),
    contentBase: url,
    article,
  };
}

/** The name a byline gives ("By Jane Doe, Reuters" -> "Jane Doe, Reuters"). */
export function bylineName(byline: string): string {
  return byline.replace(/^by\s+/i, "").trim();
}

/** The article's author or byline, then its source; the site's author when it has neither. */
function itemAuthors(article: Article, site: Site): FeedPerson[] {
  const writer = article.author ?? (article.byline ? bylineName(article.byline) : null);
  const people: FeedPerson[] = [];
  if (writer && feedLine(writer)) people.push({ name: feedLine(writer), email: null, url: null });
  if (article.source && feedLine(article.source.name)) people.push({ name: feedLine(article.source.name), email: null, url: article.source.url });
  return people.length > 0 ? people : [siteAuthor(site)];
}

export function siteAuthor(site: Site): FeedPerson {
  return { name: feedLine(site.author.name), email: site.author.email, url: site.author.url };
}

/** The latest `updated` among the items, compared as instants, kept in its own zone. */
export function newestUpdate(items: readonly { updated: string; timeZone: string }[]): FeedModel["updated"] {
  let best: { iso: string; timeZone: string; ms: number } | null = null;
  for (const item of items) {
    const ms = DateTime.fromISO(item.updated, { setZone: true }).toMillis();
    if (best === null || ms > best.ms) best = { iso: item.updated, timeZone: item.timeZone, ms };
  }
  return best ? { iso: best.iso, timeZone: best.timeZone, fromItems: true } : { iso: EMPTY_FEED_UPDATED, timeZone: "UTC", fromItems: false };
}

/** The tag: authority when the site asks for tag: ids; null for URL ids. */
export function tagAuthorityOf(site: Site): string | null {
  if (site.feed.idScheme !== "tag") return null;
  const authority = site.feed.tagAuthority?.trim() ?? "";
  if (!TAG_AUTHORITY.test(authority)) {
    throw new BriefingError([
      problem({
        file: "_data/site.yaml",
        field: "feed.tagAuthority",
        stage: "render",
        message: authority
          ? `"${authority}" is not a tag: URI authority (RFC 4151: a domain or email, a comma, and a date)`
          : "feed.idScheme is tag but feed.tagAuthority is not set",
        fix: 'set feed.tagAuthority to a domain you owned on a date, e.g. "example.org,2026", and never change it afterwards',
      }),
    ]);
  }
  return authority;
}
