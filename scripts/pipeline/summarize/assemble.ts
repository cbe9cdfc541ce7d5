// Chosen sentences to text, in article order: resolved pronouns get their
// person's name (in full the first time the summary names them, shortened
// as the article shortens it after), and a person first met by a short form
// ("Kim said") is given the full name.
import type { Person } from "../../schema.ts";
import { NAME_SLOT, type Candidate } from "./candidates.ts";
import { shortName } from "./people.ts";
import { countWords } from "./words.ts";

/** Texts of the candidates, in the order given, with names filled in. */
export function assembleSentences(ordered: readonly Candidate[]): string[] {
  const named = new Set<string>();
  return ordered.map((c) => {
    let text = c.text;
    if (c.antecedent) {
      const { person } = c.antecedent;
      text = text.replace(NAME_SLOT, named.has(person.id) ? shortName(person) : person.name);
      named.add(person.id);
    }
    for (const person of c.people) {
      if (named.has(person.id)) continue;
      text = withFullName(text, person);
      named.add(person.id);
    }
    return text;
  });
}

/** Gives `person` in full at the first short mention, unless the full name is already there. */
function withFullName(text: string, person: Person): string {
  if (text.includes(person.name)) return text;
  for (const form of shortForms(person)) {
    const at = standaloneIndex(text, form);
    if (at >= 0) return text.slice(0, at) + person.name + text.slice(at + form.length);
  }
  return text;
}

const LETTER = /\p{L}/u;
const isLetter = (ch: string | undefined) => ch !== undefined && ch !== "" && LETTER.test(ch);

/**
 * Where `form` first stands as a word of its own, -1 if nowhere: not inside
 * a longer word, and not right after a title or first name that is already
 * there ("Professor Park", "Mr. Locke").
 */
function standaloneIndex(text: string, form: string): number {
  for (let at = text.indexOf(form); at >= 0; at = text.indexOf(form, at + 1)) {
    if (isLetter(text[at + form.length]) || isLetter(text[at - 1])) continue;
    if (at >= 2 && /\s/.test(text[at - 1]!) && (text[at - 2] === "." || isLetter(text[at - 2]))) continue;
    return at;
  }
  return -1;
}

/** The one-word forms of a person's name the article uses, longest first. */
function shortForms(person: Person): string[] {
  const parts = person.name.split(/\s+/);
  return [...new Set([...person.mentions.map((m) => m.text), shortName(person)])]
    .filter((m) => !/\s/.test(m) && parts.includes(m))
    .sort((a, b) => b.length - a.length);
}

/**
 * Words of the paragraph `assembleSentences(ordered)` makes, without making it:
 * selection asks this for every sentence it weighs. A sentence's own count
 * gives its resolved pronoun's name in full; the paragraph shortens it once
 * the person is named, and lengthens a first short mention to the full name.
 */
export function paragraphLength(ordered: readonly Candidate[]): number {
  const named = new Set<string>();
  let words = 0;
  for (const c of ordered) {
    words += c.words;
    if (c.antecedent) {
      const { person } = c.antecedent;
      if (named.has(person.id)) words -= nameShortening(person);
      named.add(person.id);
    }
    for (const person of c.people) {
      if (named.has(person.id)) continue;
      words += fullNameGrowth(c, person);
      named.add(person.id);
    }
  }
  return words;
}

/** Words a person's name loses when shortened ("Kim Jong Un" to "Kim": 2). */
function nameShortening(person: Person): number {
  return countWords(person.name) - countWords(shortName(person));
}

/** Words `withFullName` adds to the candidate's text for `person` (0 when the name is already full). */
function fullNameGrowth(c: Candidate, person: Person): number {
  const text = c.text.replace(NAME_SLOT, "");
  return countWords(withFullName(text, person)) - countWords(text);
}
