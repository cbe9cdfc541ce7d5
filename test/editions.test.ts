// Editions: three articles on one day and one on the next make two editions,
// each with its page, its email (parsed with mailparser, audited against
// caniemail's data like the briefing emails) and its feed item; an edition is
// rendered again only when one of its briefings changed; a long day's email
// stops before Gmail's clip with a link to the rest.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseDocument, DomUtils } from "htmlparser2";
import type { Element } from "domhandler";
import { simpleParser } from "mailparser";
import { XMLParser } from "fast-xml-parser";
import { hashTree, makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import { checkEmail } from "../scripts/email/check.ts";
import { checkFeeds } from "../scripts/check/feeds.ts";
import { auditCompatibility, auditLinks, auditStructure, emailLinks, GMAIL_CLIP_BYTES } from "../scripts/email/audit.ts";
import { buildEditions, editionDateOf } from "../scripts/pipeline/editions.ts";
import { editionEmailCut, emailItemBytes, EDITION_EMAIL_BUDGET, EMAIL_FRAME_BYTES } from "../scripts/eleventy/editions.ts";
import type { Article, DataFile, Site } from "../scripts/schema.ts";
import { readArticle } from "../scripts/pipeline/read.ts";

const SITE_URL = "https://example.org/briefing/";
const siteYaml = readFileSync(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8")
  .replace(/unsubscribeUrl: null/, "unsubscribeUrl: https://example.org/settings/");

/**
 * A Markdown article of my own words about `topic`: a lead the gist takes, then facts beyond it
 * (a reaction, numbers, dates to come, background) for the key points to add.
 */
function article(title: string, date: string, topic: string, extra = ""): string {
  const body = [
    `The ${topic} was the main business of the council on Monday, officials said.`,
    `Maria Ortega, the council's transport chief, said the work would finish before the summer holidays.`,
    `Residents had asked for the change for years, and a petition gathered more than four thousand names last autumn.`,
    `"We listened, and now we are acting," Ortega said at a briefing in the town hall.`,
    `Opposition members argued that the budget of 12 million euros was too large for a town of this size.`,
    `The council will publish the full plan on its website next week, and a public meeting is planned for April 14.`,
    `Shop owners on Station Road welcomed the decision, saying evening trade had fallen by a third since 2019.`,
    `Work will close two lanes of Station Road from May 4 to May 29, and buses will use Mill Lane instead.`,
    `The town last rebuilt the route in 1987, when the old tram line was taken up.`,
  ];
  return `---\ntitle: ${title}\ndate: ${date}\nsource: Town Gazette\n${extra}---\n\n${body.join("\n\n")}\n`;
}

const DAY_ONE = [
  { name: "bridge.md", title: "Harbour bridge to reopen after repairs", date: "2026-03-02T08:15:00+09:00", topic: "harbour bridge repair" },
  { name: "library.md", title: "Old library becomes a youth centre", date: "2026-03-02T12:40:00+09:00", topic: "library conversion" },
  { name: "buses.md", title: "Night buses return to the east side", date: "2026-03-02T19:05:00+09:00", topic: "night bus service" },
];
const DAY_TWO = { name: "parks.md", title: "Two new parks planned near the river", date: "2026-03-03T09:30:00+09:00", topic: "riverside park plan" };
const slugOf = (name: string) => name.replace(/\.md$/, "");

const elements = (html: string) => DomUtils.getElementsByTagName(() => true, parseDocument(html).children, true) as Element[];
const textOf = (e: Element) => DomUtils.textContent(e).replace(/\s+/g, " ").trim();

describe("two days of articles", () => {
  let project: TempProject;
  let data: DataFile;
  let log: string[];
  const build = async (extra = {}) => {
    log = [];
    const report = await project.build({ env: { SITE_URL }, log: (l) => log.push(l), workers: 0, ...extra });
    data = report.data;
    return hashTree(project.site(""));
  };
  const line = (stage: string) => log.find((l) => l.startsWith(`${stage} `)) ?? "";
  let first: Record<string, string>;

  beforeAll(async () => {
    project = makeTempProject({ withSample: false, siteYaml });
    for (const a of [...DAY_ONE, DAY_TWO]) project.addArticle(a.name, article(a.title, a.date, a.topic));
    first = await build();
  });
  afterAll(() => project.remove());

  it("groups them into two editions, newest first, each listing its briefings newest first", () => {
    expect(data.editions.map((e) => [e.date, e.articles])).toEqual([
      ["2026-03-03", ["parks"]],
      ["2026-03-02", ["buses", "library", "bridge"]],
    ]);
    expect(data.editions[1]).toMatchObject({ end: "2026-03-02", sendAt: "2026-03-03T00:00:00.000+09:00", updated: "2026-03-02T19:05:00.000+09:00" });
  });

  it("writes an edition page: the lead's headline, then each briefing's headline, gist and key points, linked", () => {
    const html = project.read("editions/2026-03-02/index.html");
    const els = elements(html);
    expect(textOf(els.find((e) => e.name === "h1")!)).toBe("Night buses return to the east side");
    const items = els.filter((e) => e.name === "h2" && e.attribs.id?.startsWith("item-"));
    expect(items.map(textOf)).toEqual(["Night buses return to the east side", "Old library becomes a youth centre", "Harbour bridge to reopen after repairs"]);
    const links = items.map((h) => (DomUtils.findOne((e) => e.name === "a", h.children, true) as Element).attribs.href);
    expect(links).toEqual(["/briefing/briefings/buses/", "/briefing/briefings/library/", "/briefing/briefings/bridge/"]);
    for (const slug of ["buses", "library", "bridge"]) {
      const a = data.articles.find((x) => x.slug === slug)!;
      expect(a.keyPoints.length).toBeGreaterThanOrEqual(3);
      const item = els.find((e) => e.name === "article" && e.attribs["aria-labelledby"] === `item-${slug}`)!;
      const text = textOf(item);
      expect(text).toContain(a.summary.text.replace(/\s+/g, " "));
      for (const point of a.keyPoints) expect(text).toContain(point);
    }
    expect(html).toContain('<title>2 March 2026 edition · Briefing</title>');
    expect(html).toContain(`<link rel="canonical" href="${SITE_URL}editions/2026-03-02/">`);
  });

  it("lists the editions newest first, leads the home page with the latest, and puts them in the sitemap", () => {
    const index = elements(project.read("editions/index.html")).filter((e) => e.name === "h2").map(textOf);
    expect(index).toEqual(["3 March 2026: Two new parks planned near the river", "2 March 2026: Night buses return to the east side"]);
    const home = project.read("index.html");
    expect(home).toMatch(/Latest edition · <a href="\/briefing\/editions\/2026-03-03\/">/);
    expect(textOf(elements(home).find((e) => e.name === "h1")!)).toBe("Two new parks planned near the river");
    for (const feed of ["feed.xml", "atom.xml", "feed.json"]) {
      expect(home).toContain(`href="/briefing/editions/${feed}"`);
      expect(project.read("subscribe/index.html")).toContain(`href="/briefing/editions/${feed}"`);
    }
    const sitemap = project.read("sitemap.xml");
    for (const p of ["editions/", "editions/2026-03-02/", "editions/2026-03-03/"]) expect(sitemap).toContain(`<loc>${SITE_URL}${p}</loc>`);
  });

  it("writes each edition's email: mailparser reads the .eml as the built files, caniemail finds nothing unsupported", async () => {
    for (const edition of data.editions) {
      const dir = `editions/${edition.date}`;
      const html = project.read(`${dir}/email.html`);
      const text = project.read(`${dir}/email.txt`);
      const eml = await simpleParser(readFileSync(project.site(`${dir}/email.eml`)));
      expect(eml.html).toBe(html);
      expect(eml.text).toBe(text);
      const lead = data.articles.find((a) => a.slug === edition.articles[0])!;
      expect(eml.subject).toBe(`Briefing, ${edition.date === "2026-03-02" ? "2 March 2026" : "3 March 2026"}: ${lead.title}`);
      expect(eml.date).toEqual(new Date(edition.sendAt));
      expect(eml.messageId).toMatch(new RegExp(`^<edition-${edition.date}\\.[0-9a-f]{10}@example\\.org>$`));
      expect(auditCompatibility(html, dir).errors).toEqual([]);
      expect(auditStructure(html, dir)).toEqual([]);
      expect(auditLinks(html, dir, SITE_URL, project.site(""))).toEqual([]);
      expect(Buffer.byteLength(html)).toBeLessThan(GMAIL_CLIP_BYTES);
      const links = emailLinks(html);
      for (const slug of edition.articles) {
        expect(links).toContain(`${SITE_URL}briefings/${slug}/`);
        expect(text).toContain(`${SITE_URL}briefings/${slug}/`);
        expect(text).toContain(data.articles.find((a) => a.slug === slug)!.keyPoints[0]!.slice(0, 30));
      }
      expect(links).toContain(`${SITE_URL}editions/${edition.date}/`);
      // A short day is never cut.
      expect(html).not.toContain("Read the rest on the site");
    }
    const check = await checkEmail({ siteDir: project.site(""), baseUrl: SITE_URL, pathPrefix: "/briefing/" });
    expect(check.errors).toEqual([]);
    expect(check.summary).toMatch(/^4 briefing emails and 2 edition emails/);
  });

  it("writes the editions feeds, one item per edition, that pass the feed audit", async () => {
    const check = await checkFeeds({ siteDir: project.site(""), baseUrl: SITE_URL, pathPrefix: "/briefing/" });
    expect(check.errors).toEqual([]);
    expect(check.summary).toContain("2 in the editions feeds");
    const json = JSON.parse(project.read("editions/feed.json"));
    expect(json.items.map((i: { id: string }) => i.id)).toEqual([`${SITE_URL}editions/2026-03-03/`, `${SITE_URL}editions/2026-03-02/`]);
    const day = json.items[1];
    expect(day.title).toBe("2 March 2026: Night buses return to the east side");
    expect(day.date_published).toBe("2026-03-02T19:05:00+09:00");
    const content = textOf(parseDocument(day.content_html) as unknown as Element);
    for (const slug of ["buses", "library", "bridge"]) {
      const a = data.articles.find((x) => x.slug === slug)!;
      expect(content).toContain(a.title);
      expect(content).toContain(a.summary.text.replace(/\s+/g, " "));
      expect(day.content_html).toContain(`href="${SITE_URL}briefings/${slug}/"`);
    }
    const rss = new XMLParser().parse(project.read("editions/feed.xml"));
    expect(rss.rss.channel.item.map((i: { link: string }) => i.link)).toEqual(json.items.map((i: { url: string }) => i.url));
    const atom = new XMLParser().parse(project.read("editions/atom.xml"));
    expect(atom.feed.entry).toHaveLength(2);
  });

  it("renders an edition again only when one of its briefings changed", async () => {
    const before = await build();
    expect(before).toEqual(first);
    const dayOne = statSync(project.site("editions/2026-03-02/index.html"));
    // Edit the next day's only article, in its lead (which the gist shows in the edition).
    const file = path.join(project.root, "src/articles", DAY_TWO.name);
    const edited = readFileSync(file, "utf8").replace("was the main business of the council", "was the first business of the council");
    expect(edited).not.toBe(readFileSync(file, "utf8"));
    writeFileSync(file, edited);
    const partial = await build();
    expect(line("render")).toMatch(/\(1 changed or new briefing, 1 edition and the shared pages\)/);
    expect(line("keep")).toMatch(/files of 3 unchanged briefings and 1 edition kept/);
    const changed = Object.keys(partial).filter((p) => partial[p] !== before[p]);
    expect(changed).toContain("editions/2026-03-03/index.html");
    expect(changed).toContain("editions/2026-03-03/email.html");
    expect(changed.filter((p) => p.startsWith("editions/2026-03-02/"))).toEqual([]);
    // Kept, not written again: the same file (a hard link from the previous site).
    expect(statSync(project.site("editions/2026-03-02/index.html")).ino).toBe(dayOne.ino);

    // An article moved to the other edition by its front matter: both editions change.
    const bridge = path.join(project.root, "src/articles", DAY_ONE[0]!.name);
    writeFileSync(bridge, readFileSync(bridge, "utf8").replace("source: Town Gazette\n", "source: Town Gazette\nedition: 2026-03-03\n"));
    const moved = await build();
    expect(line("render")).toMatch(/\(1 changed or new briefing, 2 editions and the shared pages\)/);
    expect(data.editions.map((e) => [e.date, e.articles])).toEqual([
      ["2026-03-03", ["parks", "bridge"]],
      ["2026-03-02", ["buses", "library"]],
    ]);

    // What the partial renders wrote is what a full render from nothing writes.
    rmSync(path.join(project.root, ".cache"), { recursive: true, force: true });
    rmSync(project.site(""), { recursive: true, force: true });
    expect(await build()).toEqual(moved);
    expect(line("render")).toMatch(/no record of an earlier build/);
  });
});

describe("a long day's email", () => {
  let project: TempProject;
  let data: DataFile;
  const COUNT = 40;
  beforeAll(async () => {
    project = makeTempProject({ withSample: false, siteYaml });
    // Long editor's summaries make each briefing about 4 kB of email: far over the clip for 40.
    const summary = "The council agreed a plan that changes how the town moves, works and rests, after a long debate in which every ward spoke and the mayor asked for patience. ".repeat(6).trim();
    for (let i = 0; i < COUNT; i++) {
      const minute = String(i).padStart(2, "0");
      project.addArticle(`item-${i}.md`, article(`Council decision number ${i + 1} of a busy day`, `2026-03-05T10:${minute}:00+09:00`, `decision ${i + 1}`, `summary: "${summary}"\n`));
    }
    data = (await project.build({ env: { SITE_URL }, workers: 0 })).data;
  });
  afterAll(() => project.remove());

  it("keeps whole briefings while they fit, then links to the rest on the site, under Gmail's clip", () => {
    const [edition] = data.editions;
    expect(edition!.articles).toHaveLength(COUNT);
    const html = project.read("editions/2026-03-05/email.html");
    const bytes = Buffer.byteLength(html);
    expect(bytes).toBeLessThan(GMAIL_CLIP_BYTES);
    const cut = editionEmailCut(edition!, data.articles, SITE_URL);
    expect(cut.shown.length).toBeGreaterThan(5);
    expect(cut.shown.length + cut.rest.length).toBe(COUNT);
    // Whole briefings only, lead first: every shown headline is there, no omitted one is.
    const headlines = elements(html).filter((e) => e.name === "h1" || e.name === "h2").map(textOf);
    expect(headlines).toEqual(cut.shown.map((a) => a.title));
    const more = elements(html).find((e) => e.name === "a" && textOf(e) === "Read the rest on the site")!;
    expect(more.attribs.href).toBe(`${SITE_URL}editions/2026-03-05/#item-${cut.rest[0]!.slug}`);
    expect(project.read("editions/2026-03-05/index.html")).toContain(`id="item-${cut.rest[0]!.slug}"`);
    expect(project.read("editions/2026-03-05/email.txt")).toContain(`Read the rest on the site\n<${SITE_URL}editions/2026-03-05/#item-${cut.rest[0]!.slug}>`);
    // The estimate the cut is made on stays close to the real size (see EDITION_EMAIL_BUDGET).
    const estimate = EMAIL_FRAME_BYTES + cut.shown.reduce((n, a) => n + emailItemBytes(a, SITE_URL), 0);
    expect(estimate).toBeGreaterThanOrEqual(bytes);
    expect(estimate - bytes).toBeLessThan(3_000);
    // The feed item is cut the same way, so a long day cannot make a huge feed.
    const item = JSON.parse(project.read("editions/feed.json")).items[0];
    expect(item.content_html).toContain(`<a href="${SITE_URL}editions/2026-03-05/#item-${cut.rest[0]!.slug}">${cut.rest.length} more briefings in this edition on the site</a>`);
    expect(item.content_html.match(/<h2>/g)).toHaveLength(cut.shown.length);
    expect(estimate).toBeLessThanOrEqual(EDITION_EMAIL_BUDGET);
  });
});

describe("which edition an article is in", () => {
  const site = (edition: Partial<Site["edition"]>): Pick<Site, "timeZone" | "edition"> => ({
    timeZone: "Europe/London",
    edition: { cadence: "daily", weekStartsOn: "monday", sendAt: "00:00", ...edition },
  });
  const a = (slug: string, date: string, edition: string | null = null) => ({ slug, date, updated: null, edition }) as unknown as Article;

  it("is the day in the site's zone, whatever offset the article states", () => {
    // 2026-03-02 23:30 in London is already 3 March in Seoul.
    expect(editionDateOf("2026-03-03T08:30:00+09:00", site({}))).toBe("2026-03-02");
    expect(editionDateOf("2026-03-02T23:59:59+00:00", site({}))).toBe("2026-03-02");
    expect(editionDateOf("2026-03-03T00:00:00+00:00", site({}))).toBe("2026-03-03");
  });

  it("starts at sendAt: a 07:00 edition holds what came since 07:00 the day before", () => {
    expect(editionDateOf("2026-03-03T06:59:00+00:00", site({ sendAt: "07:00" }))).toBe("2026-03-02");
    expect(editionDateOf("2026-03-03T07:00:00+00:00", site({ sendAt: "07:00" }))).toBe("2026-03-03");
    const [edition] = buildEditions([a("x", "2026-03-03T06:00:00+00:00")], site({ sendAt: "07:00" }));
    expect(edition).toMatchObject({ date: "2026-03-02", end: "2026-03-02", sendAt: "2026-03-03T07:00:00.000+00:00" });
  });

  it("groups weeks from weekStartsOn, and follows the front matter's edition", () => {
    const weekly = site({ cadence: "weekly", weekStartsOn: "sunday" });
    // Wednesday 4 March 2026: the week from Sunday 1 March.
    expect(editionDateOf("2026-03-04T12:00:00+00:00", weekly)).toBe("2026-03-01");
    const editions = buildEditions([a("late", "2026-03-09T10:00:00+00:00"), a("mid", "2026-03-04T12:00:00+00:00"), a("moved", "2026-03-03T09:00:00+00:00", "2026-03-10")], weekly);
    expect(editions.map((e) => [e.date, e.end, e.articles])).toEqual([
      ["2026-03-08", "2026-03-14", ["late", "moved"]],
      ["2026-03-01", "2026-03-07", ["mid"]],
    ]);
  });

  it("reads edition: from front matter, and names the file and line of an impossible one", () => {
    const read = (text: string) => readArticle({ path: "src/articles/a.md", bytes: Buffer.from(text), sidecar: null, siteTimeZone: "Asia/Seoul" });
    expect(read("---\ndate: 2026-03-02T08:00:00+09:00\nedition: 2026-03-03\n---\nText.\n").article?.meta.edition).toBe("2026-03-03");
    const bad = read("---\ndate: 2026-03-02T08:00:00+09:00\nedition: 2026-02-30\n---\nText.\n");
    expect(bad.article).toBeNull();
    expect(bad.problems).toMatchObject([{ severity: "error", file: "src/articles/a.md", line: 3, field: "edition", message: '"2026-02-30" is not a calendar date' }]);
  });
});
