// Stage 1: read. Bytes on disk to a SourceArticle: decoded text with line
// endings unified, front matter (or sidecar) validated into ArticleMeta.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseMetadataYaml, resolveMeta, splitFrontMatter, type ArticleMeta, type FrontMatter } from "./front-matter.ts";
import { problem, type Problem } from "../problems.ts";
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

export type TextEncoding = "utf-8" | "windows-1252";

export interface DecodedText {
  text: string;
  /** The encoding the bytes were read in. */
  encoding: TextEncoding;
  /** Set when the file was not UTF-8 and nothing declared its encoding: read as Windows-1252 all the same. */
  warning: Problem | null;
}

/**
 * Windows-1252's 0x80-0x9F (the WHATWG Encoding Standard's index; 0 where the
 * code page has no character). Written out because Node's TextDecoder decodes
 * the "windows-1252" label as ISO-8859-1, turning curly quotes and dashes
 * into C1 control characters.
 */
const WINDOWS_1252_HIGH = [
  0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
  0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
];

/** Windows-1252 bytes (checked by firstNonWindows1252Byte) to text: ISO-8859-1 but for 0x80-0x9F. */
function decodeWindows1252(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += 8192) {
    const chunk = bytes.subarray(start, start + 8192);
    text += String.fromCharCode(...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? WINDOWS_1252_HIGH[b - 0x80]! : b)));
  }
  return text;
}

/**
 * The first byte that cannot be in a Windows-1252 text file, or -1: the five
 * codes the code page leaves undefined, and control characters other than
 * tab, line feed, vertical tab, form feed and carriage return.
 */
function firstNonWindows1252Byte(bytes: Uint8Array): number {
  return bytes.findIndex((b) => b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d || (b < 0x20 && (b < 0x09 || b > 0x0d)));
}

/**
 * Decodes an article's bytes. UTF-8 (with or without BOM) strictly; a file
 * that is not UTF-8 but is valid Windows-1252 (the usual encoding of older
 * English news archives) is read as Windows-1252 with a warning, or silently
 * when its metadata declares `encoding: windows-1252`. Binary input (a NUL
 * byte, or bytes no text encoding here allows) is a Problem.
 */
export function decodeArticleBytes(bytes: Uint8Array, file: string, declared: TextEncoding | null = null): DecodedText | Problem {
  if (bytes.includes(0)) {
    return problem({ file, stage: "read", message: "the file contains NUL bytes: it looks binary, not text", fix: "save the article as UTF-8 plain text (.txt) or Markdown (.md)" });
  }
  const lineOf = (offset: number) => 1 + countNewlines(bytes.subarray(0, offset));
  const asWindows1252 = (): string | Problem => {
    const bad = firstNonWindows1252Byte(bytes);
    if (bad >= 0) {
      return problem({
        file, line: lineOf(bad), stage: "read",
        message: `the file is neither UTF-8 nor Windows-1252 text (byte 0x${bytes[bad]!.toString(16).padStart(2, "0")} at offset ${bad}): it looks binary`,
        fix: "save the article as UTF-8 plain text (.txt) or Markdown (.md)",
      });
    }
    return decodeWindows1252(bytes);
  };
  if (declared === "windows-1252") {
    const text = asWindows1252();
    return typeof text === "string" ? { text, encoding: "windows-1252", warning: null } : text;
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes), encoding: "utf-8", warning: null };
  } catch {
    // The line of the first invalid byte: the longest valid prefix, found by
    // bisection (streaming, a character cut at the prefix's end is not an error).
    let valid = 0;
    let invalid = bytes.length;
    while (invalid - valid > 1) {
      const mid = Math.floor((valid + invalid) / 2);
      try { new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true }); valid = mid; } catch { invalid = mid; }
    }
    const line = lineOf(valid);
    if (declared === "utf-8") {
      return problem({ file, line, stage: "read", message: "the file is not valid UTF-8, as its `encoding: utf-8` says it is", fix: "re-save it as UTF-8, or declare its real encoding (`encoding: windows-1252`)" });
    }
    // Mostly UTF-8 with a damaged byte: read as Windows-1252, its other characters would turn to "Ã©".
    if (hasUtf8Sequence(bytes)) {
      return problem({ file, line, stage: "read", message: "the file is not valid UTF-8, though other parts of it are UTF-8: a damaged or mixed file", fix: "re-save it as UTF-8 (in most editors: Save As, Encoding: UTF-8) and check the text around that line" });
    }
    const text = asWindows1252();
    if (typeof text !== "string") return text;
    return {
      text, encoding: "windows-1252",
      warning: problem({
        severity: "warning", file, line, stage: "read",
        message: "the file is not valid UTF-8; it was read as Windows-1252",
        fix: "re-save it as UTF-8, or add `encoding: windows-1252` to its front matter or sidecar to say so",
      }),
    };
  }
}

/** Whether the bytes hold a well-formed UTF-8 sequence of two to four bytes. */
function hasUtf8Sequence(bytes: Uint8Array): boolean {
  const continuation = (i: number) => i < bytes.length && (bytes[i]! & 0xc0) === 0x80;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    const length = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let k = 1;
    while (k < length && continuation(i + k)) k++;
    if (length > 0 && k === length) return true;
  }
  return false;
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
  // The sidecar first: it may say what encoding the article is in.
  let sidecar: { text: string; fields: FrontMatter; entryLines: Record<string, number[]>; problems: Problem[] } | null = null;
  if (input.sidecar) {
    const decoded = decodeArticleBytes(input.sidecar.bytes, input.sidecar.path);
    if ("severity" in decoded) return { article: null, problems: [decoded] };
    const text = articleText(decoded.text);
    const parsed = parseMetadataYaml(text, input.sidecar.path, 1);
    sidecar = { text, fields: parsed.fields, entryLines: parsed.entryLines, problems: [...(decoded.warning ? [decoded.warning] : []), ...parsed.problems] };
  }
  let decoded = decodeArticleBytes(input.bytes, file, sidecar?.fields.encoding ?? null);
  if ("severity" in decoded) return { article: null, problems: [decoded, ...(sidecar?.problems ?? [])] };
  let text = articleText(decoded.text);

  const longLine = findLongLine(text);
  if (longLine !== null) {
    return { article: null, problems: [problem({ file, line: longLine, stage: "read", message: `line ${longLine} is over ${LIMITS.lineChars} characters long: this looks like a minified or binary file, not an article`, fix: "save the article as text with one paragraph a line, or raise LIMITS.lineChars in scripts/pipeline/limits.ts" })] };
  }
  let split = splitFrontMatter(text);
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
  // Front matter that names another encoding than the one read: read again in it.
  if (fields.encoding && fields.encoding !== decoded.encoding) {
    const again = decodeArticleBytes(input.bytes, file, fields.encoding);
    if ("severity" in again) return { article: null, problems: [again] };
    decoded = again;
    text = articleText(decoded.text);
    split = splitFrontMatter(text);
  }
  const declared = fields.encoding ?? sidecar?.fields.encoding;
  if (decoded.warning && !declared) problems.unshift(decoded.warning);
  let metaFile = file;
  if (input.sidecar && sidecar) {
    problems.push(...sidecar.problems);
    // Front matter in the article wins over the sidecar, field by field.
    fields = { ...sidecar.fields, ...fields };
    correctionSources.unshift({ fields: sidecar.fields, file: input.sidecar.path, entryLines: sidecar.entryLines });
    if (split.yaml === null) {
      metaFile = input.sidecar.path;
      recordFieldLines(sidecar.text, 1, yamlLines);
    }
  }
  if (problems.some((p) => p.severity === "error")) return { article: null, problems };

  const resolved = resolveMeta(fields, metaFile, input.siteTimeZone, (f) => yamlLines.get(f), collectCorrections(correctionSources, input.sidecar?.path ?? `${file.slice(0, -path.extname(file).length)}.yaml`));
  problems.push(...resolved.problems);
  if (!resolved.meta) return { article: null, problems };

  return {
    article: { path: file, format, meta: { ...resolved.meta, encoding: decoded.encoding }, body: split.body, bodyLine: split.bodyLine, bytes: articleBytes(input) },
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
export function readArticleFile(root: string, absolutePath: string, siteTimeZone: string): ReadResult {
  const rel = relativePath(root, absolutePath);
  const sidecar = sidecarPathFor(absolutePath);
  return readArticle({
    path: rel,
    bytes: readFileSync(absolutePath),
    sidecar: sidecar ? { path: relativePath(root, sidecar), bytes: readFileSync(sidecar) } : null,
    siteTimeZone,
  });
}
