// One article as it travels from the pipeline to the data file and the render
// keys: the processed value together with its JSON text and digest, so that
// neither is made twice, and the problems its schema check found.
import { createHash } from "node:crypto";
import { ArticleSchema, type Article } from "../schema.ts";
import { problem, type Problem } from "../problems.ts";
import type { SourceArticle } from "./read.ts";

export interface ArticleEntry {
  source: SourceArticle;
  /** Valid against ArticleSchema when `problems` is empty. */
  article: Article;
  /** JSON.stringify(article): the bytes the data file holds for it. */
  json: string;
  /** SHA-256 (hex) of `json`: the cache's entry digest and the render keys'. */
  digest: string;
  /** Schema problems of the result (a bug in a stage, never the author's). */
  problems: Problem[];
}

/** An article's JSON with its digest, as the cache stores and serves it. */
export interface ArticleJson {
  article: Article;
  json: string;
  digest: string;
}

/** SHA-256 (hex) of an article's JSON text. */
export const articleDigest = (articleJson: string): string => createHash("sha256").update(articleJson).digest("hex");

/** The JSON and digest of an article already known to be valid. */
export function articleJson(article: Article): ArticleJson {
  const json = JSON.stringify(article);
  return { article, json, digest: articleDigest(json) };
}

/**
 * A processed article checked against ArticleSchema (~0.85 ms): the schema's
 * own output when valid, else the result as it came with its problems named.
 */
export function checkedEntry(source: SourceArticle, article: Article): ArticleEntry {
  const checked = ArticleSchema.safeParse(article);
  if (checked.success) return { source, ...articleJson(checked.data), problems: [] };
  const problems = checked.error.issues.slice(0, 10).map((issue) =>
    problem({ file: source.path, stage: "write", field: issue.path.join("."), message: `the data file would be invalid: ${issue.message}`, fix: "this is a bug in Briefing's pipeline; please report it with the article attached" }),
  );
  return { source, ...articleJson(article), problems };
}
