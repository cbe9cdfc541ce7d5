// The sample's briefing page as a reader on a phone gets it, in Chromium: at
// 375 px the full text starts within three screens (about 2,000 px); an "on
// this page" bar jumps to every section; who's who, the timeline and who said
// what show their first entries and keep the rest in a closed <details> that
// opens with no script (and by itself when a link points inside it); the
// timeline strip is a labelled picture of the list, drawn in the page's
// colours in light and dark. Served on 127.0.0.1, no request leaves it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import type { BrowserContext, Page } from "playwright-core";
import { launchChromium, serveStatic, type LaunchedBrowser, type StaticServer } from "./helpers/chromium.ts";
import { makeTempProject, type TempProject } from "./helpers/project.ts";
import type { DataFile } from "../scripts/schema.ts";

const SLUG = "north-korea-demands-recognition-as-nuclear-power";
/** Three screens of a 375 x 667 phone. */
const THREE_SCREENS = 2000;

let project: TempProject;
let server: StaticServer;
let chromium: LaunchedBrowser;
let phone: BrowserContext;
let page: Page;
let data: DataFile;

beforeAll(async () => {
  project = makeTempProject();
  await project.build();
  data = JSON.parse(readFileSync(path.join(project.root, "_data/briefing.json"), "utf8")) as DataFile;
  server = await serveStatic(project.site(""), "/");
  chromium = await launchChromium();
  phone = await chromium.newContext({ viewport: { width: 375, height: 667 }, javaScriptEnabled: false });
  page = await phone.newPage();
  await page.goto(`${server.url}briefings/${SLUG}/`);
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  project?.remove();
});

describe("the sample's briefing page at 375 px, with JavaScript off", () => {
  it("starts the full text within three screens of the top", async () => {
    const top = await page.locator("#full-text").evaluate((el) => el.getBoundingClientRect().top + window.scrollY);
    expect(top).toBeLessThanOrEqual(THREE_SCREENS);
    // No sideways scrolling either: the jump bar scrolls by itself, the page does not.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
  });

  it("has an 'on this page' bar whose links reach every section heading", async () => {
    const links = await page.locator('nav[aria-label="On this page"] a').evaluateAll((as) =>
      as.map((a) => ({ text: a.textContent, target: document.getElementById(a.getAttribute("href")!.slice(1))?.textContent ?? null })),
    );
    expect(links).toEqual([
      { text: "Gist", target: "The gist" },
      { text: "Key points", target: "Key points" },
      { text: "Who’s who", target: "Who’s who" },
      { text: "Timeline", target: "Timeline" },
      { text: "Who said what", target: "Who said what" },
      { text: "Full text", target: "Full text" },
    ]);
  });

  it("shows the first entries of who's who, the timeline and who said what, and keeps the rest in a closed <details>", async () => {
    const article = data.articles[0]!;
    const visible = (selector: string) => page.locator(selector).evaluateAll((els) => els.filter((e) => e.checkVisibility()).length);
    expect(await visible(".whos-who .people li")).toBe(Math.min(3, article.people.length));
    expect(await visible(".timeline li")).toBe(1);
    expect(await visible(".said li")).toBe(1);
    // Everything is in the page, in order: nothing is lost behind the fold.
    expect(await page.locator(".timeline li time").count()).toBe(article.timeline.length);
    expect(await page.locator(".said li").count()).toBe(article.attributions.length);
    expect(await page.locator(".whos-who .people li").count()).toBe(article.people.length);
    const folds = page.locator("details.more");
    expect(await folds.count()).toBe(3);
    expect(await folds.evaluateAll((ds) => ds.map((d) => (d as HTMLDetailsElement).open))).toEqual([false, false, false]);
    expect(await page.locator(".timeline details.more summary").textContent()).toBe(`${article.timeline.length - 1} more dates`);
    // The fold opens natively (no script on the page), and the rest shows.
    await page.locator(".said details.more summary").click();
    expect(await visible(".said li")).toBe(article.attributions.length);
    // A statement keeps its kind: a quote in quotation marks, a report without.
    const kinds = article.attributions.map((a) => a.kind);
    expect(await page.locator(".said li q").count()).toBe(kinds.filter((k) => k === "quote").length);
  });

  it("opens the fold by itself when a link points at an entry inside it", async () => {
    const hidden = data.articles[0]!.people[3];
    expect(hidden, "the sample has a fourth person").toBeDefined();
    await page.goto(`${server.url}briefings/${SLUG}/#person-${hidden!.id}`);
    expect(await page.locator(".whos-who details.more").evaluate((d) => (d as HTMLDetailsElement).open)).toBe(true);
    expect(await page.locator(`#person-${hidden!.id}`).isVisible()).toBe(true);
  });

  it("draws the timeline strip as a labelled picture of the list, in the page's colours in light and dark", async () => {
    await page.goto(`${server.url}briefings/${SLUG}/`);
    const svg = page.locator(".timeline-strip svg");
    expect(await svg.getAttribute("role")).toBe("img");
    expect(await svg.getAttribute("aria-label")).toMatch(new RegExp(`^${data.articles[0]!.timeline.length} dated points from .+ to .+, listed below\\.$`));
    const box = await svg.boundingBox();
    expect(box!.width).toBeGreaterThan(300);
    const colours = () => page.evaluate(() => {
      const mark = document.querySelector(".strip-mark")!;
      return { mark: getComputedStyle(mark).stroke, background: getComputedStyle(document.body).backgroundColor, link: getComputedStyle(document.querySelector("main a")!).color };
    });
    await page.emulateMedia({ colorScheme: "light" });
    const light = await colours();
    await page.emulateMedia({ colorScheme: "dark" });
    const dark = await colours();
    expect(light.mark).toBe(light.link); // the accent, as links are
    expect(dark.mark).toBe(dark.link);
    expect(dark.mark).not.toBe(light.mark);
    expect(dark.background).not.toBe(light.background);
  });
});

describe("the sample's home page", () => {
  it("leads with the latest briefing and does not list it again", async () => {
    await page.goto(server.url);
    expect(await page.locator(".latest h1").textContent()).toBe(data.articles[0]!.title);
    expect(await page.locator(`main a[href$="/briefings/${SLUG}/"]`).count()).toBe(2); // the headline and "Key points, who’s who…"
    expect(await page.locator(".archive-list li").count()).toBe(0);
  });

  it("sent nothing off the machine", () => {
    expect(chromium.blockedRequests).toEqual([]);
  });
});
