// Quotations in a paragraph: the stretches of text between quotation marks,
// found on the whole paragraph because a quotation runs over sentences.
// Straight and curly, double and single marks; the other kind nests inside
// ('He told her, "Come back."'). An apostrophe (don't, O'Toole, the '90s) is
// told from a single mark by what stands on either side of it. British
// continuation style opens each new paragraph of a quotation without closing
// the last one; news archives that run paragraphs together show it as an
// opening mark where a closing one was due, and that ends the stretch before.

export type QuoteMark = "double" | "single";

export interface Quotation {
  /** Offsets of the quoted words (marks excluded) in the paragraph. */
  start: number;
  end: number;
  text: string;
  mark: QuoteMark;
  /** Offsets of the opening mark and just past the closing mark (or of the words' end when unclosed). */
  markStart: number;
  markEnd: number;
  /** Inside another quotation (a quotation the speaker quotes). */
  nested: boolean;
}

interface Mark {
  index: number;
  type: QuoteMark;
  canOpen: boolean;
  canClose: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** What may stand right before an opening mark: nothing, space, a bracket, a dash, the other mark. */
const BEFORE_OPEN = /[\s([{\u2014\u2013\-/"'\u201C\u2018:;,]/u;
/** What may stand right after a closing mark: nothing, space, punctuation, the other mark. */
const AFTER_CLOSE = /[\s.,;:!?)\]}\u2014\u2013\-"'\u201D\u2019\u2026]/u;
/** How far an inner same-mark quotation may run before it is taken for a new stretch instead. */
const MAX_NESTED_WORDS = 12;

function classify(text: string, i: number): Mark | null {
  const c = text[i]!;
  const before = i > 0 ? text[i - 1]! : " ";
  const after = i + 1 < text.length ? text[i + 1]! : " ";
  const openSide = BEFORE_OPEN.test(before) && !/\s/u.test(after);
  const closeSide = AFTER_CLOSE.test(after) && !/\s/u.test(before);
  switch (c) {
    case "\u201C": return { index: i, type: "double", canOpen: true, canClose: false };
    case "\u201D": return { index: i, type: "double", canOpen: false, canClose: true };
    case "\u2018": return { index: i, type: "single", canOpen: true, canClose: false };
    case '"': return openSide || closeSide ? { index: i, type: "double", canOpen: openSide, canClose: closeSide } : null;
    case "'":
    case "\u2019": {
      // Letters on both sides: an apostrophe (don't, O'Toole).
      if (LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(after)) return null;
      // '90s, 'em: an elided opening, not a quotation.
      if (openSide && /^'(?:\d\ds|em|til|cause)\b/iu.test(text.slice(i, i + 6).replace("\u2019", "'"))) return null;
      const canOpen = openSide && c === "'";
      return canOpen || closeSide ? { index: i, type: "single", canOpen, canClose: closeSide } : null;
    }
    default: return null;
  }
}

function marksOf(text: string): Mark[] {
  const out: Mark[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 34 && c !== 39 && c !== 0x2018 && c !== 0x2019 && c !== 0x201c && c !== 0x201d) continue;
    const m = classify(text, i);
    if (m) out.push(m);
  }
  return out;
}

// Patterns with Unicode property escapes are module constants: the TypeScript transform turns
// such a literal into `new RegExp(...)` where it stands, so one inside a function was built anew on every call.
/** The letters that end a text. */
const LAST_WORD = /\p{L}+$/u;
/** Starts with a capital. */
const STARTS_UPPER = /^\p{Lu}/u;
/** A space and a capital. */
const SPACE_THEN_CAPITAL = /^\s\p{Lu}/u;

/**
 * "Prostitutes' Rights", "the Smiths' House": a plural possessive inside a
 * name, not the end of a quotation ('wealthy Iranians' in', 'the rallies' Alan').
 */
function isPossessive(text: string, mark: Mark): boolean {
  if (mark.type !== "single" || text[mark.index - 1] !== "s") return false;
  const word = LAST_WORD.exec(text.slice(Math.max(0, mark.index - 40), mark.index))?.[0] ?? "";
  return STARTS_UPPER.test(word) && SPACE_THEN_CAPITAL.test(text.slice(mark.index + 1, mark.index + 3));
}

function trimmed(text: string, start: number, end: number): [number, number] {
  while (start < end && /\s/u.test(text[start]!)) start++;
  while (end > start && /\s/u.test(text[end - 1]!)) end--;
  return [start, end];
}

/** First or second person: the voice of someone speaking, not of the writer describing. */
const SPEAKING = /\b(?:I|I'm|I've|I'd|I'll|me|my|mine|we|we're|we've|we'd|we'll|us|our|ours|you|your|yours)\b/iu;
/** The writer's voice: someone reported in the third person, or a caption's run of capitalized names. */
const NARRATING = /\b(?:says|pictured)\b|\s\p{Lu}[\p{L}'\u2019-]+\s(?:of\s)?\p{Lu}[\p{L}'\u2019-]+/u;

/** A lower-case word, then a capitalized word that opens sentences: where a missing full stop was. */
const RUN_IN = /[a-z](?= (?:As|The|In|It|He|She|They|We|But|And|When|After|This|That|There|His|Her|Their|Its) )/g;
/** RUN_IN for one search, not global: no regular expression compiled per call, no lastIndex to keep. */
const RUN_IN_FIRST = new RegExp(RUN_IN.source);

/** Where the first caption run-in after `from` starts (the capitalized word), or null. */
export function firstRunIn(text: string, from: number): number | null {
  const m = RUN_IN_FIRST.exec(from === 0 ? text : text.slice(from));
  return m ? from + m.index + 2 : null;
}

/**
 * Where a quotation left open (no closing mark before the next opening one,
 * or the paragraph's end) really stops: archives run captions and the next
 * paragraph's narration into it. It stops before a sentence in the writer's
 * voice, not the speaker's.
 */
function openEnd(text: string, from: number, end: number): number {
  const stretch = text.slice(from, end);
  const ends = [...stretch.matchAll(/[.!?\u2026](?=\s+\S)/gu)].map((m) => from + m.index! + 1);
  // A caption run in without its full stop ("... of professional rugby As retirement ..."):
  // a word that opens sentences, capitalized after a lower-case word, starts a new one.
  const runIns = [...stretch.matchAll(RUN_IN)].map((m) => from + m.index! + m[0].length);
  for (const e of ends) {
    const next = text.slice(e, end).replace(/^\s+/u, "");
    const boundary = runIns.find((r) => r > e);
    const sentence = /^[^.!?\u2026]*[.!?\u2026]?/u.exec(boundary === undefined ? next : text.slice(e, boundary).trim())![0];
    if (!SPEAKING.test(sentence.replace(/\u2019/gu, "'")) && NARRATING.test(sentence)) return e;
  }
  return end;
}

function quotation(text: string, open: Mark, end: number, markEnd: number, nested: boolean): Quotation | null {
  const [s, e] = trimmed(text, open.index + 1, end);
  if (e <= s) return null;
  return { start: s, end: e, text: text.slice(s, e), mark: open.type, markStart: open.index, markEnd, nested };
}

/**
 * An opening mark of the kind already open: a quotation inside the quotation
 * ("he said 'really?' and went") when it stands mid-sentence, closes within a
 * few words, not on a comma, and the sentence goes on in lower case or ends
 * after it.
 * Otherwise it opens the next stretch (continuation style).
 */
function opensNested(text: string, open: Mark, rest: Mark[]): boolean {
  if (/[.!?\u2026]\s*$/u.test(text.slice(Math.max(0, open.index - 3), open.index))) return false;
  const close = rest.find((n) => n.type === open.type && n.canClose);
  if (!close || wordCount(text.slice(open.index, close.index)) > MAX_NESTED_WORDS) return false;
  if (text[close.index - 1] === ",") return false;
  return /^(?:\s+\p{Ll}|[.,;:!?])/u.test(text.slice(close.index + 1, close.index + 3));
}

/** Words with a letter or digit in them (text is whitespace-folded: one space between words). */
export function wordCount(text: string): number {
  let n = 0;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) { counted = false; continue; }
    // ASCII letters and digits, and any letter beyond ASCII (general punctuation U+2000-U+206F is not one).
    const alnum = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xC0 && (c < 0x2000 || c > 0x206F));
    if (alnum && !counted) { n++; counted = true; }
  }
  return n;
}

/** The quotations in a paragraph, outer ones and those nested one level inside, in text order. */
export function findQuotations(text: string): Quotation[] {
  const marks = marksOf(text);
  const out: Quotation[] = [];
  let outer: Mark | null = null;
  let inner: Mark | null = null;
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k]!;
    if (!outer) {
      if (m.canOpen) outer = m;
      continue;
    }
    if (inner) {
      if (m.type === inner.type && m.canClose) {
        const q = quotation(text, inner, m.index, m.index + 1, true);
        if (q) out.push(q);
        // "he said 'I'll do that'." One mark closes both when the sentence ends after it.
        if (inner.type === outer.type && /^[.!?]/u.test(text.slice(m.index + 1, m.index + 2))) {
          const o = quotation(text, outer, m.index, m.index + 1, false);
          if (o) out.push(o);
          outer = null;
        }
        inner = null;
        continue;
      }
      if (m.type === outer.type && m.canClose && inner.type !== outer.type) {
        // The outer quotation closes with the inner one left open: the inner mark was no mark.
        inner = null;
      } else continue;
    }
    if (m.type !== outer.type) {
      if (m.canOpen) inner = m;
      continue;
    }
    if (m.canClose) {
      if (isPossessive(text, m)) continue;
      const q = quotation(text, outer, m.index, m.index + 1, false);
      if (q) out.push(q);
      outer = null;
      continue;
    }
    // An opening mark of the same kind while one is open.
    if (opensNested(text, m, marks.slice(k + 1))) {
      inner = m;
      continue;
    }
    // Continuation style: the open stretch ends at the last sentence end before this mark.
    const between = text.slice(outer.index + 1, m.index);
    const lastEnd = Math.max(...[...between.matchAll(/[.!?\u2026](?=\s)/gu)].map((x) => x.index! + 1), -1);
    const end = openEnd(text, outer.index + 1, lastEnd >= 0 ? outer.index + 1 + lastEnd : m.index);
    const q = quotation(text, outer, end, end, false);
    if (q) out.push(q);
    outer = m;
  }
  if (outer) {
    const end = openEnd(text, outer.index + 1, text.length);
    const q = quotation(text, outer, end, end, false);
    if (q) out.push(q);
  }
  return out.flatMap((q) => (q.nested ? [q] : withoutCaptions(text, q))).sort((a, b) => a.start - b.start);
}

/**
 * A caption run into a quotation, full stop missing at its end ("... the
 * trophy. Glasgow hooker Dougie Hall is hanging up his boots As retirement
 * draws closer you ..."): a sentence in the writer's voice that ends where a
 * run-in sentence starts. The quotation is the words on either side of it.
 */
function withoutCaptions(text: string, q: Quotation): Quotation[] {
  const stretch = text.slice(q.start, q.end);
  for (const m of stretch.matchAll(RUN_IN)) {
    const runIn = q.start + m.index! + m[0].length + 1;
    const before = text.slice(q.start, runIn);
    const lastEnd = Math.max(...[...before.matchAll(/[.!?\u2026]\s+/gu)].map((e) => e.index! + e[0].length), -1);
    if (lastEnd < 0) continue;
    const caption = before.slice(lastEnd);
    if (SPEAKING.test(caption.replace(/\u2019/gu, "'")) || !NARRATING.test(caption)) continue;
    const head = { ...q, end: q.start + lastEnd, text: "", markEnd: q.start + lastEnd };
    const tail = { ...q, start: runIn, text: "", markStart: runIn };
    return [head, ...withoutCaptions(text, tail)].map((x) => {
      const [s, e] = trimmed(text, x.start, x.end);
      return { ...x, start: s, end: e, text: text.slice(s, e) };
    }).filter((x) => x.text !== "");
  }
  return [q];
}
