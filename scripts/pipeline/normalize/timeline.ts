// The timeline: the resolved dates as events in time order, one entry per
// dated event, each labelled with what happened then.
import type { ResolvedDate, TimelineEntry } from "../../schema.ts";
import type { SentenceRef } from "./entities.ts";

/**
 * Orders by start, then end, then where the date stands in the text; the same
 * interval named twice in one sentence is one entry.
 */
export function buildTimeline(dates: ResolvedDate[], sentences: SentenceRef[]): TimelineEntry[] {
  const position = new Map(sentences.map((s, i) => [s.id, i]));
  const textOf = new Map(sentences.map((s) => [s.id, s.text]));
  const seen = new Set<string>();
  const entries: TimelineEntry[] = [];
  const ordered = [...dates].sort(
    (a, b) =>
      a.start.localeCompare(b.start) ||
      a.end.localeCompare(b.end) ||
      (position.get(a.sentenceId) ?? Infinity) - (position.get(b.sentenceId) ?? Infinity),
  );
  for (const d of ordered) {
    const key = `${d.start}/${d.end}/${d.sentenceId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    entries.push({ start: d.start, end: d.end, precision: d.precision, dateText: d.text, label: textOf.get(d.sentenceId) ?? d.text, sentenceId: d.sentenceId });
  }
  return entries;
}
