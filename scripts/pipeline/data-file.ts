// The data file: validated against the schema on write and on read.
import { createHash } from "node:crypto";
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ArticleSchema, DataFileSchema, type Article, type DataFile } from "../schema.ts";
import { BriefingError, problem } from "./problems.ts";

export const DATA_FILE = "_data/briefing.json";

/**
 * Values that came out of validateDataFile. Validation costs ~0.85 ms per
 * article, so the build validates once (runPipeline) and the write trusts
 * that value; anything else is validated here. Build values are not mutated
 * after validation.
 */
const validated = new WeakSet<object>();

/**
 * Articles already checked against ArticleSchema: the per-article cache
 * validates a result before storing it and marks what it serves from an
 * entry whose digest matched (scripts/pipeline/cache.ts).
 */
const validArticles = new WeakSet<object>();
/**
 * The JSON text and SHA-256 (hex) an article was read from, when the cache
 * served it: JSON.stringify gives back exactly that text, so the data file
 * reuses it rather than making it again.
 */
const knownJson = new WeakMap<object, string>();
const knownDigest = new WeakMap<object, string>();
export function markValidArticle(article: Article, from?: { json: string; digest: string }): Article {
  validArticles.add(article);
  if (from) {
    knownJson.set(article, from.json);
    knownDigest.set(article, from.digest);
  }
  return article;
}

/** SHA-256 (hex) of an article's JSON text: the cache's entry digest and the render keys'. */
export const articleDigest = (articleJson: string): string => createHash("sha256").update(articleJson).digest("hex");

const DataFileEnvelopeSchema = DataFileSchema.extend({ articles: z.array(z.unknown()) });

export type DataFileCheck = { success: true; data: DataFile } | { success: false; error: { issues: z.core.$ZodIssue[] } };

/**
 * The data file against DataFileSchema: the envelope, and each article not
 * already known valid with ArticleSchema (the schema has no rule across
 * articles, so this is the same verdict). A valid result is remembered so
 * that writing it does not validate it again.
 */
export function validateDataFile(value: DataFile): DataFileCheck {
  const envelope = DataFileEnvelopeSchema.safeParse(value);
  const issues: z.core.$ZodIssue[] = envelope.success ? [] : [...envelope.error.issues];
  const articles = value.articles.map((article, i) => {
    if (validArticles.has(article)) return article;
    const checked = ArticleSchema.safeParse(article);
    if (!checked.success) issues.push(...checked.error.issues.map((issue) => ({ ...issue, path: ["articles", i, ...issue.path] })));
    return checked.success ? checked.data : article;
  });
  if (!envelope.success || issues.length > 0) return { success: false, error: { issues } };
  const data: DataFile = { ...envelope.data, articles };
  validated.add(data);
  return { success: true, data };
}

/**
 * The data file's bytes in pieces: those of JSON.stringify(data), then a
 * newline. Compact rather than indented: at archive scale the file is a
 * hundred megabytes that programs read. A cached article's JSON is reused.
 */
function* dataFileChunks(data: DataFile): Generator<string> {
  const valid = validated.has(data) ? data : DataFileSchema.parse(data);
  yield "{";
  let first = true;
  for (const [key, value] of Object.entries(valid)) {
    if (value === undefined) continue;
    yield `${first ? "" : ","}${JSON.stringify(key)}:`;
    first = false;
    if (key !== "articles") {
      yield JSON.stringify(value);
      continue;
    }
    yield "[";
    for (const [i, article] of valid.articles.entries()) {
      const json = knownJson.get(article) ?? JSON.stringify(article);
      // Used once: at archive scale the texts are hundreds of megabytes that
      // the render, which comes next, has better use for.
      knownJson.delete(article);
      yield i === 0 ? json : `,${json}`;
    }
    yield "]";
  }
  yield "}\n";
}

/** Serializes deterministically: the same DataFile always gives the same bytes. */
export function serializeDataFile(data: DataFile): string {
  return [...dataFileChunks(data)].join("");
}

/**
 * SHA-256 (hex) of each article's JSON as the data file holds it: the digest
 * the cache read or wrote it with, else computed. Equal digests, equal bytes.
 */
export function articleDigests(data: DataFile): string[] {
  return data.articles.map((article) => knownDigest.get(article) ?? articleDigest(JSON.stringify(article)));
}

/**
 * Writes next to the target and renames, so a reader never sees half a file.
 * Written piece by piece: the whole text of a large archive would be hundreds
 * of megabytes in memory at once.
 */
export function writeDataFile(file: string, data: DataFile): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  const fd = openSync(tmp, "w");
  try {
    let pending: string[] = [];
    let pendingLength = 0;
    const flush = () => {
      writeSync(fd, pending.join(""));
      pending = [];
      pendingLength = 0;
    };
    for (const chunk of dataFileChunks(data)) {
      pending.push(chunk);
      pendingLength += chunk.length;
      if (pendingLength >= 1 << 20) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

export function readDataFile(file: string): DataFile {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new BriefingError([problem({ file, stage: "render", message: `cannot read the data file: ${(error as Error).message}`, fix: "run `npm run build` (it writes the data file before rendering)" })]);
  }
  const parsed = DataFileSchema.safeParse(raw);
  if (!parsed.success) {
    throw new BriefingError([problem({ file, stage: "render", message: `the data file does not match the schema: ${parsed.error.issues[0]?.message} at ${parsed.error.issues[0]?.path.join(".")}`, fix: "rebuild it with `npm run build`" })]);
  }
  return parsed.data;
}
