// Who a sentence is about, from the people normalize found (with the sentence
// of every mention). Used to resolve an opening "He"/"She" to a name and to
// give a person's full name at first mention.
import type { NormalizedArticle, Person } from "../../schema.ts";

export interface PeopleIndex {
  /** People mentioned in each sentence, in order of first mention there. */
  bySentence: Map<string, Person[]>;
}

export function indexPeople(article: NormalizedArticle): PeopleIndex {
  const bySentence = new Map<string, Person[]>();
  for (const person of article.people) {
    for (const mention of person.mentions) {
      const list = bySentence.get(mention.sentenceId) ?? [];
      if (!list.includes(person)) list.push(person);
      bySentence.set(mention.sentenceId, list);
    }
  }
  return { bySentence };
}

/**
 * The person an opening pronoun of sentence `index` stands for: the one person
 * named in the nearest earlier sentence that names anyone (two or more there
 * is ambiguous: no answer), looking back at most `reach` sentences.
 */
export function antecedentOf(sentenceIds: readonly string[], index: number, people: PeopleIndex, reach = 3): Person | null {
  for (let k = index - 1; k >= 0 && k >= index - reach; k--) {
    const named = people.bySentence.get(sentenceIds[k]!);
    if (named && named.length > 0) return named.length === 1 ? named[0]! : null;
  }
  return null;
}

/**
 * How the article itself shortens a person's name after first mention: its
 * most frequent one-word mention that is part of the name ("Kim" for "Kim
 * Jong Un", "Locke" for "Gary Locke"), else the last part of the name.
 */
export function shortName(person: Person): string {
  const parts = person.name.split(/\s+/);
  const counts = new Map<string, number>();
  for (const m of person.mentions) if (!/\s/.test(m.text) && parts.includes(m.text)) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  let best = parts[parts.length - 1]!;
  let bestCount = 0;
  for (const [text, count] of counts) if (count > bestCount) [best, bestCount] = [text, count];
  return best;
}
