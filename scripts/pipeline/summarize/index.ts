// Stage 3: summarize. A NormalizedArticle to its one-paragraph Summary and key
// points. Extractive: sentences are compressed (compress.ts), scored (lead
// position, centrality, main people, quality), chosen by marginal gain to a
// length that grows with the article's, within the configured minimum and
// maximum (select.ts), put back in article order and repaired so the paragraph
// reads as written. An article with less prose than the minimum gets all of it.
// An editor's summary from front matter wins and is recorded as such.
import type { NormalizedArticle, Summary } from "../../schema.ts";
import { assembleSentences } from "./assemble.ts";
import { buildCandidates } from "./candidates.ts";
import { keyPoints as chooseKeyPoints } from "./key-points.ts";
import { indexPeople } from "./people.ts";
import { DEFAULT_WEIGHTS, type ScoreWeights } from "./score.ts";
import { selectSentences, type SelectionWeights } from "./select.ts";
import { countWords } from "./words.ts";

export { countWords } from "./words.ts";

export interface SummaryOptions {
  minWords: number;
  maxWords: number;
  /** For tuning and tests; the build uses the defaults. */
  weights?: ScoreWeights;
  selection?: SelectionWeights;
}

export interface SummaryResult {
  summary: Summary;
  keyPoints: string[];
}

export function summarize(article: NormalizedArticle, editorSummary: string | null, options: SummaryOptions): SummaryResult {
  const people = indexPeople(article);
  const { candidates, ...terms } = buildCandidates(article, people, options.weights ?? DEFAULT_WEIGHTS);
  let chosen = selectSentences(candidates, terms, { minWords: options.minWords, maxWords: options.maxWords, articleWords: article.wordCount }, options.selection).sort((a, b) => a.index - b.index);
  const keyPoints = chooseKeyPoints(candidates, new Set(chosen.map((c) => c.id)));
  if (editorSummary) {
    const text = editorSummary.replace(/\s+/g, " ").trim();
    return { summary: { text, origin: "editor", sentenceIds: [], wordCount: countWords(text) }, keyPoints };
  }
  let text = oneParagraph(assembleSentences(chosen));
  if (text === "") {
    // Nothing usable (a headline-only note): the title is the summary.
    text = oneParagraph([article.title]);
    chosen = [];
  }
  return {
    summary: { text, origin: "generated", sentenceIds: [...new Set(chosen.map((c) => c.id))], wordCount: countWords(text) },
    keyPoints: keyPoints.length > 0 ? keyPoints : [text],
  };
}

function oneParagraph(sentences: readonly string[]): string {
  return sentences.join(" ").replace(/\s+/g, " ").trim();
}
