// One article through normalize and summarize: the unit of work that the cache
// and the worker pool deal in.
import type { Article, Site } from "../schema.ts";
import { normalize } from "./normalize/index.ts";
import { BriefingError, problem } from "./problems.ts";
import type { SourceArticle } from "./read.ts";
import { summarize } from "./summarize/index.ts";

export function processArticle(source: SourceArticle, site: Site): Article {
  let stage = "normalize";
  try {
    const normalized = normalize(source, site);
    stage = "summarize";
    const { summary, keyPoints } = summarize(normalized, source.meta.summary, { minWords: site.summaryWords.min, maxWords: site.summaryWords.max });
    return { ...normalized, summary, keyPoints };
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
