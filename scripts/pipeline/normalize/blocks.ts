// The block model both readers (plain text and Markdown) produce, before
// sections and sentences: headings, paragraphs, quotes and list items, each
// with its faithful text and, for Markdown, its inline runs.
import type { Inline } from "../../schema.ts";

/** An inline run before typography: `text` is faithful, as in the source. */
export type Run = Inline;

export interface ListPlace {
  ordered: boolean;
  first: boolean;
  last: boolean;
}

export interface Block {
  kind: "heading" | "paragraph" | "quote" | "list-item";
  /** Faithful text, whitespace folded. For Markdown, the text without markup. */
  text: string;
  /** Inline runs (Markdown only); their texts concatenate to `text`. */
  runs: Run[] | null;
  list: ListPlace | null;
  /** Could be a title line: at the top, short, and standing alone (BBC style) or shaped like a headline. */
  titleCandidate: boolean;
  /** Markdown heading level (1-6); 0 for a plain-text subhead or a non-heading. */
  level: number;
}

export function block(kind: Block["kind"], text: string, extra: Partial<Block> = {}): Block {
  return { kind, text, runs: null, list: null, titleCandidate: false, level: 0, ...extra };
}
