// The plain-text twin of the email: the same words and the same links as the
// HTML, for clients that show text only and for spam filters that compare the
// two parts. Derived from the final (inlined) HTML so the two never drift.
import { compile, type HtmlToTextOptions } from "html-to-text";

/** RFC 5322 recommends lines of at most 78 characters; long URLs stay whole. */
export const TEXT_LINE_WIDTH = 78;

export const TEXT_OPTIONS: HtmlToTextOptions = {
  wordwrap: TEXT_LINE_WIDTH,
  selectors: [
    // The hidden preview line and its filler characters are not content.
    { selector: ".preheader", format: "skip" },
    { selector: "h1", options: { uppercase: false, leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    { selector: "h2", options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 } },
    // Links as "text <url>", the convention mail clients linkify.
    { selector: "a", options: { linkBrackets: ["<", ">"], hideLinkHrefIfSameAsText: true } },
    // Layout tables are blocks, not data: no column alignment.
    { selector: "table", format: "block" },
    { selector: "tr", format: "block" },
    { selector: "td", format: "block" },
    { selector: "ul", options: { itemPrefix: " * " } },
    { selector: "img", format: "skip" },
  ],
};

// Compiled once: html-to-text's convert() rebuilds its selector matcher on every call.
const toText = compile(TEXT_OPTIONS);

/** Plain text of an email HTML document, ending with one newline. */
export function emailHtmlToText(html: string): string {
  return toText(html).replace(/[ \t]+$/gm, "").replace(/\n{3,}/g, "\n\n").trim() + "\n";
}
