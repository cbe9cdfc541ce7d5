// Cohesion repair: a sentence lifted out of its article must not lean on a
// sentence the reader no longer sees. An opening connective ("However,",
// "Additionally,") is dropped; an opening pronoun is replaced by the person
// it stands for when the article says who that is, or else the sentence may
// only follow its own predecessor.

/** Sentence-opening connectives that point back at a previous sentence. */
const CONNECTIVE = new RegExp(
  "^(?:" +
    [
      "however", "additionally", "also", "yet", "but", "and", "so", "still", "meanwhile", "moreover", "furthermore",
      "in addition", "in fact", "instead", "consequently", "therefore", "thus", "hence", "nevertheless", "nonetheless",
      "indeed", "besides", "likewise", "similarly", "otherwise", "accordingly", "as a result", "in turn",
      "on the other hand", "by contrast", "in contrast", "even so", "after all", "at the same time", "for his part",
      "for her part", "for their part", "separately",
    ].join("|") +
    // Most need their comma to be connectives ("So far", "Still water"); these five do not.
    ")(?:,\\s*)|^(?:but|and|yet|also|however)\\s+(?=[\\p{L}‘“'\"])",
  "iu",
);

/** Personal pronouns that need a person as antecedent, with their possessive flag. */
const PERSON_PRONOUN = /^(He|She|His|Her)\b/u;
/** Pronouns and demonstratives that point back at something unnamed ("The former" as a pronoun, not in "The former Manchester City man"). */
const BACK_REFERENCE = /^(?:They|Their|Them|It(?!\s+(?:is|was|has been|had been|will be|would be|could be|may be|might be|seems|appears|remains|emerged|took|takes)\b)|Its|This|These|Those|That|Such|The (?:latter|former)(?!\s+[\p{Lu}\d])|The move|The decision|The incident|The attack|The news|Both)\b(?!\s+(?:year|week|month|season|morning|afternoon|evening|weekend|summer|winter|spring|autumn|fall|time)\b)/u;

export function dropLeadingConnective(text: string): string {
  let out = text;
  // "And yet," — drop repeated connectives too.
  for (let i = 0; i < 3; i++) {
    const m = CONNECTIVE.exec(out);
    if (!m) break;
    const rest = out.slice(m[0].length);
    // "Also known as", "Then-President": keep when the word is not a connective here.
    if (!/^[‘“'"]?[\p{L}\p{N}]/u.test(rest) || /^(?:known|-)/u.test(rest)) break;
    out = capitalizeFirst(rest);
  }
  return out;
}

export function capitalizeFirst(text: string): string {
  const m = /^([‘“'"(]?)(\p{Ll})/u.exec(text);
  return m ? m[1] + m[2]!.toUpperCase() + text.slice(m[0].length) : text;
}

export type Opening =
  | { kind: "free" }
  | { kind: "person-pronoun"; pronoun: string; possessive: boolean }
  | { kind: "back-reference" };

/** What the (connective-free) sentence's first word leans on. */
export function openingOf(text: string): Opening {
  const body = text.replace(/^[‘“'"(]+/u, "");
  const person = PERSON_PRONOUN.exec(body);
  if (person) {
    const pronoun = person[1]!;
    // "Her" is possessive when a noun follows ("Her lawyer said"); as an object it cannot open a sentence.
    return { kind: "person-pronoun", pronoun, possessive: pronoun === "His" || pronoun === "Her" };
  }
  if (BACK_REFERENCE.test(body)) return { kind: "back-reference" };
  return { kind: "free" };
}

/** Replaces the opening pronoun with a name: "He also said" -> "Kim Jong Un also said". */
export function replaceOpeningPronoun(text: string, opening: Extract<Opening, { kind: "person-pronoun" }>, name: string): string {
  const lead = /^[‘“'"(]*/u.exec(text)![0];
  const rest = text.slice(lead.length + opening.pronoun.length);
  return lead + (opening.possessive ? `${name}’s` : name) + rest;
}

/**
 * "Kim Jong Un, the General Secretary of North Korea's Workers' Party,
 * reiterated ..." -> "Kim Jong Un reiterated ...": a long descriptive
 * appositive after an opening name. The role is kept with the person (the
 * article's who's who); the paragraph has few words to spend.
 */
export function dropOpeningAppositive(text: string): string {
  return text.replace(OPENING_APPOSITIVE, "$1 ");
}
const OPENING_APPOSITIVE = /^((?:[\p{Lu}][\p{L}'’.-]*\s){1,3}[\p{Lu}][\p{L}'’.-]*), (?:the|a|an) [^,;:‘“”]{20,90}, (?=\p{Ll})/u;
