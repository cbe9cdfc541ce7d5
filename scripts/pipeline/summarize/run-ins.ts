// Sentences that are really two: picture captions and "Scroll down for video"
// run into the story without a full stop ("Accused: Dr X, 38, has denied four
// counts A senior doctor facing ..."). The sentence splitter cannot see the
// boundary (no punctuation), but a capitalized function word right after an
// unpunctuated lower-case word can only open a sentence, and so can a quote
// that opens straight after a word and closes with its own punctuation.
// Splitting there lets the real sentence be used and the caption be dropped.

const OPENERS = new Set(
  ("A An He She It They We His Her Its Their Our This These Those There In On At As After Before When While Since During " +
    "But And However Yesterday Today Last Now Some Many Most Police Officials Authorities Experts Researchers Scientists").split(" "),
);
const SCROLL = /\s*\b(?:Scroll down for (?:video|more)|Scroll down for|Video:?)\s*$/i;

/** Cheap test for anything splitRunIns could act on; most sentences have none. */
const MAYBE_RUN_IN = new RegExp(`[\\p{Ll}\\d)] (?:(?:${[...OPENERS, "The"].join("|")}) |[‘“]\\p{Lu})|Scroll|Video`, "u");

/** Pieces of one sentence; a single piece when nothing runs in. */
export function splitRunIns(sentence: string): string[] {
  if (!MAYBE_RUN_IN.test(sentence)) return [sentence];
  const tokens = sentence.split(" ");
  const pieces: string[] = [];
  let current: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const previous = current[current.length - 1];
    const next = tokens[i + 1] ?? "";
    if (previous !== undefined && current.length >= 3 && /[\p{Ll}\d)]$/u.test(previous) && startsSentence(token, next, () => tokens.slice(i).join(" "), current)) {
      pieces.push(current.join(" "));
      current = [];
    }
    current.push(token);
  }
  if (current.length > 0) pieces.push(current.join(" "));
  return pieces.map((p) => p.replace(SCROLL, "").trim()).filter((p) => p !== "");
}

/** After "A", "Police" or "In", these show a phrase inside a sentence ("nurse A with her", "the Police in Bromley"), not a new sentence. */
const INSIDE = new Set("with in on at of for to and or by from as into than".split(" "));

function startsSentence(token: string, next: string, rest: () => string, piece: readonly string[]): boolean {
  if (INSIDE.has(next)) return false;
  if (token === "The") return /^\p{Ll}/u.test(next);
  if (OPENERS.has(token)) return /^[\p{Ll}\d‘“'"]/u.test(next);
  // A quotation run in after a caption ("Accused: ... ‘I did not...’"): the
  // caption has its label, and the quotation closes with its own punctuation.
  // Without a label the quotation is a title in the sentence ("the film “Going Clear,” but").
  return /^[‘“][\p{Lu}]/u.test(token) && isCaption(piece.join(" ")) && /^[‘“][^’”]{15,}[,.!?][’”]/u.test(rest());
}

/** "Flying high: Half of ..." and "Scroll down for video" — a caption, not story. */
export function isCaption(piece: string): boolean {
  const label = /^([\p{Lu}][\p{L}'’-]*(?:\s[\p{L}'’-]+){0,3}):\s+\S/u.exec(piece);
  return label !== null && !/\b(?:said|says|told|added|asked|wrote|explained)$/.test(label[1]!) && !/[.!?]["'”’)]*$/u.test(piece);
}
