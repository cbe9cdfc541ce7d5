// Pieces of the headline evaluation (npm run eval:headline) that are worth
// testing on their own: taking the title line off a file's bytes, the
// baseline's first words, and a seeded bootstrap interval.
export { countWords } from "../pipeline/normalize/clean.ts";

/** A file of the headline set as bytes: its first line, and the body after the blank line(s). */
export function splitTitleLine(bytes: Uint8Array): { title: Uint8Array; body: Uint8Array } | null {
  const LF = 0x0a;
  const CR = 0x0d;
  const end = bytes.indexOf(LF);
  if (end <= 0) return null;
  let at = end + 1;
  // One or more blank lines (LF or CRLF) separate the title from the body.
  let blank = 0;
  while (at < bytes.length && (bytes[at] === LF || (bytes[at] === CR && bytes[at + 1] === LF))) {
    at += bytes[at] === CR ? 2 : 1;
    blank++;
  }
  if (blank === 0) return null;
  const titleEnd = bytes[end - 1] === CR ? end - 1 : end;
  return { title: bytes.subarray(0, titleEnd), body: bytes.subarray(at) };
}

/** The first `limit` words of a text, counted as the scorer counts them (tokens with a letter or digit). */
export function firstWords(text: string, limit: number): string {
  const out: string[] = [];
  let count = 0;
  for (const token of text.split(/\s+/).filter(Boolean)) {
    if (count >= limit) break;
    out.push(token);
    if (/[\p{L}\p{N}]/u.test(token)) count++;
  }
  return out.join(" ");
}



/**
 * k-fold cross-validation of one choice among candidates. `scores[c][i]` is
 * item i's score under candidate c. Fold f holds the items with i % k === f;
 * each fold is scored with the candidate that has the best mean on the other
 * folds (ties: the earlier candidate). Returns the mean over all items and
 * each fold's choice.
 */
export function crossValidate(scores: readonly (readonly number[])[], k: number): { score: number; chosen: number[] } {
  const n = scores[0]?.length ?? 0;
  let total = 0;
  const chosen: number[] = [];
  for (let f = 0; f < k; f++) {
    let best = 0;
    let bestMean = -Infinity;
    scores.forEach((s, c) => {
      let sum = 0;
      let count = 0;
      for (let i = 0; i < n; i++) if (i % k !== f) { sum += s[i]!; count++; }
      const m = count > 0 ? sum / count : 0;
      if (m > bestMean) { bestMean = m; best = c; }
    });
    chosen.push(best);
    for (let i = f; i < n; i += k) total += scores[best]![i]!;
  }
  return { score: n > 0 ? total / n : 0, chosen };
}
