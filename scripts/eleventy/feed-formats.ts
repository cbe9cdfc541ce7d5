// The feed formats the site publishes, as data: one row per format. The base
// layout (<link rel="alternate"> and the footer), the subscribe page, the feed
// models (feed-model.ts, editions.ts) and the audit (check/feeds.ts) all read
// this list, so a format's paths, media type and label are said once.
// Adding a format: a row here, its template for each kind (src/feeds/<id>.njk
// paginated over the variants, src/editions/feed-<id>.njk) and its reader in
// check/feeds.ts (FEED_READERS, which the compiler asks for once the id exists).
import { absoluteUrl } from "./filters.ts";

/** The id a template and the audit know a format by. */
export type FeedFormatId = "rss" | "atom" | "json";

/**
 * The feeds each format is written for: `latest` (the subscription feed, full
 * text), `archive` (every briefing, summary and link), `editions` (one item per edition).
 */
export type FeedKind = "latest" | "archive" | "editions";

export interface FeedFormat {
  id: FeedFormatId;
  /** Short name in links and <link title>: "RSS". */
  label: string;
  /** Name with version on the subscribe page: "RSS 2.0". */
  name: string;
  /** What the subscribe page adds after the name, or "" (said of the format, not of this site). */
  note: string;
  /** IANA media type: <link rel="alternate" type> and the feeds' own self links. */
  mediaType: string;
  /** Output path of each kind of feed, relative to the site root (and so to the base URL). */
  paths: Record<FeedKind, string>;
}

/** In the order pages list them: RSS first, the one every reader understands. */
export const FEED_FORMATS: readonly FeedFormat[] = [
  {
    id: "rss",
    label: "RSS",
    name: "RSS 2.0",
    note: "which every reader understands",
    mediaType: "application/rss+xml",
    paths: { latest: "feed.xml", archive: "archive/feed.xml", editions: "editions/feed.xml" },
  },
  {
    id: "atom",
    label: "Atom",
    name: "Atom 1.0",
    note: "",
    mediaType: "application/atom+xml",
    paths: { latest: "atom.xml", archive: "archive/atom.xml", editions: "editions/atom.xml" },
  },
  {
    id: "json",
    label: "JSON Feed",
    name: "JSON Feed 1.1",
    note: "",
    mediaType: "application/feed+json",
    paths: { latest: "feed.json", archive: "archive/feed.json", editions: "editions/feed.json" },
  },
];

/** One value per format, keyed by its id (a feed's URLs, its paths). */
export type PerFormat<T> = Record<FeedFormatId, T>;

/** The row of format `id`. */
export function feedFormat(id: FeedFormatId): FeedFormat {
  const format = FEED_FORMATS.find((f) => f.id === id);
  if (!format) throw new Error(`no feed format "${id}" in FEED_FORMATS`);
  return format;
}

/** Each format's document of one kind of feed, as an absolute URL under the base URL. */
export function feedUrls(kind: FeedKind, siteUrl: string): PerFormat<string> {
  return Object.fromEntries(FEED_FORMATS.map((f) => [f.id, absoluteUrl(f.paths[kind], siteUrl)])) as PerFormat<string>;
}
