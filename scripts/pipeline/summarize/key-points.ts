// Key points: up to five short sentences for the briefing page and email, each
// a fact the gist does not state. What a reader wants beside the gist:
//  - what comes next: a date after publication, a scheduled or planned event;
//  - reaction and the other side: someone's response, a claim attributed;
//  - numbers: amounts, counts, shares;
//  - background: what happened before.
// One sentence of each kind first (the earliest in the article: news orders by
// importance), then any other that qualifies, to five, shown in article order.
// A point may share at most half of its content words with any gist sentence
// and with any other point; a point must stand alone (no pronoun leaning on a
// sentence the reader is not shown, no piece of a longer quotation). A short article gets fewer points, or
// none, rather than the gist again.
import type { NormalizedArticle } from "../../schema.ts";
import type { Candidate } from "./candidates.ts";
import { assembleSentences } from "./assemble.ts";
import { leaningPronoun, nameWords, narrationWords, quotationsClosed } from "./references.ts";
import { USABLE_QUALITY } from "./select.ts";
import { contentTerms, termTable, type TermTable } from "./words.ts";

export const MAX_POINTS = 5;
const MAX_POINT_WORDS = 35;
const MIN_POINT_WORDS = 8;
/** Words outside quotation marks a point needs: at least "X said" and a little more. */
const MIN_NARRATION = 3;
/** Share of a point's content words it may have in common with a gist sentence or another point. */
export const MAX_SHARED = 0.5;

export type PointKind = "next" | "reaction" | "number" | "background";
const KINDS: readonly PointKind[] = ["next", "reaction", "number", "background"];

const NEXT = /\b(?:will|shall|(?:is|are|was|were) (?:expected|due|set|scheduled|slated|poised) to|plans? to|planning to|intends? to|next (?:week|month|year|season|round|spring|summer|autumn|fall|winter)|upcoming|tomorrow|later this (?:week|month|year)|scheduled for|to be held)\b/iu;
const REACTION = /\b(?:said|says|told|argued|argues|warned|warns|criticized|criticised|responded|denied|denies|welcomed|condemned|accused|rejected|praised|insisted|called (?:for|on)|according to|analysts?|critics?|opposition|spokesman|spokeswoman|spokesperson)\b/iu;
const NUMBER = /\d|\b(?:hundreds?|thousands?|millions?|billions?|dozens?|per ?cent|percent|half|third|quarter|twice|double)\b/iu;
const BACKGROUND = /\b(?:last (?:year|month|week|january|february|march|april|may|june|july|august|september|october|november|december|season)|in (?:18|19|20)\d\d|previously|earlier|since|formerly|ago|first time|in the past|had been|history)\b/iu;

/** Which kinds of fact a sentence gives (dates and attributions from normalize count too). */
export function pointKinds(text: string, facts: { futureDate: boolean; attributed: boolean; pastDate: boolean }): PointKind[] {
  const kinds: PointKind[] = [];
  if (facts.futureDate || NEXT.test(text)) kinds.push("next");
  if (facts.attributed || REACTION.test(text)) kinds.push("reaction");
  if (NUMBER.test(text)) kinds.push("number");
  if (facts.pastDate || BACKGROUND.test(text)) kinds.push("background");
  return kinds;
}

/** Share of `point`'s distinct content terms that `other` uses too. */
export function sharedShare(point: ReadonlySet<string>, other: ReadonlySet<string>): number {
  if (point.size === 0) return 1;
  let shared = 0;
  for (const term of point) if (other.has(term)) shared++;
  return shared / point.size;
}

export function termSet(text: string, terms: TermTable = termTable()): Set<string> {
  return new Set(contentTerms(text, terms));
}

interface Point {
  index: number;
  text: string;
  terms: Set<string>;
  kinds: PointKind[];
  /** Kinds normalize found evidence for: a resolved future or past date, an attribution. */
  evidenced: PointKind[];
}

/**
 * `gist` is the summary's sentences as shown; `gistIndexes` the article
 * sentences it was made from (empty for an editor's summary).
 */
export function keyPoints(article: NormalizedArticle, candidates: readonly Candidate[], gist: readonly string[], gistIndexes: ReadonlySet<number>, terms: TermTable = termTable()): string[] {
  const gistTerms = gist.map((text) => termSet(text, terms));
  const personWords = nameWords(article.people.map((p) => p.name));
  const thingWords = nameWords([...article.organizations, ...article.places].flatMap((e) => [e.name, ...e.aliases]));
  const day = article.date.slice(0, 10);
  const futureDated = new Set(article.dates.filter((d) => d.start > day).map((d) => d.sentenceId));
  const pastDated = new Set(article.dates.filter((d) => d.end < day).map((d) => d.sentenceId));
  const attributed = new Set(article.attributions.map((a) => a.sentenceId));
  // One form per sentence: the shortest (a bullet has the fewest words to spare).
  const shortest = new Map<number, Candidate>();
  for (const c of candidates) if (!shortest.has(c.index) || c.words < shortest.get(c.index)!.words) shortest.set(c.index, c);
  const pool: Point[] = [];
  for (const c of [...shortest.values()].sort((a, b) => a.index - b.index)) {
    if (gistIndexes.has(c.index) || !c.usable || c.needsPredecessor || c.quality < USABLE_QUALITY) continue;
    if (c.words < MIN_POINT_WORDS || c.words > MAX_POINT_WORDS) continue;
    // Standing alone: a resolved pronoun is given the person's full name.
    const text = assembleSentences([c])[0]!;
    // Standing alone: no pronoun leaning elsewhere, no piece of a longer
    // quotation, and a quotation says who said it.
    if (leaningPronoun(text, personWords, { thingWords, strict: true }) || !quotationsClosed(text) || narrationWords(text) < MIN_NARRATION) continue;
    const pointTerms = termSet(text, terms);
    if (gistTerms.some((g) => sharedShare(pointTerms, g) > MAX_SHARED)) continue;
    const facts = { futureDate: futureDated.has(c.id), attributed: attributed.has(c.id), pastDate: pastDated.has(c.id) };
    const kinds = pointKinds(text, facts);
    const evidenced: PointKind[] = [...(facts.futureDate ? ["next" as const] : []), ...(facts.attributed ? ["reaction" as const] : []), ...(facts.pastDate ? ["background" as const] : [])];
    if (kinds.length > 0) pool.push({ index: c.index, text, terms: pointTerms, kinds, evidenced });
  }
  return choosePoints(pool).map((p) => p.text);
}

/**
 * One point of each kind first (the earliest with normalize's evidence for the
 * kind, a resolved date or attribution, else the earliest the wording shows),
 * then the rest in article order, none repeating another.
 */
export function choosePoints<P extends { index: number; terms: Set<string>; kinds: readonly PointKind[]; evidenced?: readonly PointKind[] }>(pool: readonly P[]): P[] {
  const chosen: P[] = [];
  const repeats = (p: P) => chosen.some((q) => sharedShare(p.terms, q.terms) > MAX_SHARED || sharedShare(q.terms, p.terms) > MAX_SHARED);
  for (const kind of KINDS) {
    if (chosen.length >= MAX_POINTS || chosen.some((q) => q.kinds.includes(kind))) continue;
    const open = pool.filter((p) => p.kinds.includes(kind) && !chosen.includes(p) && !repeats(p));
    const first = open.find((p) => p.evidenced?.includes(kind)) ?? open[0];
    if (first) chosen.push(first);
  }
  for (const p of pool) {
    if (chosen.length >= MAX_POINTS) break;
    if (!chosen.includes(p) && !repeats(p)) chosen.push(p);
  }
  return chosen.sort((a, b) => a.index - b.index);
}
