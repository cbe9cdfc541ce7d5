// One article through normalize and summarize: the unit of work that the cache
// and the worker pool deal in.
import type { Article, Site } from "../schema.ts";
import { normalize } from "./normalize/index.ts";
import { BriefingError, problem } from "../problems.ts";
import type { SourceArticle } from "./read.ts";
import { summarize } from "./summarize/index.ts";
import { applyCorrections } from "./corrections.ts";
import { reviewArticle } from "./review.ts";

export function processArticle(source: SourceArticle, site: Site): Article {
  let stage = "normalize";
  try {
    const normalized = normalize(source, site);
    stage = "summarize";
    const { summary, keyPoints } = summarize(normalized, source.meta.summary, { minWords: site.summaryWords.min, maxWords: site.summaryWords.max });
    // The editor has the last word: corrections from the sidecar, then what is left to review.
    stage = "corrections";
    const machine = { ...normalized, summary, keyPoints };
    const corrected = applyCorrections(machine, source.meta.corrections);
    return { ...corrected.article, review: reviewArticle(machine, corrected, source.meta.corrections) };
  } catch (error) {
    if (error instanceof BriefingError) throw error;
    // A bug in a stage must still name the article and the stage.
    throw new BriefingError([
      problem({
        file: source.path, stage,
        message: `internal error: ${error instanceof Error ? error.message : String(error)}`,
        fix: "this is a bug in Briefing; please report it with the article attached",
      }),
    ]);
  }
}
