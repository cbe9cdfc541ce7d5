// Chosen sentences to text, in article order: resolved pronouns get their
// person's name (in full the first time the summary names them, shortened
// as the article shortens it after), and a person first met by a short form
// ("Kim said") is given the full name.
import type { Person } from "../../schema.ts";
import { NAME_SLOT, type Candidate } from "./candidates.ts";
import { shortName } from "./people.ts";
import { countWords } from "./words.ts";

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

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
  for (const { form, re } of shortForms(person)) {
    if (!text.includes(form)) continue;
    const m = re.exec(text);
    if (m) return text.slice(0, m.index) + person.name + text.slice(m.index + form.length);
  }
  return text;
}

/** The one-word forms of a person's name the article uses, longest first, each with its matcher (made once per person). */
const SHORT_FORMS = new WeakMap<Person, Array<{ form: string; re: RegExp }>>();
function shortForms(person: Person): Array<{ form: string; re: RegExp }> {
  let forms = SHORT_FORMS.get(person);
  if (!forms) {
    const parts = person.name.split(/\s+/);
    const short = [...new Set([...person.mentions.map((m) => m.text), shortName(person)])]
      .filter((m) => !/\s/.test(m) && parts.includes(m))
      .sort((a, b) => b.length - a.length);
    // Not after a title or first name that is already there ("Professor Park", "Mr Locke").
    forms = short.map((form) => ({ form, re: new RegExp(`(?<![\\p{L}.]\\s|\\p{L})${escapeRegExp(form)}(?!\\p{L})`, "u") }));
    SHORT_FORMS.set(person, forms);
  }
  return forms;
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
      if (named.has(person.id)) words -= nameWords(person).shortening;
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

const NAME_WORDS = new WeakMap<Person, { shortening: number }>();
function nameWords(person: Person): { shortening: number } {
  let known = NAME_WORDS.get(person);
  if (!known) NAME_WORDS.set(person, (known = { shortening: countWords(person.name) - countWords(shortName(person)) }));
  return known;
}

const GROWTH = new WeakMap<Candidate, Map<string, number>>();
/** Words `withFullName` adds to the candidate's text for `person` (0 when the name is already full). */
function fullNameGrowth(c: Candidate, person: Person): number {
  let byPerson = GROWTH.get(c);
  if (!byPerson) GROWTH.set(c, (byPerson = new Map()));
  let growth = byPerson.get(person.id);
  if (growth === undefined) {
    const text = c.text.replace(NAME_SLOT, "");
    byPerson.set(person.id, (growth = countWords(withFullName(text, person)) - countWords(text)));
  }
  return growth;
}
