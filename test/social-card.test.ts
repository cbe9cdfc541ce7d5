// The social card: each briefing's card.png is a 1200 x 630 PNG drawn from the
// SVG template with the bundled Inter fonts only, the same bytes from two
// builds in different zones and locales (one with no cache), kept through a
// partial render, and named by og:image, twitter:image and JSON-LD image.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { DomUtils, parseDocument } from "htmlparser2";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import { crc32, inflateSync } from "node:zlib";
import { Resvg } from "@resvg/resvg-js";
import { breakLines, CARD_FONT_FILES, cardLayout, ellipsize, fontMeasures, parseCardFonts, renderCardPng } from "../scripts/eleventy/social-card.ts";
import { articleFixture, siteFixture } from "./helpers/site-fixture.ts";

const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
const SLUG = "north-korea-demands-recognition-as-nuclear-power";
const CARD = `briefings/${SLUG}/card.png`;

function runBuild(root: string, env: Record<string, string>) {
  return spawnSync(TSX, ["scripts/cli/build.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
}

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(png: Buffer): { width: number; height: number } {
  expect(png.subarray(0, 8).toString("hex")).toBe("89504e470d0a1a0a");
  expect(png.subarray(12, 16).toString("latin1")).toBe("IHDR");
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

const A_SECOND_ARTICLE = `---
title: "Harbour authority approves a second ferry terminal after a two-year review of traffic, noise and cost"
date: 2026-03-04T08:00:00+01:00
timeZone: Europe/Oslo
source: { name: "Example Coast Gazette", url: "https://gazette.example.org/ferry" }
slug: harbour-ferry-terminal
---
The harbour authority approved a second ferry terminal on Tuesday after a review that lasted two years.

Officials said the terminal would open in 2028 and carry about 4,000 passengers a day.
`;

describe("the card's text layout", () => {
  const fonts = fontMeasures(parseCardFonts({ regular: readFileSync(CARD_FONT_FILES[0]!), bold: readFileSync(CARD_FONT_FILES[1]!) }));
  const site = siteFixture({ title: "Briefing" });

  it("breaks at spaces into lines that each fit, and cuts a word wider than a line", () => {
    const tenPx = (s: string) => s.length * 10 <= 100; // ten characters a line
    expect(breakLines("one two three four five six", 100, tenPx)).toEqual(["one two", "three four", "five six"]);
    expect(breakLines("abcdefghijklmnopqrstuvwxyz", 100, tenPx)).toEqual(["abcdefghij", "klmnopqrst", "uvwxyz"]);
    expect(ellipsize("one two three four", (s) => s.length <= 12)).toBe("one two…");
    expect(ellipsize("short", (s) => s.length <= 12)).toBe("short");
  });

  it("sets a short headline large and a long one smaller, every line within the card's text width, measured with Inter", () => {
    const short = cardLayout(articleFixture({ title: "Talks resume" }), site, fonts);
    const long = cardLayout(articleFixture({ title: "A headline that goes on and on ".repeat(12).trim() }), site, fonts);
    expect(short.headline.lines).toEqual(["Talks resume"]);
    expect(short.headline.size).toBeGreaterThan(long.headline.size);
    for (const layout of [short, long]) {
      for (const line of layout.headline.lines) expect(fonts.bold(line, layout.headline.size)).toBeLessThanOrEqual(1200 - 2 * layout.margin);
    }
    // Too long for the smallest size: the last line ends in an ellipsis.
    expect(long.headline.lines.length).toBe(5);
    expect(long.headline.lines.at(-1)).toMatch(/…$/);
    // The headline block stays between the site name and the rule at y = 500.
    expect(long.headline.top - long.headline.size).toBeGreaterThan(104);
    expect(long.headline.top + (long.headline.lines.length - 1) * long.headline.lineHeight).toBeLessThan(500);
  });

  it("puts the date in the article's zone and the source in the footer", () => {
    const layout = cardLayout(articleFixture({ date: "2026-02-28T23:30:00.000+00:00", timeZone: "Asia/Seoul" }), site, fonts);
    expect(layout.footer).toBe("1 March 2026 · Example Wire");
    expect(layout.siteName).toBe("Briefing");
  });
});

describe("the PNG writer", () => {
  it("writes chunks whose CRCs zlib confirms and whose pixels are resvg's, byte for byte", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="40" height="20"><rect width="40" height="20" fill="#fdfcf9"/><circle cx="10" cy="10" r="7" fill="#1d4e89"/><path d="M22 4h12v12z" fill="#52525b"/></svg>`;
    const png = await renderCardPng(svg);
    expect(pngSize(png)).toEqual({ width: 40, height: 20 });
    const chunks: { type: string; data: Buffer }[] = [];
    for (let at = 8; at < png.length;) {
      const length = png.readUInt32BE(at);
      const typeAndData = png.subarray(at + 4, at + 8 + length);
      expect(png.readUInt32BE(at + 8 + length), `CRC of chunk at ${at}`).toBe(crc32(typeAndData));
      chunks.push({ type: typeAndData.toString("latin1", 0, 4), data: typeAndData.subarray(4) });
      at += 12 + length;
    }
    expect(chunks.map((c) => c.type)).toEqual(["IHDR", "IDAT", "IEND"]);
    const rows = inflateSync(chunks[1]!.data);
    const pixels = new Resvg(svg, { font: { loadSystemFonts: false } }).render().pixels;
    const unfiltered = Buffer.concat(Array.from({ length: 20 }, (_, y) => {
      expect(rows[y * 161], `row ${y} filter`).toBe(0);
      return rows.subarray(y * 161 + 1, (y + 1) * 161);
    }));
    expect(unfiltered.equals(pixels)).toBe(true);
  });
});

describe("card.png in a build", () => {
  let first: TempProject;
  let second: TempProject;
  beforeAll(() => {
    first = makeTempProject();
    first.addArticle("ferry.md", A_SECOND_ARTICLE);
    second = makeTempProject();
    second.addArticle("ferry.md", A_SECOND_ARTICLE);
    const a = runBuild(first.root, { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" });
    expect(a.status, a.stderr).toBe(0);
    const b = runBuild(second.root, { TZ: "America/Los_Angeles", LANG: "C", LC_ALL: "C", BRIEFING_CACHE: "off" });
    expect(b.status, b.stderr).toBe(0);
  }, 120_000);
  afterAll(() => {
    first?.remove();
    second?.remove();
  });

  it("is a 1200 x 630 PNG for every briefing, one card per headline", () => {
    const sample = readFileSync(first.site(CARD));
    const ferry = readFileSync(first.site("briefings/harbour-ferry-terminal/card.png"));
    expect(pngSize(sample)).toEqual({ width: 1200, height: 630 });
    expect(pngSize(ferry)).toEqual({ width: 1200, height: 630 });
    expect(sample.equals(ferry)).toBe(false);
  });

  it("is byte-identical from two projects built in different zones and locales, one of them without the cache", () => {
    for (const card of [CARD, "briefings/harbour-ferry-terminal/card.png"]) {
      expect(readFileSync(second.site(card)).equals(readFileSync(first.site(card))), card).toBe(true);
    }
    // The cached build kept each card under .cache/cards/; the uncached one kept none.
    const cached = readdirSync(path.join(first.root, ".cache/cards")).filter((f) => f.endsWith(".png"));
    expect(cached).toHaveLength(2);
    expect(cached.map((f) => readFileSync(path.join(first.root, ".cache/cards", f))).some((png) => png.equals(readFileSync(first.site(CARD))))).toBe(true);
    expect(existsSync(path.join(second.root, ".cache/cards"))).toBe(false);
  });

  it("is named by og:image, twitter:image (summary_large_image) and JSON-LD image, at its absolute URL", () => {
    const doc = parseDocument(first.read(`briefings/${SLUG}/index.html`));
    const meta = (attr: string, name: string) => DomUtils.findOne((e) => e.name === "meta" && e.attribs[attr] === name, doc.children)?.attribs.content;
    const url = `http://localhost:8080/${CARD}`;
    expect(meta("property", "og:image")).toBe(url);
    expect(meta("property", "og:image:width")).toBe("1200");
    expect(meta("property", "og:image:height")).toBe("630");
    expect(meta("name", "twitter:card")).toBe("summary_large_image");
    expect(meta("name", "twitter:image")).toBe(url);
    const ld = JSON.parse(DomUtils.textContent(DomUtils.findOne((e) => e.name === "script" && e.attribs.type === "application/ld+json", doc.children)!));
    expect(ld.image).toEqual([url]);
    // Pages that are not a briefing keep the small card and name no image.
    const home = parseDocument(first.read("index.html"));
    expect(DomUtils.findOne((e) => e.name === "meta" && e.attribs.name === "twitter:card", home.children)?.attribs.content).toBe("summary");
    expect(DomUtils.findOne((e) => e.name === "meta" && e.attribs.property === "og:image", home.children)).toBeNull();
  });

  it("is still there, unchanged, after a partial render that drew only a new briefing's card", () => {
    const before = readFileSync(first.site(CARD));
    first.addArticle("third.md", A_SECOND_ARTICLE.replace("slug: harbour-ferry-terminal", "slug: harbour-ferry-vote").replace("Harbour authority approves", "Council votes on"));
    // The same zone and locale as the first build: a different one renders everything, by design.
    const again = runBuild(first.root, { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/render .*\(1 changed or new briefing, \d+ editions? and the shared pages\)/);
    expect(readFileSync(first.site(CARD)).equals(before)).toBe(true);
    expect(pngSize(readFileSync(first.site("briefings/harbour-ferry-vote/card.png")))).toEqual({ width: 1200, height: 630 });
  });
});
