// The user's sample article, read with its sidecar and processed the way a
// build does, with the project's own site settings: for tests that need one
// real article value without running a build.
import { readFileSync } from "node:fs";
import path from "node:path";
import { processArticleOrThrow } from "../../scripts/pipeline/process-article.ts";
import { readArticle } from "../../scripts/pipeline/read.ts";
import type { Article, Site } from "../../scripts/schema.ts";
import { loadSite } from "../../scripts/site-settings.ts";
import { PROJECT_ROOT, SEED_ARTICLE } from "./project.ts";

export function processedSeedArticle(): { site: Site; article: Article } {
  const site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"), {});
  const read = readArticle({
    path: `src/articles/${path.basename(SEED_ARTICLE)}`,
    bytes: readFileSync(SEED_ARTICLE),
    sidecar: { path: `src/articles/${path.basename(SEED_ARTICLE).replace(/\.txt$/, ".yaml")}`, bytes: readFileSync(SEED_ARTICLE.replace(/\.txt$/, ".yaml")) },
    siteTimeZone: site.timeZone,
  });
  if (!read.article) throw new Error(read.problems.map((p) => p.message).join("; "));
  return { site, article: processArticleOrThrow(read.article, site) };
}
