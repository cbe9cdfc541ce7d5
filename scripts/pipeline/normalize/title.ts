// The headline when neither front matter nor a title line gives one, made
// from the lead sentence the way a sub-editor would: the main actor and action
// in headline form, at most MAX_HEADLINE_WORDS words.
//
//   "Former WorldCom chief Bernie Ebbers has denied claims that he knew ..."
//     -> "Ebbers denies claims"
//
// Rules, in order: the wire credit, parentheses and dash asides, appositives
// and a trailing attribution (", officials have said") go; the subject keeps
// the name the article itself uses on second reference ("Tony Blair" ->
// "Blair" when "Blair" stands alone later; "General Motors (GM)" -> "GM"),
// without the role in front of it; the main verb goes to headline tense (has
// rejected -> rejects, was arrested -> arrested, is to merge / will merge ->
// to merge, reiterated -> reiterates); articles, possessives after the
// subject, time phrases ("on Monday", "last year") and relative clauses go;
// "the United States" is "US"; then trailing phrases are cut until the
// headline is at most `targetWords` long. Verb lemmas come from WordNet through
// wink-lemmatizer (loaded on first use: only articles without a title pay for it).
import { createRequire } from "node:module";
import { countWords } from "./clean.ts";

export const MAX_HEADLINE_WORDS = 12;
/**
 * Trailing phrases are cut while the headline is longer than this. The one
 * tuned number: chosen on the BBC headline dev set by 10-fold cross-validation
 * (npm run eval:headline prints the folds' choices and the held-out figure).
 */
export const HEADLINE_TARGET_WORDS = 7;

export interface HeadlineContext {
  /** The article's dateline or wire credit, when it opens the lead. */
  dateline: string | null;
  /** The article's text after the lead sentence: how it names people on second reference. */
  laterText: string;
  /** Trailing phrases are cut while the headline is longer (at most MAX_HEADLINE_WORDS). */
  targetWords?: number;
}

interface Lemmatizer { verb(word: string): string }

const requireHere = createRequire(import.meta.url);
/** WordNet's verb lemmas, loaded when a headline is first inferred (Node keeps the module). */
function lemmatizer(): Lemmatizer {
  return requireHere("wink-lemmatizer") as Lemmatizer;
}

/** Words of a name that are never its short form on second reference ("Sir", "President", "British"). */
const NEVER_SHORT_NAMES = new Set(["sir", "dame", "lord", "lady", "mr", "mrs", "ms", "dr", "president", "prime", "minister", "chancellor", "first", "former", "new", "british", "us", "uk"]);
const ARTICLES = new Set(["the", "a", "an"]);
const DETERMINERS = new Set([...ARTICLES, "this", "that", "these", "those", "its", "his", "her", "their", "our", "my", "your", "some", "any", "no", "every", "each"]);
const PREPOSITIONS = new Set([
  "of", "in", "on", "at", "for", "to", "from", "with", "by", "over", "after", "before", "during", "amid", "against", "about",
  "into", "under", "since", "until", "despite", "following", "between", "among", "across", "through", "as", "than", "without", "within", "near",
]);
/** Words a headline does not end on. */
const DANGLING = new Set([...DETERMINERS, ...PREPOSITIONS, "and", "or", "but", "that", "which", "who", "whose", "where", "when", "while", "if", "because", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "could", "can", "may", "might", "not", "-", "\u2013", "\u2014", "its", "his", "her", "their", "whether", "how", "what", "so", "also", "more", "most", "it", "he", "she", "they", "we", "i", "you"]);
const MODALS = new Set(["would", "could", "can", "may", "might", "must", "should", "shall"]);
const BE = new Set(["is", "are", "was", "were"]);
const HAVE = new Set(["has", "have", "had"]);
/** Words in -ly that are adjectives: "is likely to", "is early". */
const NOT_ADVERBS = new Set(["likely", "unlikely", "early", "only", "daily", "weekly", "monthly", "yearly", "elderly", "friendly", "lonely", "holy", "ugly", "silly", "costly", "deadly"]);
/** Adverbs that sit between an auxiliary and its verb and add nothing to a headline. */
const FILLER_ADVERBS = new Set(["also", "again", "now", "already", "still", "just", "finally", "since", "recently", "reportedly", "officially", "apparently", "effectively"]);

const DAY = "(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)";
const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\\.|Feb\\.|Aug\\.|Sept?\\.|Oct\\.|Nov\\.|Dec\\.)";
const PART_OF_DAY = "(?: (?:morning|afternoon|evening|night))?";
/** Time phrases a headline leaves to the dateline: "on Monday", "last year", "in July", "earlier this week". */
const TIME_PHRASES = new RegExp(
  [
    `,? (?:on|by|until|from|since) (?:${DAY}${PART_OF_DAY}|(?:${DAY}, )?(?:\\d{1,2} ${MONTH}|${MONTH} \\d{1,2})(?:,? \\d{4})?)`,
    `,? (?:last|next|this|earlier this|later this) (?:${DAY}|week|weekend|month|year|season|summer|winter|spring|autumn|fall|${MONTH})(?:'s|\u2019s)?(?= |,|$)`,
    `,? (?:in|by|since) (?:${MONTH}(?: \\d{4})?|\\d{4})(?= |,|$)`,
    `,? (?:today|yesterday|tonight)(?= |,|$)`,
    `,? (?:two|three|four|five|six|\\d+|several|a few) (?:days|weeks|months|years) ago`,
  ].join("|"),
  "g",
);

/** ", officials have said." / ", it has been reported" / ", according to X": who said it, not what. */
const TRAILING_ATTRIBUTION = /,[^,]{1,80}? (?:has |have |had |is |are )?(?:been )?(?:said|says|say|warned|warns|reported|suggest|suggests|suggested|claimed|claims|told [^,]{1,40}|announced|confirmed|revealed|believes?|argued?s?|predicted|insisted|added|stressed)(?: (?:on |last |this )?[A-Z][a-z]+(?: (?:morning|afternoon|evening|night))?)?\.?$|,? according to [^,]{1,80}$/u;

/** Appositives and asides: ", the party's leader," / ", who ...," / "(GM)" / " - aka Fatboy Slim -". */
function withoutAsides(text: string, laterText: string): string {
  // "General Motors (GM)" -> "GM" when the article goes on to use the short form.
  let out = text.replace(/((?:\p{Lu}[\p{L}&.'\u2019-]*\s+){1,6})\((\p{Lu}{2,6})\)/gu, (whole, _name: string, acronym: string) =>
    new RegExp(`\\b${acronym}\\b`).test(laterText) ? acronym : whole);
  out = out.replace(/\s*\([^()]*\)/g, "");
  out = out.replace(/ (?:-|\u2013|\u2014|--) [^-\u2013\u2014]{1,80}? (?:-|\u2013|\u2014|--)(?= )/gu, "");
  out = out.replace(/, (?:the|a|an|who|which|whose|where|including|one of|head of|home to|star of|aka|also known as|himself|herself|\p{Lu}[\p{L}-]* of) [^,]{1,160},/u, "");
  return out;
}

/** Headlines use the short forms: "US", "UK", "UN", "EU" (dotted when the article writes them so). */
const SHORT_NAMES: Array<[RegExp, string, string]> = [
  [/\b(?:the )?United States(?! of)\b/gu, "US", "U.S."],
  [/\b(?:the )?United Kingdom\b/gu, "UK", "U.K."],
  [/\b(?:the )?United Nations\b/gu, "UN", "U.N."],
  [/\b(?:the )?European Union\b/gu, "EU", "E.U."],
];
function withShortNames(text: string, article: string): string {
  return SHORT_NAMES.reduce((t, [name, plain, dotted]) => t.replace(name, article.includes(dotted) ? dotted : plain), text);
}

/** Words that open a scene-setting phrase before the news: "Soon,", "In a statement on Monday,", "Speaking in court,". */
const LEAD_IN_STARTERS = new Set(["soon", "however", "meanwhile", "yesterday", "today", "now", "still", "last", "next", "earlier", "later", "then", "also", "but", "and", "so", "yet", "when", "while", "if", "although", "though", "once", "speaking", "following", "according"]);

/** Drops a short opening phrase set off by a comma when it starts like scene-setting. */
function withoutLeadIn(text: string): string {
  const m = /^([^,]{1,60}), (?=\S)/u.exec(text);
  if (!m || countWords(m[1]!) > 8) return text;
  const first = m[1]!.split(" ")[0]!.toLowerCase();
  if (!(LEAD_IN_STARTERS.has(first) || PREPOSITIONS.has(first) || /^[a-z]{3,}ly$/.test(first))) return text;
  return text.slice(m[0].length);
}

interface Word { text: string; lower: string }
const words = (text: string): Word[] => text.split(" ").filter(Boolean).map((t) => ({ text: t, lower: t.toLowerCase() }));
const isCapitalized = (w: Word | undefined): boolean => !!w && /^[\p{Lu}\d]/u.test(w.text) && !/[,;:]$/.test(w.text);

/** Past participles that look like their base form ("has cut", "has set"). */
const SAME_FORM_PARTICIPLES = new Set(["cut", "put", "set", "hit", "quit", "let", "shut", "spread", "cost", "hurt", "bid", "bet", "burst", "cast", "upset", "broadcast", "forecast", "split", "read"]);
const RELATIVE_PRONOUNS = new Set(["that", "which", "who", "whose"]);
const AFTER_NO_FINITE_VERB = new Set(["be", "been", "being", "to"]);

/**
 * Where the main verb starts: the first auxiliary, modal or verb form after
 * the subject. A relative clause inside the subject ("A tree that can receive
 * texts has been unveiled") has its own verb; after one, only an auxiliary
 * counts as the main verb.
 */
function mainVerbIndex(ws: Word[]): number {
  // 0: not in a relative clause; 1: in one, before its verb; 2: in one, after its verb.
  let relative = 0;
  for (let i = 1; i < ws.length; i++) {
    const w = ws[i]!.lower;
    const before = ws[i - 1]!.lower;
    if (/[,;:]$/.test(ws[i - 1]!.text) && relative === 0) return -1;
    if (RELATIVE_PRONOUNS.has(w) && relative === 0) { relative = 1; continue; }
    const auxiliary = BE.has(w) || HAVE.has(w) || MODALS.has(w) || w === "will";
    if (relative === 1) {
      if (auxiliary || /^[a-z]+(?:ed|s)$/.test(w)) relative = 2;
      continue;
    }
    if (auxiliary) return i;
    if (relative === 2) continue;
    if (isCapitalized(ws[i]) || DETERMINERS.has(before) || PREPOSITIONS.has(before) || AFTER_NO_FINITE_VERB.has(before)) continue;
    if (/^[a-z]+ed$/.test(w) && verbLemma(w) !== w) return i;
    if (/^[a-z]+$/.test(w) && !/(?:s|ing|ly)$/.test(w) && verbLemma(w) !== w) return i;
    if (/^(?:says|warns|claims|insists)$/.test(w)) return i;
  }
  return -1;
}

/** A verb's lemma; for a past form like "hoped", the lemma with a silent e wins ("hope", not "hop"). */
function verbLemma(word: string): string {
  const lem = lemmatizer();
  const m = /^([a-z]*[^aeiou][aeiouy][b-df-hj-np-tvz])ed$/.exec(word);
  // wink-lemmatizer tries "-ed" before "-e"; asking for "Xes" makes it try "Xe" first, then "X".
  if (m) {
    const withE = lem.verb(`${m[1]}es`);
    if (withE !== `${m[1]}es`) return withE;
  }
  return lem.verb(word);
}

/** "reject" -> "rejects", "deny" -> "denies", "push" -> "pushes" for a singular subject. */
function presentTense(base: string, singular: boolean): string {
  if (base === "be") return singular ? "is" : "are";
  if (!singular) return base;
  if (base === "have") return "has";
  if (/(?:s|x|z|ch|sh|o)$/.test(base)) return base + "es";
  if (/[^aeiou]y$/.test(base)) return base.slice(0, -1) + "ies";
  return base + "s";
}

const IRREGULAR_PLURALS = new Set(["people", "men", "women", "children", "police", "staff", "fans"]);
const looksPlural = (w: Word | undefined): boolean => !!w && (IRREGULAR_PLURALS.has(w.lower) || /^[a-z]+[^s'\u2019]s$/.test(w.text));

/** Plural subjects: "profits", "Anglers and fishermen", "three people", or the writer's own "have"/"are". */
function isPluralSubject(subject: Word[], auxiliary: string | undefined): boolean {
  if (auxiliary === "have" || auxiliary === "are" || auxiliary === "were") return true;
  if (auxiliary === "has" || auxiliary === "is" || auxiliary === "was") return false;
  if (subject.some((w) => w.lower === "and")) return true;
  const prep = subject.findIndex((w, i) => i > 0 && PREPOSITIONS.has(w.lower));
  // "Shares in Harbor Foods": a capitalized first word before a preposition is a common noun, not a name like "Yukos".
  if (prep === 1 && looksPlural({ text: subject[0]!.lower, lower: subject[0]!.lower })) return true;
  return looksPlural(subject[(prep > 0 ? prep : subject.length) - 1]) || looksPlural(subject[subject.length - 1]);
}

/** The headline form of the verb group at ws[v...]: returns the words that replace it and how many it replaces. */
function headlineVerb(ws: Word[], v: number, singularSubject: boolean): { replace: string[]; length: number } {
  const first = ws[v]!.lower;
  let i = v + 1;
  while (i < ws.length && (FILLER_ADVERBS.has(ws[i]!.lower) || (/^[a-z]{3,}ly$/.test(ws[i]!.lower) && !NOT_ADVERBS.has(ws[i]!.lower)))) i++;
  const next = ws[i]?.lower ?? "";
  if (first === "will") {
    if (next === "not") return { replace: ["will"], length: 1 };
    return { replace: ["to"], length: i - v };
  }
  if (MODALS.has(first)) return { replace: [ws[v]!.text], length: i - v };
  if (HAVE.has(first)) {
    if (next === "been") return { replace: [], length: i + 1 - v }; // has been fined -> fined
    if (/^[a-z]+$/.test(next) && !/(?:s|ing)$/.test(next) && (verbLemma(next) !== next || SAME_FORM_PARTICIPLES.has(next))) {
      return { replace: [presentTense(verbLemma(next), singularSubject)], length: i + 1 - v };
    }
    return { replace: [presentTense("have", singularSubject)], length: i - v };
  }
  if (BE.has(first)) {
    // A copula before a noun phrase stays, in the present: "X was the first" -> "X is first".
    if (DETERMINERS.has(next) || /^\d/.test(next)) return { replace: [presentTense("be", singularSubject)], length: i - v };
    return { replace: [], length: i - v }; // is to merge -> to merge; was arrested -> arrested; is confident -> confident
  }
  const base = verbLemma(first);
  return { replace: [presentTense(base, singularSubject)], length: 1 };
}

/** The standalone form the article uses later for a name at the end of the subject, if any. */
function secondReference(name: Word[], laterText: string): string | null {
  const later = laterText.split(/[^\p{L}\p{N}'\u2019-]+/u);
  const alone = (token: string) =>
    later.some((w, k) => w === token && !name.some((n) => n.text === later[k - 1] || n.text === later[k + 1]));
  const clean = (w: Word) => w.text.replace(/(?:'s|\u2019s)$/u, "");
  const candidates = (name.length === 1 ? [name[0]!] : [name[name.length - 1]!, name[0]!]).filter((w) => !DANGLING.has(w.lower) && !NEVER_SHORT_NAMES.has(w.lower));
  for (const w of candidates) if (alone(clean(w))) return clean(w);
  return null;
}

/** Subject in headline form: the name as the article shortens it, without the role before it. */
function headlineSubject(subject: Word[], laterText: string): Word[] {
  let start = subject.length;
  while (start > 0 && isCapitalized(subject[start - 1]) && !/(?:'s|\u2019s)$/u.test(subject[start - 1]!.text)) start--;
  if (start === subject.length) return subject;
  const name = subject.slice(start);
  const short = secondReference(name, laterText);
  if (!short) return subject;
  const role = subject.slice(0, start);
  // "Former WorldCom chief" is a role and goes; "profits at US media giant" is the subject itself and stays.
  // (and then "the United States" in it stays whole).
  if (!role.every((w) => !PREPOSITIONS.has(w.lower) && w.lower !== "and")) return subject;
  return [{ text: short, lower: short.toLowerCase() }];
}

const PHRASE_STARTERS = new Set(["and", "but", "while", "as", "after", "because", "amid", "which", "who", "that", "saying", "including", "-", "\u2013", "\u2014"]);
const lengthOf = (ws: Word[]) => countWords(ws.map((w) => w.text).join(" "));
/** Function words leave a headline unfinished. */
const dangles = (w: Word) => DANGLING.has(w.lower.replace(/[,;:]$/, ""));
/** After a cut, a participle left without its object does too ("clears proposal allowing"). */
const danglesAfterCut = (w: Word) => dangles(w) || /^[a-z]+ing$/.test(w.text);

/**
 * Cuts trailing phrases (at a preposition or conjunction) while the headline
 * is longer than `target`, but never to fewer than half of it: a short
 * headline that says something beats a stub. Then a hard stop at
 * MAX_HEADLINE_WORDS, and no dangling word at the end.
 */
function shorten(ws: Word[], target: number, keepAtLeast: number): Word[] {
  let out = ws;
  const trimmed = (cut: Word[], dangling = danglesAfterCut) => {
    let t = cut;
    while (t.length > 1 && dangling(t[t.length - 1]!)) t = t.slice(0, -1);
    return t;
  };
  while (lengthOf(out) > target) {
    let cut = -1;
    for (let i = out.length - 1; i >= keepAtLeast; i--) {
      if (PREPOSITIONS.has(out[i]!.lower) || PHRASE_STARTERS.has(out[i]!.lower)) { cut = i; break; }
    }
    // "demand for the US to recognize ...": "for" and "to" open one clause, so a cut takes both or neither.
    const forAt = cut > 0 && out[cut]!.lower === "to" ? out.slice(0, cut).map((w) => w.lower).lastIndexOf("for") : -1;
    if (forAt >= keepAtLeast && cut - forAt <= 5 && !out.slice(forAt + 1, cut).some((w) => PREPOSITIONS.has(w.lower) || PHRASE_STARTERS.has(w.lower))) cut = forAt;
    if (cut < 0 || lengthOf(trimmed(out.slice(0, cut))) < target / 2) break;
    out = out.slice(0, cut);
  }
  while (lengthOf(out) > MAX_HEADLINE_WORDS) out = out.slice(0, -1);
  return trimmed(out, out.length < ws.length ? danglesAfterCut : dangles);
}

/** The lead as plain words: no credit, asides, attribution, time phrases or trailing clause. */
function plainLead(leadSentence: string, context: HeadlineContext): Word[] {
  // A headline never needs more than the lead's first few hundred words (a text without full stops is one "sentence").
  let text = leadSentence.slice(0, 3000).trim();
  if (context.dateline && text.startsWith(context.dateline)) text = text.slice(context.dateline.length).trim();
  text = text.replace(/[\s.!;:,]+$/u, "");
  text = withoutAsides(text, context.laterText);
  text = withoutLeadIn(text);
  text = withShortNames(text, `${leadSentence} ${context.laterText}`);
  text = text.replace(TRAILING_ATTRIBUTION, "");
  text = text.replace(TIME_PHRASES, "");
  // A trailing clause after a comma ("..., leaving the door open"), when the main clause is before it.
  const comma = text.indexOf(", ");
  if (comma > 0 && countWords(text.slice(0, comma)) >= 4 && mainVerbIndex(words(text.slice(0, comma))) > 0) text = text.slice(0, comma);
  text = text.replace(/["\u201C\u201D]/gu, "").replace(/[\s.!;:,]+$/u, "");
  return words(text);
}

const SUBJECT_PRONOUNS = new Set(["he", "she", "it", "they", "we"]);
const THAT_CLAUSE_VERBS = new Set(["claim", "confirm", "announce", "reveal", "warn", "insist", "admit", "believe", "predict", "suggest", "argue", "state", "report", "add"]);
const POSSESSIVES = new Set(["his", "her", "its", "their"]);
/** Possessives a headline drops ("merge its two boards" -> "merge two boards"); "her" may be an object, so it stays. */
const DROPPED_POSSESSIVES = new Set(["his", "its", "their"]);

/**
 * "Cook has said that dance music is not dead" is news about dance music:
 * the reported clause, its pronoun subject replaced by the speaker ("BT says
 * it will double speeds" -> "BT will double speeds"). Null when the verb is
 * not one of saying or no clause follows.
 */
function reportedClause(ws: Word[], v: number, verbLength: number, subject: Word[]): Word[] | null {
  const lemma = verbLemma(ws[v + verbLength - 1]!.lower);
  let start = v + verbLength;
  // "X has confirmed that Y": other verbs of saying count with their "that".
  const withThat = THAT_CLAUSE_VERBS.has(lemma) && ws[start]?.lower === "that";
  if (lemma !== "say" && lemma !== "tell" && !withThat) return null;
  if (lemma === "tell") {
    // "told the BBC he is happy": the clause starts at its pronoun subject or "that".
    const at = ws.findIndex((w, k) => k >= start && k <= start + 3 && (SUBJECT_PRONOUNS.has(w.lower) || w.lower === "that"));
    if (at < 0) return null;
    start = at;
  }
  if (ws[start]?.lower === "that") start++;
  const clause = ws.slice(start);
  if (clause.length < 3) return null;
  const head = clause[0]!.lower;
  if (SUBJECT_PRONOUNS.has(head)) return [...subject, ...clause.slice(1)];
  if (POSSESSIVES.has(head)) {
    const last = subject[subject.length - 1]!;
    return [...subject.slice(0, -1), { text: `${last.text}\u2019s`, lower: `${last.lower}\u2019s` }, ...clause.slice(1)];
  }
  if (/^[a-z]+ing$/.test(head)) return null;
  return clause;
}

/** Subject, headline verb and object (relative clause dropped) of a plain lead. */
function compress(ws: Word[], laterText: string, allowReported: boolean): { words: Word[]; keepAtLeast: number } {
  const v = mainVerbIndex(ws);
  if (v <= 0) return { words: ws, keepAtLeast: 2 };
  const auxiliary = HAVE.has(ws[v]!.lower) || BE.has(ws[v]!.lower) ? ws[v]!.lower : undefined;
  // A relative clause in the subject goes: "A tree that can receive texts has been unveiled" -> "Tree unveiled".
  const relativeInSubject = ws.findIndex((w, i) => i > 0 && i < v && RELATIVE_PRONOUNS.has(w.lower));
  const subject = headlineSubject(ws.slice(0, relativeInSubject > 0 ? relativeInSubject : v), laterText);
  const verb = headlineVerb(ws, v, !isPluralSubject(ws.slice(0, v), auxiliary));
  const reported = allowReported ? reportedClause(ws, v, verb.length, subject) : null;
  if (reported) return compress(reported, laterText, false);
  const rest = ws.slice(v + verb.length);
  // A relative clause after the object: "rejected an offer that could have ..." -> "rejects offer".
  const relative = rest.findIndex((w, i) => i > 0 && RELATIVE_PRONOUNS.has(w.lower));
  const object = relative > 0 ? rest.slice(0, relative) : rest;
  return { words: [...subject, ...verb.replace.map((t) => ({ text: t, lower: t })), ...object], keepAtLeast: subject.length + verb.replace.length + 1 };
}

/** How much of the text after the lead is searched for second references: they come early, and archives hold 5 MB files. */
const LATER_TEXT_CHARS = 20_000;

export function inferTitle(leadSentence: string, fullContext: HeadlineContext): string {
  const context = { ...fullContext, laterText: fullContext.laterText.slice(0, LATER_TEXT_CHARS) };
  const target = Math.min(context.targetWords ?? HEADLINE_TARGET_WORDS, MAX_HEADLINE_WORDS);
  const compressed = compress(plainLead(leadSentence, context), context.laterText, true);
  // News style drops articles (but not inside names: "The X Factor").
  const kept = (w: Word, i: number) => !(ARTICLES.has(w.text) || (i === 0 && ARTICLES.has(w.lower) && compressed.words.length > 1) || (i > 0 && DROPPED_POSSESSIVES.has(w.text)));
  const ws = compressed.words.filter(kept);
  if (ws.length === 0) return shorten(words(leadSentence.trim()), target, 2).map((w) => w.text).join(" ");
  // Subject and verb are never cut: counted in the words that remain.
  const keepAtLeast = compressed.words.slice(0, compressed.keepAtLeast).filter(kept).length;
  const headline = shorten(ws, target, keepAtLeast).map((w) => w.text).join(" ").replace(/[\s,;:]+$/u, "");
  return headline.charAt(0).toUpperCase() + headline.slice(1);
}
