// The pipeline's read -> normalize -> summarize stages over JSONL lines: the
// one function both `npm run summarize -- --jsonl` and `npm run eval:summary`
// use, so what is scored is what the build does.
import type { Site } from "../schema.ts";
import { normalize } from "../pipeline/normalize/index.ts";
import { BriefingError, hasErrors, type Problem } from "../problems.ts";
import { readPlainText } from "../pipeline/summarize/plain-text-source.ts";
import { summarize } from "../pipeline/summarize/index.ts";
import type { TextLine } from "./jsonl.ts";

export interface SummaryLine {
  id: string;
  summary: string;
}

/** Summarizes one `{id, text}` line; `file` names the JSONL set in problems. */
export function summarizeLine(item: TextLine & { line: number }, file: string, site: Site): SummaryLine {
  const read = readPlainText(`${file}#${item.line}.txt`, item.text, site.timeZone);
  const errors: Problem[] = read.problems.filter((p) => p.severity === "error").map((p) => ({ ...p, file, line: item.line }));
  if (!read.article || hasErrors(errors)) throw new BriefingError(errors);
  const normalized = normalize(read.article, site);
  const { summary } = summarize(normalized, null, { minWords: site.summaryWords.min, maxWords: site.summaryWords.max });
  return { id: item.id, summary: summary.text };
}
