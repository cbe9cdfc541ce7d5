// Plain text to blocks, line by line. Wire copy comes one paragraph a line (the
// seed) or with blank lines between paragraphs, sometimes hard-wrapped at ~72
// columns. A subhead is a short line without closing punctuation; a question
// counts when it reads like a headline (title case, or a colon or ellipsis).
import { block, type Block } from "./blocks.ts";
import { countWords, foldWhitespace } from "./clean.ts";

const MAX_SUBHEAD_WORDS = 16;
const MAX_SUBHEAD_CHARS = 140;
/** A line ending in one of these closes a sentence or a clause: not a subhead. */
const CLOSING = /[.,;:!"'\u201D\u2019)\]\u2026\u2013\u2014-]$/u;

/** Most longer words capitalized: "Trump's China Visit: Navigating Crisis ...". */
function isTitleCase(line: string): boolean {
  const words = line.split(" ").filter((w) => /^\p{L}{4,}/u.test(w.replace(/^["'\u201C\u2018(]/u, "")));
  if (words.length === 0) return true;
  const capitalized = words.filter((w) => /^["'\u201C\u2018(]?\p{Lu}/u.test(w)).length;
  return capitalized / words.length >= 0.6;
}

/** A short line that names what follows rather than saying it. */
export function isSubhead(line: string): boolean {
  if (line.length > MAX_SUBHEAD_CHARS) return false;
  const words = countWords(line);
  if (words === 0 || words > MAX_SUBHEAD_WORDS || line.length > MAX_SUBHEAD_CHARS) return false;
  if (!/^["'\u201C\u2018(]?[\p{Lu}\p{N}]/u.test(line)) return false;
  // A short question stands as a subhead ("What happens to the buses?"); a longer one must look like a headline.
  if (/\?$/.test(line)) return words <= 10 || isTitleCase(line) || /[:\u2026]/u.test(line);
  return !CLOSING.test(line);
}

/** Headline-shaped first line: short, no full stop at the end. */
function isTitleShaped(line: string): boolean {
  return line.length <= 200 && countWords(line) <= 25 && !/[.,;:!]["'\u201D\u2019)]*$/u.test(line) && /^["'\u201C\u2018(]?[\p{Lu}\p{N}]/u.test(line);
}

/** Hard-wrapped text: lines stop short and the next line goes on in lower case. */
function looksHardWrapped(lines: string[]): boolean {
  let wraps = 0;
  for (let i = 0; i + 1 < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1]!;
    if (line.length > 100) return false;
    if (line !== "" && next !== "" && !/[.!?:"\u201D]$/u.test(line) && /^\p{Ll}/u.test(next)) wraps++;
  }
  return wraps > 0;
}

/** Plain text (LF line endings) to blocks. */
export function readPlainText(body: string): Block[] {
  const lines = body.split("\n").map(foldWhitespace);
  const wrapped = looksHardWrapped(lines);
  // Group lines into paragraphs: blank lines always separate; in one-paragraph-a-line
  // text a line break separates too, unless the next line plainly continues the sentence.
  const groups: { text: string; alone: boolean; followedByBlank: boolean }[] = [];
  let current: string[] = [];
  const flush = (followedByBlank: boolean) => {
    if (current.length > 0) groups.push({ text: current.join(" "), alone: current.length === 1, followedByBlank });
    current = [];
  };
  lines.forEach((line, i) => {
    if (line === "") return flush(true);
    const prev = current[current.length - 1];
    const continues = prev !== undefined && (wrapped
      ? !isSubhead(prev) || !/^\p{Lu}/u.test(line)
      : !/[.!?:"\u201D\u2019)\u2026]$/u.test(prev) && /^\p{Ll}/u.test(line));
    if (prev !== undefined && !continues) flush(false);
    current.push(line);
  });
  flush(true);

  return groups.map((g, i) => {
    // A subhead introduces what follows: the last line of the text is never one.
    const heading = g.alone && i < groups.length - 1 && isSubhead(g.text);
    const titleCandidate = i === 0 && groups.length > 1 && g.alone && isTitleShaped(g.text) && (heading || g.followedByBlank);
    return block(heading ? "heading" : "paragraph", g.text, { titleCandidate });
  });
}
