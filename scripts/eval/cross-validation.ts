// k-fold cross-validation of the summarizer's few settings against the
// length-matched lead: each article is summarized with the setting chosen on
// the other folds, so the figures reported are those of a choice that never
// saw the article. Folds depend only on the ids (a hash), so they are the same
// on every run and machine.
import { createHash } from "node:crypto";
import { seededRandom } from "../seeded-random.ts";

/** One article's scores under one setting, as the scorer's --per-doc writes them (F1, 0-1). */
export interface DocScores {
  id: string;
  source: string;
  rouge1: number;
  rouge2: number;
  rougeL: number;
  lead1: number;
  lead2: number;
  leadL: number;
}

export const METRICS = [
  ["rouge1", "lead1"],
  ["rouge2", "lead2"],
  ["rougeL", "leadL"],
] as const;

/**
 * Fold of each id, 0..k-1: within each source, ids ordered by a hash of
 * `salt|id` are dealt round-robin, so every fold holds its share of each source.
 */
export function assignFolds(items: ReadonlyArray<{ id: string; source: string }>, k: number, salt = "briefing-summary-cv-v1"): Map<string, number> {
  const folds = new Map<string, number>();
  const bySource = new Map<string, string[]>();
  for (const { id, source } of items) bySource.set(source, [...(bySource.get(source) ?? []), id]);
  for (const source of [...bySource.keys()].sort()) {
    const keyed = bySource.get(source)!.map((id) => ({ id, key: createHash("sha256").update(`${salt}|${id}`).digest("hex") }));
    keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    keyed.forEach(({ id }, rank) => folds.set(id, rank % k));
  }
  return folds;
}

/**
 * What a setting must maximize: its worst mean margin over the lead, over
 * the given sources (all when null) and each of ROUGE-1, -2 and -L (the bar
 * is "at or above the lead on all three"), on the given articles.
 */
export function worstMargin(docs: readonly DocScores[], sources: ReadonlySet<string> | null = null): number {
  let worst = Infinity;
  for (const source of new Set(docs.map((d) => d.source))) {
    if (sources && !sources.has(source)) continue;
    const own = docs.filter((d) => d.source === source);
    for (const [system, lead] of METRICS) worst = Math.min(worst, mean(own.map((d) => d[system] - d[lead])));
  }
  return worst;
}

/** Index of the setting with the best worst margin on `ids`; a tie goes to the earlier (simpler) setting. */
export function chooseSetting(scoresBySetting: ReadonlyArray<ReadonlyMap<string, DocScores>>, ids: ReadonlySet<string>, sources: ReadonlySet<string> | null = null): number {
  let best = 0;
  let bestValue = -Infinity;
  scoresBySetting.forEach((scores, k) => {
    const value = worstMargin([...scores.values()].filter((d) => ids.has(d.id)), sources);
    // A margin must beat the earlier one by more than rounding to count.
    if (value > bestValue + 1e-9) [best, bestValue] = [k, value];
  });
  return best;
}

/** For each fold, the setting chosen on the other folds. */
export function crossValidate(scoresBySetting: ReadonlyArray<ReadonlyMap<string, DocScores>>, folds: ReadonlyMap<string, number>, k: number, sources: ReadonlySet<string> | null = null): number[] {
  const chosen: number[] = [];
  for (let fold = 0; fold < k; fold++) {
    const training = new Set([...folds].filter(([, f]) => f !== fold).map(([id]) => id));
    chosen.push(chooseSetting(scoresBySetting, training, sources));
  }
  return chosen;
}


/** 95% bootstrap interval of the mean, resampling articles with a fixed seed. */
export function bootstrapInterval(values: readonly number[], seed = 20260302, resamples = 2000): [number, number] {
  if (values.length === 0) return [0, 0];
  const random = seededRandom(seed);
  const means: number[] = [];
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let k = 0; k < values.length; k++) sum += values[Math.floor(random() * values.length)]!;
    means.push(sum / values.length);
  }
  means.sort((x, y) => x - y);
  return [quantile(means, 0.025), quantile(means, 0.975)];
}

function quantile(sorted: readonly number[], q: number): number {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (pos - lo);
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((s, x) => s + x, 0) / values.length;
}
