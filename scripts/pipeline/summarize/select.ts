// Choosing whole sentences to a word budget, greedily by marginal gain. A
// sentence's gain is what it adds to the summary that is not there yet:
//  - its own score (lead prior, centrality, people, quality), discounted by
//    its similarity to sentences already chosen (maximal marginal relevance);
//  - the article's recurring content terms it covers that no chosen sentence
//    covers, each weighted by how many sentences use it (what the article
//    keeps returning to is what a summary must mention), so a later sentence
//    earns its place by saying something new;
//  - a bonus for the first sentence from a section not yet in the summary.
// Gain is taken per word (a long sentence must say more), and selection goes on
// past the minimum while a sentence still adds enough and fits under the maximum.
import type { Candidate } from "./candidates.ts";
import { paragraphLength } from "./assemble.ts";
import { cosineDense } from "./score.ts";

export interface Budget {
  minWords: number;
  maxWords: number;
  /** The article's length: a longer story earns a longer summary, within min and max. */
  articleWords: number;
}

export interface SelectionWeights {
  /** How much similarity to chosen sentences costs, relative to a sentence's score. */
  redundancy: number;
  /** Bonus for the first sentence from a section not yet in the summary. */
  sectionCoverage: number;
  /** Weight of newly covered terms, relative to a sentence's score. */
  coverage: number;
  /** Exponent of the word count gain is divided by (0: whole sentences, 1: per word). */
  lengthExponent: number;
  /** Past the minimum, a sentence must add this share of the first pick's gain. */
  stopShare: number;
  /** Summary words per article word the selection aims at (between min and max). */
  lengthRatio: number;
  /** Extra weight of a term the title, a subhead or a tag uses, in sentences. */
  label: number;
  /** Worth of naming a tag no chosen sentence names yet, relative to the best sentence's score. */
  tag: number;
}

/** Tuned on the dev set (ROUGE against the length-matched lead, cnndm and xsum) and read on the seed. */
export const DEFAULT_SELECTION: SelectionWeights = {
  redundancy: 0.8,
  sectionCoverage: 0.5,
  coverage: 1,
  lengthExponent: 0.5,
  stopShare: 0.2,
  lengthRatio: 0.1,
  label: 3,
  tag: 0.5,
};

/** Sentences worth less than this share of the best are never chosen. */
const FLOOR = 0.05;

export function selectSentences(candidates: readonly Candidate[], terms: TermEvidence, budget: Budget, weights: SelectionWeights = DEFAULT_SELECTION): Candidate[] {
  const termWeight = contentTermWeights(terms, weights);
  const chosen = greedy(candidates, termWeight, budget, weights, [], true);
  if (sumWords(chosen) >= budget.minWords) return chosen;
  // Short of the minimum (a short or debris-heavy article): relax the score floor
  // and fill with any usable sentence that fits, then give compressed sentences
  // back their cut clauses. An article with less prose than the minimum gets
  // all of it: the summary is the article's text.
  return uncompressToMinimum(greedy(candidates, termWeight, budget, weights, chosen, false), candidates, budget);
}

/** Swaps compressed sentences for their whole form, in article order, until the minimum is met. */
function uncompressToMinimum(chosen: Candidate[], candidates: readonly Candidate[], budget: Budget): Candidate[] {
  let out = [...chosen].sort((a, b) => a.index - b.index);
  let words = sumWords(out);
  for (let k = 0; k < out.length && words < budget.minWords; k++) {
    const longer = candidates.find((c) => c.index === out[k]!.index && c.words > out[k]!.words);
    if (!longer) continue;
    const swapped = out.map((c, j) => (j === k ? longer : c));
    const swappedWords = paragraphWords(swapped);
    if (swappedWords <= budget.maxWords) [out, words] = [swapped, swappedWords];
  }
  return out;
}

export interface TermEvidence {
  /** Per term id: how many sentences use it. */
  sentenceFrequency: Float64Array;
  /** Per term id: 1 when the title, a subhead or a tag uses it. */
  topical: Uint8Array;
}

/**
 * A term used by one sentence only is that sentence's detail; the weight grows
 * with each further sentence, and a term the article is labelled with counts
 * as if more sentences used it.
 */
function contentTermWeights({ sentenceFrequency, topical }: TermEvidence, weights: SelectionWeights): Float64Array {
  const out = new Float64Array(sentenceFrequency.length);
  for (let id = 0; id < out.length; id++) out[id] = Math.max(0, sentenceFrequency[id]! - 1) + weights.label * topical[id]!;
  return out;
}

function sumWords(chosen: readonly Candidate[]): number {
  return chosen.length === 0 ? 0 : paragraphWords(chosen);
}

/** Words of the paragraph the chosen sentences make (names are given in full once, short after). */
function paragraphWords(chosen: readonly Candidate[]): number {
  return paragraphLength([...chosen].sort((a, b) => a.index - b.index));
}

/** How far a paragraph's length can stray from the sum of its sentences' own counts. */
const NAMING_SLACK = 6;

/**
 * Whether `c` fits under the maximum: a sentence's own count gives a name in
 * full, and the paragraph gives it in full only once, so near the maximum the
 * paragraph is counted as it would be assembled.
 */
function fits(chosen: readonly Candidate[], words: number, c: Candidate, maxWords: number): boolean {
  const estimate = words + c.words;
  if (estimate > maxWords + NAMING_SLACK) return false;
  if (estimate <= maxWords - NAMING_SLACK) return true;
  return paragraphWords([...chosen, c]) <= maxWords;
}

function newCoverage(c: Candidate, termWeight: Float64Array, covered: Uint8Array): number {
  let gain = 0;
  for (let k = 0; k < c.vector.ids.length; k++) {
    const id = c.vector.ids[k]!;
    if (covered[id] === 0) gain += termWeight[id]!;
  }
  return gain;
}

function greedy(candidates: readonly Candidate[], termWeight: Float64Array, budget: Budget, weights: SelectionWeights, start: readonly Candidate[], strict: boolean): Candidate[] {
  const chosen: Candidate[] = [...start];
  const chosenIndexes = new Set(chosen.map((c) => c.index));
  const coveredSections = new Set(chosen.map((c) => c.sectionIndex));
  const coveredTags = new Set(chosen.flatMap((c) => c.tags));
  const covered = new Uint8Array(termWeight.length);
  for (const c of chosen) for (const id of c.vector.ids) covered[id] = 1;
  let best = 0;
  let bestCoverage = 0;
  const nothing = new Uint8Array(termWeight.length);
  for (const c of candidates) {
    best = Math.max(best, c.score);
    bestCoverage = Math.max(bestCoverage, newCoverage(c, termWeight, nothing) * c.quality);
  }
  const floor = strict ? best * FLOOR : 0;
  const coverageScale = bestCoverage > 0 ? (weights.coverage * best) / bestCoverage : 0;
  let words = sumWords(chosen);
  let firstGain = 0;
  const target = Math.min(budget.maxWords, Math.max(budget.minWords, Math.round(weights.lengthRatio * budget.articleWords)));
  for (;;) {
    let pick: Candidate | null = null;
    let pickValue = -Infinity;
    for (const c of candidates) {
      if (chosenIndexes.has(c.index) || c.score <= floor || !fits(chosen, words, c, budget.maxWords)) continue;
      if (c.needsPredecessor && !chosenIndexes.has(c.index - 1)) continue;
      let overlap = 0;
      for (const s of chosen) overlap = Math.max(overlap, cosineDense(c.vector, s.dense()));
      const own = c.score * (1 - weights.redundancy * overlap);
      const newTags = c.tags.filter((t) => !coveredTags.has(t)).length;
      const gain = (own + coverageScale * c.quality * newCoverage(c, termWeight, covered) + weights.tag * best * c.quality * newTags) * (coveredSections.has(c.sectionIndex) ? 1 : 1 + weights.sectionCoverage);
      const value = gain / Math.pow(Math.max(1, c.words), weights.lengthExponent);
      if (value > pickValue) [pick, pickValue] = [c, value];
    }
    if (!pick) break;
    if (chosen.length === 0 || firstGain === 0) firstGain = pickValue;
    else if (words >= budget.minWords && (words >= target || pickValue < weights.stopShare * firstGain)) break;
    chosen.push(pick);
    chosenIndexes.add(pick.index);
    coveredSections.add(pick.sectionIndex);
    for (const t of pick.tags) coveredTags.add(t);
    for (const id of pick.vector.ids) covered[id] = 1;
    words = paragraphWords(chosen);
  }
  return chosen;
}
