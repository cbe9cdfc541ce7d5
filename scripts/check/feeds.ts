// Feed audit for `npm run check` (and the feed tests): every feed the build
// wrote is read back with real parsers and validators, and the three formats
// must say the same thing.
//   - well-formed XML with declared namespaces (fast-xml-parser, xmllint);
//   - Atom valid against RFC 4287's RELAX NG schema (jing);
//   - RSS 2.0 required elements, RFC 822 dates with numeric offsets, self link;
//   - JSON Feed 1.1 fields (a zod schema of the spec);
//   - the same items in all three: ids, links, titles, dates, tags, summary, full text,
//     credits (author or byline, then the source) and the source's URL;
//   - the subscription feeds link the archive's document of their own format;
//   - full text in every subscription item; the archive may carry summary and link only;
//   - links absolute under the base URL and, for the feed's own links, files in the site;
//   - Python's feedparser reads both XML feeds with bozo=0 and the same items.
// Errors name the file they are about.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DateTime } from "luxon";
import { z } from "zod";
import { FEED_VARIANTS, type FeedVariant } from "../eleventy/feed-model.ts";
import { FEED_FORMATS, type FeedFormatId, type FeedKind } from "../eleventy/feed-formats.ts";
import type { CheckResult, CheckTarget } from "./types.ts";

/** RFC 4287 appendix B, compact syntax. */
export const ATOM_SCHEMA = path.resolve(import.meta.dirname, "../../test/fixtures/feeds/rfc4287.rnc");

/** One item as a feed states it, in a shape common to the three formats. */
export interface ReadItem {
  id: string;
  link: string;
  title: string;
  /** Epoch milliseconds. */
  published: number;
  /** Epoch milliseconds; RSS has no updated date (null). */
  updated: number | null;
  categories: string[];
  /** Plain text. */
  summary: string;
  /** HTML full text; null when the item carries none (archive items: summary and link only). */
  contentHtml: string | null;
  /** Names the item is credited to (RSS dc:creator or <author>, Atom <author>, JSON Feed authors), in order. */
  authors: string[];
  /** URL of the original article (RSS <source url>, Atom rel="via", JSON Feed external_url), or null. */
  sourceUrl: string | null;
}

export interface ReadFeed {
  file: string;
  title: string;
  homeUrl: string;
  selfUrl: string;
  language: string;
  /** Icon URLs the feed names (Atom icon/logo, JSON Feed icon/favicon). */
  icons: string[];
  /** Where the feed points for older or all briefings (RFC 5005 prev-archive, or related), or null. */
  archiveUrl: string | null;
  items: ReadItem[];
}

const RFC822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} [+-]\d{4}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const BCP47 = /^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$/;

/** Elements that may repeat, as lists even when there is one. */
const REPEATABLE = new Set([
  "rss.channel.item", "rss.channel.atom:link", "rss.channel.item.category", "rss.channel.item.dc:creator", "rss.channel.item.author",
  "feed.link", "feed.author", "feed.entry", "feed.entry.link", "feed.entry.author", "feed.entry.category",
]);

const xml = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  // XML's five entities plus numeric references (&#39;) decoded once, as an XML parser does.
  htmlEntities: true,
  isArray: (_name, jpath) => REPEATABLE.has(String(jpath)),
});

/** Text of a parsed node that may carry attributes. */
function text(node: unknown): string {
  if (node === undefined || node === null) return "";
  if (typeof node === "object") return String((node as Record<string, unknown>)["#text"] ?? "");
  return String(node);
}

function attr(node: unknown, name: string): string | undefined {
  if (!node || typeof node !== "object") return undefined;
  const v = (node as Record<string, unknown>)[`@_${name}`];
  return v === undefined ? undefined : String(v);
}

/** HTML text back to plain text (RSS <description> holds HTML). */
function htmlToPlain(html: string): string {
  return html.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}

/** Well-formedness with fast-xml-parser, and namespace well-formedness with xmllint. */
export function wellFormedErrors(file: string, source: string): string[] {
  const result = XMLValidator.validate(source);
  if (result !== true) return [`${file}: not well-formed XML: ${result.err.msg} (line ${result.err.line})`];
  const lint = spawnSync("xmllint", ["--noout", "--nonet", "-"], { input: source, encoding: "utf8" });
  if (lint.error) return [`${file}: xmllint not found (install the Debian package libxml2-utils)`];
  const complaints = lint.stderr.trim();
  // xmllint exits 0 on namespace errors; anything it prints is a problem.
  if (lint.status !== 0 || complaints) return [`${file}: xmllint: ${complaints.split("\n")[0]}`];
  return [];
}

/**
 * Atom documents against the RFC 4287 RELAX NG schema, in one jing run (a JVM
 * start costs more than the validation). `files` are paths relative to `siteDir`.
 */
export function atomSchemaErrors(siteDir: string, files: string[]): string[] {
  if (files.length === 0) return [];
  const full = files.map((f) => path.join(siteDir, f));
  const run = spawnSync("jing", ["-c", ATOM_SCHEMA, ...full], { encoding: "utf8" });
  if (run.error) return [`${files[0]}: jing not found (install the Debian package jing)`];
  if (run.status === 0) return [];
  // jing prints each error on stdout as /full/path:line:col: error: message.
  const errors: string[] = [];
  for (const line of run.stdout.split("\n").filter((l) => l.includes(": error:"))) {
    const i = full.findIndex((f) => line.startsWith(f + ":"));
    const rel = i >= 0 ? files[i]! : files[0]!;
    errors.push(`${rel}: RFC 4287 schema: line ${i >= 0 ? line.slice(full[i]!.length + 1) : line}`);
  }
  return errors.length ? errors : [`${files[0]}: jing failed: ${run.stderr.trim().split("\n").pop()}`];
}

function instant(value: string, file: string, what: string, format: "rfc822" | "rfc3339", errors: string[]): number {
  const ok = format === "rfc822" ? RFC822.test(value) : RFC3339.test(value);
  const dt = format === "rfc822" ? DateTime.fromRFC2822(value) : DateTime.fromISO(value, { setZone: true });
  if (!ok || !dt.isValid) {
    errors.push(`${file}: ${what} "${value}" is not ${format === "rfc822" ? "an RFC 822 date with a numeric offset" : "an RFC 3339 date-time"}`);
    return NaN;
  }
  return dt.toMillis();
}

/** Reads an RSS 2.0 document, collecting what the spec (and our feeds) require. */
export function readRss(file: string, source: string, errors: string[]): ReadFeed | null {
  const doc = xml.parse(source) as Record<string, any>;
  const rss = doc.rss;
  if (!rss || attr(rss, "version") !== "2.0") {
    errors.push(`${file}: root element is not <rss version="2.0">`);
    return null;
  }
  const channel = rss.channel;
  if (!channel) {
    errors.push(`${file}: no <channel>`);
    return null;
  }
  for (const required of ["title", "link", "description"]) {
    if (!text(channel[required]).trim()) errors.push(`${file}: channel has no <${required}> (required by RSS 2.0)`);
  }
  if (channel.lastBuildDate !== undefined) instant(text(channel.lastBuildDate), file, "lastBuildDate", "rfc822", errors);
  const self = (channel["atom:link"] as unknown[] | undefined)?.find((l) => attr(l, "rel") === "self");
  if (!self) errors.push(`${file}: no <atom:link rel="self">`);
  else if (attr(self, "type") !== "application/rss+xml") errors.push(`${file}: atom:link rel=self has type ${attr(self, "type")}, expected application/rss+xml`);
  const language = text(channel.language);
  if (!BCP47.test(language)) errors.push(`${file}: <language> "${language}" is not a BCP 47 tag`);
  const items = ((channel.item ?? []) as Record<string, any>[]).map((item, i) => {
    const where = `item ${i + 1}`;
    if (!text(item.title) && !text(item.description)) errors.push(`${file}: ${where} has neither title nor description (RSS 2.0 requires one)`);
    for (const required of ["title", "link", "guid", "pubDate", "description"]) {
      if (item[required] === undefined) errors.push(`${file}: ${where} has no <${required}>`);
    }
    const guid = item.guid;
    const id = text(guid);
    const permalink = attr(guid, "isPermaLink") ?? "true";
    if (permalink === "true" && !/^https?:\/\//.test(id)) errors.push(`${file}: ${where} guid "${id}" is marked isPermaLink but is not a URL`);
    for (const author of (item.author ?? []) as unknown[]) {
      if (!/^\S+@\S+/.test(text(author))) errors.push(`${file}: ${where} <author> must start with an email address (use dc:creator for a name)`);
    }
    // RSS 2.0: <source> names the channel the item came from and its url attribute is required.
    if (item.source !== undefined && !/^https?:\/\//.test(attr(item.source, "url") ?? "")) errors.push(`${file}: ${where} <source> needs a url attribute (RSS 2.0)`);
    return {
      id,
      link: text(item.link),
      title: text(item.title),
      published: instant(text(item.pubDate), file, `${where} pubDate`, "rfc822", errors),
      updated: null,
      categories: ((item.category ?? []) as unknown[]).map(text),
      summary: htmlToPlain(text(item.description)),
      contentHtml: item["content:encoded"] === undefined ? null : text(item["content:encoded"]),
      // "email (Name)" credits the name, like a dc:creator.
      authors: [...((item.author ?? []) as unknown[]).map((a) => text(a).replace(/^\S+@\S+\s*\((.*)\)$/, "$1")), ...((item["dc:creator"] ?? []) as unknown[]).map(text)],
      sourceUrl: item.source === undefined ? null : (attr(item.source, "url") ?? null),
    };
  });
  if (channel.image !== undefined) {
    // RSS 2.0: url (GIF, JPEG or PNG), title and link (the channel's) are all required.
    const image = channel.image;
    if (!/\.(gif|jpe?g|png)$/i.test(text(image.url))) errors.push(`${file}: <image> url must be a GIF, JPEG or PNG`);
    if (text(image.link) !== text(channel.link)) errors.push(`${file}: <image> link must be the channel's link`);
    if (!text(image.title)) errors.push(`${file}: <image> has no title`);
  }
  const icons = channel.image ? [text(channel.image.url)] : [];
  return { file, title: text(channel.title), homeUrl: text(channel.link), selfUrl: attr(self, "href") ?? "", language, icons, archiveUrl: archiveLink((channel["atom:link"] ?? []) as unknown[]), items };
}

/** The href of a feed's link to its archive: RFC 5005 prev-archive, else a related link. */
function archiveLink(links: readonly unknown[]): string | null {
  const link = links.find((l) => attr(l, "rel") === "prev-archive") ?? links.find((l) => attr(l, "rel") === "related");
  return link ? (attr(link, "href") ?? null) : null;
}

/** Reads an Atom document (the schema has already been checked by jing). */
export function readAtom(file: string, source: string, errors: string[]): ReadFeed | null {
  const doc = xml.parse(source) as Record<string, any>;
  const feed = doc.feed;
  if (!feed || attr(feed, "xmlns") !== "http://www.w3.org/2005/Atom") {
    errors.push(`${file}: root element is not an Atom <feed>`);
    return null;
  }
  const links = (feed.link ?? []) as unknown[];
  const self = links.find((l) => attr(l, "rel") === "self");
  const alternate = links.find((l) => attr(l, "rel") === "alternate");
  if (!self) errors.push(`${file}: no <link rel="self">`);
  if (!alternate) errors.push(`${file}: no <link rel="alternate">`);
  instant(text(feed.updated), file, "feed updated", "rfc3339", errors);
  const feedHasAuthor = (feed.author ?? []).length > 0;
  const items = ((feed.entry ?? []) as Record<string, any>[]).map((entry, i) => {
    const where = `entry ${i + 1}`;
    // The schema's Schematron rules, which jing does not run.
    if (!feedHasAuthor && !(entry.author ?? []).length) errors.push(`${file}: ${where} has no author and neither has the feed`);
    const entryLinks = (entry.link ?? []) as unknown[];
    const link = entryLinks.find((l) => (attr(l, "rel") ?? "alternate") === "alternate");
    if (!link) errors.push(`${file}: ${where} has no alternate link`);
    // Content is optional in Atom (RFC 4287 4.1.2, given the alternate link); the subscription
    // feed's requirement of full text is checked per variant in checkVariant.
    if (entry.content !== undefined && attr(entry.content, "type") !== "html") errors.push(`${file}: ${where} content is not type="html"`);
    return {
      id: text(entry.id),
      link: attr(link, "href") ?? "",
      title: text(entry.title),
      published: instant(text(entry.published), file, `${where} published`, "rfc3339", errors),
      updated: instant(text(entry.updated), file, `${where} updated`, "rfc3339", errors),
      categories: ((entry.category ?? []) as unknown[]).map((c) => attr(c, "term") ?? ""),
      summary: text(entry.summary),
      contentHtml: entry.content === undefined ? null : text(entry.content),
      authors: ((entry.author ?? []) as Record<string, unknown>[]).map((a) => text(a.name)),
      sourceUrl: attr(entryLinks.find((l) => attr(l, "rel") === "via"), "href") ?? null,
    };
  });
  const icons = [text(feed.icon), text(feed.logo)].filter(Boolean);
  return { file, title: text(feed.title), homeUrl: attr(alternate, "href") ?? "", selfUrl: attr(self, "href") ?? "", language: attr(feed, "xml:lang") ?? "", icons, archiveUrl: archiveLink(links), items };
}

const rfc3339String = z.string().regex(RFC3339, "expected an RFC 3339 date-time");
const absoluteHttpUrl = z.string().regex(/^https?:\/\/\S+$/, "expected an absolute http(s) URL");
const JsonFeedAuthor = z
  .object({ name: z.string().min(1).optional(), url: z.string().optional(), avatar: z.string().optional() })
  .refine((a) => a.name || a.url || a.avatar, "an author needs a name, url or avatar");

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): what the spec requires, and what we promise. */
export const JsonFeedSchema = z.object({
  version: z.literal("https://jsonfeed.org/version/1.1"),
  title: z.string().min(1),
  home_page_url: absoluteHttpUrl,
  feed_url: absoluteHttpUrl,
  description: z.string().optional(),
  language: z.string().regex(BCP47, "expected a BCP 47 language tag").optional(),
  authors: z.array(JsonFeedAuthor).optional(),
  icon: absoluteHttpUrl.optional(),
  favicon: absoluteHttpUrl.optional(),
  /** Our extension object (JSON Feed 1.1: keys starting with an underscore); `archive` is the archive feed's URL. */
  _briefing: z.object({ archive: absoluteHttpUrl.nullable().optional() }).passthrough().optional(),
  items: z.array(
    z
      .object({
        id: z.string().min(1),
        url: absoluteHttpUrl,
        external_url: absoluteHttpUrl.optional(),
        title: z.string().min(1),
        summary: z.string(),
        content_html: z.string().optional(),
        content_text: z.string().optional(),
        date_published: rfc3339String,
        date_modified: rfc3339String.optional(),
        authors: z.array(JsonFeedAuthor).optional(),
        tags: z.array(z.string()).optional(),
        language: z.string().regex(BCP47).optional(),
      })
      .refine((item) => item.content_html !== undefined || item.content_text !== undefined, "an item needs content_html or content_text"),
  ),
});

export function readJsonFeed(file: string, source: string, errors: string[]): ReadFeed | null {
  let raw: unknown;
  try {
    raw = JSON.parse(source);
  } catch (error) {
    errors.push(`${file}: not JSON: ${(error as Error).message}`);
    return null;
  }
  const parsed = JsonFeedSchema.safeParse(raw);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) errors.push(`${file}: JSON Feed 1.1: ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    return null;
  }
  const feed = parsed.data;
  return {
    file,
    title: feed.title,
    homeUrl: feed.home_page_url,
    selfUrl: feed.feed_url,
    language: feed.language ?? "",
    icons: [feed.icon, feed.favicon].filter((u): u is string => !!u),
    archiveUrl: feed._briefing?.archive ?? null,
    items: feed.items.map((item) => ({
      id: item.id,
      link: item.url,
      title: item.title,
      published: DateTime.fromISO(item.date_published, { setZone: true }).toMillis(),
      updated: item.date_modified ? DateTime.fromISO(item.date_modified, { setZone: true }).toMillis() : null,
      categories: item.tags ?? [],
      summary: item.summary,
      contentHtml: item.content_html ?? null,
      authors: (item.authors ?? []).map((a) => a.name ?? a.url ?? ""),
      sourceUrl: item.external_url ?? null,
    })),
  };
}

/** Differences between two readings of the same feed, field by field. */
export function compareFeeds(a: ReadFeed, b: ReadFeed, errors: string[]): void {
  const where = `${b.file}: differs from ${a.file}:`;
  if (a.title !== b.title) errors.push(`${where} feed title`);
  if (a.homeUrl !== b.homeUrl) errors.push(`${where} home link ${b.homeUrl} / ${a.homeUrl}`);
  if (a.language !== b.language) errors.push(`${where} language ${b.language} / ${a.language}`);
  if (a.items.length !== b.items.length) {
    errors.push(`${where} ${b.items.length} items / ${a.items.length}`);
    return;
  }
  a.items.forEach((x, i) => {
    const y = b.items[i]!;
    const fields: (keyof ReadItem)[] = ["id", "link", "title", "published", "summary", "contentHtml"];
    if (x.updated !== null && y.updated !== null) fields.push("updated");
    for (const f of fields) {
      if (x[f] !== y[f]) errors.push(`${where} item ${i + 1} ${f}: ${JSON.stringify(y[f]).slice(0, 120)} / ${JSON.stringify(x[f]).slice(0, 120)}`);
    }
    if (x.categories.join("\u0000") !== y.categories.join("\u0000")) errors.push(`${where} item ${i + 1} categories`);
    if (x.authors.join("\u0000") !== y.authors.join("\u0000")) errors.push(`${where} item ${i + 1} authors: ${JSON.stringify(y.authors)} / ${JSON.stringify(x.authors)}`);
    if (x.sourceUrl !== y.sourceUrl) errors.push(`${where} item ${i + 1} source URL: ${y.sourceUrl} / ${x.sourceUrl}`);
  });
}

/** The file a URL under the base URL is served from, or null when it is outside the site. */
export function fileForUrl(url: string, baseUrl: string, siteDir: string): string | null {
  const base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  if (!url.startsWith(base)) return null;
  let rel = decodeURIComponent(url.slice(base.length).replace(/[?#].*$/, ""));
  if (rel === "" || rel.endsWith("/")) rel += "index.html";
  return path.join(siteDir, rel);
}

function isFile(p: string): boolean {
  return existsSync(p) && statSync(p).isFile();
}

/** Feed links (home, self, items) must be under the base URL and be files in the site. */
export function linkErrors(feed: ReadFeed, target: CheckTarget): string[] {
  const errors: string[] = [];
  const links = [feed.homeUrl, feed.selfUrl, ...feed.icons, ...(feed.archiveUrl ? [feed.archiveUrl] : []), ...feed.items.map((i) => i.link)];
  for (const link of links) {
    const file = fileForUrl(link, target.baseUrl, target.siteDir);
    if (!file) errors.push(`${feed.file}: link ${link} is not under the base URL ${target.baseUrl}`);
    else if (!isFile(file)) errors.push(`${feed.file}: link ${link} has no file in the site (${path.relative(target.siteDir, file)})`);
  }
  for (const item of feed.items) {
    if (item.id.startsWith("http") && item.id !== item.link) errors.push(`${feed.file}: item id ${item.id} is a URL but not the item's link`);
    for (const m of (item.contentHtml ?? "").matchAll(/\s(?:href|src|cite|poster)\s*=\s*["']([^"']*)["']/gi)) {
      if (!/^(https?:|mailto:)/i.test(m[1]!)) errors.push(`${feed.file}: full text of "${item.title.slice(0, 40)}" has a relative or unsafe URL: ${m[1]}`);
    }
  }
  return errors;
}

/** Python feedparser's reading of XML feeds: bozo flag and items. */
export interface FeedparserResult {
  file: string;
  bozo: boolean;
  bozoException: string;
  version: string;
  /** The feed's link to its archive (prev-archive or related), or null. */
  archive: string | null;
  entries: { id: string; link: string; title: string; published: number | null; tags: string[]; authors: string[]; source: string | null }[];
}

const FEEDPARSER_SCRIPT = `
import sys, json, calendar, feedparser
out = []
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    out.append({
        "file": path,
        "bozo": bool(d.bozo),
        "bozoException": str(d.get("bozo_exception", "")),
        "version": d.version,
        "archive": next((l.get("href") for l in d.feed.get("links", []) if l.get("rel") in ("prev-archive", "related")), None),
        "entries": [{
            "id": e.get("id", ""),
            "link": e.get("link", ""),
            "title": e.get("title", ""),
            "published": calendar.timegm(e.published_parsed) * 1000 if e.get("published_parsed") else None,
            "tags": [t.get("term") for t in e.get("tags", [])],
            "authors": [a.get("name", "") for a in e.get("authors", [])],
            "source": e.get("source", {}).get("href") or e.get("source", {}).get("link"),
        } for e in d.entries],
    })
print(json.dumps(out))
`;
import { countOf } from "../count.ts";

/** The first Python that has feedparser: `python3` on PATH, else Debian's own. */
export function pythonWithFeedparser(): string | null {
  for (const candidate of ["python3", "/usr/bin/python3"]) {
    const probe = spawnSync(candidate, ["-c", "import feedparser"], { encoding: "utf8" });
    if (!probe.error && probe.status === 0) return candidate;
  }
  return null;
}

export function runFeedparser(paths: string[]): FeedparserResult[] | string {
  const python = pythonWithFeedparser();
  if (!python) return "Python feedparser not found (install the Debian package python3-feedparser)";
  const run = spawnSync(python, ["-c", FEEDPARSER_SCRIPT, ...paths], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (run.status !== 0) return `feedparser failed: ${run.stderr.trim().split("\n").pop()}`;
  return JSON.parse(run.stdout) as FeedparserResult[];
}

/** feedparser must read a feed cleanly (bozo=0) and see the items we read. */
export function feedparserErrors(result: FeedparserResult, feed: ReadFeed): string[] {
  const errors: string[] = [];
  if (result.bozo) errors.push(`${feed.file}: feedparser bozo=1: ${result.bozoException}`);
  if (result.entries.length !== feed.items.length) {
    errors.push(`${feed.file}: feedparser sees ${result.entries.length} items, expected ${feed.items.length}`);
    return errors;
  }
  result.entries.forEach((e, i) => {
    const item = feed.items[i]!;
    if (e.id !== item.id) errors.push(`${feed.file}: feedparser item ${i + 1} id ${e.id} != ${item.id}`);
    if (e.link !== item.link) errors.push(`${feed.file}: feedparser item ${i + 1} link ${e.link} != ${item.link}`);
    if (e.title !== item.title) errors.push(`${feed.file}: feedparser item ${i + 1} title ${JSON.stringify(e.title)} != ${JSON.stringify(item.title)}`);
    if (e.published !== item.published) errors.push(`${feed.file}: feedparser item ${i + 1} date ${e.published} != ${item.published}`);
  });
  return errors;
}

/**
 * How the audit reads each format of FEED_FORMATS (eleventy/feed-formats.ts) into the
 * common ReadFeed: `xml` documents are first checked well-formed, `atomSchema` ones
 * also validated against RFC 4287's schema. A new format's row needs its entry here.
 */
export const FEED_READERS: Record<FeedFormatId, { xml: boolean; atomSchema: boolean; read: (file: string, source: string, errors: string[]) => ReadFeed | null }> = {
  rss: { xml: true, atomSchema: false, read: readRss },
  atom: { xml: true, atomSchema: true, read: readAtom },
  json: { xml: false, atomSchema: false, read: readJsonFeed },
};

/** Everything above on one kind's documents, one per format; returns what it read. */
function checkVariant(target: CheckTarget, variant: FeedKind, errors: string[], atomFiles: string[]): ReadFeed[] {
  const read = (rel: string) => {
    const full = path.join(target.siteDir, rel);
    if (!isFile(full)) {
      errors.push(`${rel}: missing (the build writes it)`);
      return null;
    }
    return readFileSync(full, "utf8");
  };
  const feeds: ReadFeed[] = [];
  /** The format each read feed is in, for the archive link of its own format. */
  const formatOf = new Map<ReadFeed, (typeof FEED_FORMATS)[number]>();
  for (const format of FEED_FORMATS) {
    const file = format.paths[variant];
    const reader = FEED_READERS[format.id];
    const source = read(file);
    if (source === null) continue;
    const wf = reader.xml ? wellFormedErrors(file, source) : [];
    errors.push(...wf);
    if (wf.length) continue;
    if (reader.atomSchema) atomFiles.push(file);
    const feed = reader.read(file, source, errors);
    if (feed) {
      feeds.push(feed);
      formatOf.set(feed, format);
    }
  }
  for (const feed of feeds) {
    const expectedSelf = target.baseUrl.replace(/\/?$/, "/") + feed.file;
    if (feed.selfUrl !== expectedSelf) errors.push(`${feed.file}: self link ${feed.selfUrl}, expected ${expectedSelf}`);
    errors.push(...linkErrors(feed, target));
  }
  // The subscription and edition feeds are read for the full text; the archive carries summary and link only.
  if (variant === "latest" || variant === "editions") {
    for (const feed of feeds) {
      // The briefing feeds link their archive; the editions feeds hold every edition and have none.
      if (variant === "latest") {
        const own = formatOf.get(feed)!.paths.archive;
        const expectedArchive = target.baseUrl.replace(/\/?$/, "/") + own;
        if (feed.archiveUrl !== expectedArchive) errors.push(`${feed.file}: links the archive as ${feed.archiveUrl}, expected ${expectedArchive}`);
      }
      feed.items.forEach((item, i) => {
        if (item.contentHtml === null) errors.push(`${feed.file}: item ${i + 1} has no full text (the subscription feed carries each article's content)`);
      });
    }
  }
  // Content is compared like every field: absent (null) in both formats is agreement.
  const [first, ...rest] = feeds;
  if (first) for (const other of rest) compareFeeds(first, other, errors);
  return feeds;
}

/** Fields the subscription feed must share with the head of the archive. */
const SLICE_FIELDS = ["id", "link", "title", "published", "updated", "summary"] as const;

/** The subscription feed's items must be the archive's newest, field by field (not the content). */
export function sliceErrors(latest: ReadFeed, archive: ReadFeed): string[] {
  const head = archive.items.slice(0, latest.items.length);
  if (head.map((i) => i.id).join("\n") !== latest.items.map((i) => i.id).join("\n")) {
    return [`${latest.file}: items are not the newest items of ${archive.file}`];
  }
  const errors: string[] = [];
  latest.items.forEach((item, i) => {
    const other = head[i]!;
    for (const f of SLICE_FIELDS) {
      if (item[f] !== other[f]) errors.push(`${latest.file}: item ${i + 1} ${f} differs from ${archive.file}: ${JSON.stringify(item[f]).slice(0, 120)} / ${JSON.stringify(other[f]).slice(0, 120)}`);
    }
    if (item.categories.join("\u0000") !== other.categories.join("\u0000")) errors.push(`${latest.file}: item ${i + 1} categories differ from ${archive.file}`);
  });
  return errors;
}

export async function checkFeeds(target: CheckTarget): Promise<CheckResult> {
  const errors: string[] = [];
  const byVariant = new Map<FeedVariant, ReadFeed[]>();
  const atomFiles: string[] = [];
  for (const variant of FEED_VARIANTS) byVariant.set(variant, checkVariant(target, variant, errors, atomFiles));
  const editionFeeds = checkVariant(target, "editions", errors, atomFiles);
  errors.push(...atomSchemaErrors(target.siteDir, atomFiles));

  // The subscription feed is the newest slice of the archive: the same items, said the same
  // way, except the full text, which only the subscription feed carries.
  const latest = byVariant.get("latest")?.[0];
  const archive = byVariant.get("archive")?.[0];
  if (latest && archive) errors.push(...sliceErrors(latest, archive));

  const xmlFeeds = [...[...byVariant.values()].flat(), ...editionFeeds].filter((f) => f.file.endsWith(".xml"));
  let parsedBy = "feedparser";
  if (xmlFeeds.length) {
    const results = runFeedparser(xmlFeeds.map((f) => path.join(target.siteDir, f.file)));
    if (typeof results === "string") {
      errors.push(`${xmlFeeds[0]!.file}: ${results}`);
      parsedBy = "feedparser unavailable";
    } else {
      results.forEach((r, i) => errors.push(...feedparserErrors(r, xmlFeeds[i]!)));
    }
  }

  const all = [...[...byVariant.values()].flat(), ...editionFeeds];
  const items = byVariant.get("latest")?.[0]?.items.length ?? 0;
  const archived = archive?.items.length ?? 0;
  return {
    name: "feeds",
    ok: errors.length === 0,
    summary: `${countOf(all.length, "feed")} read (RSS 2.0, Atom/RFC 4287 via jing, JSON Feed 1.1; ${parsedBy}), ${countOf(items, "item")} in the subscription feeds, ${archived} in the archive, ${editionFeeds[0]?.items.length ?? 0} in the editions feeds`,
    errors,
  };
}
