// Stage 2: normalize. A SourceArticle to a NormalizedArticle: title, sections,
// paragraphs, sentences, entities, dates, attributions, counts and slug.
import path from "node:path";
import type { NormalizedArticle, Paragraph, Section, Site } from "../../schema.ts";
import type { SourceArticle } from "../read.ts";
import { splitSentences } from "./sentences.ts";
import { splitPlainText } from "./structure.ts";
import { articleSlug, slugify } from "./slug.ts";
import { typography } from "./typography.ts";

export function normalize(source: SourceArticle, site: Site): NormalizedArticle {
  const raw = splitPlainText(source.body);
  let p = 0;
  const usedIds = new Set<string>();
  const sections: Section[] = raw.map((s, i) => {
    const paragraphs: Paragraph[] = s.paragraphs.map((text) => {
      p++;
      return {
        id: `p-${p}`,
        kind: "paragraph",
        list: null,
        text,
        sentences: splitSentences(text).map((sentence, k) => ({ id: `s-${p}-${k + 1}`, text: sentence, display: typography(sentence), inlines: null })),
      };
    });
    let id = s.heading === null ? "lead" : slugify(s.heading) || `section-${i + 1}`;
    while (usedIds.has(id)) id += `-${i + 1}`;
    usedIds.add(id);
    return { id, heading: s.heading, headingDisplay: s.heading === null ? null : typography(s.heading), paragraphs };
  });
  const allText = sections.flatMap((s) => s.paragraphs.map((x) => x.text)).join(" ");
  const wordCount = allText.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  const firstSentence = sections[0]?.paragraphs[0]?.sentences[0]?.text ?? path.basename(source.path);
  const title = source.meta.title ?? firstSentence;
  return {
    slug: articleSlug(source.meta.slug, path.basename(source.path)),
    sourcePath: source.path,
    format: source.format,
    title: typography(title),
    titleOrigin: source.meta.title ? "front-matter" : "inferred",
    date: source.meta.date,
    updated: source.meta.updated,
    timeZone: source.meta.timeZone,
    source: source.meta.source,
    author: source.meta.author,
    byline: null,
    dateline: null,
    tags: source.meta.tags.map((name) => ({ name, slug: slugify(name) || "tag" })),
    language: source.meta.language ?? site.language,
    wordCount,
    readingMinutes: Math.max(1, Math.round(wordCount / site.readingWordsPerMinute)),
    sections,
    people: [],
    organizations: [],
    places: [],
    dates: [],
    attributions: [],
  };
}
