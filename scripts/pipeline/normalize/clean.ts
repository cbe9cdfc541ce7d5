// Character-level cleaning shared by plain text and Markdown. Control
// characters are not text (and are invalid in the XML feeds), so they count as
// whitespace; every run of whitespace, non-breaking spaces included, folds to
// one space. Nothing else is changed: the faithful text keeps its quotes.

// C0 and C1 controls except tab and line feed (which are whitespace anyway).
const CONTROLS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
// Bidi embeddings, overrides and isolates (U+202A-202E, U+2066-2069): invisible,
// and an unbalanced one reorders everything after it on the page, in a mail
// client or a feed reader ("Trojan Source"). Removed, not spaced: they sit
// inside words. Natural right-to-left text needs none of them.
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;

/** Control characters become spaces and bidi controls go; line structure is kept. */
export function removeControls(text: string): string {
  return text.replace(CONTROLS, " ").replace(BIDI_CONTROLS, "");
}

/** Folds whitespace (JavaScript's \s covers NBSP, thin spaces, U+FEFF) to single spaces and trims. */
export function foldWhitespace(text: string): string {
  // Only runs of two or more, or whitespace other than a plain space, change: a plain single
  // space (most of them) is left alone instead of replaced by itself.
  return text.replace(WHITESPACE_TO_FOLD, " ").trim();
}
const WHITESPACE_TO_FOLD = /[^\S ]\s*| \s+/g;

/** Words, counted as the summarizer counts them (one definition, in summarize/words.ts). */
export { countWords } from "../summarize/words.ts";
