// Word tokens with offsets, and the capitalized sequences that may be names.
// Possessives are split off ("Kim's" -> "Kim"), a sentence's full stop is not
// part of the last word, and "U.S.-South Korea" is two names.
import { DEMONYMS, PLACES } from "./gazetteer.ts";

export interface Token {
  /** The word without a possessive 's. */
  text: string;
  start: number;
  /** End of `text` (before any possessive). */
  end: number;
  /** End including the possessive 's or s'. */
  outerEnd: number;
  possessive: boolean;
  capitalized: boolean;
}

// Only capitalized words are wanted: a name never starts in lower case.
const WORD = /(?<![\p{L}\p{N}\p{M}'\u2019.&])\p{Lu}(?:[\p{L}\p{N}\p{M}]|[-'\u2019.&](?=[\p{L}\p{N}]))*(?:\.(?=[\s,;:)\]"'\u201D\u2019-]|$)|['\u2019](?=\s))?/gu;

// Patterns with Unicode property escapes are module constants: the TypeScript transform turns
// such a literal into `new RegExp(...)` where it stands, so one inside a function was built anew on every call.
/** 'U.S.', 'a.m.'. */
const DOTTED_ABBREVIATION = /\.\p{L}+\.$/u;
/** 'J.'. */
const INITIAL = /^\p{Lu}\.$/u;
/** Starts with a capital. */
const STARTS_UPPER = /^\p{Lu}/u;

function keepsFinalDot(word: string): boolean {
  // U.S., J., Mr., Feb.: dotted abbreviations and initials keep their dot; a sentence's full stop does not.
  return DOTTED_ABBREVIATION.test(word) || INITIAL.test(word) || /^(?:Mr|Mrs|Ms|Dr|Prof|St|Gen|Lt|Col|Capt|Sgt|Gov|Sen|Rep|Rev|Jr|Sr|Adm|Maj|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|No|Inc|Corp|Co|Ltd)\.$/.test(word);
}

function splitHyphenatedNames(text: string, start: number, out: { text: string; start: number }[]): void {
  if (!text.includes("-")) { out.push({ text, start }); return; }
  // "U.S.-South" and "Korean-U.S." are two words; "Won-gon" and "Nuclear-Armed" are one.
  const parts = text.split("-");
  if (parts.length > 1 && parts.every((p) => STARTS_UPPER.test(p)) &&
      parts.some((p) => p.endsWith(".") || PLACES.has(p) || DEMONYMS.has(p))) {
    let at = start;
    for (const p of parts) { out.push({ text: p, start: at }); at += p.length + 1; }
  } else out.push({ text, start });
}

/** Starts with a capital letter (ASCII fast path). */
export function isUpper(text: string): boolean {
  const c = text.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return STARTS_UPPER.test(text);
}

/** The capitalized words of a sentence (lower-case words are not returned). */
export function tokenize(sentence: string): Token[] {
  const raw: { text: string; start: number }[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(sentence); m; m = WORD.exec(sentence)) {
    let word = m[0];
    if (word.charCodeAt(word.length - 1) === 46 && !keepsFinalDot(word)) word = word.slice(0, -1);
    splitHyphenatedNames(word, m.index, raw);
  }
  return raw.map(({ text, start }) => {
    const capitalized = isUpper(text);
    let base = text;
    let possessive = false;
    const n = text.length;
    if (capitalized && n > 2 && text[n - 1] === "s" && (text[n - 2] === "\u2019" || text[n - 2] === "'")) {
      base = text.slice(0, -2);
      possessive = true;
    }
    // "Williams'": the plural-style possessive keeps its s and drops the mark.
    else if (capitalized && n > 2 && text[n - 2] === "s" && (text[n - 1] === "\u2019" || text[n - 1] === "'")) {
      base = text.slice(0, -1);
      possessive = true;
    }
    return { text: base, start, end: start + base.length, outerEnd: start + text.length, possessive, capitalized };
  });
}

/** Runs of capitalized words separated by single spaces (no other word or punctuation between). */
export function capitalizedRuns(sentence: string, tokens: Token[]): Token[][] {
  const runs: Token[][] = [];
  let current: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!t.capitalized) { if (current.length) runs.push(current); current = []; continue; }
    const prev = current[current.length - 1];
    const gap = prev ? sentence.slice(prev.outerEnd, t.start) : "";
    // Spaces only (one, or more where a nickname was blanked out) keep a run going.
    if (prev && (!/^ +$/.test(gap) || prev.possessive)) { runs.push(current); current = []; }
    current.push(t);
  }
  if (current.length) runs.push(current);
  return runs;
}
