// Stage 3: summarize. A NormalizedArticle to its one-paragraph Summary and key
// points. First version: the lead sentences up to the target length. Deepened
// in the summary issue.
import type { NormalizedArticle, Summary } from "../../schema.ts";

export interface SummaryOptions {
  minWords: number;
  maxWords: number;
}

export interface SummaryResult {
  summary: Summary;
  keyPoints: string[];
}

function countWords(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}

export function summarize(article: NormalizedArticle, editorSummary: string | null, options: SummaryOptions): SummaryResult {
  const sentences = article.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
  const keyPoints = sentences.slice(0, 3).map((s) => s.display);
  if (editorSummary) {
    return { summary: { text: editorSummary, origin: "editor", sentenceIds: [], wordCount: countWords(editorSummary) }, keyPoints };
  }
  const chosen: typeof sentences = [];
  let words = 0;
  for (const s of sentences) {
    const w = countWords(s.text);
    if (words >= options.minWords && words + w > options.maxWords) break;
    chosen.push(s);
    words += w;
    if (words >= options.maxWords) break;
  }
  const text = chosen.map((s) => s.display).join(" ") || article.title;
  return { summary: { text, origin: "generated", sentenceIds: chosen.map((s) => s.id), wordCount: countWords(text) }, keyPoints };
}
