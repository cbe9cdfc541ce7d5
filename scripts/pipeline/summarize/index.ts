// Stage 3: summarize. A NormalizedArticle to its one-paragraph Summary and key
// points. Extractive and lead-based: the article's usable sentences in order,
// repaired so they read lifted out (connectives dropped, pronouns named or the
// sentence kept next to its predecessor), compressed where it helps fit, to
// the configured minimum (select.ts; the few settings are chosen by
// cross-validation, npm run eval:summary). An article with less prose than the
// minimum gets all of it. Key points are facts the gist does not state
// (key-points.ts). An editor's summary from front matter wins and is recorded
// as such.
import type { NormalizedArticle, Summary } from "../../schema.ts";
import { assembleSentences } from "./assemble.ts";
import { buildCandidates } from "./candidates.ts";
import { keyPoints as chooseKeyPoints } from "./key-points.ts";
import { indexPeople } from "./people.ts";
import { DEFAULT_SELECTION, selectSentences, type LeadSelection } from "./select.ts";
import { countWords, termTable } from "./words.ts";

export { countWords } from "./words.ts";

export interface SummaryOptions {
  minWords: number;
  maxWords: number;
  /** For cross-validation and tests; the build uses the default. */
  selection?: LeadSelection;
}

export interface SummaryResult {
  summary: Summary;
  keyPoints: string[];
}

export function summarize(article: NormalizedArticle, editorSummary: string | null, options: SummaryOptions): SummaryResult {
  const people = indexPeople(article);
  // The article's word forms and their terms, shared by every look at its sentences.
  const terms = termTable();
  const { candidates } = buildCandidates(article, people, terms);
  let chosen = selectSentences(candidates, { minWords: options.minWords, maxWords: options.maxWords }, options.selection ?? DEFAULT_SELECTION, article.tags.length);
  if (editorSummary) {
    const text = editorSummary.replace(/\s+/g, " ").trim();
    const keyPoints = chooseKeyPoints(article, candidates, editorSentences(text), new Set(), terms);
    return { summary: { text, origin: "editor", sentenceIds: [], wordCount: countWords(text) }, keyPoints };
  }
  let sentences = assembleSentences(chosen);
  let text = oneParagraph(sentences);
  if (text === "") {
    // Nothing usable (a headline-only note): the title is the summary.
    text = oneParagraph([article.title]);
    sentences = [text];
    chosen = [];
  }
  return {
    summary: { text, origin: "generated", sentenceIds: [...new Set(chosen.map((c) => c.id))], wordCount: countWords(text) },
    keyPoints: chooseKeyPoints(article, candidates, sentences, new Set(chosen.map((c) => c.index)), terms),
  };
}

/** An editor's paragraph in sentences, for the key points to stay clear of. */
function editorSentences(text: string): string[] {
  return text.split(/(?<=[.!?][’”'")]*)\s+(?=[‘“'"(]?[\p{Lu}\d])/u).filter((s) => s !== "");
}

function oneParagraph(sentences: readonly string[]): string {
  return sentences.join(" ").replace(/\s+/g, " ").trim();
}
