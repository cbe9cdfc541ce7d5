// Term vectors: TF-IDF over the article's own sentences, for a sentence's
// centrality (cosine to the whole article: what the story keeps talking about)
// and for how much two sentences repeat each other.
import { contentTerms, termTable, type TermTable } from "./words.ts";

/** A sparse unit-length TF-IDF vector over the article's term ids. */
export interface TermVector {
  ids: Int32Array;
  weights: Float64Array;
}

/** TF-IDF vectors (unit length) of each sentence, and the article's as a dense array. */
export interface TermSpace {
  sentences: TermVector[];
  /** The article's own vector, unit length, dense. */
  document: Float64Array;
  dimensions: number;
  /** Per term id: how many sentences use it. */
  sentenceFrequency: Float64Array;
  /** Term to id. */
  idOf: ReadonlyMap<string, number>;
}

/**
 * Only the first `counted` texts are the article's sentences (frequencies, the
 * article's vector); any after them are variants of those (a compressed form)
 * that get a vector in the same space.
 */
export function termVectors(texts: readonly string[], counted = texts.length, terms: TermTable = termTable()): TermSpace {
  const idOf = new Map<string, number>();
  const idLists = texts.map((text) =>
    contentTerms(text, terms).map((t) => {
      let id = idOf.get(t);
      if (id === undefined) idOf.set(t, (id = idOf.size));
      return id;
    }),
  );
  const dimensions = idOf.size;
  const df = new Float64Array(dimensions);
  const total = new Float64Array(dimensions);
  const seen = new Int32Array(dimensions).fill(-1);
  idLists.forEach((ids, s) => {
    if (s >= counted) return;
    for (const id of ids) {
      total[id]!++;
      if (seen[id] !== s) {
        seen[id] = s;
        df[id]!++;
      }
    }
  });
  const idf = new Float64Array(dimensions);
  for (let id = 0; id < dimensions; id++) idf[id] = Math.log(1 + counted / Math.max(1, df[id]!));
  // Term counts of one sentence at a time, in a scratch array over the article's terms.
  const counts = new Float64Array(dimensions);
  const sentences = idLists.map((ids) => {
    const distinct: number[] = [];
    for (const id of ids) if (counts[id]!++ === 0) distinct.push(id);
    const vector: TermVector = { ids: Int32Array.from(distinct), weights: new Float64Array(distinct.length) };
    for (let k = 0; k < distinct.length; k++) {
      const id = distinct[k]!;
      vector.weights[k] = counts[id]! * idf[id]!;
      counts[id] = 0;
    }
    return normalized(vector);
  });
  const document = new Float64Array(dimensions);
  let norm = 0;
  for (let id = 0; id < dimensions; id++) norm += (document[id] = total[id]! * idf[id]!) ** 2;
  norm = Math.sqrt(norm) || 1;
  for (let id = 0; id < dimensions; id++) document[id]! /= norm;
  return { sentences, document, dimensions, sentenceFrequency: df, idOf };
}

function normalized(v: TermVector): TermVector {
  let norm = 0;
  for (const w of v.weights) norm += w * w;
  norm = Math.sqrt(norm) || 1;
  for (let k = 0; k < v.weights.length; k++) v.weights[k]! /= norm;
  return v;
}

/** Cosine of a sparse unit vector with a dense one (the article, or a chosen sentence spread out). */
export function cosineDense(v: TermVector, dense: Float64Array): number {
  let dot = 0;
  for (let k = 0; k < v.ids.length; k++) dot += v.weights[k]! * (dense[v.ids[k]!] ?? 0);
  return dot;
}

/** A sparse vector spread into a dense array of the article's dimensions. */
export function toDense(v: TermVector, dimensions: number): Float64Array {
  const dense = new Float64Array(dimensions);
  for (let k = 0; k < v.ids.length; k++) dense[v.ids[k]!] = v.weights[k]!;
  return dense;
}
