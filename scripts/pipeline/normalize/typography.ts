// Display typography: straight quotes to curly, -- to dashes, " - " between
// words to an en dash, ... to an ellipsis. Applied to a copy for display; the
// faithful text is kept beside it, and code is never touched (a -- flag or a
// "quoted" string must stay as typed).

// Patterns with Unicode property escapes are module constants: the TypeScript transform turns
// such a literal into `new RegExp(...)` where it stands, so one inside a function was built anew on every call.
/** '--' or '---' between words or spaces (replace starts a global pattern from 0). */
const DOUBLE_HYPHEN_DASH = /(?<=[\p{L}\p{N}\s]|^)---?(?=[\p{L}\p{N}\s]|$)/gu;
/** A hyphen with a space each side, between words. */
const SPACED_HYPHEN = /(?<=[\p{L}\p{N}.,;:!?%)\]’”"']) - (?=[\p{L}\p{N}(\[‘“"'])/gu;
/** An apostrophe between two letters. */
const INNER_APOSTROPHE = /(\p{L})'(\p{L})/gu;

export function typography(text: string): string {
  let out = text;
  // Three dots (spaced or not) to an ellipsis.
  if (out.includes("..") || out.includes(". .")) out = out.replace(/\.\s?\.\s?\./g, "\u2026");
  // "1990--2000" to an en dash; "word -- word" and "word---word" to an em dash.
  // Only between words or spaces: "-->" and "<!--" are not dashes.
  if (out.includes("--")) out = out.replace(/(\d)--(\d)/g, "$1\u2013$2").replace(DOUBLE_HYPHEN_DASH, "\u2014");
  // " - " between two words is a spaced en dash ("Seoul - Pyongyang"); a hyphen
  // at a word's edge ("pre- and post-war") or in a list ("- item") is left alone.
  if (out.includes(" - ")) out = out.replace(SPACED_HYPHEN, " \u2013 ");
  if (out.includes("'")) {
    out = out
      // Apostrophes inside words and before decade digits ('90s).
      .replace(INNER_APOSTROPHE, "$1\u2019$2")
      .replace(/'(\d0s)/g, "\u2019$1")
      // Opening quotes follow start, space or an opening bracket/dash; the rest close.
      .replace(/(^|[\s([{\u2014\u2013-])'/gu, "$1\u2018")
      .replace(/'/g, "\u2019");
  }
  if (out.includes('"')) out = out.replace(/(^|[\s([{\u2014\u2013\u2018-])"/gu, "$1\u201C").replace(/"/g, "\u201D");
  return out;
}

/**
 * Typography for a run that follows `before` (the previous run's display text),
 * so a quote at the start of a run opens or closes as it would in one string.
 */
export function typographyAfter(before: string, text: string): string {
  const last = before.slice(-1);
  if (last === "") return typography(text);
  const joined = typography(last + text);
  return joined.startsWith(last) ? joined.slice(last.length) : typography(text);
}
