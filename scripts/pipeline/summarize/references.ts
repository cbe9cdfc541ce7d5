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
    "i we you my our your me us yes no okay oh well " +
    // Days and months name no one a pronoun could stand for.
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august september october november december").split(" "),
);
const DETERMINERS = new Set(["the", "a", "an"]);
const DEMONSTRATIVES = new Set(["this", "that", "these", "those"]);
/** Cheap test for anything leaningPronoun could find; many sentences have none. */
const MAY_LEAN = /\b(?:[Hh]e|[Hh]im|[Hh]is|[Ss]he|[Hh]er|[Hh]ers|[Ii]ts?|[Tt]hey|[Tt]hem|[Tt]heirs?)\b|\b(?:[Tt]his|[Tt]hat|[Tt]hese|[Tt]hose)[.,;:!?]/u;
/** Nouns for people: after an article they can be what "he" or "she" stands for. */
const PERSON_NOUNS = new Set(
  ("man men woman women boy boys girl girls child children father mother son daughter wife husband brother sister friend player players " +
    "coach manager owner driver officer officers policeman spokesman spokeswoman spokesperson official officials minister president leader " +
    "chief judge lawyer doctor nurse teacher student pupil resident victim suspect worker employee fan singer actor actress star author " +
    "writer researcher scientist expert analyst professor chairman director executive boss captain striker midfielder defender goalkeeper " +
    "senator governor mayor king queen prince princess priest soldier pilot passenger customer patient mum dad grandmother grandfather " +
    "couple parents partner girlfriend boyfriend winner champion candidate mp").split(" "),
);

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
 * names: a name anchors "he", not "it". `strict` (for a key point, which
 * stands alone) asks "he"/"she" for a person before it: a person's name, a
 * name not among `thingWords` (places, organizations), or a noun for a person
 * after an article ("the minister"); otherwise any name or noun will do (a
 * gist sentence is read after its predecessor).
 */
export function leaningPronoun(text: string, personWords: ReadonlySet<string>, { thingWords = new Set<string>(), strict = false }: { thingWords?: ReadonlySet<string>; strict?: boolean } = {}): Leaning | null {
  if (!MAY_LEAN.test(text)) return null;
  const quotes = quotationSpans(text);
  const inQuote = (at: number) => quotes.some(([s, e]) => at > s && at < e);
  const words = [...text.matchAll(/[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)];
  // Anchors seen so far, [outside quotations, inside]: the speaker's words
  // inside a quotation do not say whom the narration's "she said" means.
  const personish = [false, false];
  const nounish = [false, false];
  const thingish = [false, false];
  for (let k = 0; k < words.length; k++) {
    const word = words[k]![0];
    const lower = word.toLowerCase();
    const quoted = inQuote(words[k]!.index);
    // "to expect that." — a demonstrative standing alone is a pronoun too.
    const kind = PRONOUNS.get(lower) ?? (DEMONSTRATIVES.has(lower) && /^[.,;:!?]/u.test(text.slice(words[k]!.index + word.length)) ? "thing" : undefined);
    if (kind) {
      // Strict: "it will be ..." may well mean something; only "it is/seems" passes as empty.
      if (lower === "it" && isExpletive(words[k + 1]?.[0], strict ? undefined : words[k + 2]?.[0])) continue;
      // Inside a quotation anything before counts; outside, only the narration.
      const seen = (flags: boolean[]) => (quoted ? flags[0] || flags[1] : flags[0]);
      // Strict: "he" needs a person before it, and "they" something other than one person's name.
      const anchored = kind === "thing" || (strict && kind === "either") ? seen(thingish) : kind === "person" && strict ? seen(personish) : seen(nounish);
      if (!anchored) return { pronoun: word, at: words[k]!.index, kind, inQuote: quoted };
      continue;
    }
    // Strict: a new clause (", and it will be") starts its anchors afresh, so
    // a point's "it" does not lean on a noun of another clause.
    if (strict && (lower === "and" || lower === "but") && /[,;]\s*$/u.test(text.slice(0, words[k]!.index))) {
      personish[0] = nounish[0] = thingish[0] = false;
      continue;
    }
    // Once the narration has anchored every kind, no later pronoun can lean.
    // (Strict clauses start afresh, so there it reads on.)
    if (!strict && nounish[0] && thingish[0]) return null;
    const at = quoted ? 1 : 0;
    const previous = words[k - 1]?.[0].toLowerCase();
    const isDeterminer = (j: number) => j >= 0 && DETERMINERS.has(words[j]![0].toLowerCase());
    const afterDeterminer = isDeterminer(k - 1) || isDeterminer(k - 2) || isDeterminer(k - 3);
    if (isNameLike(word)) {
      nounish[at] = true;
      if (!personWords.has(word)) thingish[at] = true;
      // A name the article does not list as a place or an organization may be
      // a person's; a lone capital opening the sentence ("Analysts say he")
      // is only a capitalized noun.
      const opensSentence = k === 0 && !isNameLike(words[1]?.[0] ?? "");
      if (personWords.has(word) || (!thingWords.has(word) && !opensSentence)) personish[at] = true;
    } else if (previous !== undefined && DETERMINERS.has(previous)) {
      nounish[at] = true;
      thingish[at] = true;
    }
    // "the former minister", "the 39-year-old": a noun for a person.
    if (afterDeterminer && (PERSON_NOUNS.has(lower) || (lower === "old" && previous === "year"))) personish[at] = nounish[at] = true;
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

/**
 * Whether every quotation in the text opens and closes in it: a sentence cut
 * from a longer quotation ("‘I will keep that private.") does not stand alone.
 */
export function quotationsClosed(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  if (count(/“/g) !== count(/”/g) || count(/"/g) % 2 === 1) return false;
  // Single marks: an opening ‘ must be closed by a ’ that ends a word run (not "it’s"), and a closing one needs its opening.
  const opens = count(/(?:^|[\s(“"])‘/gu);
  const closes = count(/’(?=[\s,.;:!?)”"]|$)/gu) - count(/\p{L}s’(?=\s)/gu);
  return opens === closes;
}

/** Whether the text closes a quotation it did not open ("Yes,” he was quoted as saying."). */
export function closesUnopenedQuotation(text: string): boolean {
  const count = (re: RegExp) => text.match(re)?.length ?? 0;
  if (count(/”/g) > count(/“/g)) return true;
  return count(/’(?=[\s,.;:!?)”"]|$)/gu) - count(/\p{L}s’(?=\s)/gu) > count(/(?:^|[\s(“"])‘/gu);
}

/** Words of the text outside its quotations: who said it, and what the narration says. */
export function narrationWords(text: string): number {
  let outside = text;
  for (const [start, end] of quotationSpans(text).reverse()) outside = outside.slice(0, start) + " " + outside.slice(end);
  return outside.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
