// The pipeline, top to bottom: read -> normalize -> summarize -> data file.
// Returns the DataFile value and every problem found; writes nothing.
import path from "node:path";
import { DATA_FILE_VERSION, type Article, type DataFile, type Site } from "../schema.ts";
import { discoverArticles } from "./discover.ts";
import { LIMITS } from "./limits.ts";
import { processArticle, type ProcessedArticle } from "./process-article.ts";
import { problem, type Problem } from "../problems.ts";
import { readArticleFile, type SourceArticle } from "./read.ts";
import { GENERATOR } from "./generator.ts";
import { checkDataFileEnvelope, type CheckedDataFile } from "./data-file.ts";
import { checkedEntry, type ArticleEntry } from "./article-entry.ts";
import { unmatchedProblem } from "./corrections.ts";
import { buildEditions } from "./editions.ts";

export interface PipelineOptions {
  root: string;
  articlesDir: string;
  site: Site;
  includeDrafts?: boolean;
}

export interface PipelineResult {
  /** The data file with each article's entry, checked against the schema; null when there are errors. */
  checked: CheckedDataFile | null;
  /**
   * What went wrong, errors and warnings, in the order found: reading every file (drafts
   * included), then, if no read problem is an error, processing the published articles
   * (every failing article's problems), corrections that matched nothing (warnings), clashing
   * slugs, and the data file's schema validation (its first 10 issues). `checked` is null
   * whenever one of them is an error.
   */
  problems: Problem[];
  stats: { read: number; drafts: number; published: number };
}

/** Read every file; collect problems rather than stopping at the first. */
export function readAll(root: string, files: string[], site: Site): { sources: SourceArticle[]; problems: Problem[] } {
  const sources: SourceArticle[] = [];
  const problems: Problem[] = [];
  if (files.length > LIMITS.articles) {
    problems.push(problem({ file: path.relative(root, path.dirname(files[0]!)) || ".", stage: "read", message: `${files.length} articles, over the limit of ${LIMITS.articles}`, fix: "archive older articles or raise LIMITS.articles" }));
    return { sources, problems };
  }
  for (const file of files) {
    const result = readArticleFile(root, file, site.timeZone);
    problems.push(...result.problems);
    if (result.article) sources.push(result.article);
  }
  return { sources, problems };
}

/** Duplicate slugs are an error naming both files; so are case-only collisions. */
export function checkSlugs(articles: Pick<Article, "slug" | "sourcePath">[]): Problem[] {
  const seen = new Map<string, string>();
  const problems: Problem[] = [];
  for (const a of articles) {
    const key = a.slug.toLowerCase();
    const other = seen.get(key);
    if (other !== undefined) {
      problems.push(problem({ file: a.sourcePath, field: "slug", stage: "normalize", message: `slug "${a.slug}" is already used by ${other}`, fix: "give one of the two articles a different `slug:` in its front matter, or rename the file" }));
    } else seen.set(key, a.sourcePath);
  }
  return problems;
}

/** Newest first; ties broken by slug so the order never depends on the file system. */
export function byNewest(a: Article, b: Article): number {
  const ta = Date.parse(a.date);
  const tb = Date.parse(b.date);
  if (ta !== tb) return tb - ta;
  return a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0;
}

export function assembleDataFile(site: Site, articles: Article[]): DataFile {
  const sorted = [...articles].sort(byNewest);
  const tags = new Map<string, { name: string; slug: string; articles: string[] }>();
  for (const a of sorted) {
    for (const t of a.tags) {
      const entry = tags.get(t.slug) ?? { name: t.name, slug: t.slug, articles: [] };
      entry.articles.push(a.slug);
      tags.set(t.slug, entry);
    }
  }
  return {
    version: DATA_FILE_VERSION,
    generator: GENERATOR,
    site,
    articles: sorted,
    tags: [...tags.values()].sort((a, b) => (a.slug < b.slug ? -1 : a.slug > b.slug ? 1 : 0)),
    editions: buildEditions(sorted, site),
  };
}

/** Normalizes and summarizes articles: each result, or its problems, in the order of `sources`. */
export type ArticleProcessor = (sources: SourceArticle[], site: Site) => Promise<ProcessedArticle[]>;
/** An article that could not be processed, with the problems that stopped it. */
export interface FailedEntry { source: SourceArticle; article: null; problems: Problem[] }
/** The same, with each result checked against the schema (or served checked by the cache). */
export type EntryProcessor = (sources: SourceArticle[], site: Site) => Promise<(ArticleEntry | FailedEntry)[]>;

/** The default processor: one article after another, in this thread. */
export const processSerially: ArticleProcessor = async (sources, site) => sources.map((s) => processArticle(s, site));

/** One processed article as an entry: checked against ArticleSchema, or failed with its problems. */
export function entryOf(source: SourceArticle, processed: ProcessedArticle): ArticleEntry | FailedEntry {
  return "problems" in processed ? { source, article: null, problems: processed.problems } : checkedEntry(source, processed.article);
}

/** A processor's results, each checked against ArticleSchema. */
export const checkedEntries = (processor: ArticleProcessor): EntryProcessor => async (sources, site) => {
  const processed = await processor(sources, site);
  return processed.map((result, i) => entryOf(sources[i]!, result));
};

export async function runPipeline(options: PipelineOptions, processor: EntryProcessor = checkedEntries(processSerially)): Promise<PipelineResult> {
  const files = discoverArticles(options.articlesDir);
  const { sources, problems } = readAll(options.root, files, options.site);
  const published = sources.filter((s) => options.includeDrafts || !s.meta.draft);
  const stats = { read: files.length, drafts: sources.length - published.length, published: published.length };
  if (problems.some((p) => p.severity === "error")) return { checked: null, problems, stats };

  const results = await processor(published, options.site);
  // Every article that failed, each naming its file, in the order read.
  const failures = results.flatMap((r) => (r.article === null ? r.problems : []));
  if (failures.length > 0) return { checked: null, problems: [...problems, ...failures], stats };
  const entries = results as ArticleEntry[];
  const articles = entries.map((e) => e.article);
  // Corrections that matched nothing: warnings naming the file and the entry (kept with the cached article).
  problems.push(...articles.flatMap((a) => a.review.unmatchedCorrections.map(unmatchedProblem)));
  const slugProblems = checkSlugs(articles);
  if (slugProblems.length > 0) return { checked: null, problems: [...problems, ...slugProblems], stats };
  // Each article was checked against the schema on its way here (or when the cache stored it).
  const schemaProblems = entries.flatMap((e) => e.problems).slice(0, 10);
  if (schemaProblems.length > 0) return { checked: null, problems: [...problems, ...schemaProblems], stats };

  // Sorted as assembleDataFile sorts (slugs are unique, so the order is total): entries[i] is data.articles[i].
  const sorted = [...entries].sort((a, b) => byNewest(a.article, b.article));
  const data = assembleDataFile(options.site, sorted.map((e) => e.article));
  const envelope = checkDataFileEnvelope(data, sorted);
  if (!envelope.success) {
    const issues = envelope.error.issues.slice(0, 10).map((issue) =>
      problem({ file: "data file", stage: "write", field: issue.path.join("."), message: `the data file would be invalid: ${issue.message}`, fix: "this is a bug in Briefing's pipeline; please report it with the article attached" }),
    );
    return { checked: null, problems: [...problems, ...issues], stats };
  }
  return { checked: envelope.checked, problems, stats };
}
