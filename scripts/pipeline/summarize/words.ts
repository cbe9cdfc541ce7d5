// Words for the summarizer: counting (the scorer's definition, so lengths
// agree with ROUGE's), and content terms for similarity (lower-cased, stop
// words out, a light suffix strip so "talks" meets "talk").
//
// Both are hand-written scanners rather than Unicode regular expressions: the
// summarizer looks at every sentence of every article several times, and
// `\p{L}` matching dominated its profile.

/**
 * Per UTF-16 code unit: 1 letter or digit, 2 neither. Built once when the
 * module loads (~10 ms); surrogate halves count as letters: astral letters
 * are rare, and a lone half is never a space.
 */
const ALNUM_RE = /[\p{L}\p{N}]/u;
const ALNUM = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) ALNUM[c] = (c >= 0xd800 && c <= 0xdfff) || ALNUM_RE.test(String.fromCharCode(c)) ? 1 : 2;

function isAlnum(code: number): boolean {
  return ALNUM[code] === 1;
}

/** What `\s` matches. */
function isSpace(code: number): boolean {
  if (code < 128) return code === 32 || (code >= 9 && code <= 13);
  return code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff;
}

/**
 * Words: whitespace tokens holding a letter or digit. The one count the site
 * (reading time, title and summary lengths) and the summarizer use; an emoji
 * or a dash alone is not a word, a letter outside the BMP is.
 */
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
    if (counted) continue;
    const word = code >= 0xd800 && code <= 0xdfff ? ALNUM_RE.test(String.fromCodePoint(text.codePointAt(i)!)) : isAlnum(code);
    if (word) {
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

/**
 * Term of each word form seen ("" for none): an open-addressing table keyed by
 * a hash taken while scanning, so a word already seen costs no string
 * allocation. One per article (summarize makes it and passes it to every
 * contentTerms call): its sentences are scanned several times and repeat its
 * words, and nothing is kept from one article to the next.
 */
export interface TermTable {
  // Filled, not holey, arrays ("" marks a free slot: no word is empty): reads stay on V8's fast path.
  keys: string[];
  terms: string[];
  hashes: Int32Array;
  size: number;
}

/** An empty table; it doubles whenever it is half full, so probes stay short. */
export function termTable(slots = 1 << 11): TermTable {
  return { keys: new Array<string>(slots).fill(""), terms: new Array<string>(slots).fill(""), hashes: new Int32Array(slots), size: 0 };
}

function sameWord(key: string, text: string, start: number, end: number): boolean {
  if (key.length !== end - start) return false;
  for (let k = 0; k < key.length; k++) if (key.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

/** Puts a word in a free slot (the table has room). */
function insert(table: TermTable, hash: number, key: string, term: string): void {
  const mask = table.keys.length - 1;
  let slot = hash & mask;
  while (table.keys[slot] !== "") slot = (slot + 1) & mask;
  table.keys[slot] = key;
  table.terms[slot] = term;
  table.hashes[slot] = hash;
  table.size++;
}

/** The table's words in one twice its size. */
function grow(table: TermTable): void {
  const { keys, terms, hashes } = table;
  Object.assign(table, termTable(keys.length * 2));
  for (let slot = 0; slot < keys.length; slot++) if (keys[slot] !== "") insert(table, hashes[slot]!, keys[slot]!, terms[slot]!);
}

/** The term of `text.slice(start, end)` (a lower-cased word), "" for a stop word, number or single letter. */
function termAt(table: TermTable, text: string, start: number, end: number, hash: number): string {
  const mask = table.keys.length - 1;
  for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
    const key = table.keys[slot]!;
    if (key === "") break;
    if (table.hashes[slot] === hash && sameWord(key, text, start, end)) return table.terms[slot]!;
  }
  const raw = text.slice(start, end);
  const word = raw.replace(/['’]s$/, "");
  const term = word.length < 2 || STOP_WORDS.has(word) || /^\d+$/.test(word) ? "" : stem(word);
  if (table.size >= table.keys.length / 2) grow(table);
  insert(table, hash, raw, term);
  return term;
}

const APOSTROPHE = 39;
const RIGHT_QUOTE = 0x2019;

/**
 * Content terms of a text, in order, with repeats. A word is a run of letters
 * and digits, with one apostrophe inside when a letter follows ("north's", "can't").
 * `table`: the article's (see TermTable); a call without one starts afresh.
 */
export function contentTerms(text: string, table: TermTable = termTable()): string[] {
  const lower = text.toLowerCase();
  const out: string[] = [];
  let i = 0;
  const n = lower.length;
  while (i < n) {
    let code = lower.charCodeAt(i);
    if (!isAlnum(code)) {
      i++;
      continue;
    }
    const start = i;
    // FNV-1a over the word's code units.
    let hash = 0x811c9dc5 | 0;
    while (i < n && isAlnum((code = lower.charCodeAt(i)))) {
      hash = Math.imul(hash ^ code, 16777619);
      i++;
    }
    if ((code === APOSTROPHE || code === RIGHT_QUOTE) && i < n && i + 1 < n && isAlnum(lower.charCodeAt(i + 1))) {
      hash = Math.imul(hash ^ code, 16777619);
      i++;
      while (i < n && isAlnum((code = lower.charCodeAt(i)))) {
        hash = Math.imul(hash ^ code, 16777619);
        i++;
      }
    }
    const term = termAt(table, lower, start, i, hash);
    if (term !== "") out.push(term);
  }
  return out;
}
