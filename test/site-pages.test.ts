// The web pages in a real browser: a briefing with every section filled (a
// hand-built article fed through the real build), the home archive paginated,
// sections left out when empty, sitemap/robots/404 under a path prefix, JSON-LD,
// and no sideways scrolling at 320 px. Served on 127.0.0.1 under /briefing/.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import { XMLParser } from "fast-xml-parser";
import type { Page } from "playwright-core";
import { launchChromium, serveStatic, type LaunchedBrowser, type StaticServer } from "./helpers/chromium.ts";
import { makeTempProject, type TempProject } from "./helpers/project.ts";
import { articleFixture } from "./helpers/site-fixture.ts";
import { horizontalOverflow } from "../scripts/check/pages-in-browser.ts";
import { webPages, servedPath } from "../scripts/check/output-files.ts";
import type { Article } from "../scripts/schema.ts";

const PREFIX_URL = "https://example.org/briefing/";

/** Three briefings, newest first: the full fixture, one with nothing but text, one older. */
/** The full fixture's reported speech, plus a direct quotation. */
const QUOTE = { kind: "quote" as const, who: "Kim Jong Un", personId: "kim-jong-un", speakerFrom: "name" as const, verb: "said", what: "We will never give up our deterrent", sentenceId: "s-1-1" };
const ARTICLES: Article[] = [
  articleFixture({ attributions: [...articleFixture().attributions, QUOTE] }),
  articleFixture({
    slug: "bare-briefing", title: "A briefing with nothing extra", date: "2026-02-20T09:00:00.000+09:00", updated: null,
    source: null, dateline: null, people: [], organizations: [], places: [], dates: [], timeline: [], attributions: [], keyPoints: [],
    summary: { text: "The U.S. envoy said little. A second sentence adds detail.", origin: "editor", sentenceIds: [], wordCount: 10 },
  }),
  articleFixture({ slug: "older-briefing", title: "An older briefing", date: "2026-01-05T09:00:00.000+09:00", updated: null }),
];

let project: TempProject;
let server: StaticServer;
let chromium: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  const siteYaml = readFileSync(new URL("../_data/site.yaml", import.meta.url), "utf8").replace(/^homePageSize: \d+$/m, "homePageSize: 1");
  project = makeTempProject({ siteYaml });
  await project.build({ env: { SITE_URL: PREFIX_URL }, processor: async () => ARTICLES.map((article) => ({ article })) });
  server = await serveStatic(project.site(""), "/briefing/");
  chromium = await launchChromium();
  const context = await chromium.newContext({ viewport: { width: 1280, height: 900 } });
  page = await context.newPage();
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  project?.remove();
});

const open = async (sitePath: string) => {
  const response = await page.goto(new URL(sitePath.replace(/^\//, ""), server.url).href);
  return response!;
};
const texts = (selector: string) => page.locator(selector).allTextContents();

describe("the briefing page", () => {
  beforeAll(async () => {
    expect((await open("/briefings/leader-repeats-demand/")).status()).toBe(200);
  });

  it("opens with the headline, the dateline (published, updated, source) and the reading time", async () => {
    expect(await texts("h1")).toEqual(["Leader repeats demand"]);
    const dateline = (await texts(".dateline"))[0]!;
    expect(dateline).toContain("Published");
    expect(dateline).toContain("27 February 2026, 10:00 UTC+09:00");
    expect(dateline).toContain("Updated");
    expect(dateline).toContain("28 February 2026, 08:30 UTC+09:00");
    expect(dateline).toContain("1 min");
    expect(await page.locator(".dateline a").getAttribute("href")).toBe("https://wire.example.com/story/1");
    expect(await page.locator(".dateline time").first().getAttribute("datetime")).toBe("2026-02-27T10:00:00+09:00");
  });

  it("shows its sections in reading order", async () => {
    expect(await texts("main h2")).toEqual(["The gist", "Key points", "Who’s who", "Timeline", "Who said what", "Full text"]);
    expect(await texts(".gist p")).toEqual(["Kim Jong Un repeated his demand; talks look unlikely before the visit."]);
    expect(await texts(".key-points li")).toEqual(["Kim repeated his demand.", "Talks look unlikely.", "Trump visits China at the end of March."]);
  });

  it("lists who's who: the four people with their roles, and the organizations", async () => {
    const people = await page.locator(".people li").evaluateAll((items) =>
      items.map((li) => ({ name: li.querySelector(".name")!.textContent, role: li.querySelector(".role")?.textContent ?? null })),
    );
    expect(people).toEqual([
      { name: "Kim Jong Un", role: "General Secretary of the Workers’ Party" },
      { name: "Park Won-gon", role: "professor of North Korean studies at Ewha Womans University" },
      { name: "Donald Trump", role: "President" },
      { name: "Xi Jinping", role: "President" },
    ]);
    expect(await texts("#organizations + ul li")).toEqual(["Workers’ Party"]);
  });

  it("puts the timeline in date order, each entry linked to a sentence of the full text", async () => {
    const entries = await page.locator(".timeline li").evaluateAll((items) =>
      items.map((li) => ({
        datetime: li.querySelector("time")!.getAttribute("datetime"),
        label: li.querySelector("time")!.textContent,
        target: li.querySelector("a")!.getAttribute("href"),
        targetInFullText: !!document.querySelector(`#full-text ${li.querySelector("a")!.getAttribute("href")}`),
      })),
    );
    expect(entries.map((e) => e.label)).toEqual(["2022", "2023", "September 2025", "20–21 February 2026", "31 March – 2 April 2026"]);
    expect(entries.map((e) => e.datetime)).toEqual([...entries.map((e) => e.datetime)].sort());
    expect(entries.map((e) => e.target)).toEqual(["#s-3-2", "#s-2-2", "#s-2-1", "#s-1-1", "#s-4-1"]);
    expect(entries.every((e) => e.targetInFullText)).toBe(true);
  });

  it("says who said what, linking a known person to who's who and each quote to its sentence", async () => {
    expect(await texts(".said .who")).toEqual(["Park Won-gon", "Analysts", "Kim Jong Un"]);
    expect(await page.locator(".said .who a").first().getAttribute("href")).toBe("#person-park-won-gon");
    expect(await page.locator("#person-park-won-gon").count()).toBe(1);
    expect(await page.locator(".said .in-context").evaluateAll((as) => as.map((a) => a.getAttribute("href")))).toEqual(["#s-3-1", "#s-4-2", "#s-1-1"]);
  });

  it("shows a quote in quotation marks and reported speech without them", async () => {
    const items = await page.locator(".said li").evaluateAll((lis) => lis.map((li) => {
      const q = li.querySelector("q");
      return {
        text: (li as HTMLElement).innerText,
        quoted: q?.textContent ?? null,
        // The marks a reader sees come from the browser's quotes on <q>, not from the text.
        marks: q ? [getComputedStyle(q, "::before").content, getComputedStyle(q, "::after").content] : null,
      };
    }));
    expect(items.map((i) => i.quoted)).toEqual([null, null, "We will never give up our deterrent"]);
    for (const reported of items.slice(0, 2)) expect(reported.text).not.toMatch(/["\u201C\u201D\u2018\u2019]/u);
    expect(items[0]!.text.startsWith("Park Won-gon said the door is open to talks on status only")).toBe(true);
    expect(items[2]!.marks).toEqual(["open-quote", "close-quote"]);
  });

  it("gives the full text its subheads as headings and an anchor on every paragraph", async () => {
    expect(await texts("#full-text h3")).toEqual(["Demands and stance", "The visit"]);
    expect(await page.locator("#full-text p[id^='p-']").evaluateAll((ps) => ps.map((p) => p.id))).toEqual(["p-1", "p-2", "p-3", "p-4"]);
  });

  it("carries JSON-LD NewsArticle that parses, with the people mentioned", async () => {
    const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(blocks).toHaveLength(1);
    const ld = JSON.parse(blocks[0]!);
    expect(ld["@type"]).toBe("NewsArticle");
    expect(ld.url).toBe(`${PREFIX_URL}briefings/leader-repeats-demand/`);
    expect(ld.mentions.map((p: { name: string }) => p.name)).toEqual(["Kim Jong Un", "Park Won-gon", "Donald Trump", "Xi Jinping"]);
  });

  it("has the head a reader's tools look for: canonical, Open Graph, Twitter card, the three feeds", async () => {
    const head = await page.evaluate(() => ({
      canonical: document.querySelector('link[rel="canonical"]')?.getAttribute("href"),
      ogType: document.querySelector('meta[property="og:type"]')?.getAttribute("content"),
      ogUrl: document.querySelector('meta[property="og:url"]')?.getAttribute("content"),
      twitter: document.querySelector('meta[name="twitter:card"]')?.getAttribute("content"),
      description: document.querySelector('meta[name="description"]')?.getAttribute("content"),
      feeds: [...document.querySelectorAll('link[rel="alternate"]')].map((l) => l.getAttribute("href")),
    }));
    expect(head).toEqual({
      canonical: `${PREFIX_URL}briefings/leader-repeats-demand/`,
      ogType: "article",
      ogUrl: `${PREFIX_URL}briefings/leader-repeats-demand/`,
      twitter: "summary_large_image",
      description: "Kim Jong Un repeated his demand; talks look unlikely before the visit.",
      feeds: [`${PREFIX_URL}feed.xml`, `${PREFIX_URL}atom.xml`, `${PREFIX_URL}feed.json`],
    });
  });
});

describe("one stylesheet for every reader", () => {
  it("follows the reader's dark scheme and prints without navigation", async () => {
    await open("/briefings/leader-repeats-demand/");
    const look = () => page.evaluate(() => ({
      background: getComputedStyle(document.body).backgroundColor,
      nav: getComputedStyle(document.querySelector(".masthead nav")!).display,
    }));
    await page.emulateMedia({ colorScheme: "light", media: "screen" });
    const light = await look();
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await look();
    await page.emulateMedia({ colorScheme: "light", media: "print" });
    const print = await look();
    await page.emulateMedia({ media: "screen" });
    expect(dark.background).not.toBe(light.background);
    expect(light.nav).not.toBe("none");
    expect(print.nav).toBe("none");
    expect(print.background).toBe("rgb(255, 255, 255)");
  });
});

describe("a briefing with nothing but its text", () => {
  it("leaves out the empty sections instead of showing them empty", async () => {
    await open("/briefings/bare-briefing/");
    expect(await texts("main h2")).toEqual(["The gist", "Full text"]);
    expect(await page.locator(".dateline").textContent()).not.toContain("Source");
  });
});

describe("home and topics", () => {
  it("puts the latest gist up top and pages the archive by homePageSize", async () => {
    await open("/");
    expect(await texts(".latest h1")).toEqual(["Leader repeats demand"]);
    // The list starts with the next briefing: the latest is not listed twice.
    expect(await texts(".archive-list h3")).toEqual(["A briefing with nothing extra"]);
    const item = page.locator(".archive-list li").first();
    expect(await item.locator("h3 a").evaluate((a) => getComputedStyle(a).textDecorationLine)).toBe("underline");
    expect(await item.locator(".meta").textContent()).toMatch(/^20 February 2026 · /);
    expect(await item.locator(".first-sentence").textContent()).toBe("The U.S. envoy said little.");
    const next = page.locator('a[rel="next"]');
    expect(await next.getAttribute("href")).toBe("/briefing/page/2/");
    await next.click();
    expect(new URL(page.url()).pathname).toBe("/briefing/page/2/");
    expect(await texts(".archive-list h3")).toEqual(["An older briefing"]);
    // It has a source: the list names it after the date.
    expect(await page.locator(".archive-list .meta").first().textContent()).toContain(` · ${ARTICLES[2]!.source!.name} · `);
    expect(await page.locator('a[rel="prev"]').getAttribute("href")).toBe("/briefing/");
  });

  it("lists a topic's briefings newest first", async () => {
    await open("/tags/diplomacy/");
    expect(await texts("h1")).toEqual(["Topic Diplomacy"]);
    expect(await texts(".archive-list h2")).toEqual(["Leader repeats demand", "A briefing with nothing extra", "An older briefing"]);
  });

  it("explains feeds and the email summary on the subscribe page, with absolute feed URLs", async () => {
    await open("/subscribe/");
    const body = (await page.locator("main").textContent())!;
    for (const feed of ["feed.xml", "atom.xml", "feed.json"]) expect(body).toContain(`${PREFIX_URL}${feed}`);
    expect(body).toMatch(/A feed is/);
    expect(body).toContain("email.eml");
    expect(body).toContain("npm run send");
  });
});

describe("under a path prefix", () => {
  it("lists every page in the sitemap, absolute under the prefix, and names it in robots.txt", () => {
    const sitemap = new XMLParser().parse(project.read("sitemap.xml"));
    const locs: string[] = sitemap.urlset.url.map((u: { loc: string }) => u.loc);
    expect(locs).toContain(PREFIX_URL);
    expect(locs).toContain(`${PREFIX_URL}page/2/`);
    expect(locs).toContain(`${PREFIX_URL}briefings/leader-repeats-demand/`);
    expect(locs).toContain(`${PREFIX_URL}tags/diplomacy/`);
    expect(locs.every((l) => l.startsWith(PREFIX_URL))).toBe(true);
    expect(locs.some((l) => l.includes("404"))).toBe(false);
    expect(project.read("robots.txt")).toMatch(new RegExp(`^Sitemap: ${PREFIX_URL}sitemap\\.xml$`, "m"));
  });

  it("serves 404.html for a missing deep path with its styles and links working", async () => {
    const response = await open("/no/such/page/here/");
    expect(response.status()).toBe(404);
    expect(await texts("h1")).toEqual(["Page not found"]);
    expect(await page.evaluate(() => getComputedStyle(document.body).maxWidth)).not.toBe("none");
    expect(await page.locator('meta[name="robots"]').getAttribute("content")).toBe("noindex");
    await page.getByRole("link", { name: "Go to the latest briefing" }).click();
    expect(new URL(page.url()).pathname).toBe("/briefing/");
  });

  it("shows every page at 320 px without sideways scrolling, and requests nothing off the machine", async () => {
    await page.setViewportSize({ width: 320, height: 640 });
    const pages = webPages(project.site(""));
    expect(pages.length).toBeGreaterThanOrEqual(9);
    for (const rel of pages) {
      await page.goto(new URL(servedPath(rel, "/briefing/"), server.url).href);
      expect(await horizontalOverflow(page), rel).toBe(0);
    }
    expect(chromium.blockedRequests).toEqual([]);
  });
});
