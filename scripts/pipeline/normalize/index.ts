// Stage 2: normalize. A SourceArticle to a NormalizedArticle: blocks from the
// plain-text or Markdown reader, then the head (title line, byline, dateline),
// sections, paragraphs and sentences with stable ids, and what the sentences
// name: people, organizations, places, dates and attributions.
import path from "node:path";
import type { Inline, NormalizedArticle, Paragraph, Section, Sentence, Site } from "../../schema.ts";
import type { SourceArticle } from "../read.ts";
import { extractAttributions } from "./attributions.ts";
import type { Block } from "./blocks.ts";
import { countWords, removeControls } from "./clean.ts";
import { extractDates, publicationDate } from "./dates.ts";
import { extractEntities, type SentenceRef } from "./entities.ts";
import { MarkdownNestingError, readMarkdown } from "./markdown.ts";
import { BriefingError, problem } from "../../problems.ts";
import { readPlainText } from "./plain-text.ts";
import { sentenceSpans, type Span } from "./sentences.ts";
import { articleSlug, claimId, slugify } from "./slug.ts";
import { takeWireCredit } from "./dateline.ts";
import { buildTimeline } from "./timeline.ts";
import { inferTitle } from "./title.ts";
import { typography, typographyAfter } from "./typography.ts";

export { splitSentences } from "./sentences.ts";

/** "By Jane Doe", "By Jane Doe and John Roe, Reuters": a short line naming the writers. */
const BYLINE = /^By:?\s+(\p{Lu}[\p{L}\p{M}.'\u2019-]*(?:\s+(?:\p{Lu}[\p{L}\p{M}.'\u2019-]*|and|&|de|van|von|der|bin|al|da|di|le|la))*(?:\s*(?:,|\||-|\u2013|\u2014)\s*[\p{L}\p{N}][\p{L}\p{N}\s.&'\u2019-]*)?)$/u;
/** "SEOUL, Feb. 23 (Yonhap) --", "WASHINGTON (AP) —", "LONDON -": a wire dateline opening the first paragraph. */
const DATELINE = /^(\p{Lu}[\p{Lu}\p{M}.'\u2019]+(?: \p{Lu}[\p{Lu}\p{M}.'\u2019]+){0,3}(?:, \p{Lu}[\p{L}.]+(?: \p{Lu}[\p{L}.]+)?)?(?:, [A-Z][a-z]{2,8}\.? \d{1,2}(?:, \d{4})?)?(?: ?\([^()]{1,40}\))? ?(?:--|\u2014|\u2013|-|:)) \S/u;

interface Head {
  title: string | null;
  byline: string | null;
  body: Block[];
}

function comparable(text: string): string {
  return text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();
}

/** Takes the title line and the byline off the top of the blocks. */
function takeHead(blocks: Block[], metaTitle: string | null): Head {
  let body = blocks;
  let title: string | null = null;
  const first = body[0];
  if (first?.titleCandidate) {
    if (metaTitle === null) { title = first.text; body = body.slice(1); }
    else if (comparable(metaTitle) === comparable(first.text)) body = body.slice(1);
  }
  let byline: string | null = null;
  // A byline line is short and unpunctuated, so the plain-text reader may have taken it for a subhead.
  const i = body.slice(0, 2).findIndex((b) => b.text.length <= 120 && BYLINE.test(b.text));
  if (i >= 0) {
    byline = BYLINE.exec(body[i]!.text)![1]!;
    body = [...body.slice(0, i), ...body.slice(i + 1)];
  }
  return { title, byline, body };
}

/** Cuts inline runs at sentence boundaries, with display typography per run (code untouched). */
function sentenceInlines(runs: Inline[], span: Span): Inline[] {
  const out: Inline[] = [];
  let at = 0;
  let display = "";
  for (const run of runs) {
    const from = Math.max(span.start, at);
    const to = Math.min(span.end, at + run.text.length);
    at += run.text.length;
    // An image without alt text has no width: it belongs where it stands.
    if (run.text === "" ? at < span.start || at > span.end : to <= from) continue;
    const text = run.text.slice(from - (at - run.text.length), to - (at - run.text.length));
    const shown = run.type === "code" ? text : typographyAfter(display, text);
    display += shown;
    out.push({ type: run.type, text: shown, href: run.href });
  }
  return out;
}

function buildSentences(block: Block, p: number): Sentence[] {
  const isCode = block.runs?.length === 1 && block.runs[0]!.type === "code";
  const spans = isCode ? [{ start: 0, end: block.text.length }] : sentenceSpans(block.text);
  return spans.map((span, k) => {
    const text = block.text.slice(span.start, span.end);
    const inlines = block.runs ? sentenceInlines(block.runs, span) : null;
    return {
      id: `s-${p}-${k + 1}`,
      text,
      display: inlines ? inlines.map((r) => r.text).join("") : typography(text),
      inlines,
    };
  });
}

/** Blocks to sections: each heading opens one; paragraphs before the first go to "lead". */
function buildSections(blocks: Block[]): Section[] {
  const sections: Section[] = [];
  const usedIds = new Set<string>();
  let p = 0;
  for (const b of blocks) {
    if (b.kind === "heading") {
      const id = claimId(usedIds, `section-${slugify(b.text) || sections.length + 1}`);
      sections.push({ id, heading: b.text, headingDisplay: typography(b.text), paragraphs: [] });
      continue;
    }
    if (b.text === "") continue;
    if (sections.length === 0) sections.push({ id: "lead", heading: null, headingDisplay: null, paragraphs: [] });
    p++;
    const paragraph: Paragraph = { id: `p-${p}`, kind: b.kind, list: b.list, text: b.text, sentences: buildSentences(b, p) };
    sections[sections.length - 1]!.paragraphs.push(paragraph);
  }
  return sections;
}

function readMarkdownOrProblem(body: string, source: SourceArticle) {
  try {
    return readMarkdown(body);
  } catch (error) {
    if (!(error instanceof MarkdownNestingError)) throw error;
    throw new BriefingError([problem({
      file: source.path, line: source.bodyLine + error.line, stage: "normalize",
      message: error.message,
      fix: "flatten the nested quotes or lists; nothing is dropped silently",
    })]);
  }
}

export function normalize(source: SourceArticle, site: Site): NormalizedArticle {
  const cleaned = removeControls(source.body);
  const blocks = source.format === "markdown" ? readMarkdownOrProblem(cleaned, source) : readPlainText(cleaned);
  const head = takeHead(blocks, source.meta.title);
  const wire = takeWireCredit(head.body);
  const sections = buildSections(wire.blocks);

  const paragraphs = sections.flatMap((s) => s.paragraphs);
  const sentences: SentenceRef[] = paragraphs.flatMap((p) => p.sentences.map((s) => ({ id: s.id, text: s.text })));
  const dateline = wire.credit ?? (paragraphs[0] ? DATELINE.exec(paragraphs[0].text)?.[1] ?? null : null);

  const entities = extractEntities(sentences);
  const pub = publicationDate(source.meta.date, source.meta.timeZone);
  const dates = extractDates(sentences, pub);
  const attributions = extractAttributions(paragraphs, entities.spans, entities.people, [...entities.places, ...entities.organizations]);

  const wordCount = paragraphs.reduce((n, p) => n + countWords(p.text), 0);
  const lead = sentences[0]?.text;
  const fileName = path.basename(source.path);
  const laterText = sentences.slice(1).map((s) => s.text).join(" ");
  const title = source.meta.title ?? head.title ?? (lead ? inferTitle(lead, { dateline, laterText }) : null) ?? fileName;
  return {
    slug: articleSlug(source.meta.slug, fileName),
    sourcePath: source.path,
    format: source.format,
    title: typography(title),
    titleOrigin: source.meta.title ? "front-matter" : head.title ? "title-line" : "inferred",
    date: source.meta.date,
    updated: source.meta.updated,
    timeZone: source.meta.timeZone,
    source: source.meta.source,
    author: source.meta.author,
    byline: head.byline,
    dateline,
    tags: source.meta.tags.map((name) => ({ name, slug: slugify(name) || "tag" })),
    language: source.meta.language ?? site.language,
    edition: source.meta.edition,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / site.readingWordsPerMinute)),
    sections,
    people: entities.people,
    organizations: entities.organizations,
    places: entities.places,
    dates,
    timeline: buildTimeline(dates, sentences),
    attributions,
  };
}
