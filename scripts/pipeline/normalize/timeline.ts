// The timeline: the resolved dates as events in time order, one entry per
// dated event, each labelled with what happened then. The label is the clause
// that holds the date, cut to a reader's line (the whole sentence is one click
// away through sentenceId); two mentions of one event (the same interval, and
// a label or sentence that says the same thing, as a photo caption repeating
// the body) are one entry.
import type { ResolvedDate, TimelineEntry } from "../../schema.ts";
import type { SentenceRef } from "./entities.ts";

/** A label's longest length in words: one line on a phone. */
export const LABEL_WORDS = 16;

interface Span { start: number; end: number }

/**
 * Clause edges no label crosses: semicolons, colons, dashes between spaces,
 * double quotation marks, brackets, and a capitalized opener after a lowercase
 * word, where photo captions run into the body without a full stop ("…in 2009 In February").
 */
const HARD_EDGE = /[;:](?=\s)|\s[-\u2013\u2014]{1,2}\s|["\u201C\u201D()]|(?<=[a-z0-9])\s(?=(?:In|He|She|They|It|His|Her|But|And|Also|After|Before|When|While|However)\s)/g;
/** Where a long clause may be cut: commas, and before a conjunction or a relative pronoun. */
const SOFT_EDGE = /,\s|\s(?=(?:and|but|while|whereas|although|though|because|which|who|whom|when|where|after|before)\s)/g;
/** A part that opens with one of these adds a second clause, not more of the first. */
const CONJUNCTION_START = /^[,\s]*(?:and|but|while|whereas|although|though|because)\b/;
/** A part that opens with one of these needs the noun before it ("Kate, who he wed in 1995"). */
const RELATIVE_START = /^[,\s]*(?:which|who|whom|where|when)\b/;
const LEADING_WORDS = /^(?:(?:and|but|so|also|however|meanwhile|while|then|yet|or|though|although|whereas|because)\b[,\s]*)+/i;
const ACCORDING_TO = /^according to [^,]{1,60},\s*/i;
/** "Kim said (that)", "The minister told reporters (that)": an attribution before the reported event. */
/** Who speaks: a name, a pronoun, or "the minister", "a spokesman for the club". */
const SPEAKER = "(?:[A-Z][\\p{L}\\p{M}'\\u2019.-]*(?:\\s+(?:[A-Z][\\p{L}\\p{M}'\\u2019.-]*|of|the))*|[Hh]e|[Ss]he|[Tt]hey|[Ii]t|(?:[Tt]he|[Aa]n?)(?:\\s+[a-z][\\p{L}'\\u2019-]*){1,3})";
const SPEECH_VERB = "(?:said|says|told\\s+[^,]{1,30}?|added|stated|claimed|reported|announced|insisted|warned|argued|noted)";
/** "Kim said (that)", "The minister told reporters on Monday (that)": an attribution before the reported event. */
const LEADING_ATTRIBUTION = new RegExp(`^${SPEAKER}\\s+(?:also\\s+)?${SPEECH_VERB}(?:\\s+on\\s+\\w+|\\s+(?:last|this|next)\\s+\\w+)?\\s+(?:that\\s+)?(?=\\S)`, "u");
/** ", the union said", ", said a spokesman": an attribution after it. */
const TRAILING_ATTRIBUTION = new RegExp(`,\\s+(?:${SPEAKER}\\s+(?:said|says|added|told\\s+[\\p{L}\\s]{1,30})|said\\s+[^,]{1,60})$`, "u");
const DANGLING_END = /[\s,;:]+(?:and|or|but|the|a|an|of|to|in|on|at|with|as|that|if|for|by|from|which|who|while|its|his|her|their)$/i;
const FUNCTION_WORDS = new Set("a an the of in on at to for and or but with by from as is was be been are were it its that this his her their he she they said".split(" "));

function edges(text: string, re: RegExp): Span[] {
  return [...text.matchAll(re)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
}

// Patterns with Unicode property escapes are module constants: the TypeScript transform turns
// such a literal into `new RegExp(...)` where it stands, so one inside a function was built anew on every call.
/** What separates content words. */
const NOT_WORD_CHARACTERS = /[^\p{L}\p{N}]+/u;
/** A letter. */
const LETTER = /\p{L}/u;

/** The stretch between the last edge ending at or before `from` and the first edge starting at or after `to`. */
function between(all: Span[], from: number, to: number, lo: number, hi: number): Span {
  let start = lo;
  let end = hi;
  for (const e of all) {
    if (e.end <= from && e.end > start) start = e.end;
    if (e.start >= to && e.start < end) end = e.start;
  }
  return { start, end };
}

/** JavaScript's \s, as char codes: the label loops count words often, without building arrays. */
function isSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Whitespace-separated words in `text`. */
function wordCount(text: string): number {
  let n = 0;
  let inWord = false;
  for (let i = 0; i < text.length; i++) {
    const space = isSpace(text.charCodeAt(i));
    if (!space && !inWord) n++;
    inWord = !space;
  }
  return n;
}

/**
 * Removes a single quotation mark that lost its partner when the clause was cut
 * out ("visit them,' Uncle Poodle told"). A mark between two letters is an
 * apostrophe and stays; so does the plural possessive ("the players' union").
 */
function unpaired(text: string): string {
  const marks = [...text.matchAll(/['\u2018\u2019]/g)]
    .map((m) => m.index)
    .filter((i) => !(LETTER.test(text[i - 1] ?? "") && LETTER.test(text[i + 1] ?? "")) && !/s$/.test(text.slice(0, i)));
  if (marks.length % 2 === 0) return text;
  // An odd one out: a closing mark before any opening one, else the last opening one.
  const first = marks[0]!;
  const closesFirst = first > 0 && !/\s/.test(text[first - 1]!);
  const drop = closesFirst ? first : marks[marks.length - 1]!;
  return (text.slice(0, drop) + text.slice(drop + 1)).replace(/\s{2,}/g, " ").trim();
}

/** The words of a clause a reader needs: no leading "and", no attribution around it, no dangling word at the end. */
function tidy(text: string, dateAt: number, capitalize: boolean): string {
  let t = text.replace(/^[\s,;:.]+/, "").trimEnd();
  let at = dateAt - (text.length - text.replace(/^[\s,;:.]+/, "").length);
  const cutFront = (re: RegExp, onlyBeforeDate: boolean) => {
    const m = re.exec(t);
    if (m && (!onlyBeforeDate || m[0].length <= at)) { t = t.slice(m[0].length); at -= m[0].length; }
  };
  for (let i = 0; i < 2; i++) {
    cutFront(LEADING_WORDS, true);
    cutFront(ACCORDING_TO, true);
    cutFront(LEADING_ATTRIBUTION, true);
  }
  t = t.replace(/[\s,;:.!?]+$/, "");
  const trailing = TRAILING_ATTRIBUTION.exec(t);
  if (trailing && trailing.index > at) t = t.slice(0, trailing.index);
  t = t.replace(/[\s,;:.!?]+$/, "");
  for (let before = ""; before !== t;) { before = t; t = t.replace(DANGLING_END, ""); }
  t = unpaired(t.trim());
  return capitalize ? t.charAt(0).toUpperCase() + t.slice(1) : t;
}

/**
 * The clause of `sentence` that holds the date at [at, at + length): the
 * stretch between hard clause edges; when that runs over LABEL_WORDS, the
 * comma-or-conjunction part holding the date, grown by its neighbours while it
 * fits; when even that part is too long, LABEL_WORDS words around the date,
 * with an ellipsis where words are left out.
 */
export function clauseLabel(sentence: string, at: number, length: number): string {
  const hard = edges(sentence, HARD_EDGE);
  let clause = between(hard, at, at + length, 0, sentence.length);
  // A clause of a few words ("In January, GM - the carmaker - said …") takes in its neighbour
  // across a dash, colon or semicolon (not across brackets or quotation marks).
  const joins = (e: Span | undefined) => e !== undefined && /^[\s;:\u2013\u2014-]+$/.test(sentence.slice(e.start, e.end));
  for (let i = 0; i < 2 && wordCount(sentence.slice(clause.start, clause.end)) < 6; i++) {
    const next = hard.find((e) => e.start >= clause.end);
    const prev = [...hard].reverse().find((e) => e.end <= clause.start);
    if (joins(next) && next!.start === clause.end) clause = { start: clause.start, end: hard.find((e) => e.start > next!.start)?.start ?? sentence.length };
    else if (joins(prev) && prev!.end === clause.start) clause = { start: [...hard].reverse().find((e) => e.end < prev!.end)?.end ?? 0, end: clause.end };
    else break;
  }
  let span = clause;
  let cutEnd = false;
  let cutStart = false;
  if (wordCount(sentence.slice(clause.start, clause.end)) > LABEL_WORDS) {
    const soft = edges(sentence.slice(clause.start, clause.end), SOFT_EDGE).map((e) => ({ start: e.start + clause.start, end: e.end + clause.start }));
    span = between(soft, at, at + length, clause.start, clause.end);
    const fits = (s: Span) => wordCount(sentence.slice(s.start, s.end)) <= LABEL_WORDS;
    // Grow forward first (the event usually follows a fronted date) but not into a
    // second clause; back first when the part opens with "who" or "which".
    for (let grew = true; grew;) {
      grew = false;
      const next = soft.find((e) => e.start >= span.end);
      const forward = { start: span.start, end: next ? (soft.find((e) => e.start > next.end)?.start ?? clause.end) : clause.end };
      const prev = [...soft].reverse().find((e) => e.end <= span.start);
      const backward = { start: prev ? ([...soft].reverse().find((e) => e.end < prev.start)?.end ?? clause.start) : clause.start, end: span.end };
      const canBack = span.start > clause.start && fits(backward);
      if (canBack && RELATIVE_START.test(sentence.slice(span.start, span.end))) { span = backward; grew = true; continue; }
      const addsClause = CONJUNCTION_START.test(sentence.slice(span.end, forward.end)) && wordCount(sentence.slice(span.start, span.end)) >= 4;
      if (span.end < clause.end && !addsClause && fits(forward)) { span = forward; grew = true; continue; }
      if (canBack) { span = backward; grew = true; }
    }
    // A short part with no room to grow by whole parts takes the next words up to the limit.
    if (fits(span) && wordCount(sentence.slice(span.start, span.end)) <= 12 && span.end < clause.end &&
      !CONJUNCTION_START.test(sentence.slice(span.end, clause.end))) {
      const rest = [...sentence.slice(span.end, clause.end).matchAll(/\S+/g)];
      const take = rest.slice(0, LABEL_WORDS - wordCount(sentence.slice(span.start, span.end)));
      if (take.length) span = { start: span.start, end: span.end + take[take.length - 1]!.index + take[take.length - 1]![0].length };
    }
    if (!fits(span)) {
      // One long part: the words around the date, a few before it and the rest after.
      const words = [...sentence.slice(span.start, span.end).matchAll(/\S+/g)].map((m) => ({ start: m.index + span.start, end: m.index + span.start + m[0].length }));
      const dateWord = Math.max(0, words.findIndex((w) => w.end > at));
      // Start a few words before the date (more when it ends the part), at a noun phrase's start when one is near.
      const nearest = Math.max(0, dateWord - 5);
      let first = Math.max(0, Math.min(nearest, words.length - LABEL_WORDS));
      for (let k = first; first < nearest && k <= Math.min(first + 6, dateWord - 1); k++) {
        if (/^(?:the|a|an|its|their|his|her|this|that)$/i.test(sentence.slice(words[k]!.start, words[k]!.end))) { first = k; break; }
      }
      const last = Math.min(words.length, first + LABEL_WORDS) - 1;
      cutStart = first > 0;
      span = { start: words[first]!.start, end: words[last]!.end };
    }
    // Cut where no comma or conjunction ends a part: the reader is told words are left out.
    cutEnd = span.end < clause.end && !soft.some((e) => e.start === span.end);
  }
  // A part that still opens with "who" or "which" lacks its noun: the reader is told words are left out.
  if (RELATIVE_START.test(sentence.slice(span.start, span.end)) && span.start > 0) cutStart = true;
  const label = tidy(sentence.slice(span.start, span.end), at - span.start, !cutStart);
  return `${cutStart ? "\u2026" : ""}${label}${cutEnd ? "\u2026" : ""}`;
}

function contentWords(text: string): Set<string> {
  return new Set(text.toLowerCase().split(NOT_WORD_CHARACTERS).filter((w) => w.length > 1 && !FUNCTION_WORDS.has(w)));
}

/** Two texts say the same thing when at least half the content words of the shorter are in the longer. */
function sameEvent(a: Set<string>, b: Set<string>): boolean {
  const smaller = a.size <= b.size ? a : b;
  const larger = smaller === a ? b : a;
  if (smaller.size === 0) return true;
  let shared = 0;
  for (const w of smaller) if (larger.has(w)) shared++;
  return shared / smaller.size >= 0.5;
}

/**
 * Orders by start, then end, then where the date stands in the text. A date
 * whose interval is already on the timeline from the same sentence, or from a
 * sentence saying the same thing, adds nothing.
 */
export function buildTimeline(dates: ResolvedDate[], sentences: SentenceRef[]): TimelineEntry[] {
  const position = new Map(sentences.map((s, i) => [s.id, i]));
  const textOf = new Map(sentences.map((s) => [s.id, s.text]));
  const ordered = dates
    .map((d, i) => ({ d, i }))
    .sort((a, b) =>
      a.d.start.localeCompare(b.d.start) ||
      a.d.end.localeCompare(b.d.end) ||
      (position.get(a.d.sentenceId) ?? Infinity) - (position.get(b.d.sentenceId) ?? Infinity) ||
      a.i - b.i);
  const entries: { entry: TimelineEntry; words: Set<string> }[] = [];
  const sentenceWords = new Map<string, Set<string>>();
  const wordsOfSentence = (id: string) => {
    let words = sentenceWords.get(id);
    if (!words) sentenceWords.set(id, (words = contentWords(textOf.get(id) ?? "")));
    return words;
  };
  for (const { d } of ordered) {
    const label = labelOf(d, textOf.get(d.sentenceId) ?? d.text);
    const words = contentWords(label);
    const duplicate = entries.some((e) =>
      e.entry.start === d.start && e.entry.end === d.end &&
      (e.entry.sentenceId === d.sentenceId || sameEvent(e.words, words) || sameEvent(wordsOfSentence(e.entry.sentenceId), wordsOfSentence(d.sentenceId)) ||
        sameEvent(e.words, wordsOfSentence(d.sentenceId)) || sameEvent(words, wordsOfSentence(e.entry.sentenceId))));
    if (duplicate) continue;
    entries.push({ entry: { start: d.start, end: d.end, precision: d.precision, dateText: d.text, label, sentenceId: d.sentenceId }, words });
  }
  return entries.map((e) => e.entry);
}

/** The date's clause as the label; the date's own words when the sentence does not hold them (never empty). */
function labelOf(d: ResolvedDate, sentence: string): string {
  const at = sentence.indexOf(d.text);
  if (at < 0) return d.text;
  return clauseLabel(sentence, at, d.text.length) || d.text;
}
