// Pronouns that lean on another sentence. A sentence lifted into the gist or a
// key point must not say "it", "them" or "he" when nothing before the pronoun,
// in the sentence itself, is something it could stand for: the reader would
// have to find the referent in a sentence they are not shown. The test is
// deliberately simple and errs towards leaning: a pronoun is anchored when an
// earlier word of the same sentence is a name or a noun after an article
// ("the council ... it"), and for "it"/"its" that word must not be a person's name.

/** Third-person pronouns, with whether they stand for a person. */
const PRONOUNS = new Map<string, "person" | "thing" | "either">([
  ["he", "person"], ["him", "person"], ["his", "person"], ["she", "person"], ["her", "person"], ["hers", "person"],
  ["it", "thing"], ["its", "thing"],
  ["they", "either"], ["them", "either"], ["their", "either"], ["theirs", "either"],
]);

/** "It is said", "it was clear that", "it took three years": "it" that stands for nothing. */
const EXPLETIVE_NEXT = new Set("is was 's ’s seems seemed appears appeared remains remained took takes would will could may might has had".split(" "));
/** After these, "it" is the expletive only when "be"/"been" follows ("it would be hard"). */
const EXPLETIVE_NEEDS_BE = new Set("would will could may might has had".split(" "));

/** Capitalized words that open sentences without naming anything. */
const FUNCTION_WORDS = new Set(
  ("the a an in on at as after before when while since during but and however yet so if though although because with for from by to of " +
    "last this that these those there here some many most all both each every one two three no not now then also still even only just " +
    "i we you my our your me us " +
    // Days and months name no one a pronoun could stand for.
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december").split(" "),
);
const DETERMINERS = new Set(["the", "a", "an"]);

export interface Leaning {
  /** The pronoun as written ("it", "He"). */
  pronoun: string;
  /** Its offset in the text. */
  at: number;
  kind: "person" | "thing" | "either";
  /** Inside quotation marks: a repair may not touch it. */
  inQuote: boolean;
}

/** Offsets [start, end) of the quotations in a text; an unclosed quotation runs to the end. */
export function quotationSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  const re = /“[^”]*(?:”|$)|"[^"]*(?:"|$)|‘.*?(?:’(?!\p{L})|$)/gu;
  for (const m of text.matchAll(re)) if (m[0].length > 1) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * The first pronoun of `text` with nothing before it in the sentence it could
 * stand for, or null. `personWords` are the words of the article's people's
 * names: a name anchors "he", not "it".
 */
export function leaningPronoun(text: string, personWords: ReadonlySet<string>): Leaning | null {
  const quotes = quotationSpans(text);
  const inQuote = (at: number) => quotes.some(([s, e]) => at > s && at < e);
  const words = [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)];
  let nounish = false;
  let thingish = false;
  for (let k = 0; k < words.length; k++) {
    const word = words[k]![0];
    const lower = word.toLowerCase();
    const kind = PRONOUNS.get(lower);
    if (kind) {
      if (lower === "it" && isExpletive(words[k + 1]?.[0], words[k + 2]?.[0])) continue;
      const anchored = kind === "thing" ? thingish : nounish;
      if (!anchored) return { pronoun: word, at: words[k]!.index, kind, inQuote: inQuote(words[k]!.index) };
      continue;
    }
    const previous = words[k - 1]?.[0].toLowerCase();
    if (isNameLike(word) || (previous !== undefined && DETERMINERS.has(previous))) {
      nounish = true;
      if (!personWords.has(word)) thingish = true;
    }
  }
  return null;
}

function isExpletive(next: string | undefined, after: string | undefined): boolean {
  if (next === undefined) return false;
  const n = next.toLowerCase();
  if (!EXPLETIVE_NEXT.has(n)) return false;
  return !EXPLETIVE_NEEDS_BE.has(n) || after === "be" || after === "been";
}

/** Words of the people's names ("Kim", "Jong", "Un"). */
export function nameWords(names: readonly string[]): Set<string> {
  return new Set(names.flatMap((n) => n.split(/\s+/)));
}

/** Whether a sentence has a capitalized word past its first that could be a name. */
export function mayName(text: string): boolean {
  return [...text.matchAll(/(?<=\s)[‘“"(]?(\p{Lu}[\p{L}'’-]*)/gu)].some((m) => isNameLike(m[1]!));
}

/** A capitalized word that is not a function word opening a sentence ("US" is a name, "Us" is not). */
function isNameLike(word: string): boolean {
  if (!/^\p{Lu}/u.test(word)) return false;
  return !FUNCTION_WORDS.has(word.toLowerCase()) || (word.length > 1 && word === word.toUpperCase());
}

/**
 * Whether the words before a pronoun are only an opening adverbial ("After
 * the vote, he said", "On Wednesday she said"), so the pronoun is the subject
 * of the main clause and naming it cannot change what the sentence says about
 * whom ("One testified that he ..." is left alone).
 */
export function opensMainClause(prefix: string): boolean {
  if (/^[^,;:“”"‘’]{1,60},\s*$/u.test(prefix)) return true;
  return /^(?:On|In|At|By|Last|This|Later|Earlier|Then|Now|Today|Yesterday)(?:\s+[\p{L}\d]+){0,2}\s+$/u.test(prefix);
}

/** Capitalized words that make titles and institutions, not names ("General Secretary", "Crown Court"). */
const TITLE_WORDS = new Set(
  ("general secretary president vice prime minister chairman chairwoman chief executive director professor doctor dr mr mrs ms miss sir " +
    "lord lady judge justice senator governor mayor coach manager captain officer police court crown high supreme state states united " +
    "national international royal department ministry office party congress assembly council committee university school hospital club " +
    "league cup premier world news agency company group bank street road north south east west new").split(" "),
);

/**
 * Whether the text has a run of two or more name-like words none of which is
 * a known name ("Australian Marc Leishman" when normalize found only "Adam
 * Scott"), other than a title or an institution: a person the pronoun may
 * stand for whom the article's people do not list.
 */
export function hasUnknownName(text: string, knownWords: ReadonlySet<string>): boolean {
  const words = [...text.matchAll(/[\p{L}\p{N}]+(?:['’.-][\p{L}]+)*/gu)].map((m) => m[0].replace(/['’]s$/u, ""));
  for (let start = 0; start < words.length; start++) {
    if (!isNameLike(words[start]!) || (start > 0 && isNameLike(words[start - 1]!))) continue;
    let end = start;
    while (end < words.length && isNameLike(words[end]!)) end++;
    const run = words.slice(start, end);
    // A run after "the" ("the old Stone Bridge") names a thing, not a person.
    const afterThe = words[start - 1]?.toLowerCase() === "the" || (words[start - 2]?.toLowerCase() === "the" && /^\p{Ll}/u.test(words[start - 1] ?? ""));
    if (run.length >= 2 && !afterThe && !run.some((w) => knownWords.has(w)) && !run.every((w) => TITLE_WORDS.has(w.toLowerCase()))) return true;
  }
  return false;
}
