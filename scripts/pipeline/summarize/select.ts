// Choosing whole sentences to a word budget. Greedy maximal marginal relevance:
// each step takes the sentence whose score, less its similarity to what is
// already chosen, is highest, among those that fit under the maximum and
// whose back-reference (if any) is already in. It stops once the minimum is
// reached: past that, ROUGE and readers both prefer the shorter paragraph.
import type { Candidate } from "./candidates.ts";
import { cosineDense } from "./score.ts";

export interface Budget {
  minWords: number;
  maxWords: number;
}

/** How much similarity to chosen sentences costs, relative to a sentence's score. */
export const REDUNDANCY = 0.6;
/** Bonus for the first sentence from a section not yet in the summary. */
export const SECTION_COVERAGE = 0.5;
/** Sentences worth less than this share of the best are never chosen. */
const FLOOR = 0.05;

export function selectSentences(candidates: readonly Candidate[], budget: Budget): Candidate[] {
  const chosen = greedy(candidates, budget, [], true);
  // Short of the minimum (a short or debris-heavy article): relax the score floor
  // and fill with any usable sentence that fits.
  return sumWords(chosen) < budget.minWords ? greedy(candidates, budget, chosen, false) : chosen;
}

function sumWords(chosen: readonly Candidate[]): number {
  return chosen.reduce((n, c) => n + c.words, 0);
}

function greedy(candidates: readonly Candidate[], budget: Budget, start: readonly Candidate[], strict: boolean): Candidate[] {
  const chosen: Candidate[] = [...start];
  const chosenIds = new Set(chosen.map((c) => c.id + "@" + c.index));
  const coveredSections = new Set(chosen.map((c) => c.sectionIndex));
  const best = Math.max(0, ...candidates.map((c) => c.score));
  const floor = strict ? best * FLOOR : 0;
  let words = sumWords(chosen);
  while (words < budget.minWords) {
    let pick: Candidate | null = null;
    let pickValue = -Infinity;
    for (const c of candidates) {
      if (chosenIds.has(c.id + "@" + c.index) || c.score <= floor || words + c.words > budget.maxWords) continue;
      const predecessor = candidates[c.index - 1];
      if (c.needsPredecessor && (!predecessor || !chosenIds.has(predecessor.id + "@" + predecessor.index))) continue;
      let overlap = 0;
      for (const s of chosen) overlap = Math.max(overlap, cosineDense(c.vector, s.dense()));
      // Covering another section of the article is worth more than a third sentence from one.
      const value = c.score * (1 - REDUNDANCY * overlap) * (coveredSections.has(c.sectionIndex) ? 1 : 1 + SECTION_COVERAGE);
      if (value > pickValue) [pick, pickValue] = [c, value];
    }
    if (!pick) break;
    chosen.push(pick);
    chosenIds.add(pick.id + "@" + pick.index);
    coveredSections.add(pick.sectionIndex);
    words += pick.words;
  }
  return chosen;
}
