// Eleventy plugin for the subscription feeds: RSS 2.0 (feed.xml), Atom 1.0
// (atom.xml) and JSON Feed 1.1 (feed.json), plus the same three for the full
// archive under archive/ (summary and link per item, no full text). The templates are ours (src/feeds/*.njk), not the
// stock ones of @11ty/eleventy-plugin-rss 3.0, whose defects the issue lists:
// undeclared xmlns:content, HTML-escaped JSON, an invalid RSS <image>, a
// doubled path prefix, and RFC 822 dates in the build machine's zone. From the
// plugin we take `convertHtmlToAbsoluteUrls` (posthtml-urls), which rewrites
// every URL-bearing attribute of the full text (href, src, srcset, cite, ...)
// against the briefing's URL: the shared partial already resolves the links it
// writes, and this catches whatever markup the partial gains later.
import { convertHtmlToAbsoluteUrls } from "@11ty/eleventy-plugin-rss";
import { rfc3339 } from "./filters.ts";
import { FEED_FORMATS, feedFormat, type FeedFormatId } from "./feed-formats.ts";
import { FEED_VARIANTS, feedModel, xmlSafe, type FeedItem, type FeedModel, type FeedVariant } from "./feed-model.ts";
import type { DataFile } from "../schema.ts";

/** Output path of one variant's document in one format (the templates' permalinks). */
export function feedPath(variant: FeedVariant, format: FeedFormatId): string {
  return feedFormat(format).paths[variant];
}

/**
 * Plain text as HTML text: RSS <description> holds HTML, so a summary with
 * "<" or "&" is escaped once as HTML here and once more as XML by autoescape.
 * Returns a plain string (not safe) on purpose.
 */
export function htmlText(text: string): string {
  return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}



/** JSON for a value, indented to sit at `indent` spaces inside a larger document. */
export function json(value: unknown, indent = 0): string {
  const text = JSON.stringify(value, null, 2);
  if (text === undefined) throw new Error("json filter: value cannot be written as JSON");
  return text.replace(/\n/g, "\n" + " ".repeat(indent));
}

/**
 * A JSON Feed 1.1 item: dates RFC 3339 in the article's zone, full text as
 * HTML. Without full text (the archive, `contentHtml` null) the summary is the
 * item's content_text, which JSON Feed requires when there is no content_html.
 */
export function jsonFeedItem(item: FeedItem, contentHtml: string | null = null): Record<string, unknown> {
  const content = contentHtml === null || contentHtml === undefined ? { content_text: item.summary } : { content_html: String(contentHtml) };
  return {
    id: item.id,
    url: item.url,
    title: item.title,
    summary: item.summary,
    ...content,
    date_published: rfc3339(item.published, item.timeZone),
    date_modified: rfc3339(item.updated, item.timeZone),
    ...(item.source?.url ? { external_url: item.source.url } : {}),
    authors: item.authors.map(jsonFeedAuthor),
    tags: item.categories,
    language: item.language,
  };
}

/** JSON Feed authors carry a name and a URL; an email only as a mailto: URL. */
export function jsonFeedAuthor(person: FeedModel["author"]): Record<string, string> {
  const url = person.url ?? (person.email ? `mailto:${person.email}` : null);
  return url ? { name: person.name, url } : { name: person.name };
}

/**
 * The full text as feed content: characters XML cannot carry removed, line ends as LF, then the
 * plugin's convertHtmlToAbsoluteUrls against the briefing URL.
 */
export async function feedContent(html: unknown, base: string): Promise<string> {
  // CR becomes LF: XML parsers do that to RSS and Atom, so JSON must match.
  const text = xmlSafe(String(html ?? "")).replace(/\r\n?/g, "\n").trim();
  if (!text) return "";
  return convertHtmlToAbsoluteUrls(text, base, { closingSingleTag: "default" });
}

/**
 * What the feed documents of one build share, made once per Eleventy config
 * (feedsPlugin), so nothing outlives the build that made it:
 * - one model per data file and variant, which the three templates read;
 * - each article's feed content, shared by the three subscription feed
 *   documents (the archive carries no full text): rendering the partial and
 *   rewriting its URLs with posthtml cost milliseconds per article per
 *   document. Keyed by the article object of the build's data file and by
 *   the base URL.
 */
function feedSharing() {
  const models = new WeakMap<object, Map<FeedVariant, FeedModel>>();
  const contents = new WeakMap<object, Map<string, { promise: Promise<string>; settle: (html: Promise<string>) => void }>>();

  function model(data: DataFile, variant: FeedVariant): FeedModel {
    let byVariant = models.get(data);
    if (!byVariant) models.set(data, (byVariant = new Map()));
    let made = byVariant.get(variant);
    if (!made) byVariant.set(variant, (made = feedModel(data, variant)));
    return made;
  }

  function contentEntry(item: Pick<FeedItem, "article" | "contentBase">) {
    let byBase = contents.get(item.article);
    if (!byBase) contents.set(item.article, (byBase = new Map()));
    return byBase;
  }

  /**
   * The article's feed content if another document made or is making it;
   * `false` when the caller is the first and must render the partial and pass
   * it to feedContentHtml (which settles the waiting documents). A Nunjucks
   * async filter, like feedContentHtml (hence `asyncEach` in the templates).
   */
  function sharedFeedContent(item: FeedItem, callback: (err: unknown, result?: string | false) => void): void {
    const byBase = contentEntry(item);
    const entry = byBase.get(item.contentBase);
    if (entry) {
      entry.promise.then((html) => callback(null, html), (error: unknown) => callback(error));
      return;
    }
    let settle!: (html: Promise<string>) => void;
    const promise = new Promise<string>((resolve) => (settle = resolve));
    byBase.set(item.contentBase, { promise, settle });
    callback(null, false);
  }

  /** Makes the feed content from the rendered partial and shares it with the other documents. */
  function feedContentHtml(html: unknown, item: FeedItem, callback: (err: unknown, result?: string) => void): void {
    const made = feedContent(html, item.contentBase);
    const entry = contentEntry(item).get(item.contentBase);
    if (entry) entry.settle(made);
    else contentEntry(item).set(item.contentBase, { promise: made, settle: () => {} });
    made.then((result) => callback(null, result), (error: unknown) => callback(error));
  }

  return { model, sharedFeedContent, feedContentHtml };
}

export function feedsPlugin(eleventyConfig: any): void {
  const shared = feedSharing();
  eleventyConfig.addGlobalData("feedVariants", [...FEED_VARIANTS]);
  // The formats' rows, for the pages that list or link the feeds (base layout, subscribe page).
  eleventyConfig.addGlobalData("feedFormats", FEED_FORMATS);
  eleventyConfig.addFilter("feedModel", (data: DataFile, variant: FeedVariant = "latest") => shared.model(data, variant));
  eleventyConfig.addFilter("feedPath", feedPath);
  eleventyConfig.addFilter("htmlText", htmlText);
  eleventyConfig.addFilter("json", json);
  eleventyConfig.addFilter("jsonFeedItem", jsonFeedItem);
  eleventyConfig.addFilter("jsonFeedAuthor", jsonFeedAuthor);
  eleventyConfig.addNunjucksAsyncFilter("sharedFeedContent", shared.sharedFeedContent);
  eleventyConfig.addNunjucksAsyncFilter("feedContentHtml", shared.feedContentHtml);
}
