// One article through normalize and summarize: the unit of work that the cache
// and the worker pool deal in. It returns its problems as a value, like
// reading does: the pipeline reports every failing article, not the first.
import type { Article, Site } from "../schema.ts";
import { normalize } from "./normalize/index.ts";
import { BriefingError, problem, type Problem } from "../problems.ts";
import type { SourceArticle } from "./read.ts";
import { summarize } from "./summarize/index.ts";
import { applyCorrections } from "./corrections.ts";
import { reviewArticle } from "./review.ts";

/** The processed article, or the problems that stopped it (each naming the article's file). */
export type ProcessedArticle = { article: Article } | { problems: Problem[] };

export function processArticle(source: SourceArticle, site: Site): ProcessedArticle {
  let stage = "normalize";
  try {
    const normalized = normalize(source, site);
    stage = "summarize";
    const { summary, keyPoints } = summarize(normalized, source.meta.summary, { minWords: site.summaryWords.min, maxWords: site.summaryWords.max });
    // The editor has the last word: corrections from the sidecar, then what is left to review.
    stage = "corrections";
    const machine = { ...normalized, summary, keyPoints };
    const corrected = applyCorrections(machine, source.meta.corrections);
    return { article: { ...corrected.article, review: reviewArticle(machine, corrected, source.meta.corrections) } };
  } catch (error) {
    // Normalize's own problems (a Markdown body nested too deep) come as a BriefingError.
    if (error instanceof BriefingError) return { problems: error.problems };
    // A bug in a stage must still name the article and the stage.
    return {
      problems: [problem({
        file: source.path, stage,
        message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
        fix: "this is a bug in Briefing; please report it with the article attached",
      })],
    };
  }
}

/**
 * For the program's edge (the normalize and summarize commands, the evals,
 * tests): the article, or a BriefingError carrying its problems.
 */
export function processArticleOrThrow(source: SourceArticle, site: Site): Article {
  const processed = processArticle(source, site);
  if ("problems" in processed) throw new BriefingError(processed.problems);
  return processed.article;
}
