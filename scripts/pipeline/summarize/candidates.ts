// Every sentence of the article as a summary candidate: its repaired text
// (connective dropped, opening pronoun resolved where the article says who),
// what it needs in order to be used, and its score.
import type { NormalizedArticle, Person } from "../../schema.ts";
import { openingOf, replaceOpeningPronoun } from "./cohesion.ts";
import { compressSentence, dropTrailingParticiple } from "./compress.ts";
import { antecedentOf, type PeopleIndex } from "./people.ts";
import { sentenceQuality } from "./quality.ts";
import { isCaption, splitRunIns } from "./run-ins.ts";
import { cosineDense, positionPrior, termVectors, toDense, type ScoreWeights, type TermVector } from "./score.ts";
import { contentTerms, countWords } from "./words.ts";

export interface Candidate {
  id: string;
  /** 0-based order in the article; a sentence's compressed variant has the same index. */
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
  /** Indexes of the article's tags whose every content word this sentence uses. */
  tags: number[];
}

/** How strong a section's own lead is, relative to the article's lead. */
const SECTION_LEAD = 0.5;

/** Score factor of a sentence usable only to reach the minimum (below the selection's floor). */
const LAST_RESORT = 0.01;

export const NAME_SLOT = "\u0000name\u0000";

export interface CandidateSet {
  candidates: Candidate[];
  /** Per term id (the ids of `Candidate.vector`): how many sentences use the term. */
  sentenceFrequency: Float64Array;
  /** Per term id: 1 when the article's own labels (title, subheads, tags) use the term. */
  topical: Uint8Array;
}

/**
 * Words the article is labelled with: its title (unless it was made from the
 * text), subheads and tags. What an editor names a story by is what its
 * summary must mention.
 */
function labelTerms(article: NormalizedArticle): string[] {
  const labels = [...article.tags.map((t) => t.name), ...article.sections.map((s) => s.headingDisplay ?? "")];
  if (article.titleOrigin !== "inferred") labels.push(article.title);
  return contentTerms(labels.join(" \n "));
}

export function buildCandidates(article: NormalizedArticle, people: PeopleIndex, weights: ScoreWeights): CandidateSet {
  // Pieces, not sentences: a caption run into a sentence is cut off (run-ins.ts).
  const flat = article.sections.flatMap((section, sectionIndex) =>
    section.paragraphs.flatMap((paragraph) =>
      paragraph.sentences.flatMap((sentence) => splitRunIns(sentence.display).map((display) => ({ sentence, display, paragraph, sectionIndex }))),
    ),
  );
  const ids = flat.map((f) => f.sentence.id);
  // Each sentence whole (bar its connective and a redundant appositive) and, where
  // a trailing clause can go, compressed: the selection weighs what the clause
  // adds against its words. Vectors are of the words the summary would show.
  const whole = flat.map((f) => compressSentence(f.display, article.people, { trailing: false }));
  const short = whole.map((text) => dropTrailingParticiple(text));
  const variants = short.flatMap((text, index) => (text !== whole[index] ? [{ index, text }] : []));
  const space = termVectors([...whole, ...variants.map((v) => v.text)], whole.length);
  const { sentences: vectors, document, dimensions } = space;
  const centrality = whole.map((_, index) => cosineDense(vectors[index]!, document));
  const maxCentrality = Math.max(1e-9, ...centrality);
  let usableRank = 0;
  let sectionRank = 0;
  let currentSection = 0;
  const shared = flat.map(({ sentence, display, paragraph, sectionIndex }, index) => {
    const displayWords = countWords(display);
    const quality = isCaption(display) ? 0 : sentenceQuality(display, displayWords).weight * (paragraph.kind === "quote" ? 0.5 : 1);
    // A subhead opens a new lead: its section's first sentences carry its point.
    if (sectionIndex !== currentSection) [currentSection, sectionRank] = [sectionIndex, 0];
    const prior = Math.max(positionPrior(usableRank, weights.positionHalfLife), SECTION_LEAD * positionPrior(sectionRank, weights.positionHalfLife));
    if (quality >= 0.5) [usableRank, sectionRank] = [usableRank + 1, sectionRank + 1];
    return { id: sentence.id, sectionIndex, quality, prior, named: people.bySentence.get(sentence.id) ?? [], display, displayWords };
  });
  const candidate = (index: number, shown: string, vector: TermVector): Candidate => {
    const { id, sectionIndex, quality, prior, named, display, displayWords } = shared[index]!;
    let text = shown;
    const opening = openingOf(text);
    let antecedent: Candidate["antecedent"] = null;
    let needsPredecessor = opening.kind === "back-reference";
    let lastResort = false;
    if (opening.kind === "person-pronoun") {
      const person = antecedentOf(ids, index, people);
      if (person) {
        antecedent = { person, possessive: opening.possessive };
        text = replaceOpeningPronoun(text, opening, NAME_SLOT);
      } else if ((people.bySentence.get(ids[index - 1] ?? "") ?? []).length > 0) {
        // Two people just before: ambiguous to us, but the reader of the pair knows.
        needsPredecessor = true;
      } else {
        // The person was named where the summary cannot go (a dropped intro, a
        // caption): only a last resort, right after its predecessor, when the
        // article has too little else to reach the minimum.
        needsPredecessor = true;
        lastResort = true;
      }
    }
    const words = antecedent ? countWords(text.replace(NAME_SLOT, antecedent.person.name)) : text === display ? displayWords : countWords(text);
    const sentencePeople = [...named];
    if (antecedent && !sentencePeople.includes(antecedent.person)) sentencePeople.push(antecedent.person);
    const peopleCoverage = Math.min(1, sentencePeople.reduce((sum, p) => sum + (people.salience.get(p.id) ?? 0), 0));
    const score = (lastResort ? LAST_RESORT : 1) * quality * (prior + weights.centrality * (centrality[index]! / maxCentrality) + weights.people * peopleCoverage);
    return { id, index, sectionIndex, text, antecedent, words, needsPredecessor, people: sentencePeople, quality, vector, dense: lazyDense(vector, dimensions), score, tags: [] };
  };
  const candidates = [
    ...whole.map((text, index) => candidate(index, text, vectors[index]!)),
    ...variants.map((v, k) => candidate(v.index, v.text, vectors[whole.length + k]!)),
  ];
  // A tag the text names ("Nuclear weapons") is a topic the summary should cover.
  const tagIds = article.tags.map((t) => contentTerms(t.name).map((term) => space.idOf.get(term) ?? -1));
  if (tagIds.length > 0) for (const c of candidates) {
    const has = new Set(c.vector.ids);
    c.tags = tagIds.flatMap((ids, k) => (ids.length > 0 && ids.every((id) => has.has(id)) ? [k] : []));
  }
  const topical = new Uint8Array(dimensions);
  for (const term of labelTerms(article)) {
    const id = space.idOf.get(term);
    if (id !== undefined) topical[id] = 1;
  }
  return { candidates, sentenceFrequency: space.sentenceFrequency, topical };
}

function lazyDense(vector: TermVector, dimensions: number): () => Float64Array {
  let dense: Float64Array | null = null;
  return () => (dense ??= toDense(vector, dimensions));
}
