// The social card of each briefing: briefings/<slug>/card.png, a 1200 x 630
// PNG with the headline, the source, the date and the site's name, for
// og:image, twitter:image and JSON-LD image. The picture is an SVG template
// (_includes/partials/social-card.svg.njk, rendered by src/briefings/card.njk);
// this module lays its text out (line breaks measured with the font's own
// advance widths, since SVG does not wrap) and sets it in glyph outlines
// (SVG paths placed with <use>) from the Inter fonts of @expo-google-fonts/inter,
// so resvg draws the PNG with no font at all: never the machine's fonts, the
// same bytes on every machine, zone and locale, and no font files parsed per card. Each PNG is kept in .cache/cards/ under a hash of the SVG,
// the fonts and resvg's version: an unchanged card is never drawn twice.
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { deflate } from "node:zlib";
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import opentype from "opentype.js";
import { renderAsync } from "@resvg/resvg-js";
import type { Article, Site } from "../schema.ts";
import { bylineName, xmlSafe } from "./feed-model.ts";
import { readableDate } from "./filters.ts";
import { cardPath } from "./pages.ts";
import type { RenderInput } from "./eleventy-site.ts";

export const CARD_WIDTH = 1200;
export const CARD_HEIGHT = 630;
const CARD_OUTPUT = /(?:^|[\\/])briefings[\\/][a-z0-9-]+[\\/]card\.png$/;

/** Left and right margin, and the widths the text may take (the template draws with the same numbers). */
const MARGIN = 80;
const TEXT_WIDTH = CARD_WIDTH - 2 * MARGIN;
/** Headline sizes tried from the largest: the first at which it fits in `lines` lines wins. */
const HEADLINE_SIZES: readonly { size: number; lines: number }[] = [
  { size: 76, lines: 3 },
  { size: 64, lines: 4 },
  { size: 54, lines: 5 },
];
const FOOTER_SIZE = 30;

const require = createRequire(import.meta.url);
const INTER_DIR = path.dirname(require.resolve("@expo-google-fonts/inter/package.json"));
export const CARD_FONT_FILES = [
  path.join(INTER_DIR, "400Regular/Inter_400Regular.ttf"),
  path.join(INTER_DIR, "700Bold/Inter_700Bold.ttf"),
];
const deflateAsync = promisify(deflate);
const RESVG_VERSION = (require("@resvg/resvg-js/package.json") as { version: string }).version;

/** Measures a string's advance width at a size, in the card's pixels. */
export type Measure = (text: string, size: number) => number;

/** What the card says; every string is one line that fits. */
export interface CardLayout {
  width: number;
  height: number;
  margin: number;
  headline: { lines: string[]; size: number; lineHeight: number; top: number };
  /** "27 February 2026 · Yonhap", fitted to the width. */
  footer: string;
  footerSize: number;
  siteName: string;
}

/** The two fonts the card is set in, parsed (opentype.js). */
export interface CardFonts {
  regular: opentype.Font;
  bold: opentype.Font;
}

export function parseCardFonts(files: { regular: Buffer; bold: Buffer }): CardFonts {
  const load = (bytes: Buffer) => opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
  return { regular: load(files.regular), bold: load(files.bold) };
}

/** Measures from the fonts' advance widths and kerning, for the bold headline and the regular rest. */
export function fontMeasures(fonts: CardFonts): { regular: Measure; bold: Measure } {
  const measure = (font: opentype.Font): Measure => (text, size) => font.getAdvanceWidth(text, size, { kerning: true });
  return { regular: measure(fonts.regular), bold: measure(fonts.bold) };
}

/** One glyph outline the card uses, in font units (y up), defined once per card and placed by id. */
export interface GlyphShape {
  id: string;
  d: string;
}

/** A line of text: where it starts (its baseline), its scale from font units, and each glyph's place along it in font units. */
export interface GlyphRun {
  x: number;
  y: number;
  scale: number;
  glyphs: { id: string; x: number }[];
}

/** The card as the template draws it: its glyph shapes, and each line of text as a run of them. */
export interface CardDrawing extends CardLayout {
  glyphs: GlyphShape[];
  runs: { siteName: GlyphRun; headline: GlyphRun[]; footer: GlyphRun };
}

/** A number to two decimals, as short as it goes ("12", "12.5", "12.25"). */
function coordinate(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** SVG path data of a glyph's outline in font units, y up. */
export function glyphPathData(glyph: opentype.Glyph): string {
  const parts: string[] = [];
  for (const c of glyph.path.commands) {
    if (c.type === "M" || c.type === "L") parts.push(`${c.type}${coordinate(c.x)} ${coordinate(c.y)}`);
    else if (c.type === "Q") parts.push(`Q${coordinate(c.x1)} ${coordinate(c.y1)} ${coordinate(c.x)} ${coordinate(c.y)}`);
    else if (c.type === "C") parts.push(`C${coordinate(c.x1)} ${coordinate(c.y1)} ${coordinate(c.x2)} ${coordinate(c.y2)} ${coordinate(c.x)} ${coordinate(c.y)}`);
    else parts.push("Z");
  }
  return parts.join("");
}

/**
 * The card's text as glyph runs: each line set at (margin, baseline) where the
 * font's advances and kerning put each glyph, and the outline of every glyph
 * used, once. `shapes` keeps outlines already written (by glyph id) across the
 * cards of one build: writing an outline is the costly part, and a build sets
 * the same few dozen glyphs again and again.
 */
export function cardDrawing(layout: CardLayout, fonts: CardFonts, shapes: Map<string, string> = new Map()): CardDrawing {
  const used = new Map<string, string>();
  const run = (font: opentype.Font, prefix: string, text: string, y: number, size: number): GlyphRun => {
    const scale = size / font.unitsPerEm;
    const glyphs: GlyphRun["glyphs"] = [];
    font.forEachGlyph(text, layout.margin, y, size, { kerning: true }, (glyph, gx) => {
      if (glyph.path.commands.length === 0) return; // a space: nothing to draw
      const id = `${prefix}${glyph.index}`;
      let d = shapes.get(id);
      if (d === undefined) shapes.set(id, (d = glyphPathData(glyph)));
      used.set(id, d);
      glyphs.push({ id, x: Math.round(((gx - layout.margin) / scale) * 10) / 10 });
    });
    return { x: layout.margin, y, scale: Math.round(scale * 1e6) / 1e6, glyphs };
  };
  const runs = {
    siteName: run(fonts.bold, "b", layout.siteName, 104, layout.footerSize),
    headline: layout.headline.lines.map((line, i) => run(fonts.bold, "b", line, layout.headline.top + i * layout.headline.lineHeight, layout.headline.size)),
    footer: run(fonts.regular, "r", layout.footer, 560, layout.footerSize),
  };
  // Sorted by id, so the SVG does not depend on the order glyphs were first met.
  const glyphs = [...used].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([id, d]) => ({ id, d }));
  return { ...layout, glyphs, runs };
}

/**
 * Greedy line breaking at spaces: each line as long as fits in `width`. A word
 * wider than a line is cut at the character that overflows. Returns every line.
 */
export function breakLines(text: string, width: number, fits: (line: string) => boolean): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ").filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    // A single word too wide for a line: cut it where it overflows.
    while (!fits(line) && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && !fits(line.slice(0, cut))) cut--;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** The longest start of `text` (cut at a word where possible) that fits with an ellipsis after it. */
export function ellipsize(text: string, fits: (line: string) => boolean): string {
  if (fits(text)) return text;
  let cut = text.length;
  while (cut > 0 && !fits(`${text.slice(0, cut).trimEnd()}…`)) cut--;
  const head = text.slice(0, cut);
  const atWord = head.lastIndexOf(" ");
  const trimmed = atWord > head.length * 0.6 ? head.slice(0, atWord) : head;
  return `${trimmed.replace(/[\s,;:–—-]+$/, "")}…`;
}

/** The card's text, fitted: the largest headline size at which it fits its lines, else the smallest, cut with an ellipsis. */
export function cardLayout(article: Pick<Article, "title" | "date" | "timeZone" | "source" | "author" | "byline">, site: Pick<Site, "title">, measures: { regular: Measure; bold: Measure }): CardLayout {
  const title = oneLine(article.title);
  let chosen: { lines: string[]; size: number } | null = null;
  for (const { size, lines: maxLines } of HEADLINE_SIZES) {
    const lines = breakLines(title, TEXT_WIDTH, (l) => measures.bold(l, size) <= TEXT_WIDTH);
    if (lines.length <= maxLines) {
      chosen = { lines, size };
      break;
    }
  }
  if (!chosen) {
    const { size, lines: maxLines } = HEADLINE_SIZES[HEADLINE_SIZES.length - 1]!;
    const lines = breakLines(title, TEXT_WIDTH, (l) => measures.bold(l, size) <= TEXT_WIDTH);
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = ellipsize(lines.slice(maxLines - 1).join(" "), (l) => measures.bold(l, size) <= TEXT_WIDTH);
    chosen = { lines: kept, size };
  }
  const lineHeight = Math.round(chosen.size * 1.18);
  // The headline block sits between the site name (top) and the footer rule (y = 500).
  const blockHeight = chosen.lines.length * lineHeight;
  const top = Math.round(150 + (340 - blockHeight) / 2 + chosen.size * 0.8);
  const credit = article.source?.name ?? article.author ?? (article.byline ? bylineName(article.byline) : null);
  const date = readableDate(article.date, article.timeZone);
  const footer = ellipsize(oneLine(credit ? `${date} · ${credit}` : date), (l) => measures.regular(l, FOOTER_SIZE) <= TEXT_WIDTH);
  const siteName = ellipsize(oneLine(site.title), (l) => measures.bold(l, FOOTER_SIZE) <= TEXT_WIDTH);
  return {
    width: CARD_WIDTH,
    height: CARD_HEIGHT,
    margin: MARGIN,
    headline: { lines: chosen.lines, size: chosen.size, lineHeight, top },
    footer,
    footerSize: FOOTER_SIZE,
    siteName,
  };
}

/** One line of card text: characters XML cannot carry removed, whitespace folded. */
function oneLine(text: string): string {
  return xmlSafe(text).replace(/\s+/g, " ").trim();
}

/**
 * The SVG drawn as PNG. Its text is already outlines: no font is loaded, least
 * of all the machine's. resvg draws and zlib compresses on libuv's thread
 * pool, so cards are made beside Eleventy's own work instead of holding up its
 * thread: resvg's own PNG encoder (asPng) runs on the calling thread and took
 * two thirds of a card's time.
 */
export async function renderCardPng(svg: string): Promise<Buffer> {
  const image = await renderAsync(svg, { font: { loadSystemFonts: false }, fitTo: { mode: "original" }, logLevel: "off" });
  return encodePng(image.width, image.height, image.pixels);
}

/** PNG (RFC 2083) of 8-bit RGBA pixels: one IDAT, each row unfiltered, deflated by zlib off the main thread. */
export async function encodePng(width: number, height: number, rgba: Buffer): Promise<Buffer> {
  const stride = width * 4;
  if (rgba.length !== stride * height) throw new Error(`encodePng: ${rgba.length} bytes for ${width}x${height} RGBA`);
  const rows = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (stride + 1) + 1, y * stride, (y + 1) * stride); // filter byte 0: none
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filtering, no interlace
  const idat = await deflateAsync(rows, { level: 6 });
  return Buffer.concat([PNG_SIGNATURE, pngChunk("IHDR", header), pngChunk("IDAT", idat), pngChunk("IEND", Buffer.alloc(0))]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const chunk = Buffer.alloc(12 + data.length);
  chunk.writeUInt32BE(data.length, 0);
  chunk.write(type, 4, "latin1");
  data.copy(chunk, 8);
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 8 + data.length)), 8 + data.length);
  return chunk;
}

/** CRC-32 (ISO 3309, as PNG uses it); Node 20.11 has no zlib.crc32. */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/**
 * The PNG for an SVG, from `cacheDir` when an earlier build drew the same SVG
 * with the same resvg; drawn and stored otherwise. `cacheDir` null: no cache.
 */
export async function cardPng(svg: string, cacheDir: string | null): Promise<Buffer> {
  if (!cacheDir) return renderCardPng(svg);
  // The SVG holds the glyph outlines, so it stands for the fonts too.
  // zlib's version too: it writes the compressed bytes.
  const key = createHash("sha256").update(`card 2\0resvg ${RESVG_VERSION}\0zlib ${process.versions.zlib}\0`).update(svg).digest("hex");
  const file = path.join(cacheDir, `${key}.png`);
  if (existsSync(file)) {
    const png = readFileSync(file);
    // A damaged entry (not a PNG) is drawn again.
    if (png.subarray(0, 8).equals(PNG_SIGNATURE)) return png;
  }
  const png = await renderCardPng(svg);
  mkdirSync(cacheDir, { recursive: true });
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, png);
  renameSync(temp, file);
  return png;
}
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Whether an Eleventy output path is a briefing's card. */
export function isCardOutput(outputPath: unknown): boolean {
  return typeof outputPath === "string" && CARD_OUTPUT.test(outputPath);
}

export function socialCardPlugin(eleventyConfig: any, input: Pick<RenderInput, "cardCache">): void {
  // Parsed once per Eleventy run, before any page renders: reading and parsing
  // the two fonts costs a few hundred milliseconds, which Eleventy would
  // otherwise report as a slow filter on the first card.
  let fonts: { parsed: CardFonts; measures: { regular: Measure; bold: Measure } } | null = null;
  const loadFonts = () => {
    if (!fonts) {
      const [regular, bold] = CARD_FONT_FILES.map((f) => readFileSync(f)) as [Buffer, Buffer];
      const parsed = parseCardFonts({ regular, bold });
      fonts = { parsed, measures: fontMeasures(parsed) };
    }
    return fonts;
  };
  eleventyConfig.on("eleventy.before", () => {
    loadFonts();
  });
  // Glyph outlines already written this run, by glyph id (see cardDrawing).
  let shapes = new Map<string, string>();
  eleventyConfig.on("eleventy.before", () => {
    shapes = new Map();
  });
  eleventyConfig.addFilter("socialCard", (article: Article, site: Site) => {
    const { parsed, measures } = loadFonts();
    return cardDrawing(cardLayout(article, site, measures), parsed, shapes);
  });
  eleventyConfig.addFilter("cardPath", cardPath);
  // The card template writes SVG text to card.png; this turns it into the PNG.
  eleventyConfig.addTransform("social-card-png", async function (this: { page: { outputPath: unknown } }, content: string) {
    if (!isCardOutput(this.page.outputPath)) return content;
    return cardPng(content, input.cardCache);
  });
}
