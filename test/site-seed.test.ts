// The user's sample article on its briefing page, in Chromium, under a path
// prefix: every section filled from the seed by the real pipeline.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { launchChromium, serveStatic, type LaunchedBrowser, type StaticServer } from "./helpers/chromium.ts";
import { makeTempProject, type TempProject } from "./helpers/project.ts";
import { checkLinks } from "../scripts/check/links.ts";

const PREFIX_URL = "https://example.org/briefing/";
const SLUG = "north-korea-demands-recognition-as-nuclear-power";

let project: TempProject;
let server: StaticServer;
let chromium: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  project = makeTempProject();
  await project.build({ env: { SITE_URL: PREFIX_URL } });
  server = await serveStatic(project.site(""), "/briefing/");
  chromium = await launchChromium();
  page = await (await chromium.newContext()).newPage();
  const response = await page.goto(`${server.url}briefings/${SLUG}/`);
  expect(response!.status()).toBe(200);
}, 120_000);

afterAll(async () => {
  await chromium?.close();
  await server?.close();
  project?.remove();
});

describe("the seed's briefing page", () => {
  it("shows the gist, key points, who's who, timeline and who said what before the full text", async () => {
    const headings = await page.locator("main h2").allTextContents();
    expect(headings).toEqual(["The gist", "Key points", "Who’s who", "Timeline", "Who said what", "Full text"]);
    expect((await page.locator(".gist p").textContent())!.length).toBeGreaterThan(100);
  });

  it("names the four people with their roles", async () => {
    const people = await page.locator(".people li").evaluateAll((items) =>
      items.map((li) => [li.querySelector(".name")!.textContent, li.querySelector(".role")?.textContent ?? null]),
    );
    const byName = Object.fromEntries(people);
    expect(Object.keys(byName).sort()).toEqual(["Donald Trump", "Kim Jong Un", "Park Won-gon", "Xi Jinping"]);
    expect(byName["Kim Jong Un"]).toMatch(/General Secretary/);
    expect(byName["Park Won-gon"]).toMatch(/professor of North Korean studies at Ewha Womans University/);
    expect(byName["Donald Trump"]).toMatch(/President/);
    expect(byName["Xi Jinping"]).toMatch(/President/);
  });

  it("puts the timeline in date order, each entry linked to a sentence of the full text", async () => {
    const entries = await page.locator(".timeline li").evaluateAll((items) =>
      items.map((li) => {
        const href = li.querySelector("a")!.getAttribute("href")!;
        return { datetime: li.querySelector("time")!.getAttribute("datetime")!, inFullText: !!document.querySelector(`#full-text ${href}`) };
      }),
    );
    const dates = entries.map((e) => e.datetime);
    expect(dates).toEqual([...dates].sort());
    expect(dates).toEqual(expect.arrayContaining(["2026-02-20", "2026-03-31"]));
    expect(entries.every((e) => e.inFullText)).toBe(true);
  });

  it("gives the full text its two subheads as headings, exactly as written", async () => {
    expect(await page.locator("#full-text h3").allTextContents()).toEqual([
      "Slams U.S. as Rogue and Aggressor… Presses for Recognition as a Nuclear-Armed State",
      "Trump’s China Visit: Navigating Crisis or Abandoning Nuclear Talks?",
    ]);
    expect(await page.locator("#full-text p[id^='p-']").count()).toBe(16);
  });

  it("carries JSON-LD that parses, naming the people mentioned", async () => {
    const ld = JSON.parse((await page.locator('script[type="application/ld+json"]').textContent())!);
    expect(ld["@type"]).toBe("NewsArticle");
    expect(ld.datePublished).toBe("2026-02-27T10:00:00+09:00");
    expect(ld.mentions.map((p: { name: string }) => p.name).sort()).toEqual(["Donald Trump", "Kim Jong Un", "Park Won-gon", "Xi Jinping"]);
  });

  it("leaves no internal link or anchor of the whole site unresolved", async () => {
    const result = await checkLinks({ siteDir: project.site(""), baseUrl: PREFIX_URL, pathPrefix: "/briefing/" });
    expect(result.errors).toEqual([]);
  });
});
