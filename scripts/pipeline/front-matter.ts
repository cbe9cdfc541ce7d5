// Front matter (or a `<name>.yaml` sidecar): split from the body, parsed with
// the `yaml` package's core schema and validated with zod.
//
// Why not gray-matter: its js-yaml turns `date: 2026-02-27T10:00:00+09:00` into a
// JavaScript Date, dropping the stated offset (and with it the article's zone),
// and it reports no line numbers. Splitting `---` fences is a few lines.
import { DateTime } from "luxon";
import { parseDocument } from "yaml";
import { z } from "zod";
import { problem, type Problem } from "../problems.ts";
import { lineCounterFor, zodProblems } from "../zod-problems.ts";
import { foldWhitespace, removeControls } from "./normalize/clean.ts";
import { CorrectionFieldsSchema, correctionEntryLines, NO_CORRECTIONS, type Corrections } from "./corrections.ts";

/**
 * A metadata value as one clean line: control characters, bidi overrides and
 * line breaks become spaces. Titles and names reach mail headers, XML and
 * JSON, where a newline or an unbalanced U+202E is an injection, not text.
 */
export function metaLine(value: string): string {
  return foldWhitespace(removeControls(value));
}

export const FrontMatterSchema = z.object({
  title: z.string().trim().min(1, "expected a non-empty title").optional(),
  date: z.union([z.string(), z.number()], { message: "expected a date such as 2026-02-27T10:00:00+09:00" }).optional(),
  updated: z.union([z.string(), z.number()], { message: "expected a date such as 2026-02-28T08:30:00+09:00" }).optional(),
  timeZone: z.string().optional(),
  source: z
    .union([
      z.string().min(1),
      z.object({ name: z.string().min(1, "expected the source's name"), url: z.url({ protocol: /^https?$/, message: "expected an absolute http(s) URL" }).nullable().optional() }),
    ], { message: "expected a source name, or { name, url }" })
    .optional(),
  author: z.string().min(1).nullable().optional(),
  tags: z.union([z.array(z.string().min(1)), z.string()], { message: "expected a list of tags" }).optional(),
  summary: z.string().trim().min(1, "expected a non-empty summary").optional(),
  draft: z.boolean({ message: "expected true or false" }).optional(),
  slug: z.string().min(1).optional(),
  language: z.string().min(2).optional(),
  encoding: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toLowerCase() : v),
    z.enum(["utf-8", "windows-1252"], { message: 'expected "utf-8" or "windows-1252"' }),
  ).optional(),
  // The editor's corrections: people, organizations, places, timeline, quotes, keyPoints, reviewed.
  ...CorrectionFieldsSchema.shape,
  /** Another edition than the one the date falls in: that edition's first day. */
  edition: z.union([z.string(), z.number()], { message: "expected an edition's date such as 2026-02-28" }).optional(),
});
export type FrontMatter = z.infer<typeof FrontMatterSchema>;

const KNOWN_FIELDS = new Set(Object.keys(FrontMatterSchema.shape));

/** Metadata after validation: dates resolved in their zone, tags a list. */
export interface ArticleMeta {
  title: string | null;
  /** ISO date-time with offset, in `timeZone`. */
  date: string;
  updated: string | null;
  timeZone: string;
  source: { name: string; url: string | null } | null;
  author: string | null;
  tags: string[];
  summary: string | null;
  draft: boolean;
  slug: string | null;
  language: string | null;
  /** The encoding the article's bytes were read in (declared, or found). */
  encoding: "utf-8" | "windows-1252";
  /** The editor's corrections, with the file and line of each entry (scripts/pipeline/corrections.ts). */
  corrections: Corrections;
  /** YYYY-MM-DD of the edition front matter assigns the article to, or null. */
  edition: string | null;
}

export interface SplitFrontMatter {
  /** YAML text between the fences, or null when there is none. */
  yaml: string | null;
  /** 1-based line of the first YAML line in the file. */
  yamlLine: number;
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
}

/** Splits a leading `---` fenced YAML block from the body. Expects LF line endings. */
export function splitFrontMatter(text: string): SplitFrontMatter {
  if (!text.startsWith("---\n")) return { yaml: null, yamlLine: 1, body: text, bodyLine: 1 };
  const end = text.indexOf("\n---", 3);
  if (end < 0) return { yaml: null, yamlLine: 1, body: text, bodyLine: 1 };
  const afterFence = text.indexOf("\n", end + 4);
  // A closing fence must be a line of its own: `---` then end of line or file.
  const fenceTail = text.slice(end + 4, afterFence < 0 ? text.length : afterFence);
  if (fenceTail.trim() !== "") return { yaml: null, yamlLine: 1, body: text, bodyLine: 1 };
  const yaml = text.slice(4, end + 1);
  const body = afterFence < 0 ? "" : text.slice(afterFence + 1);
  const yamlLines = yaml.split("\n").length - 1;
  return { yaml, yamlLine: 2, body, bodyLine: 2 + yamlLines + 1 };
}

/** Parses one YAML metadata block (front matter or sidecar) into raw fields. */
export function parseMetadataYaml(
  yaml: string,
  file: string,
  firstLine: number,
): { fields: FrontMatter; problems: Problem[]; entryLines: Record<string, number[]> } {
  const problems: Problem[] = [];
  const doc = parseDocument(yaml, { schema: "core", uniqueKeys: true });
  const lineOf = lineCounterFor(yaml, firstLine);
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      problems.push(problem({
        file, stage: "front-matter",
        line: e.pos ? lineOf(e.pos[0]) : firstLine,
        message: `YAML: ${e.message.split("\n")[0]}`,
        fix: "fix the YAML syntax (quote values that contain a colon followed by a space)",
      }));
    }
    return { fields: {}, problems, entryLines: {} };
  }
  const raw: unknown = doc.toJS() ?? {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    problems.push(problem({ file, line: firstLine, stage: "front-matter", message: "front matter must be a mapping of fields", fix: "write `field: value` lines" }));
    return { fields: {}, problems, entryLines: {} };
  }
  for (const key of Object.keys(raw)) {
    if (!KNOWN_FIELDS.has(key)) {
      const node = doc.get(key, true) as { range?: [number, number, number] } | undefined;
      problems.push(problem({
        severity: "warning", file, field: key, stage: "front-matter",
        line: node?.range ? lineOf(node.range[0]) : undefined,
        message: `unknown field "${key}" is ignored`,
        fix: `known fields: ${[...KNOWN_FIELDS].join(", ")}`,
      }));
    }
  }
  const parsed = FrontMatterSchema.safeParse(raw);
  if (!parsed.success) {
    problems.push(...zodProblems(parsed.error, file, "front-matter", doc, lineOf));
    return { fields: {}, problems, entryLines: {} };
  }
  return { fields: parsed.data, problems, entryLines: correctionEntryLines(doc, lineOf) };
}

function isZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/**
 * Resolves a front matter date. A date without offset is read in `zone`. A date
 * with an offset keeps its instant and is expressed in `zone` when the article
 * names one (`timeZone:`), else at the offset it states (a fixed-offset zone).
 */
export function resolveMetaDate(value: string | number, zone: string, zoneIsExplicit: boolean): DateTime | string {
  const text = String(value).trim();
  // Accept "2026-02-27 10:00" as well as the ISO "T" form.
  const iso = text.replace(/^(\d{4}-\d{2}-\d{2})[ ](\d)/, "$1T$2");
  const hasOffset = iso.includes("T") && /(?:Z|[+-]\d{2}(?::?\d{2})?)$/.test(iso);
  const dt = DateTime.fromISO(iso, hasOffset ? { setZone: true } : { zone });
  if (!dt.isValid) return dt.invalidExplanation ?? dt.invalidReason ?? "invalid date";
  return hasOffset && zoneIsExplicit ? dt.setZone(zone) : dt;
}

/** Validates metadata fields against the site's defaults. */
export function resolveMeta(
  fields: FrontMatter,
  file: string,
  siteZone: string,
  lineOfField: (field: string) => number | undefined,
  corrections: Corrections = NO_CORRECTIONS,
): { meta: ArticleMeta | null; problems: Problem[] } {
  const problems: Problem[] = [];
  const zoneIsExplicit = fields.timeZone !== undefined;
  let zone = fields.timeZone ?? siteZone;
  if (!isZone(zone)) {
    problems.push(problem({ file, field: "timeZone", line: lineOfField("timeZone"), stage: "front-matter", message: `unknown time zone "${zone}"`, fix: "use an IANA zone name such as Asia/Seoul or America/New_York" }));
    return { meta: null, problems };
  }
  if (fields.date === undefined) {
    problems.push(problem({
      file, field: "date", stage: "front-matter",
      message: "no publication date",
      fix: "add `date: 2026-02-27T10:00:00+09:00` to the front matter or to a sidecar <name>.yaml next to the article",
    }));
    return { meta: null, problems };
  }
  const date = resolveMetaDate(fields.date, zone, zoneIsExplicit);
  if (typeof date === "string") {
    problems.push(problem({ file, field: "date", line: lineOfField("date"), stage: "front-matter", message: `"${fields.date}" is not a real date (${date})`, fix: "write an ISO 8601 date such as 2026-02-27 or 2026-02-27T10:00:00+09:00" }));
    return { meta: null, problems };
  }
  // A stated offset without a named zone: the article's zone is that offset.
  zone = date.zoneName ?? zone;
  let updated: DateTime | null = null;
  if (fields.updated !== undefined) {
    const u = resolveMetaDate(fields.updated, zone, true);
    if (typeof u === "string") {
      problems.push(problem({ file, field: "updated", line: lineOfField("updated"), stage: "front-matter", message: `"${fields.updated}" is not a real date (${u})`, fix: "write an ISO 8601 date such as 2026-02-28T08:30:00+09:00" }));
      return { meta: null, problems };
    }
    if (u < date) {
      problems.push(problem({ file, field: "updated", line: lineOfField("updated"), stage: "front-matter", message: "updated is earlier than date", fix: "set `updated` to a time after the publication date, or remove it" }));
      return { meta: null, problems };
    }
    updated = u;
  }
  let edition: string | null = null;
  if (fields.edition !== undefined) {
    const text = String(fields.edition).trim();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text) || !DateTime.fromISO(text, { zone: "UTC" }).isValid) {
      problems.push(problem({ file, field: "edition", line: lineOfField("edition"), stage: "front-matter", message: `"${fields.edition}" is not a calendar date`, fix: "write the edition's first day, e.g. edition: 2026-02-28 (weekly editions: the week's first day)" }));
      return { meta: null, problems };
    }
    edition = text;
  }
  const source =
    fields.source === undefined ? null
    : typeof fields.source === "string" ? { name: metaLine(fields.source), url: null }
    : { name: metaLine(fields.source.name), url: fields.source.url ?? null };
  const tags = fields.tags === undefined ? []
    : (Array.isArray(fields.tags) ? fields.tags : fields.tags.split(",")).map(metaLine).filter((t) => t !== "");
  const nonEmpty = (v: string | null | undefined) => (v ? metaLine(v) || null : null);
  return {
    meta: {
      title: nonEmpty(fields.title),
      date: date.toISO({ includeOffset: true })!,
      updated: updated ? updated.toISO({ includeOffset: true })! : null,
      timeZone: zone,
      source,
      author: nonEmpty(fields.author),
      tags,
      summary: nonEmpty(fields.summary),
      draft: fields.draft ?? false,
      slug: fields.slug ?? null,
      language: fields.language ?? null,
      encoding: fields.encoding ?? "utf-8",
      corrections,
      edition,
    },
    problems,
  };
}
