// The data file: validated against the schema on write and on read.
import { closeSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { ArticleSchema, DataFileSchema, type Article, type DataFile } from "../schema.ts";
import { BriefingError, problem } from "../problems.ts";
import type { ArticleEntry } from "./article-entry.ts";

export const DATA_FILE = "_data/briefing.json";

const DataFileEnvelopeSchema = DataFileSchema.extend({ articles: z.array(z.unknown()) });

export type DataFileCheck = { success: true; data: DataFile } | { success: false; error: { issues: z.core.$ZodIssue[] } };

/**
 * A data file checked against DataFileSchema, with each article's entry in
 * the order of `data.articles` (entries[i].article is data.articles[i]): what
 * the build writes, reusing each entry's JSON text.
 */
export interface CheckedDataFile {
  data: DataFile;
  entries: readonly ArticleEntry[];
}

/** Any data file value against DataFileSchema: the envelope, then each article, each issue naming its path. */
export function validateDataFile(value: DataFile): DataFileCheck {
  const envelope = DataFileEnvelopeSchema.safeParse(value);
  const issues: z.core.$ZodIssue[] = envelope.success ? [] : [...envelope.error.issues];
  const articles = value.articles.map((article, i) => {
    const checked = ArticleSchema.safeParse(article);
    if (!checked.success) issues.push(...checked.error.issues.map((issue) => ({ ...issue, path: ["articles", i, ...issue.path] })));
    return checked.success ? checked.data : article;
  });
  if (!envelope.success || issues.length > 0) return { success: false, error: { issues } };
  return { success: true, data: { ...envelope.data, articles } };
}

/**
 * A data file whose articles are entries already checked against
 * ArticleSchema (the schema has no rule across articles, so only the
 * envelope is left to check).
 */
export function checkDataFileEnvelope(value: DataFile, entries: readonly ArticleEntry[]): { success: true; checked: CheckedDataFile } | { success: false; error: { issues: z.core.$ZodIssue[] } } {
  const envelope = DataFileEnvelopeSchema.safeParse(value);
  if (!envelope.success) return { success: false, error: { issues: envelope.error.issues } };
  return { success: true, checked: { data: { ...envelope.data, articles: entries.map((e) => e.article) }, entries } };
}

/**
 * The data file's bytes in pieces: those of JSON.stringify(data), then a
 * newline, with each article's JSON given. Compact rather than indented: at
 * archive scale the file is a hundred megabytes that programs read.
 */
function* dataFileChunks(data: DataFile, articleJsons: readonly string[]): Generator<string> {
  yield "{";
  let first = true;
  for (const [key, value] of Object.entries(data)) {
    if (value === undefined) continue;
    yield `${first ? "" : ","}${JSON.stringify(key)}:`;
    first = false;
    if (key !== "articles") {
      yield JSON.stringify(value);
      continue;
    }
    yield "[";
    for (const [i, json] of articleJsons.entries()) yield i === 0 ? json : `,${json}`;
    yield "]";
  }
  yield "}\n";
}

/** Serializes deterministically: the same DataFile always gives the same bytes. Validates first. */
export function serializeDataFile(data: DataFile): string {
  const valid = DataFileSchema.parse(data);
  return [...dataFileChunks(valid, valid.articles.map((a) => JSON.stringify(a)))].join("");
}

/**
 * Writes next to the target and renames, so a reader never sees half a file.
 * Written piece by piece: the whole text of a large archive would be hundreds
 * of megabytes in memory at once.
 */
export function writeDataFile(file: string, { data, entries }: CheckedDataFile): void {
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
    for (const chunk of dataFileChunks(data, entries.map((e) => e.json))) {
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
