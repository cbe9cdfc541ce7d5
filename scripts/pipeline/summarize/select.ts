// Choosing whole sentences to a word budget. Greedy maximal marginal relevance:
// each step takes the sentence whose score, less its similarity to what is
// already chosen, is highest, among those that fit under the maximum and
// whose back-reference (if any) is already in. It stops once the minimum is
// reached: past that, ROUGE and readers both prefer the shorter paragraph.
import type { Candidate } from "./candidates.ts";
import { cosine } from "./score.ts";

export interface Budget {
  minWords: number;
  maxWords: number;
}

/** How much similarity to chosen sentences costs, relative to a sentence's score. */
export const REDUNDANCY = 0.6;
/** Sentences worth less than this share of the best are never chosen. */
const FLOOR = 0.05;

export function selectSentences(candidates: readonly Candidate[], budget: Budget): Candidate[] {
  const chosen: Candidate[] = [];
  const chosenIds = new Set<string>();
  const best = Math.max(0, ...candidates.map((c) => c.score));
  let words = 0;
  while (words < budget.minWords) {
    let pick: Candidate | null = null;
    let pickValue = -Infinity;
    for (const c of candidates) {
      if (chosenIds.has(c.id) || c.score <= best * FLOOR || words + c.words > budget.maxWords) continue;
      if (c.needsPredecessor && (c.index === 0 || !chosenIds.has(candidates[c.index - 1]!.id))) continue;
      let overlap = 0;
      for (const s of chosen) overlap = Math.max(overlap, cosine(c.vector, s.vector));
      const value = c.score * (1 - REDUNDANCY * overlap);
      if (value > pickValue) [pick, pickValue] = [c, value];
    }
    if (!pick) break;
    chosen.push(pick);
    chosenIds.add(pick.id);
    words += pick.words;
  }
  return chosen;
}
