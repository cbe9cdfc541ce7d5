// Words for the summarizer: counting (the scorer's definition, so lengths
// agree with ROUGE's), and content terms for similarity (lower-cased, stop
// words out, a light suffix strip so "talks" meets "talk").
//
// Both are hand-written scanners rather than Unicode regular expressions: the
// summarizer looks at every sentence of every article several times, and
// `\p{L}` matching dominated its profile.

/** Per UTF-16 code unit: 0 not yet known, 1 letter or digit, 2 neither. */
const ALNUM = new Uint8Array(65536);
const ALNUM_RE = /[\p{L}\p{N}]/u;
for (let c = 0; c < 128; c++) ALNUM[c] = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) ? 1 : 2;

function isAlnum(code: number): boolean {
  let known = ALNUM[code]!;
  if (known === 0) {
    // Surrogate halves count as letters: astral letters are rare, and a lone half is never a space.
    known = (code >= 0xd800 && code <= 0xdfff) || ALNUM_RE.test(String.fromCharCode(code)) ? 1 : 2;
    ALNUM[code] = known;
  }
  return known === 1;
}

/** What `\s` matches. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/** Whitespace tokens holding a letter or digit: the length the site and the scorer count. */
export function countWords(text: string): number {
  let count = 0;
  let inToken = false;
  let counted = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      inToken = false;
      continue;
    }
    if (!inToken) [inToken, counted] = [true, false];
    if (!counted && isAlnum(code)) {
      count++;
      counted = true;
    }
  }
  return count;
}

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

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/**
 * Content terms of a text, in order, with repeats. A word is a run of letters
 * and digits, with one apostrophe inside when a letter follows ("north's", "can't").
 */
export function contentTerms(text: string): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  let i = 0;
  const n = lower.length;
  while (i < n) {
    if (!isAlnum(lower.charCodeAt(i))) {
      i++;
      continue;
    }
    const start = i;
    while (i < n && isAlnum(lower.charCodeAt(i))) i++;
    const code = i < n ? lower.charCodeAt(i) : 0;
    if ((code === APOSTROPHE || code === RIGHT_QUOTE) && i + 1 < n && isAlnum(lower.charCodeAt(i + 1))) {
      i++;
      while (i < n && isAlnum(lower.charCodeAt(i))) i++;
    }
    const term = termOf(lower.slice(start, i));
    if (term !== "") out.push(term);
  }
  return out;
}
