// Key points: three to five short sentences for the briefing page and email:
// the summary's short sentences, then the best-scored others, in article
// order, cohesion-repaired, with a closing attribution ("..., he said.")
// trimmed where no quotation depends on it.
import type { Candidate } from "./candidates.ts";
import { assembleSentences } from "./assemble.ts";
import { cosineDense } from "./score.ts";

const MAX_POINT_WORDS = 35;
const TRAILING_ATTRIBUTION = /,\s+(?:(?:he|she|they|it|the [\p{L} ]{1,30}|[\p{Lu}][\p{L}.'’-]*(?:\s+[\p{Lu}][\p{L}.'’-]*){0,3})\s+(?:said|says|added|told [\p{L} ]{1,30}|reported|explained|noted|claimed)|according to [^,;:]{2,60}|(?:said|says|added|reported) [^,;:]{2,60})\.$/u;

export function trimAttribution(text: string): string {
  if (/[‘’“”"']\s|[‘“"]\p{L}/u.test(text)) return text;
  return text.replace(TRAILING_ATTRIBUTION, ".");
}

export function keyPoints(candidates: readonly Candidate[], summaryIds: ReadonlySet<string>): string[] {
  // One form per sentence: the shortest (a bullet has the fewest words to spare).
  const shortest = new Map<number, Candidate>();
  for (const c of candidates) if (!shortest.has(c.index) || c.words < shortest.get(c.index)!.words) shortest.set(c.index, c);
  const eligible = [...shortest.values()].filter((c) => c.quality >= 0.5 && !c.needsPredecessor && c.words <= MAX_POINT_WORDS);
  // The summary's own sentences first: the selection chose them for what they
  // add, so the bullets state the paragraph's points; then the best-scored rest.
  const inSummary = (c: Candidate) => (summaryIds.has(c.id) ? 1 : 0);
  const ranked = [...eligible].sort((a, b) => inSummary(b) - inSummary(a) || b.score - a.score || a.index - b.index);
  const chosen: Candidate[] = [];
  const top = ranked[0]?.score ?? 0;
  for (const c of ranked) {
    if (chosen.length >= 5 || (chosen.length >= 3 && !summaryIds.has(c.id) && c.score < top * 0.4)) break;
    if (chosen.some((s) => cosineDense(c.vector, s.dense()) > 0.5)) continue;
    chosen.push(c);
  }
  chosen.sort((a, b) => a.index - b.index);
  return assembleSentences(chosen).map(trimAttribution);
}
