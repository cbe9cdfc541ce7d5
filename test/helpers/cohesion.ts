// A reader's check of a summary paragraph: does any sentence open by leaning
// on something the paragraph never said? Counted: an opening connective
// ("However,", "Additionally,", "Also", "But"), a personal pronoun opening the
// first sentence, and "He"/"She"/"His"/"Her" opening a later sentence whose
// previous sentence names nobody (no capitalized word after its first).

const CONNECTIVE = /^(?:(?:however|additionally|moreover|furthermore|meanwhile|consequently|therefore|nevertheless|nonetheless|instead|likewise|similarly|in addition|as a result|on the other hand),|(?:but|and|yet|also)\s)/i;
const PRONOUN = /^(?:He|She|His|Her|They|Their|Them|It|Its)\b/;
const PERSON_PRONOUN = /^(?:He|She|His|Her)\b/;

/** Sentences of a summary paragraph (split after . ! ? and closing quotes, before a capital or quote). */
export function summarySentences(paragraph: string): string[] {
  return paragraph.split(/(?<=[.!?][’”'")]*)\s+(?=[‘“'"(]?[\p{Lu}\d])/u).filter((s) => s.trim() !== "");
}

/** Why the paragraph fails cohesion; empty when it reads as written. */
export function cohesionProblems(paragraph: string): string[] {
  const problems: string[] = [];
  const sentences = summarySentences(paragraph);
  sentences.forEach((raw, i) => {
    const sentence = raw.replace(/^[‘“'"(]+/u, "");
    if (CONNECTIVE.test(sentence)) problems.push(`sentence ${i + 1} opens with a connective: ${sentence.slice(0, 40)}`);
    else if (i === 0 && PRONOUN.test(sentence) && !/^It (?:is|was|has|had|will|would|could|may|might|seems|appears)\b/.test(sentence)) problems.push(`the paragraph opens with a pronoun: ${sentence.slice(0, 40)}`);
    else if (i > 0 && PERSON_PRONOUN.test(sentence) && !/\s[\p{Lu}][\p{Ll}]/u.test(sentences[i - 1]!.replace(/^\S+/, ""))) problems.push(`sentence ${i + 1} opens with an unresolved pronoun: ${sentence.slice(0, 40)}`);
  });
  return problems;
}
