// Stage 1: read. Bytes on disk to a SourceArticle: decoded text with line
// endings unified, front matter (or sidecar) validated into ArticleMeta.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseMetadataYaml, resolveMeta, splitFrontMatter, type ArticleMeta, type FrontMatter } from "./front-matter.ts";
import { problem, type Problem } from "./problems.ts";
import { collectCorrections, type CorrectionSource } from "./corrections.ts";
import { LIMITS } from "./limits.ts";
import { relativePath } from "../list-files.ts";

export type ArticleFormat = "text" | "markdown";

export interface SourceArticle {
  /** Path relative to the project root, forward slashes. */
  path: string;
  format: ArticleFormat;
  meta: ArticleMeta;
  /** Body text: BOM removed, LF line endings, front matter removed. */
  body: string;
  /** 1-based line in the file where `body` starts. */
  bodyLine: number;
  /** Raw bytes' hash input: the file's bytes plus the sidecar's (for caching). */
  bytes: Buffer;
}

export const ARTICLE_EXTENSIONS: Record<string, ArticleFormat> = { ".txt": "text", ".md": "markdown", ".markdown": "markdown" };

/** Decodes UTF-8 (with or without BOM) strictly; anything else is a Problem. */
export function decodeArticleBytes(bytes: Uint8Array, file: string): string | Problem {
  if (bytes.includes(0)) {
    return problem({ file, stage: "read", message: "the file contains NUL bytes: it looks binary, not text", fix: "save the article as UTF-8 plain text (.txt) or Markdown (.md)" });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    // Find the line of the first invalid byte for the message.
    let valid = 0;
    for (let end = bytes.length; end > 0; end = Math.floor(end / 2)) {
      try { new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, end)); valid = end; break; } catch { /* shrink */ }
    }
    const line = 1 + countNewlines(bytes.subarray(0, valid));
    return problem({
      file, line, stage: "read",
      message: "the file is not valid UTF-8",
      fix: "re-save it as UTF-8 (in most editors: Save As, Encoding: UTF-8)",
    });
  }
  return text;
}

function countNewlines(bytes: Uint8Array): number {
  let n = 0;
  for (const b of bytes) if (b === 0x0a) n++;
  return n;
}

/** CRLF and lone CR become LF, so every later stage sees one kind of line. */
export function unifyLineEndings(text: string): string {
  return text.replace(/\r\n?/g, "\n");
}

export interface ReadResult {
  article: SourceArticle | null;
  problems: Problem[];
}

/**
 * Reads one article from its text and optional sidecar YAML. Pure: the caller
 * supplies the bytes, so tests and the cache need no file system.
 */
export interface ReadInput {
  path: string;
  bytes: Uint8Array;
  sidecar: { path: string; bytes: Uint8Array } | null;
  siteTimeZone: string;
}

/** The bytes an article's cache key hashes: the file's, a NUL, the sidecar's. */
export function articleBytes(input: Pick<ReadInput, "bytes" | "sidecar">): Buffer {
  return Buffer.concat([Buffer.from(input.bytes), Buffer.from("\0"), Buffer.from(input.sidecar?.bytes ?? new Uint8Array())]);
}

/** Decoded file text as the reader sees it: BOM removed, LF line endings. */
const articleText = (decoded: string): string => unifyLineEndings(decoded.replace(/^\uFEFF/, ""));

/**
 * The body of an article that was read before without problems (the read
 * memo keeps everything else): the same steps as readArticle, minus parsing
 * the front matter.
 */
export function articleBody(input: Pick<ReadInput, "path" | "bytes">): string {
  const decoded = decodeArticleBytes(input.bytes, input.path);
  if (typeof decoded !== "string") throw new Error(`${input.path}: remembered as readable, but is not UTF-8 text`);
  return splitFrontMatter(articleText(decoded)).body;
}

export function readArticle(input: ReadInput): ReadResult {
  const file = input.path;
  const problems: Problem[] = [];
  const format = ARTICLE_EXTENSIONS[path.extname(file).toLowerCase()];
  if (!format) {
    return { article: null, problems: [problem({ file, stage: "read", message: "not an article file", fix: "articles end in .txt or .md" })] };
  }
  if (input.bytes.length > LIMITS.fileBytes) {
    return { article: null, problems: [problem({ file, stage: "read", message: `the file is ${input.bytes.length} bytes, over the limit of ${LIMITS.fileBytes}`, fix: "split the article, or raise LIMITS.fileBytes in scripts/pipeline/limits.ts" })] };
  }
  const decoded = decodeArticleBytes(input.bytes, file);
  if (typeof decoded !== "string") return { article: null, problems: [decoded] };
  const text = articleText(decoded);

  const longLine = findLongLine(text);
  if (longLine !== null) {
    return { article: null, problems: [problem({ file, line: longLine, stage: "read", message: `line ${longLine} is over ${LIMITS.lineChars} characters long: this looks like a minified or binary file, not an article`, fix: "save the article as text with one paragraph a line, or raise LIMITS.lineChars in scripts/pipeline/limits.ts" })] };
  }
  const split = splitFrontMatter(text);
  if (!/[\p{L}\p{N}]/u.test(split.body)) {
    return {
      article: null,
      problems: [problem({
        file, line: split.bodyLine, stage: "read",
        message: text.trim() === "" ? "the file is empty" : "the article has no text after its front matter",
        fix: "write the article's text below the front matter (or delete the file)",
      })],
    };
  }
  let fields: FrontMatter = {};
  // Where each correction entry was written, the sidecar's first: front matter wins field by field.
  const correctionSources: CorrectionSource[] = [];
  const yamlLines = new Map<string, number>();
  if (split.yaml !== null) {
    if (split.yaml.length > LIMITS.frontMatterBytes) {
      return { article: null, problems: [problem({ file, line: 1, stage: "front-matter", message: `front matter is over ${LIMITS.frontMatterBytes} bytes`, fix: "keep front matter to metadata; put text in the body" })] };
    }
    const parsed = parseMetadataYaml(split.yaml, file, split.yamlLine);
    problems.push(...parsed.problems);
    fields = parsed.fields;
    correctionSources.push({ fields: parsed.fields, file, entryLines: parsed.entryLines });
    recordFieldLines(split.yaml, split.yamlLine, yamlLines);
  }
  let metaFile = file;
  if (input.sidecar) {
    const sidecarText = decodeArticleBytes(input.sidecar.bytes, input.sidecar.path);
    if (typeof sidecarText !== "string") return { article: null, problems: [...problems, sidecarText] };
    const parsed = parseMetadataYaml(unifyLineEndings(sidecarText.replace(/^\uFEFF/, "")), input.sidecar.path, 1);
    problems.push(...parsed.problems);
    // Front matter in the article wins over the sidecar, field by field.
    fields = { ...parsed.fields, ...fields };
    correctionSources.unshift({ fields: parsed.fields, file: input.sidecar.path, entryLines: parsed.entryLines });
    if (split.yaml === null) {
      metaFile = input.sidecar.path;
      recordFieldLines(sidecarText, 1, yamlLines);
    }
  }
  if (problems.some((p) => p.severity === "error")) return { article: null, problems };

  const resolved = resolveMeta(fields, metaFile, input.siteTimeZone, (f) => yamlLines.get(f), collectCorrections(correctionSources, input.sidecar?.path ?? `${file.slice(0, -path.extname(file).length)}.yaml`));
  problems.push(...resolved.problems);
  if (!resolved.meta) return { article: null, problems };

  return {
    article: { path: file, format, meta: resolved.meta, body: split.body, bodyLine: split.bodyLine, bytes: articleBytes(input) },
    problems,
  };
}

/** 1-based number of the first line longer than LIMITS.lineChars, or null. */
function findLongLine(text: string): number | null {
  if (text.length <= LIMITS.lineChars) return null;
  let start = 0;
  for (let line = 1; ; line++) {
    const end = text.indexOf("\n", start);
    if ((end < 0 ? text.length : end) - start > LIMITS.lineChars) return line;
    if (end < 0) return null;
    start = end + 1;
  }
}

/** Top-level `key:` lines, for pointing at a field's line after zod validation. */
function recordFieldLines(yaml: string, firstLine: number, into: Map<string, number>): void {
  yaml.split("\n").forEach((line, i) => {
    const m = /^([A-Za-z_][\w-]*)\s*:/.exec(line);
    if (m?.[1] && !into.has(m[1])) into.set(m[1], firstLine + i);
  });
}

/** The sidecar of `articles/x.txt` is `articles/x.yaml` (or `.yml`). */
export function sidecarPathFor(articlePath: string): string | null {
  const base = articlePath.slice(0, -path.extname(articlePath).length);
  for (const ext of [".yaml", ".yml"]) if (existsSync(base + ext)) return base + ext;
  return null;
}

/** Reads an article from disk; `root` makes the reported path project-relative. */
export function readArticleFile(root: string, absolutePath: string, siteTimeZone: string, read: (input: ReadInput) => ReadResult = readArticle): ReadResult {
  const rel = relativePath(root, absolutePath);
  const sidecar = sidecarPathFor(absolutePath);
  return read({
    path: rel,
    bytes: readFileSync(absolutePath),
    sidecar: sidecar ? { path: relativePath(root, sidecar), bytes: readFileSync(sidecar) } : null,
    siteTimeZone,
  });
}
