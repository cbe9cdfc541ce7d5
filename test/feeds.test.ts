// The feeds, read back with real parsers and validators: RSS 2.0,
// Atom 1.0 (RFC 4287 RELAX NG with jing) and JSON Feed 1.1 carry the same items,
// escape hostile titles, make every URL absolute, survive a path prefix, an
// empty site and two machine time zones, and Python's feedparser reads them.
// The subscription feeds carry the full text; the archive feeds summary and link only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { DomUtils, parseDocument } from "htmlparser2";
import type { Element } from "domhandler";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import {
  ATOM_SCHEMA, checkFeeds, fileForUrl, readAtom, readJsonFeed, readRss, runFeedparser, sliceErrors, type ReadFeed,
} from "../scripts/check/feeds.ts";
import { feedModel } from "../scripts/eleventy/feed-model.ts";
import { FEED_FORMATS } from "../scripts/eleventy/feed-formats.ts";
import type { DataFile } from "../scripts/schema.ts";

const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/feeds");
const SEED_SLUG = "north-korea-demands-recognition-as-nuclear-power";
const FEED_FILES = ["feed.xml", "atom.xml", "feed.json", "archive/feed.xml", "archive/atom.xml", "archive/feed.json"];
const LOCAL_BASE = "http://localhost:8080/";

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false, htmlEntities: true });

function runBuild(root: string, env: Record<string, string>) {
  return spawnSync(TSX, ["scripts/cli/build.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
}

function addFixtures(project: TempProject, names: string[]): void {
  for (const name of names) project.addArticle(name, readFileSync(path.join(FIXTURES, name)));
}

function dataOf(project: TempProject): DataFile {
  return JSON.parse(readFileSync(path.join(project.root, "_data/briefing.json"), "utf8")) as DataFile;
}

/** The three subscription feeds read with the check's readers; fails the test on any error. */
function readAll(project: TempProject, prefix = ""): { rss: ReadFeed; atom: ReadFeed; json: ReadFeed } {
  const errors: string[] = [];
  const rss = readRss(`${prefix}feed.xml`, project.read(`${prefix}feed.xml`), errors);
  const atom = readAtom(`${prefix}atom.xml`, project.read(`${prefix}atom.xml`), errors);
  const json = readJsonFeed(`${prefix}feed.json`, project.read(`${prefix}feed.json`), errors);
  expect(errors).toEqual([]);
  return { rss: rss!, atom: atom!, json: json! };
}

describe("the seed and the fixtures (URL ids, no path prefix)", () => {
  let project: TempProject;
  let build: ReturnType<typeof runBuild>;
  beforeAll(() => {
    project = makeTempProject();
    addFixtures(project, ["escapes.md", "plain.md", "draft.md"]);
    build = runBuild(project.root, { TZ: "UTC" });
  });
  afterAll(() => project.remove());

  it("builds every feed", () => {
    expect(build.status, build.stderr).toBe(0);
    for (const f of FEED_FILES) expect(() => project.read(f), f).not.toThrow();
  });

  it("links and lists every format of FEED_FORMATS, and the audit reads each one", async () => {
    const head = parseDocument(project.read("index.html"));
    const alternates = DomUtils.findAll((e) => e.name === "link" && e.attribs.rel === "alternate", head.children);
    expect(alternates.map((e) => [e.attribs.type, e.attribs.href])).toEqual(FEED_FORMATS.map((f) => [f.mediaType, LOCAL_BASE + f.paths.latest]));
    expect(alternates.map((e) => e.attribs.title)).toEqual(FEED_FORMATS.map((f) => `Briefing (${f.label})`));
    const subscribe = project.read("subscribe/index.html");
    for (const f of FEED_FORMATS) {
      for (const file of Object.values(f.paths)) expect(subscribe, `${f.id} ${file}`).toContain(`<code>${LOCAL_BASE}${file}</code>`);
    }
    const report = await checkFeeds({ siteDir: project.site(""), baseUrl: LOCAL_BASE, pathPrefix: "/" });
    expect(report.errors).toEqual([]);
    expect(report.summary).toMatch(new RegExp(`^${FEED_FORMATS.length * 3} feeds read`));
  });

  it("writes well-formed XML and valid JSON", () => {
    for (const f of FEED_FILES) {
      const text = project.read(f);
      if (f.endsWith(".xml")) {
        expect(XMLValidator.validate(text), f).toBe(true);
        expect(text.startsWith('<?xml version="1.0" encoding="utf-8"?>\n'), f).toBe(true);
        // xmllint also checks that every prefix is declared (the stock template's xmlns:content defect).
        const lint = spawnSync("xmllint", ["--noout", project.site(f)], { encoding: "utf8" });
        expect(lint.stderr, f).toBe("");
      } else {
        expect(() => JSON.parse(text), f).not.toThrow();
      }
    }
  });

  it("Atom validates against the RELAX NG schema of RFC 4287 with jing", () => {
    // One JVM start for both files; checkFeeds' test below shows the schema rejecting a broken copy.
    const run = spawnSync("jing", ["-c", ATOM_SCHEMA, project.site("atom.xml"), project.site("archive/atom.xml")], { encoding: "utf8" });
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toBe("");
  });

  it("RSS has the RSS 2.0 required elements, a self link and RFC 822 dates with numeric offsets in each article's zone", () => {
    const doc = xml.parse(project.read("feed.xml"));
    const channel = doc.rss.channel;
    expect(doc.rss["@_version"]).toBe("2.0");
    expect(channel.title).toBe("Briefing");
    expect(channel.link).toBe(LOCAL_BASE);
    expect(channel.description.length).toBeGreaterThan(0);
    expect(channel.language).toBe("en");
    expect(channel.generator).toMatch(/^Briefing \d+\.\d+\.\d+/);
    const links = [channel["atom:link"]].flat() as Record<string, string>[];
    expect(links.find((l) => l["@_rel"] === "self")?.["@_href"]).toBe(`${LOCAL_BASE}feed.xml`);
    // The channel's date is the newest item's update, never the build time.
    expect(channel.lastBuildDate).toBe("Tue, 03 Mar 2026 18:15:00 -0500");
    const dates = channel.item.map((i: { pubDate: string }) => i.pubDate);
    expect(dates).toEqual(["Mon, 02 Mar 2026 09:30:00 -0500", "Sat, 28 Feb 2026 12:00:00 +0100", "Fri, 27 Feb 2026 10:00:00 +0900"]);
    for (const item of channel.item) {
      expect(item.guid["@_isPermaLink"]).toBe("true");
      expect(item.guid["#text"]).toBe(item.link);
    }
  });

  it("JSON Feed has the 1.1 fields, JSON-escaped (never HTML-escaped) strings and RFC 3339 dates", () => {
    const feed = JSON.parse(project.read("feed.json"));
    expect(feed.version).toBe("https://jsonfeed.org/version/1.1");
    expect(feed.title).toBe("Briefing");
    expect(feed.home_page_url).toBe(LOCAL_BASE);
    expect(feed.feed_url).toBe(`${LOCAL_BASE}feed.json`);
    expect(feed.language).toBe("en");
    expect(feed.description).toContain("day's news"); // an apostrophe, not &#39;
    expect(feed.items).toHaveLength(3);
    for (const item of feed.items) {
      expect(typeof item.id).toBe("string");
      expect(item.url).toMatch(/^http:\/\/localhost:8080\/briefings\/[a-z0-9-]+\/$/);
      expect(item.content_html.length).toBeGreaterThan(0);
      expect(item.date_published).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$/);
      expect(item.authors[0].name.length).toBeGreaterThan(0);
    }
    expect(feed.items[0].date_published).toBe("2026-03-02T09:30:00-05:00");
    expect(feed.items[0].date_modified).toBe("2026-03-03T18:15:00-05:00");
  });

  it("carries the same items in all three formats, the data file's articles newest first, and no draft", () => {
    const data = dataOf(project);
    const { rss, atom, json } = readAll(project);
    const expected = data.articles.map((a) => ({
      id: `${LOCAL_BASE}briefings/${a.slug}/`,
      link: `${LOCAL_BASE}briefings/${a.slug}/`,
      title: a.title,
      published: Date.parse(a.date),
      categories: a.tags.map((t) => t.name),
      summary: a.summary.text,
    }));
    expect(expected.map((e) => e.link)).toEqual([
      `${LOCAL_BASE}briefings/escapes-and-links/`, `${LOCAL_BASE}briefings/plain-briefing/`, `${LOCAL_BASE}briefings/${SEED_SLUG}/`,
    ]);
    for (const feed of [rss, atom, json]) {
      expect(feed.items.map(({ id, link, title, published, categories, summary }) => ({ id, link, title, published, categories, summary })), feed.file).toEqual(expected);
    }
    expect(atom.items.map((i) => i.updated)).toEqual(json.items.map((i) => i.updated));
    expect(atom.items[0]!.updated).toBe(Date.parse("2026-03-03T18:15:00-05:00"));
    expect(rss.items.map((i) => i.contentHtml)).toEqual(atom.items.map((i) => i.contentHtml));
    expect(json.items.map((i) => i.contentHtml)).toEqual(atom.items.map((i) => i.contentHtml));
    for (const f of FEED_FILES) expect(project.read(f), f).not.toContain("unpublished-draft");
  });

  it("escapes a title with &, <, quotes and ]]> in every format and gets it back exactly", () => {
    const title = dataOf(project).articles[0]!.title;
    for (const ch of ["&", "<", "]]>", "Q&A"]) expect(title).toContain(ch);
    const { rss, atom, json } = readAll(project);
    for (const feed of [rss, atom, json]) expect(feed.items[0]!.title, feed.file).toBe(title);
    // No raw markup-significant characters in the XML text, no HTML entities in JSON.
    expect(project.read("feed.xml")).toContain("<title>Q&amp;A: is 3 &lt; 4?");
    expect(project.read("atom.xml")).not.toMatch(/]]>/);
    const jsonText = project.read("feed.json");
    expect(jsonText).toContain('"title": "Q&A: is 3 < 4?');
    expect(jsonText).not.toContain("&#39;");
    expect(JSON.parse(jsonText).items[0].tags).toEqual(["R&D", "<Markup>", "Feeds"]);
    expect(JSON.parse(jsonText).items[0].authors[0].name).toContain('"JD"');
  });

  it("makes the full text's relative link and image absolute against the briefing URL, in all three formats", () => {
    const { rss, atom, json } = readAll(project);
    for (const feed of [rss, atom, json]) {
      const html = feed.items[0]!.contentHtml!;
      expect(html, feed.file).toContain("A subhead with &amp; and &lt;angle brackets&gt;");
      expect(html, feed.file).toContain(`href="${LOCAL_BASE}briefings/plain-briefing/"`);
      expect(html, feed.file).toContain(`src="${LOCAL_BASE}briefings/escapes-and-links/chart.png"`);
      expect(html, feed.file).toContain('href="https://example.com/a?b=1&amp;c=2"');
      for (const m of html.matchAll(/(?:href|src)="([^"]*)"/g)) expect(m[1], feed.file).toMatch(/^https?:\/\//);
      expect(html).toContain("]]&gt;");
    }
  });

  it("carries each archive item's summary and link and no full text (the article body is not rendered)", () => {
    const data = dataOf(project);
    const latest = readAll(project);
    const archive = readAll(project, "archive/");
    for (const feed of [archive.rss, archive.atom, archive.json]) {
      expect(feed.items.map((i) => i.link), feed.file).toEqual(data.articles.map((a) => `${LOCAL_BASE}briefings/${a.slug}/`));
      expect(feed.items.map((i) => i.summary), feed.file).toEqual(data.articles.map((a) => a.summary.text));
      expect(feed.items.map((i) => i.contentHtml), feed.file).toEqual(data.articles.map(() => null));
    }
    // The subscription feeds keep the full text of the same articles.
    for (const feed of [latest.rss, latest.atom, latest.json]) {
      for (const item of feed.items) expect(item.contentHtml?.length ?? 0, `${feed.file} ${item.link}`).toBeGreaterThan(0);
    }
    // Raw documents: no content element or field, and no text of a body (only its summary).
    const rssText = project.read("archive/feed.xml");
    expect(rssText).not.toContain("content:encoded");
    expect(rssText).not.toContain("xmlns:content");
    expect(project.read("archive/atom.xml")).not.toMatch(/<content[\s>]/);
    const jsonItems = JSON.parse(project.read("archive/feed.json")).items as Record<string, unknown>[];
    for (const item of jsonItems) {
      expect(item).not.toHaveProperty("content_html");
      expect(item.content_text).toBe(item.summary);
    }
    for (const f of ["archive/feed.xml", "archive/atom.xml", "archive/feed.json"]) {
      expect(project.read(f), f).not.toContain("A subhead with");
      expect(project.read(f), f).not.toContain("chart.png");
    }
    expect(project.read("feed.xml")).toContain("A subhead with");
  });

  it("opens each item's content with the gist and the key points, then a rule, then the article, in all three formats", () => {
    const data = dataOf(project);
    const { rss, atom, json } = readAll(project);
    for (const feed of [rss, atom, json]) {
      feed.items.forEach((item, i) => {
        const article = data.articles[i]!;
        const doc = parseDocument(item.contentHtml!);
        const blocks = DomUtils.getChildren(doc).filter((n): n is Element => n.type === "tag");
        const where = `${feed.file} item ${i + 1}`;
        const textOf = (n: Element) => DomUtils.textContent(n);
        // The gist, then (when there are any) the key points, then a rule before the text.
        expect(textOf(blocks[0]!), where).toBe("The gist");
        expect(textOf(blocks[1]!), where).toBe(article.summary.text);
        const rule = blocks.findIndex((b) => b.name === "hr");
        expect(rule, where).toBeGreaterThan(1);
        if (article.keyPoints.length > 0) {
          expect(textOf(blocks[2]!), where).toBe("Key points");
          expect(DomUtils.getElementsByTagName("li", blocks[3]!).map(textOf), where).toEqual(article.keyPoints);
        }
        // After the rule: the article's paragraphs, in order, the first one whole.
        const afterRule = blocks.slice(rule + 1).filter((b) => b.name === "p").map(textOf);
        const firstParagraph = article.sections[0]!.paragraphs[0]!;
        expect(afterRule[0], where).toBe(firstParagraph.sentences.map((s) => s.display).join(" "));
        // The summary field stays the gist alone.
        expect(item.summary, where).toBe(article.summary.text);
        // Every URL absolute, the briefing's own link included.
        for (const a of DomUtils.getElementsByTagName("a", doc)) expect(a.attribs.href, where).toMatch(/^https?:\/\//);
      });
    }
    // The sample has key points: they reach the feed reader.
    const seed = data.articles.find((a) => a.slug === SEED_SLUG)!;
    expect(seed.keyPoints.length).toBeGreaterThan(0);
    expect(rss.items.find((i) => i.link.endsWith(`/${SEED_SLUG}/`))!.contentHtml).toContain(`<li>${seed.keyPoints[0]!.replace(/&/g, "&amp;")}</li>`);
  });

  it("credits the author and the source, and the site's desk only when an article names neither", () => {
    const { rss, atom, json } = readAll(project);
    const byLink = (feed: ReadFeed, slug: string) => feed.items.find((i) => i.link === `${LOCAL_BASE}briefings/${slug}/`)!;
    for (const feed of [rss, atom, json]) {
      // Author and source: both credited, the source with its URL.
      expect(byLink(feed, "escapes-and-links").authors, feed.file).toEqual(['Jo "JD" Doe & Partners <desk>', "Example & Wire"]);
      expect(byLink(feed, "escapes-and-links").sourceUrl, feed.file).toBe("https://wire.example.com/story?id=7&lang=en");
      // A source without a URL (the sample): its name, not the desk.
      expect(byLink(feed, SEED_SLUG).authors, feed.file).toEqual(["Wire copy (sample article)"]);
      expect(byLink(feed, SEED_SLUG).sourceUrl, feed.file).toBeNull();
      // Neither author nor source: the site's author.
      expect(byLink(feed, "plain-briefing").authors, feed.file).toEqual(["Briefing Desk"]);
    }
    // The raw documents, as the specs spell it.
    expect(project.read("feed.xml")).toContain('<source url="https://wire.example.com/story?id=7&amp;lang=en">Example &amp; Wire</source>');
    const atomDoc = xml.parse(project.read("atom.xml"));
    const entry = [atomDoc.feed.entry].flat()[0];
    expect(entry.source.title["#text"]).toBe("Example & Wire");
    const feedJson = JSON.parse(project.read("feed.json"));
    expect(feedJson.items[0].authors).toEqual([{ name: 'Jo "JD" Doe & Partners <desk>' }, { name: "Example & Wire", url: "https://wire.example.com/story?id=7&lang=en" }]);
    expect(feedJson.items[0].external_url).toBe("https://wire.example.com/story?id=7&lang=en");
    // feedparser sees the same credits and the source.
    const results = runFeedparser([project.site("feed.xml"), project.site("atom.xml")]);
    expect(typeof results, String(results)).toBe("object");
    for (const r of results as Exclude<typeof results, string>) {
      expect(r.entries[0]!.authors, r.file).toEqual(['Jo "JD" Doe & Partners <desk>', "Example & Wire"]);
      expect(r.entries[0]!.source, r.file).toBe("https://wire.example.com/story?id=7&lang=en");
      expect(r.entries[1]!.authors.join(" "), r.file).toContain("Briefing Desk");
    }
  });

  it("links the archive feed of its own format from each subscription feed, and the subscribe page links all three", () => {
    const { rss, atom, json } = readAll(project);
    expect([rss.archiveUrl, atom.archiveUrl, json.archiveUrl]).toEqual([`${LOCAL_BASE}archive/feed.xml`, `${LOCAL_BASE}archive/atom.xml`, `${LOCAL_BASE}archive/feed.json`]);
    // Every briefing fits the subscription feed, so there is nothing older to page back to: "related", not prev-archive.
    expect(project.read("feed.xml")).toContain(`<atom:link href="${LOCAL_BASE}archive/feed.xml" rel="related"`);
    const archive = readAll(project, "archive/");
    for (const feed of [archive.rss, archive.atom, archive.json]) expect(feed.archiveUrl, feed.file).toBeNull();
    const parsed = runFeedparser([project.site("feed.xml"), project.site("atom.xml")]);
    expect(typeof parsed, String(parsed)).toBe("object");
    expect((parsed as Exclude<typeof parsed, string>).map((r) => r.archive)).toEqual([`${LOCAL_BASE}archive/feed.xml`, `${LOCAL_BASE}archive/atom.xml`]);
    const subscribe = parseDocument(project.read("subscribe/index.html"));
    const hrefs = DomUtils.getElementsByTagName("a", subscribe).map((a) => a.attribs.href);
    for (const f of ["archive/feed.xml", "archive/atom.xml", "archive/feed.json"]) expect(hrefs).toContain(`/${f}`);
  });

  it("is read by Python's feedparser with bozo=0 and the same items", () => {
    const { rss, atom } = readAll(project);
    const results = runFeedparser([project.site("feed.xml"), project.site("atom.xml")]);
    expect(typeof results, String(results)).toBe("object");
    const [fromRss, fromAtom] = results as Exclude<typeof results, string>;
    expect(fromRss!.bozo, fromRss!.bozoException).toBe(false);
    expect(fromAtom!.bozo, fromAtom!.bozoException).toBe(false);
    expect(fromRss!.version).toBe("rss20");
    expect(fromAtom!.version).toBe("atom10");
    const view = (f: ReadFeed) => f.items.map((i) => ({ id: i.id, link: i.link, title: i.title, published: i.published }));
    expect(fromRss!.entries.map(({ id, link, title, published }) => ({ id, link, title, published }))).toEqual(view(rss));
    expect(fromAtom!.entries.map(({ id, link, title, published }) => ({ id, link, title, published }))).toEqual(view(atom));
    expect(fromAtom!.entries[0]!.tags).toEqual(["R&D", "<Markup>", "Feeds"]);
  });

  it("passes checkFeeds, which names the file of each defect it finds", async () => {
    const good = await checkFeeds({ siteDir: project.site(""), baseUrl: LOCAL_BASE, pathPrefix: "/" });
    expect(good.errors).toEqual([]);
    expect(good.ok).toBe(true);

    // The subscription feed must be the archive's head in everything but the full text.
    const latest = readAll(project).json;
    const archive = readAll(project, "archive/").json;
    expect(sliceErrors(latest, archive)).toEqual([]);
    const reworded = { ...archive, items: archive.items.map((i, n) => (n === 1 ? { ...i, summary: i.summary + " Changed." } : i)) };
    expect(sliceErrors(latest, reworded)).toEqual([expect.stringMatching(/^feed\.json: item 2 summary differs from archive\/feed\.json/)]);

    const broken = mkdtempSync(path.join(os.tmpdir(), "briefing-broken-feeds-"));
    try {
      cpSync(project.site(""), broken, { recursive: true });
      const edit = (rel: string, fn: (s: string) => string) => writeFileSync(path.join(broken, rel), fn(readFileSync(path.join(broken, rel), "utf8")));
      // The stock plugin's defects, put back one per file.
      edit("feed.xml", (s) => s.replace(' xmlns:content="http://purl.org/rss/1.0/modules/content/"', ""));
      // ...and a feed that lost its archive link and the source's credit.
      edit("feed.json", (s) => s.replace(/"archive": "[^"]*"/, '"archive": null').replace(/,\s*\{\s*"name": "Example & Wire",[^}]*\}/, ""));
      edit("archive/feed.xml", (s) => s.replace("<pubDate>Mon, 02 Mar 2026 09:30:00 -0500</pubDate>", "<pubDate>2026-03-02 14:30</pubDate>"));
      // ...and a subscription feed without the full text, which only the archive may leave out.
      edit("atom.xml", (s) => s.replace(/<id>[^<]*<\/id>\n<title type="text">A plain/, '<title type="text">A plain').replace(/\n<content type="html">[^<]*<\/content>/g, ""));
      edit("feed.json", (s) => s.replace('"title": "Q&A', '"title": "Q&amp;A'));
      rmSync(path.join(broken, "archive/feed.json"));
      const result = await checkFeeds({ siteDir: broken, baseUrl: LOCAL_BASE, pathPrefix: "/" });
      expect(result.ok).toBe(false);
      const has = (file: string, re: RegExp) => expect(result.errors.some((e) => e.startsWith(file + ":") && re.test(e)), `${file} ${re}\n${result.errors.join("\n")}`).toBe(true);
      has("feed.xml", /xmllint.*content/);
      has("archive/feed.xml", /RFC 822/);
      has("atom.xml", /RFC 4287 schema/);
      has("atom.xml", /item 1 has no full text/);
      has("feed.json", /differs from .* item 1 title/);
      has("archive/feed.json", /missing/);
      has("feed.json", /links the archive as null/);
      has("feed.json", /differs from atom\.xml: item 1 authors/);
    } finally {
      rmSync(broken, { recursive: true, force: true });
    }
  });

  it("gives byte-identical feeds when the machine's zone is Pacific/Kiritimati instead of UTC", () => {
    const before = FEED_FILES.map((f) => project.read(f));
    const again = runBuild(project.root, { TZ: "Pacific/Kiritimati" });
    expect(again.status, again.stderr).toBe(0);
    FEED_FILES.forEach((f, i) => expect(project.read(f), f).toBe(before[i]));
  });

  it("builds the model as a pure function: newest first, limited, stable ids, channel date from the items", () => {
    const data = dataOf(project);
    const limited = { ...data, site: { ...data.site, feed: { ...data.site.feed, limit: 2 } } };
    const latest = feedModel(limited, "latest");
    const archive = feedModel(limited, "archive");
    expect(latest.items.map((i) => i.url)).toEqual(archive.items.slice(0, 2).map((i) => i.url));
    expect(archive.items).toHaveLength(3);
    expect(latest.complete).toBe(false);
    expect(archive.complete).toBe(true);
    expect(feedModel(limited, "latest")).toEqual(latest);
    expect(latest.updated).toEqual({ iso: data.articles[0]!.updated, timeZone: "America/New_York", fromItems: true });
    // An older article updated later moves the channel date, not the order.
    const articles = data.articles.map((a, i) => (i === 2 ? { ...a, updated: "2026-03-10T09:00:00.000+09:00" } : a));
    const bumped = feedModel({ ...data, articles }, "latest");
    expect(bumped.items.map((i) => i.url)).toEqual(feedModel(data).items.map((i) => i.url));
    expect(bumped.updated.iso).toBe("2026-03-10T09:00:00.000+09:00");
    // Text XML cannot carry, or would change (CR), is made safe the same way for all three formats.
    const hostile = data.articles.map((a, i) => (i === 0 ? { ...a, title: "Line one\r\nBcc: x@example.org\u0001\uFFFF", tags: [{ name: "A\nB", slug: "a-b" }] } : a));
    const safe = feedModel({ ...data, articles: hostile }).items[0]!;
    expect(safe.title).toBe("Line one Bcc: x@example.org");
    expect(safe.categories).toEqual(["A B"]);
    // tag: ids need an authority; without one the build stops with a fix.
    const tagged = { ...data, site: { ...data.site, feed: { ...data.site.feed, idScheme: "tag" as const, tagAuthority: null } } };
    expect(() => feedModel(tagged)).toThrow(/feed\.tagAuthority/);
  });
});

describe("under SITE_URL=https://example.org/briefing with tag: ids and a limit of 2", () => {
  let project: TempProject;
  const BASE = "https://example.org/briefing/";
  beforeAll(async () => {
    const siteYaml = readFileSync(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8")
      .replace(/limit: \d+/, "limit: 2")
      .replace("idScheme: url", "idScheme: tag")
      .replace("tagAuthority: null", 'tagAuthority: "example.org,2026"');
    project = makeTempProject({ siteYaml });
    addFixtures(project, ["escapes.md", "plain.md"]);
    // No trailing slash: the site config adds it.
    await project.build({ env: { SITE_URL: "https://example.org/briefing" } });
  });
  afterAll(() => project.remove());

  it("puts every feed link under the prefix once, and each resolves to a file in _site", () => {
    for (const f of FEED_FILES) {
      const text = project.read(f);
      expect(text, f).not.toContain("/briefing/briefing/");
      expect(text, f).not.toContain("localhost");
    }
    for (const prefix of ["", "archive/"]) {
      const { rss, atom, json } = readAll(project, prefix);
      for (const feed of [rss, atom, json]) {
        expect(feed.homeUrl).toBe(BASE);
        expect(feed.selfUrl).toBe(BASE + feed.file);
        // Atom and JSON Feed name the site's square SVG icon; RSS has no <image> (it must be a raster).
        expect(feed.icons, feed.file).toEqual(feed.file.endsWith("feed.xml") ? [] : feed.file.endsWith(".json") ? [`${BASE}assets/icon.svg`, `${BASE}assets/icon.svg`] : [`${BASE}assets/icon.svg`]);
        for (const link of [feed.homeUrl, feed.selfUrl, ...feed.icons, ...feed.items.map((i) => i.link)]) {
          const file = fileForUrl(link, BASE, project.site(""));
          expect(file, link).not.toBeNull();
          expect(() => readFileSync(file!), `${feed.file}: ${link}`).not.toThrow();
        }
        const body = feed.items.find((i) => i.link.endsWith("/escapes-and-links/"))!.contentHtml;
        if (prefix === "archive/") {
          expect(body, feed.file).toBeNull();
        } else {
          expect(body).toContain(`href="${BASE}briefings/plain-briefing/"`);
          expect(body).toContain(`src="${BASE}briefings/escapes-and-links/chart.png"`);
        }
      }
    }
  });

  it("uses tag: ids (RSS marks them isPermaLink=false), 2 items in the subscription feeds and all 3 in the archive", () => {
    const { rss, atom, json } = readAll(project);
    for (const feed of [rss, atom, json]) {
      expect(feed.items.map((i) => i.id), feed.file).toEqual(["tag:example.org,2026:briefings/escapes-and-links", "tag:example.org,2026:briefings/plain-briefing"]);
    }
    expect(project.read("feed.xml")).toContain('<guid isPermaLink="false">tag:example.org,2026:briefings/escapes-and-links</guid>');
    expect(project.read("atom.xml")).toContain("<id>tag:example.org,2026:feed</id>");
    expect(project.read("archive/atom.xml")).toContain("<id>tag:example.org,2026:feed/archive</id>");
    const archive = readAll(project, "archive/");
    expect(archive.json.items.map((i) => i.id)).toEqual([...json.items.map((i) => i.id), `tag:example.org,2026:briefings/${SEED_SLUG}`]);
    expect(project.read("archive/feed.xml")).toContain("<fh:complete/>");
    expect(project.read("feed.xml")).not.toContain("<fh:complete/>");
  });

  it("points back to the archive with RFC 5005 prev-archive when the subscription feed leaves briefings out", () => {
    const { rss, atom, json } = readAll(project);
    expect([rss.archiveUrl, atom.archiveUrl, json.archiveUrl]).toEqual([`${BASE}archive/feed.xml`, `${BASE}archive/atom.xml`, `${BASE}archive/feed.json`]);
    const atomLinks = [xml.parse(project.read("atom.xml")).feed.link].flat() as Record<string, string>[];
    expect(atomLinks.find((l) => l["@_rel"] === "prev-archive")?.["@_href"]).toBe(`${BASE}archive/atom.xml`);
    const rssLinks = [xml.parse(project.read("feed.xml")).rss.channel["atom:link"]].flat() as Record<string, string>[];
    expect(rssLinks.find((l) => l["@_rel"] === "prev-archive")?.["@_href"]).toBe(`${BASE}archive/feed.xml`);
  });

  it("passes checkFeeds, and is the same with or without the trailing slash", async () => {
    const result = await checkFeeds({ siteDir: project.site(""), baseUrl: BASE, pathPrefix: "/briefing/" });
    expect(result.errors).toEqual([]);
    const before = FEED_FILES.map((f) => project.read(f));
    await project.build({ env: { SITE_URL: BASE } });
    FEED_FILES.forEach((f, i) => expect(project.read(f), f).toBe(before[i]));
  });
});

describe("an empty site", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = makeTempProject({ withSample: false });
    await project.build();
  });
  afterAll(() => project.remove());

  it("writes valid feeds with no items that say so, dated the epoch rather than the build time", async () => {
    const result = await checkFeeds({ siteDir: project.site(""), baseUrl: LOCAL_BASE, pathPrefix: "/" });
    expect(result.errors).toEqual([]);
    const { rss, atom, json } = readAll(project);
    for (const feed of [rss, atom, json]) expect(feed.items, feed.file).toEqual([]);
    expect(project.read("feed.xml")).toContain("No briefings have been published yet.");
    expect(project.read("feed.xml")).not.toContain("lastBuildDate");
    expect(project.read("atom.xml")).toContain("<updated>1970-01-01T00:00:00Z</updated>");
    expect(JSON.parse(project.read("feed.json")).description).toContain("No briefings have been published yet.");
    const parsed = runFeedparser([project.site("feed.xml"), project.site("atom.xml")]);
    expect(typeof parsed).toBe("object");
    for (const r of parsed as Exclude<typeof parsed, string>) expect(r.bozo, r.bozoException).toBe(false);
  });
});
