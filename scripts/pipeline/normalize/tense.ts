// Whether a clause speaks of the past or the future, from the verbs nearest a
// date expression. A bare weekday or month is placed by it: "was arrested on
// Wednesday" is the Wednesday before publication, "will be confirmed on Friday"
// the Friday after. No part-of-speech tagger: a few closed word classes
// (auxiliaries, modals, past forms) carry tense in English, and the nearest one
// to the date almost always governs it.

export type Tense = "past" | "future";

/** Modals and auxiliaries that put the verb group after them in the future. */
const FUTURE_AUX = new Set(["will", "shall", "would", "may", "might", "should", "must", "could", "can", "won't", "wont", "gonna"]);
/** Words that look ahead whatever verb carries them ("is due on", "ahead of Saturday's game"). */
const FUTURE_WORDS = new Set([
  "next", "upcoming", "forthcoming", "ahead", "due", "scheduled", "expected", "expect", "expects", "expecting",
  "likely", "tomorrow", "coming", "anticipated", "urged", "urges", "urge", "urging", "bailed", "awaits",
  "awaiting", "await",
]);
/** Words that look ahead only before "to" ("set to", "plans to", "is to open"); alone they may be nouns or past ("the plans"). */
const FUTURE_BEFORE_TO = new Set([
  "set", "going", "look", "looks", "looking", "prepare", "prepares", "preparing", "is", "are", "am", "plan", "plans",
  "planned", "planning", "hope", "hopes", "hoped", "hoping", "aim", "aims", "aiming", "intend", "intends", "intended",
]);
/** Present-tense "be": with a date it names a schedule ("are meeting on Friday", "is back on Friday"). */
const PRESENT_BE = new Set(["is", "are", "am"]);
const PAST_AUX = new Set([
  "was", "were", "had", "did", "has", "have", "hasn't", "haven't", "wasn't", "weren't", "hadn't", "didn't", "'ve",
  "ago", "yesterday", "earlier", "previously",
]);
/** Common irregular past tenses and participles (regular ones end in -ed). */
const IRREGULAR_PAST = new Set([
  "said", "told", "came", "went", "made", "took", "saw", "met", "won", "lost", "began", "became", "fell", "rose",
  "found", "gave", "got", "held", "kept", "led", "paid", "ran", "sent", "spoke", "stood", "thought", "wrote",
  "broke", "brought", "bought", "caught", "fought", "sold", "struck", "knew", "grew", "drew", "flew", "threw",
  "chose", "withdrew", "shot", "felt", "heard", "meant", "built", "spent", "fled", "sought", "taught", "seen",
  "been", "done", "gone", "taken", "given", "known", "shown", "written", "spoken", "broken", "chosen", "driven",
  "fallen", "risen", "stolen", "beaten", "begun", "sworn", "thrown", "grown", "drawn", "flown", "agreed", "freed",
  "swept", "underwent", "overcame", "forgave", "foresaw", "slept", "wept", "sank", "rang", "sang", "sprang", "stole",
  "swore", "tore", "wore", "woke", "hid", "ate", "sat", "dealt", "lent", "bent",
]);
/** Words ending in -ed that are not past tenses. */
const ED_NOT_VERB = new Set(["need", "speed", "indeed", "hundred", "bed", "red", "shed", "seed", "feed", "proceed", "exceed", "succeed", "embed", "bred", "sled", "wed", "fled"]);
/** Words that may stand between an auxiliary and its participle ("will also be held", "was not only arrested"). */
const VERB_GROUP_FILLERS = new Set(["be", "been", "being", "not", "never", "also", "only", "now", "already", "still", "just", "then", "later", "all", "both", "since", "first", "finally", "previously", "initially", "officially", "formally", "reportedly", "allegedly"]);
const DETERMINERS = new Set(["the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "that", "these", "those"]);
/** Verbs of saying: after "said that" the reported clause has its own tense, backshifted ("added that a cut in May was possible"). */
const SPEECH = new Set([
  "said", "says", "added", "told", "stated", "noted", "claimed", "reported", "announced", "insisted", "warned", "argued",
  "explained", "admitted", "confirmed", "revealed", "suggested", "believed", "thought", "reporters",
]);

/** How many words either side of the date are searched for a tense cue. */
const REACH = 16;

export interface Word { lower: string; start: number; capital: boolean }

/** The sentence's words with where they start (computed once per sentence by the caller). */
export function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  // Not the letters of a number ("6:30am", "10th").
  for (const m of text.matchAll(/(?<![\dA-Za-z])[A-Za-z]+(?:['\u2019][A-Za-z]+)*/g)) {
    out.push({ lower: m[0].toLowerCase().replace(/\u2019/g, "'"), start: m.index, capital: m[0][0] !== m[0][0]!.toLowerCase() });
  }
  return out;
}

function isPastForm(words: Word[], i: number): boolean {
  const w = words[i]!;
  if (w.capital) return false;
  if (IRREGULAR_PAST.has(w.lower)) return true;
  if (!/^[a-z]{2,}ed$/.test(w.lower) || w.lower.endsWith("eed") || ED_NOT_VERB.has(w.lower)) return false;
  // "the injured Benzema": an -ed word after a determiner is an adjective.
  return !(i > 0 && DETERMINERS.has(words[i - 1]!.lower));
}

/**
 * The tense a past form carries: its auxiliary's ("will be held", "to be released",
 * "was arrested"), else simple past; none for a present passive ("is pictured in
 * March", a caption), so the search goes on.
 */
function tenseOfPastForm(words: Word[], i: number): Tense | null {
  for (let j = i - 1; j >= Math.max(0, i - 5); j--) {
    const w = words[j]!.lower;
    if (!isName(words[j]!) && (FUTURE_AUX.has(w) || w.endsWith("'ll") || w === "to")) return "future";
    if (PRESENT_BE.has(w)) return null;
    if (PAST_AUX.has(w)) return "past";
    // Only adverbs and forms of "be" stand inside a verb group; any other word ends it.
    if (!VERB_GROUP_FILLERS.has(w)) break;
  }
  return "past";
}

/** "May" and "Will" with a capital are a month and a name, not modals. */
function isName(word: Word): boolean {
  return word.capital && (word.lower === "may" || word.lower === "will");
}

function cueAt(words: Word[], i: number): Tense | null {
  if (isName(words[i]!)) return null;
  const w = words[i]!.lower;
  const next = words[i + 1]?.lower;
  if (FUTURE_AUX.has(w) || w.endsWith("'ll")) return "future";
  if (FUTURE_BEFORE_TO.has(w) && next === "to") return "future";
  if (FUTURE_WORDS.has(w)) return "future";
  if ((w === "has" || w === "have") && next === "to") return null;
  if (PAST_AUX.has(w)) return "past";
  // "is pictured", a present passive, says nothing of when; "is meeting", "is back" name a schedule.
  if (PRESENT_BE.has(w)) return words[i + 1] && isPastForm(words, i + 1) ? null : "future";
  if (isPastForm(words, i)) return tenseOfPastForm(words, i);
  return null;
}

/**
 * The tense governing the words at [start, end) of the sentence: the nearest cue
 * before them, else the nearest after ("On Wednesday, the minister said"), else null.
 */
export function tenseAround(text: string, start: number, end: number, words: Word[] = wordsOf(text)): Tense | null {
  let after = words.findIndex((w) => w.start >= end);
  if (after < 0) after = words.length;
  let before = after - 1;
  while (before >= 0 && words[before]!.start >= start) before--;
  let reported = false;
  for (let i = before; i >= 0 && i > before - REACH; i--) {
    // "He added that a cut in May…": the verb of saying is outside the date's clause.
    if (words[i]!.lower === "that" && i > 0 && SPEECH.has(words[i - 1]!.lower)) { reported = true; break; }
    const cue = cueAt(words, i);
    if (cue) return cue;
  }
  for (let i = after; i < words.length && i < after + REACH; i++) {
    const cue = cueAt(words, i);
    // Reported speech shifts tenses back: its "was" is the speaker's "is", only its "had" a past.
    if (cue === "past" && reported && !words[i]!.lower.startsWith("had")) continue;
    if (cue) return cue;
  }
  return null;
}
