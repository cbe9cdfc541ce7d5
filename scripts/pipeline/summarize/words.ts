// Words for the summarizer: counting (the scorer's definition, so lengths
// agree with ROUGE's), and content terms for similarity (lower-cased, stop
// words out, a light suffix strip so "talks" meets "talk").

/** Whitespace tokens holding a letter or digit: the length the site and the scorer count. */
export function countWords(text: string): number {
  // One pass: a token start, any non-word marks, then a letter or digit.
  return text.match(WORD_TOKEN)?.length ?? 0;
}
const WORD_TOKEN = /(?:^|\s)[^\s\p{L}\p{N}]*[\p{L}\p{N}]/gu;

const STOP_WORDS = new Set(
  ("a about above after again against all also am an and any are as at be because been before being below between both but by can " +
    "could did do does doing down during each few for from further had has have having he her here hers herself him himself his how " +
    "i if in into is it its itself just me more most my myself no nor not now of off on once only or other our ours ourselves out over " +
    "own said same say says she should so some such than that the their theirs them themselves then there these they this those through " +
    "to too under until up very was we were what when where which while who whom why will with would you your yours yourself " +
    "told its it's s t mr mrs ms one two new year years last first").split(" "),
);

/** A crude stem: enough to match plural and tense variants inside one article. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  for (const [suffix, keep] of [["ies", "y"], ["ing", ""], ["ed", ""], ["es", ""], ["s", ""]] as const) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) {
      if (suffix === "s" && /(?:ss|us|is)$/.test(word)) return word;
      return word.slice(0, -suffix.length) + keep;
    }
  }
  return word;
}

/** Term of each word form seen, "" for none: the same words recur across articles. */
const TERM_CACHE = new Map<string, string>();
const TERM_CACHE_LIMIT = 200_000;

function termOf(raw: string): string {
  let term = TERM_CACHE.get(raw);
  if (term === undefined) {
    const word = raw.replace(/['’]s$/, "");
    term = word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word) ? "" : stem(word);
    if (TERM_CACHE.size >= TERM_CACHE_LIMIT) TERM_CACHE.clear();
    TERM_CACHE.set(raw, term);
  }
  return term;
}

/** Content terms of a text, in order, with repeats. */
export function contentTerms(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.toLowerCase().match(/[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu) ?? []) {
    const term = termOf(raw);
    if (term !== "") out.push(term);
  }
  return out;
}
