// Who a speaker phrase names: "BA chairman Martin Broughton", "an IAAF
// spokesman", "he", "Sheriff Joe Arpaio in a press statement", "officials".
// Named spans from entities come first; "he" or "she" goes to whoever has just
// spoken, else to the subject of the last sentence that named a person outside
// quotation marks, and "it" to the last organization; a phrase with no span may
// still be a capitalized name (titles stripped); an unnamed source is kept as
// written with no person id.
import type { Person } from "../../schema.ts";
import type { NamedSpan } from "./entities.ts";
import { COMMON_CAPITALIZED, MEN_ONLY_NAMES, ROLE_NOUNS, TITLE_WORDS, WOMEN_ONLY_NAMES } from "./gazetteer.ts";

export interface Speaker {
  who: string;
  personId: string | null;
  /** One person, named or not, or someone speaking for an organization: a later "he" or "she" may mean them. */
  human?: boolean;
  /** How the speaker was found when not by a name in the frame: a pronoun or description resolved,
   *  an unnamed group, or the context (a quotation with no frame of its own, given to whoever spoke last). */
  from?: "pronoun" | "group" | "context";
}

/** A named span placed in the article: paragraph index and offset in the paragraph. */
export interface PlacedSpan extends NamedSpan {
  paragraph: number;
  /** Article-wide sentence number. */
  sentence: number;
  /** Inside quotation marks: a name the speaker used, not one the writer introduced. */
  quoted: boolean;
}

/** A speaker already credited, in text order: pronouns prefer the one who has just been speaking. */
export interface SpokeAt extends Speaker {
  paragraph: number;
  at: number;
  /** Article-wide sentence number. */
  sentence: number;
  /** A person, or someone speaking as one ("a spokesman", "the young woman"): "he" or "she" may stand for them. */
  human: boolean;
}

/** Everything a phrase is read against: the spans of the paragraph and the article's mentions and speakers so far. */
export interface SpeakerContext {
  paragraph: number;
  text: string;
  spans: PlacedSpan[];
  /** Every span in the article, in text order. */
  mentions: PlacedSpan[];
  people: Person[];
  /** Names of places and organizations: never a person's name. */
  notNames: Set<string>;
  /** Speakers credited so far (grows as the paragraph is read). */
  speakers: SpokeAt[];
  /** The article-wide sentence number of an offset in this paragraph. */
  sentenceOf: (at: number) => number;
}

function findLastSpeaker(ctx: SpeakerContext, pass: (s: SpokeAt) => boolean): SpokeAt | undefined {
  for (let i = ctx.speakers.length - 1; i >= 0; i--) if (pass(ctx.speakers[i]!)) return ctx.speakers[i];
  return undefined;
}

/** How many sentences back a speaker still holds the floor for a pronoun. */
export const SPEAKER_REACH = 2;

const PERSON_PRONOUNS = new Set(["he", "she", "him", "her"]);
const ORG_PRONOUNS = new Set(["it"]);
/** Nouns for someone who speaks for an organization: "an IAAF spokesman" is the IAAF speaking. */
const FOR_AN_ORG = /\b(?:spokes(?:man|woman|person|people)|representatives?|statement|spokes)\b/i;
/** People-words an unnamed source is made of ("a source", "the 34-year-old", "officials"). */
const UNNAMED = /^(?:(?:a|an|the|one|another|two|three|some|many|most|several|other|senior|local|his|her|their|its|our)\s+)?(?:[\p{Ll}\d-]+\s+){0,3}(?:spokes(?:man|woman|person)|source|sources|insider|insiders|official|officials|analyst|analysts|expert|experts|observers|critics|witness|witnesses|woman|man|student|students|worker|workers|staffer|staffers|employee|employees|member|members|guard|guards|friend|friends|neighbour|neighbor|resident|residents|police|prosecutors|investigators|officers|officer|authorities|lawyer|lawyers|researchers|scientists|doctors|campaigners|aides|aide|diplomats|economists|lawmakers|artists|players|fans|parents|teachers|staff|executives|director|manager|coach|chairman|chief|boss|minister|ministers|commission|report|study|survey|statement|ruling|court|\d+-year-old)$/iu;

function isInside(span: NamedSpan, from: number, to: number): boolean {
  return span.start >= from && span.end <= to;
}

/**
 * The speaker a pronoun stands for. "He said" goes to whoever has just been
 * speaking (a speaker credited in this or the last two sentences, when no
 * person has been named since), else to the last person named before it,
 * outside quotation marks; "it" to the last organization.
 */
export function antecedent(ctx: SpeakerContext, at: number, kind: NamedSpan["kind"], pronoun?: string): Speaker | null {
  const before = (m: { paragraph: number; at?: number; end?: number }) => m.paragraph < ctx.paragraph || (m.paragraph === ctx.paragraph && (m.at ?? m.end!) <= at);
  // "he" is not June Harlow, "she" not Mike Tate: a given name the lists hold for one sex only rules the other pronoun out.
  const ruledOut = pronoun === "he" || pronoun === "him" ? WOMEN_ONLY_NAMES : pronoun === "she" || pronoun === "her" ? MEN_ONLY_NAMES : null;
  const fits = (name: string | null) => ruledOut === null || name === null || !ruledOut.has(name.split(" ")[0]!);
  let named: PlacedSpan | null = null;
  for (let i = ctx.mentions.length - 1; i >= 0; i--) {
    const m = ctx.mentions[i]!;
    if (!before(m) || m.quoted || m.kind !== kind || !fits(m.name)) continue;
    named = m;
    break;
  }
  if (kind === "person") {
    const here = ctx.sentenceOf(at);
    const spoke = findLastSpeaker(ctx, (s) => s.human && before(s) && here - s.sentence <= SPEAKER_REACH && fits(s.who));
    const namedSince = named && spoke && (named.paragraph > spoke.paragraph || (named.paragraph === spoke.paragraph && named.start > spoke.at)) && named.id !== spoke.personId;
    if (spoke && !namedSince) return { who: spoke.who, personId: spoke.personId, human: true, from: "pronoun" };
    // No person named at all (the entity pass found none): whoever spoke last.
    if (!named) {
      const last = findLastSpeaker(ctx, (s) => s.human && before(s) && fits(s.who));
      if (last) return { who: last.who, personId: last.personId, human: true, from: "pronoun" };
    }
  }
  if (named && kind === "person") {
    // The first person of that sentence is its subject more often than the last one named
    // ("Redwood paid tribute to O'Toole. He said: ..." is Redwood).
    const first = ctx.mentions.find((m) => m.paragraph === named!.paragraph && m.kind === "person" && !m.quoted && m.sentence === named!.sentence && fits(m.name));
    if (first) named = first;
  }
  return named ? { who: named.name, personId: named.kind === "person" ? named.id : null, human: named.kind === "person", from: "pronoun" } : null;
}

/**
 * A capitalized name with no span ("Madeley", "Sheriff Joe Arpaio"): titles
 * stripped, matched to a known person by full name or surname; a word that
 * opens sentences ("However", "When") is no name.
 */
function capitalizedName(phrase: string, people: Person[], notNames: Set<string>): Speaker | null {
  const words = phrase.split(/\s+/u);
  if (words.length === 0 || words.length > 5 || !words.every((w) => CAPITALIZED_WORD.test(w))) return null;
  const name = withoutTitles(words.join(" "));
  const parts = name.split(" ");
  if (TITLE_WORDS.has(parts[0]!) || COMMON_CAPITALIZED.has(parts[0]!) || notNames.has(name)) return null;
  const last = parts[parts.length - 1]!;
  // Full name or alias, then surname; a lone first name only when one person has it ("Stephanie").
  const byFirst = parts.length === 1 ? people.filter((p) => p.name.split(" ")[0] === name) : [];
  const person = people.find((p) => p.name === name || p.aliases.includes(name)) ??
    people.find((p) => p.name.split(" ").pop() === last && (parts.length === 1 || p.name.startsWith(parts[0]!))) ??
    (byFirst.length === 1 ? byFirst[0] : undefined);
  return person ? { who: person.name, personId: person.id } : { who: name, personId: null };
}

/** "Attorney Andy Luger", "U.S. Attorney Andy Luger": the name without the titles before it. */
export function withoutTitles(name: string): string {
  const words = name.split(" ");
  while (words.length > 1 && (TITLE_WORDS.has(words[0]!) || DOTTED_INITIALS.test(words[0]!))) words.shift();
  return words.join(" ");
}

// Patterns with Unicode property escapes are module constants: the TypeScript transform turns
// such a literal into `new RegExp(...)` where it stands, so one inside a function was built anew on every call.
/** A capitalized word. */
const CAPITALIZED_WORD = /^\p{Lu}[\p{L}.'\u2019-]*$/u;
/** 'U.S.'. */
const DOTTED_INITIALS = /^(?:\p{Lu}\.){2,}$/u;
/** 'However, ': a sentence adverb before the subject. */
const OPENING_ADVERB = /^\s*\p{L}+,\s+/u;
/** 'the 14-time major winner': a description. */
const THE_DESCRIPTION = /^the\s+(?:[\p{Ll}\d-]+\s+){0,3}([\p{Ll}\d-]+)$/u;
/** Capitalized words that end a phrase. */
const TRAILING_NAME = /(?:^|\s)((?:\p{Lu}[\p{L}.'\u2019-]*\s?){1,4})$/u;

/**
 * Who the words at [from, to) of the paragraph name, or null when they name
 * nobody (a clause, not a speaker). The phrase ends at its first comma or
 * preposition ("Bhanu Baweja, a strategist at UBS", "Arpaio in a statement").
 */
export function speakerOf(ctx: SpeakerContext, from: number, to: number): Speaker | null {
  // "However, Kim said": a sentence adverb before the subject is not part of it.
  const adverb = OPENING_ADVERB.exec(ctx.text.slice(from, to));
  if (adverb && !ctx.spans.some((s) => s.start >= from && s.start < from + adverb[0].length)) from += adverb[0].length;
  const raw = ctx.text.slice(from, to);
  // "A spokesman for the Information Commissioner's Office": the office speaks.
  const spokes = raw.includes("spokes");
  const forOrg = spokes ? /^(?:an?|the)\s+(?:[\p{L}-]+\s+)?spokes(?:man|woman|person)\s+for\s+(?:the\s+)?/iu.exec(raw) : null;
  const org = forOrg ? ctx.spans.find((s) => s.kind === "org" && s.start === from + forOrg[0].length) : undefined;
  if (org) return { who: org.name, personId: null, human: true };
  // "a Fifa spokesman", when the entity pass did not take Fifa for an organization.
  const named = spokes && /^\s*(?:an?|the)\s+((?:\p{Lu}[\p{L}&.'\u2019-]*\s+){1,4})spokes(?:man|woman|person)\s*$/u.exec(raw);
  if (named && !ctx.spans.some((s) => s.start >= from && s.end <= to)) {
    // "a Conservative spokeswoman" speaks for the Conservative Party when the text names it.
    const word = named[1]!.trim();
    const org = [...ctx.notNames].find((n) => n.startsWith(word) && n !== word);
    return { who: org ?? word, personId: null, human: true };
  }
  // "The spokesman said" after a spokesman has been introduced: the same one.
  if (spokes && /^the\s+spokes(?:man|woman|person)$/iu.test(raw.trim())) {
    const earlier = findLastSpeaker(ctx, (sp) => sp.human && sp.personId === null && (sp.paragraph < ctx.paragraph || sp.at < from));
    if (earlier) return { who: earlier.who, personId: null, human: true };
  }
  const cut = /,|\s(?:in|on|at|of|to|for|from|with|while|after|before|when|during|who|which|as|last|this|yesterday|today)\s|\s(?:\u2013|\u2014|-)\s/u.exec(raw);
  // "of" may belong to the name ("Bank of England"): cut there only when no span runs across it.
  let end = from + (cut ? cut.index : raw.length);
  const across = ctx.spans.find((s) => s.start >= from && s.start < end && s.end > end && s.end <= to);
  if (across) end = across.end;
  const phrase = ctx.text.slice(from, end).trim().replace(/^(?:and|but|so|then)\s+/iu, "");
  if (phrase === "") return null;
  const lower = phrase.toLowerCase();
  if (PERSON_PRONOUNS.has(lower)) return antecedent(ctx, from, "person", lower);
  if (ORG_PRONOUNS.has(lower)) return antecedent(ctx, from, "org");
  // "the 34-year-old said", "the 14-time major winner said": a description of the person last named.
  const role = THE_DESCRIPTION.exec(lower)?.[1];
  if (role && (/^\d+-year-old$/u.test(role) || (ROLE_NOUNS.has(role) && !/^spokes/u.test(role)))) return antecedent(ctx, from, "person");
  const inPhrase = ctx.spans.filter((s) => isInside(s, from, end));
  const head = inPhrase[inPhrase.length - 1];
  if (head) {
    const after = ctx.text.slice(head.end, end).trim();
    if (after === "") return { who: head.kind === "person" ? withoutTitles(head.name) : head.name, personId: head.kind === "person" ? head.id : null, human: head.kind === "person" };
    // "an IAAF spokesman": the organization speaks. "Mr Blair's spokesman": someone unnamed does.
    if (/^['\u2019]s?\s/u.test(after)) {
      const owned = after.replace(/^['\u2019]s?\s+/u, "");
      return UNNAMED.test(owned) ? { who: phrase.replace(/^the\s+/iu, ""), personId: null, human: true, from: "group" } : null;
    }
    if (head.kind === "org" && FOR_AN_ORG.test(after)) return { who: head.name, personId: null, human: true };
    if (head.kind === "person") return { who: withoutTitles(head.name), personId: head.id, human: true };
    return null;
  }
  // "His mother Lucy", "Blues attack coach Paul John": the capitalized name that ends the phrase.
  const trailing = TRAILING_NAME.exec(phrase)?.[1]?.trim();
  const name = trailing ? capitalizedName(trailing, ctx.people, ctx.notNames) : null;
  // One unknown capitalized word cut off before a preposition ("Up to 100 teachers") is no name.
  const cutAtWord = cut !== null && cut[0] !== ",";
  if (name && !(cutAtWord && name.personId === null && !name.who.includes(" "))) return { ...name, human: true };
  if (UNNAMED.test(phrase)) return { who: phrase.replace(/^the\s+/iu, ""), personId: null, human: !/s$/u.test(phrase), from: "group" };
  return null;
}
