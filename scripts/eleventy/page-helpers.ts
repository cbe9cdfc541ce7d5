// Values the reader-facing templates show but must not compute themselves
// (templates hold no text processing): counted nouns, the first sentence of a
// gist for the home list, what a collapsed list holds, and where the timeline
// strip's dated points sit. Pure functions, tested in test/page-helpers.test.ts.
import type { TimelineEntry } from "../schema.ts";
import { splitSentences } from "../pipeline/normalize/sentences.ts";
import { dateSpan } from "./pages.ts";
import { countOf } from "../count.ts";

export { countOf };


/** The first sentence of a paragraph (a gist), by the pipeline's own sentence splitter. */
export function firstSentence(text: string): string {
  const folded = text.replace(/\s+/g, " ").trim();
  return splitSentences(folded)[0] ?? folded;
}

/** "a, b and c" for the few counted parts a summary line lists. */
function listed(parts: string[]): string {
  return parts.length <= 1 ? (parts[0] ?? "") : `${parts.slice(0, -1).join(", ")} and ${parts[parts.length - 1]}`;
}

/**
 * What the "more" fold of who's who holds once the first `shown` people are
 * visible: "2 more people, 5 organizations and 8 places". Empty when nothing is left.
 */
export function whosWhoMore(article: { people: readonly unknown[]; organizations: readonly unknown[]; places: readonly unknown[] }, shown: number): string {
  const morePeople = Math.max(0, article.people.length - shown);
  const parts = [
    morePeople > 0 ? countOf(morePeople, "more person", "more people") : "",
    article.organizations.length > 0 ? countOf(article.organizations.length, "organization") : "",
    article.places.length > 0 ? countOf(article.places.length, "place") : "",
  ].filter(Boolean);
  return listed(parts);
}

/** The timeline strip's drawing units: the template's viewBox is `0 0 STRIP_WIDTH STRIP_HEIGHT`. */
export const STRIP_WIDTH = 1000;
export const STRIP_HEIGHT = 24;
/** Room at either end so a dot at the first or last date is not cut in half. */
const STRIP_MARGIN = 12;

export interface StripMark {
  /** Start and end of the mark in viewBox units; equal for a single day. */
  x1: number;
  x2: number;
  approximate: boolean;
}

export interface TimelineStrip {
  marks: StripMark[];
  /** The earliest and the latest date as people read them ("2022", "31 March – 2 April 2026"). */
  from: string;
  to: string;
  /** One line for screen readers: the strip is a picture of the list below it. */
  label: string;
}

/** Whole days since 1970-01-01 of an ISO calendar date (YYYY-MM-DD). */
function dayNumber(iso: string): number {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000);
}

/**
 * The timeline's dated points on one line from the earliest start to the
 * latest end, as positions the template draws (a dot for a day, a bar for a
 * longer span, fainter when approximate). Null when there is nothing to
 * compare: fewer than two distinct dates. Entries sharing a span share a mark.
 */
export function timelineStrip(entries: readonly Pick<TimelineEntry, "start" | "end" | "precision">[]): TimelineStrip | null {
  const spans = new Map<string, Pick<TimelineEntry, "start" | "end" | "precision">>();
  for (const e of entries) spans.set(`${e.start}/${e.end}/${e.precision}`, e);
  if (spans.size < 2) return null;
  const all = [...spans.values()];
  const first = Math.min(...all.map((e) => dayNumber(e.start)));
  const last = Math.max(...all.map((e) => dayNumber(e.end)));
  const scale = (STRIP_WIDTH - 2 * STRIP_MARGIN) / Math.max(1, last - first);
  const x = (day: number) => Math.round((STRIP_MARGIN + (day - first) * scale) * 10) / 10;
  const marks = all
    .map((e) => ({ x1: x(dayNumber(e.start)), x2: x(dayNumber(e.end)), approximate: e.precision === "approximate" }))
    .sort((a, b) => a.x1 - b.x1 || a.x2 - b.x2);
  const earliest = all.reduce((a, b) => (dayNumber(b.start) < dayNumber(a.start) ? b : a));
  const latest = all.reduce((a, b) => (dayNumber(b.end) > dayNumber(a.end) ? b : a));
  const from = dateSpan(earliest);
  const to = dateSpan(latest);
  return { marks, from, to, label: `${countOf(entries.length, "dated point")} from ${from} to ${to}, listed below.` };
}

export function pageHelpersPlugin(eleventyConfig: { addFilter(name: string, fn: (...args: never[]) => unknown): void }): void {
  eleventyConfig.addFilter("countOf", countOf);
  eleventyConfig.addFilter("firstSentence", firstSentence);
  eleventyConfig.addFilter("whosWhoMore", whosWhoMore);
  eleventyConfig.addFilter("timelineStrip", timelineStrip);
}
