// Sentence splitting, rule-based and linear: a candidate end is . ! ? or …
// (with closing quotes or brackets) followed by a space and a capital or digit.
// The word before the full stop decides whether it is an abbreviation. Sentences
// are contiguous slices of the (whitespace-folded) paragraph, so joining them
// with single spaces gives the paragraph back.

/** Titles and words that are always followed by a name: never a sentence end. */
const ALWAYS_ABBREVIATION = new Set([
  "mr", "mrs", "ms", "mx", "dr", "prof", "st", "mt", "ft", "gen", "lt", "col", "capt", "cpt", "sgt", "cpl", "pvt",
  "maj", "adm", "cmdr", "brig", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "fr", "messrs",
  "vs", "v", "cf", "approx", "dept", "est", "fig", "figs", "e.g", "i.e", "al",
]);

/** Abbreviations that end a sentence unless a number follows (Feb. 23, No. 1, p. 5). */
const BEFORE_NUMBER = new Set([
  "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
  "no", "nos", "nr", "vol", "art", "p", "pp", "ch", "sec", "op", "ed",
]);

/** Words that may end a sentence (Apple Inc. The ...) and usually do before these starters. */
const MAY_END = new Set(["inc", "corp", "co", "ltd", "plc", "llc", "jr", "sr", "bros", "etc", "a.m", "p.m"]);

/** Capitalized words that open sentences; after "U.S." or "Inc." they mean a new sentence. */
const SENTENCE_STARTERS = new Set([
  "the", "a", "an", "he", "she", "it", "they", "we", "i", "you", "this", "that", "these", "those", "there", "here",
  "his", "her", "its", "their", "our", "my", "but", "and", "or", "so", "yet", "however", "meanwhile", "still",
  "also", "in", "on", "at", "for", "with", "after", "before", "when", "while", "if", "as", "since", "because",
  "although", "though", "some", "many", "most", "several", "both", "all", "no", "not", "what", "who", "why", "how",
  "where", "which", "one", "two", "three", "officials", "analysts", "experts", "according", "during", "despite",
  "under", "until", "last", "next", "earlier", "later", "instead", "additionally", "consequently", "moreover",
  "recently", "now", "then", "even", "unlike", "such", "each", "every", "other", "another", "further", "furthermore",
]);

/** Capitalized words that follow a country abbreviation inside a name (U.S. President, U.S. Army). */
const NAME_CONTINUERS = new Set([
  "president", "secretary", "ambassador", "army", "navy", "air", "forces", "force", "marine", "marines", "senate",
  "house", "congress", "supreme", "court", "treasury", "department", "state", "embassy", "government", "military",
  "officials", "federal", "central", "special", "envoy", "representative", "attorney", "justice", "dollar", "open",
  "election", "elections", "administration", "capitol", "coast", "guard", "defense", "defence", "forces'",
]);

const CANDIDATE = /[.!?\u2026]+["'\u201D\u2019)\]*_]*(?= +["'\u201C\u2018(\[*_]?[\p{Lu}\p{N}])/gu;

export interface Span {
  start: number;
  end: number;
}

// Patterns with Unicode property escapes are module constants: the TypeScript transform turns
// such a literal into `new RegExp(...)` where it stands, so one inside a function was built anew on every call.
/** A letter or a dot. */
const LETTER_OR_DOT = /[\p{L}.]/u;
/** The next two words after spaces, without opening quotes. */
const NEXT_TWO_WORDS = /^ +["'\u201C\u2018(\[]?([\p{L}\p{N}][\p{L}\p{N}'\u2019-]*)(?:[\u2019']s)?,? *([\p{L}]*)/u;
/** Starts with a number. */
const STARTS_WITH_DIGIT = /^\p{N}/u;
/** A single capital letter (an initial). */
const ONE_CAPITAL = /^\p{Lu}$/u;
/** A verb after a name: what makes an abbreviation end a sentence. */
const VERB_AFTER_NAME = /^(?:\p{Ll}+(?:ed|s)|said|told|says|has|had|is|was|will|would|can|could|may|might|must|should)$/u;

/** The word (letters and inner dots) just before the full stop at `dot`. */
function wordBefore(text: string, dot: number): string {
  let i = dot;
  while (i > 0 && LETTER_OR_DOT.test(text[i - 1]!)) i--;
  return text.slice(i, dot);
}

/** The next two words after the whitespace at `from`, without opening quotes. */
function wordsAfter(text: string, from: number): [string, string] {
  const m = NEXT_TWO_WORDS.exec(text.slice(from, from + 80));
  return [m?.[1] ?? "", m?.[2] ?? ""];
}

function isBoundary(text: string, markStart: number, markEnd: number): boolean {
  const mark = text.slice(markStart, markEnd);
  // Only a single full stop can belong to an abbreviation; "?", "!" and "..." end sentences.
  if (!/^\.["'\u201D\u2019)\]]*$/.test(mark)) return true;
  const before = wordBefore(text, markStart);
  if (before === "") return true;
  const lower = before.toLowerCase();
  const [next, afterNext] = wordsAfter(text, markEnd);
  const nextLower = next.toLowerCase();
  const nextIsNumber = STARTS_WITH_DIGIT.test(next);
  if (ALWAYS_ABBREVIATION.has(lower)) return false;
  if (BEFORE_NUMBER.has(lower)) return !nextIsNumber;
  // Initials: "J. K. Rowling", "George W. Bush".
  if (ONE_CAPITAL.test(before)) return false;
  // Dotted abbreviations: U.S., U.K., a.m. End a sentence only when a sentence starter follows,
  // or a name followed by a reporting verb ("... against the U.S. Kim criticized ...").
  if (before.includes(".") || MAY_END.has(lower)) {
    if (nextIsNumber) return false;
    if (SENTENCE_STARTERS.has(nextLower)) return true;
    if (NAME_CONTINUERS.has(nextLower)) return false;
    return VERB_AFTER_NAME.test(afterNext);
  }
  return true;
}

/** Start and end offsets of each sentence in a whitespace-folded paragraph. */
export function sentenceSpans(paragraph: string): Span[] {
  const spans: Span[] = [];
  let start = 0;
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(paragraph); m; m = CANDIDATE.exec(paragraph)) {
    const markEnd = m.index + m[0].length;
    if (!isBoundary(paragraph, m.index, markEnd)) continue;
    if (markEnd > start) spans.push({ start, end: markEnd });
    start = markEnd;
    while (paragraph[start] === " ") start++;
  }
  const end = paragraph.trimEnd().length;
  if (end > start) spans.push({ start, end });
  return spans;
}

/** A paragraph's sentences, as slices of it. */
export function splitSentences(paragraph: string): string[] {
  return sentenceSpans(paragraph).map((s) => paragraph.slice(s.start, s.end));
}
