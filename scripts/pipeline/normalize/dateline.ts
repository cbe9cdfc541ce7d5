// A bare wire credit opening the first paragraph, "(CNN)The last time ..." or
// "(Reuters) - Shares fell ...", is the story's dateline, not its first words:
// it is taken out of the text (so neither the first sentence, the gist nor an
// inferred headline starts with it) and kept as the article's dateline. A
// dateline with a place ("SEOUL, Feb. 23 (Yonhap) --") is read in index.ts and
// stays in the text: its place and date are part of the story.
import type { Block, Run } from "./blocks.ts";

/**
 * "(CNN)", "(Reuters) -", "(AP) —", "(CNN Business) --": one to four
 * capitalized words in parentheses, an optional dash or colon, then the
 * sentence (capital, digit or opening quote; CNN glues it to the credit).
 */
const WIRE_CREDIT = /^(\((?:\p{Lu}[\p{L}\p{N}.&'\u2019-]*)(?: \p{Lu}[\p{L}\p{N}.&'\u2019-]*){0,3}\)(?:\s*(?:--|\u2014|\u2013|-|:))?)\s*(?=[\p{Lu}\p{N}"'\u201C\u2018])/u;

/** Drops the first `count` characters of a paragraph's inline runs. */
function dropRunPrefix(runs: Run[], count: number): Run[] {
  const out: Run[] = [];
  let left = count;
  for (const run of runs) {
    if (left >= run.text.length && left > 0) { left -= run.text.length; continue; }
    out.push(left > 0 ? { ...run, text: run.text.slice(left) } : run);
    left = 0;
  }
  return out;
}

/** Takes a wire credit off the first paragraph: the credit as written ("(Reuters) -"), and the blocks without it. */
export function takeWireCredit(blocks: Block[]): { credit: string | null; blocks: Block[] } {
  const first = blocks.findIndex((b) => b.kind !== "heading" && b.text !== "");
  const block = blocks[first];
  if (!block || block.kind !== "paragraph") return { credit: null, blocks };
  const match = WIRE_CREDIT.exec(block.text);
  if (!match) return { credit: null, blocks };
  const cut = match[0].length;
  const rest: Block = { ...block, text: block.text.slice(cut), runs: block.runs ? dropRunPrefix(block.runs, cut) : null };
  return { credit: match[1]!.trim(), blocks: [...blocks.slice(0, first), rest, ...blocks.slice(first + 1)] };
}
