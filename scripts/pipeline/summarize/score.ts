// Sentence scores: how much each sentence is worth in the summary before
// redundancy is considered. Three signals, multiplied by the sentence's quality:
//  - position: news puts its point first; the prior decays with the sentence's
//    rank among usable sentences (debris does not push the story down);
//  - centrality: TF-IDF cosine to the whole article (what the story keeps
//    talking about), IDF taken over the article's own sentences;
//  - people: mentions of the article's main people.
import { contentTerms } from "./words.ts";

export type TermVector = Map<string, number>;

export interface ScoreWeights {
  /** Sentences (of usable ones) over which the lead prior halves. */
  positionHalfLife: number;
  centrality: number;
  people: number;
}

export const DEFAULT_WEIGHTS: ScoreWeights = { positionHalfLife: 3, centrality: 0.5, people: 0.2 };

/** TF-IDF vectors (unit length) of each sentence, and of the article as a whole. */
export function termVectors(texts: readonly string[]): { sentences: TermVector[]; document: TermVector } {
  const termLists = texts.map(contentTerms);
  const df = new Map<string, number>();
  for (const terms of termLists) for (const t of new Set(terms)) df.set(t, (df.get(t) ?? 0) + 1);
  const n = texts.length;
  const idf = (t: string) => Math.log(1 + n / (df.get(t) ?? 1));
  const vector = (terms: readonly string[]): TermVector => {
    const v: TermVector = new Map();
    for (const t of terms) v.set(t, (v.get(t) ?? 0) + 1);
    let norm = 0;
    for (const [t, tf] of v) {
      const w = tf * idf(t);
      v.set(t, w);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    for (const [t, w] of v) v.set(t, w / norm);
    return v;
  };
  return { sentences: termLists.map(vector), document: vector(termLists.flat()) };
}

export function cosine(a: TermVector, b: TermVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let dot = 0;
  for (const [t, w] of small) {
    const o = large.get(t);
    if (o !== undefined) dot += w * o;
  }
  return dot;
}

/** Lead prior for the sentence that is the `rank`-th usable one (0-based). */
export function positionPrior(rank: number, halfLife: number): number {
  return Math.pow(0.5, rank / halfLife);
}
