// Every sentence of the article as a summary candidate: its repaired text
// (connective dropped, opening pronoun resolved where the article says who),
// what it needs in order to be used, and its score.
import type { NormalizedArticle, Person } from "../../schema.ts";
import { dropOpeningAppositive, dropLeadingConnective, openingOf, replaceOpeningPronoun } from "./cohesion.ts";
import { antecedentOf, type PeopleIndex } from "./people.ts";
import { sentenceQuality } from "./quality.ts";
import { isCaption, splitRunIns } from "./run-ins.ts";
import { cosineDense, positionPrior, termVectors, toDense, type ScoreWeights, type TermVector } from "./score.ts";
import { countWords } from "./words.ts";

export interface Candidate {
  id: string;
  /** 0-based order in the article. */
  index: number;
  sectionIndex: number;
  /** Display text after cohesion repair; `{name}` marks where a resolved pronoun's name goes. */
  text: string;
  /** The person an opening pronoun stands for, when it was resolved. */
  antecedent: { person: Person; possessive: boolean } | null;
  /** Words, counting a resolved name at its full length. */
  words: number;
  /** Usable only right after its article predecessor (an unresolved back-reference). */
  needsPredecessor: boolean;
  people: Person[];
  quality: number;
  vector: TermVector;
  /** The vector spread out, made on first use (only chosen sentences need it). */
  dense: () => Float64Array;
  score: number;
}

/** How strong a section's own lead is, relative to the article's lead. */
const SECTION_LEAD = 0.5;

export const NAME_SLOT = "\u0000name\u0000";

export function buildCandidates(article: NormalizedArticle, people: PeopleIndex, weights: ScoreWeights): Candidate[] {
  // Pieces, not sentences: a caption run into a sentence is cut off (run-ins.ts).
  const flat = article.sections.flatMap((section, sectionIndex) =>
    section.paragraphs.flatMap((paragraph) =>
      paragraph.sentences.flatMap((sentence) => splitRunIns(sentence.display).map((display) => ({ sentence, display, paragraph, sectionIndex }))),
    ),
  );
  const ids = flat.map((f) => f.sentence.id);
  const { sentences: vectors, document, dimensions } = termVectors(flat.map((f) => f.display));
  const centrality = vectors.map((v) => cosineDense(v, document));
  const maxCentrality = Math.max(1e-9, ...centrality);
  let usableRank = 0;
  let sectionRank = 0;
  let currentSection = 0;
  return flat.map(({ sentence, display, paragraph, sectionIndex }, index) => {
    let text = dropOpeningAppositive(dropLeadingConnective(display));
    const opening = openingOf(text);
    let antecedent: Candidate["antecedent"] = null;
    let needsPredecessor = opening.kind === "back-reference";
    if (opening.kind === "person-pronoun") {
      const person = antecedentOf(ids, index, people);
      if (person) {
        antecedent = { person, possessive: opening.possessive };
        text = replaceOpeningPronoun(text, opening, NAME_SLOT);
      } else {
        needsPredecessor = true;
      }
    }
    const plainWords = countWords(text.replace(NAME_SLOT, ""));
    const words = plainWords + (antecedent ? countWords(antecedent.person.name) : 0);
    const quality = isCaption(display) ? 0 : sentenceQuality(display, countWords(display)).weight * (paragraph.kind === "quote" ? 0.5 : 1);
    const sentencePeople = [...(people.bySentence.get(sentence.id) ?? [])];
    if (antecedent && !sentencePeople.includes(antecedent.person)) sentencePeople.push(antecedent.person);
    const peopleCoverage = Math.min(1, sentencePeople.reduce((sum, p) => sum + (people.salience.get(p.id) ?? 0), 0));
    // A subhead opens a new lead: its section's first sentences carry its point.
    if (sectionIndex !== currentSection) [currentSection, sectionRank] = [sectionIndex, 0];
    const prior = Math.max(positionPrior(usableRank, weights.positionHalfLife), SECTION_LEAD * positionPrior(sectionRank, weights.positionHalfLife));
    if (quality >= 0.5) [usableRank, sectionRank] = [usableRank + 1, sectionRank + 1];
    const score = quality * (prior + weights.centrality * (centrality[index]! / maxCentrality) + weights.people * peopleCoverage);
    return { id: sentence.id, index, sectionIndex, text, antecedent, words, needsPredecessor, people: sentencePeople, quality, vector: vectors[index]!, dense: lazyDense(vectors[index]!, dimensions), score };
  });
}

function lazyDense(vector: TermVector, dimensions: number): () => Float64Array {
  let dense: Float64Array | null = null;
  return () => (dense ??= toDense(vector, dimensions));
}
