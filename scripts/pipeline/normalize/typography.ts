// Display typography: straight quotes to curly, -- to dashes, ... to an ellipsis.
// Applied to a copy for display; the faithful text is kept beside it.

export function typography(text: string): string {
  return text
    // Three dots (spaced or not) to an ellipsis.
    .replace(/\.\s?\.\s?\./g, "\u2026")
    // "word -- word" to an em dash; "1990--2000" to an en dash.
    .replace(/(\d)--(\d)/g, "$1\u2013$2")
    .replace(/---?/g, "\u2014")
    // Apostrophes inside words and before decade digits ('90s).
    .replace(/(\p{L})'(\p{L})/gu, "$1\u2019$2")
    .replace(/'(\d0s)/g, "\u2019$1")
    // Opening quotes follow start, space or an opening bracket/dash; the rest close.
    .replace(/(^|[\s([{\u2014\u2013-])"/gu, "$1\u201C")
    .replace(/"/g, "\u201D")
    .replace(/(^|[\s([{\u2014\u2013-])'/gu, "$1\u2018")
    .replace(/'/g, "\u2019");
}
