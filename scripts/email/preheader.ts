// The preheader: the hidden line mail clients show as the preview next to the
// subject. The subject is already the headline, so the preview says what the
// headline does not: the summary without any sentence that repeats the title.
import type { Article } from "../schema.ts";

/** Inbox previews show roughly 90 to 140 characters; more is wasted bytes. */
export const PREHEADER_MAX_CHARS = 140;

/** Summary sentences as displayed, in order; the whole summary when it came from an editor. */
function summarySentences(article: Pick<Article, "summary" | "sections">): string[] {
  const ids = new Set(article.summary.sentenceIds);
  if (ids.size === 0) return [article.summary.text];
  const sentences = article.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
  const picked = sentences.filter((s) => ids.has(s.id)).map((s) => s.display);
  return picked.length > 0 ? picked : [article.summary.text];
}

const comparable = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ").trim();

/** Cuts at the last word boundary within `max` characters and marks the cut with an ellipsis. */
export function clipAtWord(text: string, max: number): string {
  const folded = text.replace(/\s+/g, " ").trim();
  if (folded.length <= max) return folded;
  const cut = folded.slice(0, max - 1);
  const lastSpace = cut.lastIndexOf(" ");
  return (lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).replace(/[\s,;:.–—-]+$/u, "") + "…";
}

export function preheaderText(article: Pick<Article, "title" | "summary" | "sections">): string {
  const title = comparable(article.title);
  const sentences = summarySentences(article);
  const fresh = sentences.filter((s) => comparable(s) !== title);
  return clipAtWord((fresh.length > 0 ? fresh : sentences).join(" "), PREHEADER_MAX_CHARS);
}
