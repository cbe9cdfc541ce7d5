// What the machine guessed: the parts of an article an editor should check
// before publishing (npm run review, the build's count, the dev server's
// marks). Found on the machine's article, before corrections; a guess is
// reviewed when a correction touched what it is about, or when the sidecar
// lists it under `reviewed:`. Each guess carries the sidecar lines that
// correct, hide or accept it, ready to paste.
import type { Attribution, Guess, MachineArticle, Review, TimelineEntry, UnmatchedCorrection } from "../schema.ts";
import { attributionMatches, matchForm, yamlEntry, type CorrectionResult, type Corrections } from "./corrections.ts";

/** Date words that are counted from the publication date rather than read off the calendar. */
const RELATIVE_DATE = /\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|yesterday|tomorrow|last|next|this|coming|ago|from now|earlier|later|previous|past|recent|recently|weekend)\b/i;

/** Whether a date's words name it relative to the publication date ("last September", "Monday"). */
export function isRelativeDate(dateText: string): boolean {
  return RELATIVE_DATE.test(dateText);
}

/** A quotation of at least this many words with no speaker is worth a look; shorter ones are mostly scare quotes. */
const QUOTE_MIN_WORDS = 4;
/** Words a reviewed key starts with; more when fewer would name another quotation too. */
const KEY_WORDS = 6;

const wordsOf = (text: string) => text.split(/\s+/).filter((w) => w !== "");

/** The shortest opening of `text` (at least KEY_WORDS words) that none of `others` (in matchForm) contains. */
function distinctOpening(text: string, others: readonly string[]): string {
  const words = wordsOf(text);
  for (let n = Math.min(KEY_WORDS, words.length); n < words.length; n++) {
    const opening = words.slice(0, n).join(" ");
    const form = matchForm(opening);
    if (!others.some((o) => o.includes(form))) return opening;
  }
  return words.join(" ");
}

/** The calendar value of a timeline entry as a correction writes it. */
function dateValue(e: Pick<TimelineEntry, "start" | "end" | "precision">): { date: string; end?: string; approximate?: true } {
  const form = (iso: string) => (e.precision === "year" ? iso.slice(0, 4) : e.precision === "month" ? iso.slice(0, 7) : iso);
  const [date, end] = [form(e.start), form(e.end)];
  return { date, ...(end !== date ? { end } : {}), ...(e.precision === "approximate" ? { approximate: true as const } : {}) };
}

const block = (field: string, entry: Record<string, unknown>) => `${field}:\n  - ${yamlEntry(entry)}`;

/** Quoted passages of a sentence ("…" or “…”) of at least QUOTE_MIN_WORDS words. */
function quotedPassages(text: string): string[] {
  return [...text.matchAll(/[\u201C"]([^\u201C\u201D"]+)[\u201D"]/g)].map((m) => m[1]!.trim().replace(/[,.]$/, "")).filter((q) => wordsOf(q).length >= QUOTE_MIN_WORDS);
}

/** Every guess in the machine's article, reviewed or not: headline, gist, who's who, quotations, timeline. */
export function findGuesses(machine: MachineArticle): (Guess & { about: About })[] {
  const sentences = machine.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
  const byId = new Map(sentences.map((s) => [s.id, s]));
  const sentence = (id: string | undefined) => {
    const s = id === undefined ? undefined : byId.get(id);
    return s ? { id: s.id, text: s.text } : null;
  };
  const guesses: (Guess & { about: About })[] = [];
  if (machine.titleOrigin === "inferred") {
    guesses.push({
      kind: "headline", about: { kind: "headline" },
      message: `The headline “${machine.title}” was made from the lead sentence.`,
      sentence: sentence(sentences[0]?.id), reviewed: "headline",
      fixes: [{ action: "correct", yaml: `title: ${JSON.stringify(machine.title)}` }],
    });
  }
  if (machine.summary.origin === "generated" && machine.summary.sentenceIds.length === 0) {
    guesses.push({
      kind: "summary", about: { kind: "summary" },
      message: "No sentence could be used for the gist, so it repeats the headline.",
      sentence: null, reviewed: "summary",
      fixes: [{ action: "correct", yaml: `summary: ""` }],
    });
  }
  if (machine.people.length === 0) {
    guesses.push({
      kind: "people", about: { kind: "people" },
      message: "The who's who found no people.",
      sentence: null, reviewed: "people",
      fixes: [{ action: "add", yaml: block("people", { name: "", role: "", add: true }) }],
    });
  }
  for (const p of machine.people) {
    if (p.role !== null) continue;
    guesses.push({
      kind: "role", about: { kind: "person", id: p.id },
      message: `${p.name} is in the who's who without a role.`,
      sentence: sentence(p.mentions[0]?.sentenceId), reviewed: `role: ${p.name}`,
      fixes: [
        { action: "correct", yaml: block("people", { name: p.name, role: "" }) },
        { action: "hide", yaml: block("people", { name: p.name, hide: true }) },
      ],
    });
  }
  const whats = machine.attributions.map((a) => matchForm(a.what));
  machine.attributions.forEach((a: Attribution, index) => {
    if (a.speakerFrom !== "pronoun" && a.speakerFrom !== "context") return;
    const key = distinctOpening(a.what, whats.filter((_, i) => i !== index));
    guesses.push({
      kind: "speaker", about: { kind: "attribution", index },
      message: a.speakerFrom === "pronoun"
        ? `“${a.who} ${a.verb} …”: the speaker was taken from a pronoun (the last person named before it).`
        : `“${a.who} ${a.verb} …”: the quotation names no speaker of its own; it was given to whoever spoke just before it.`,
      sentence: sentence(a.sentenceId), reviewed: `speaker: ${key}`,
      fixes: [
        { action: "correct", yaml: block("quotes", { text: key, speaker: a.who }) },
        { action: "hide", yaml: block("quotes", { text: key, hide: true }) },
      ],
    });
  });
  for (const s of sentences) {
    if (!s.text.includes("\u201C") && !s.text.includes("\"")) continue;
    const said = machine.attributions.filter((a) => a.sentenceId === s.id);
    for (const passage of quotedPassages(s.text)) {
      if (said.some((a) => attributionMatches(a, passage) || matchForm(passage).includes(matchForm(a.what)))) continue;
      const key = distinctOpening(passage, []);
      guesses.push({
        kind: "quote", about: { kind: "quotation", text: passage },
        message: `The quotation “${passage}” has no speaker.`,
        sentence: { id: s.id, text: s.text }, reviewed: `quote: ${key}`,
        fixes: [{ action: "add", yaml: block("quotes", { text: passage, speaker: "", add: true }) }],
      });
    }
  }
  machine.timeline.forEach((e, index) => {
    if (!isRelativeDate(e.dateText)) return;
    const value = dateValue(e);
    guesses.push({
      kind: "date", about: { kind: "timeline", index },
      message: `“${e.dateText}” was placed at ${value.approximate ? "about " : ""}${value.end ? `${value.date} to ${value.end}` : value.date}, counting from the publication date.`,
      sentence: sentence(e.sentenceId), reviewed: `date: ${e.dateText}`,
      fixes: [
        { action: "correct", yaml: block("timeline", { text: e.dateText, ...value }) },
        { action: "hide", yaml: block("timeline", { text: e.dateText, hide: true }) },
      ],
    });
  });
  // One guess per reviewed entry: the same words ("Last September") resolve the same way.
  const seen = new Set<string>();
  return guesses.filter((g) => {
    const key = matchForm(g.reviewed);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What a guess is about, to tell whether a correction touched it. */
type About =
  | { kind: "headline" | "summary" | "people" }
  | { kind: "person"; id: string }
  | { kind: "attribution"; index: number }
  | { kind: "timeline"; index: number }
  | { kind: "quotation"; text: string };

function corrected(about: About, result: CorrectionResult, machine: MachineArticle): boolean {
  switch (about.kind) {
    case "people": return result.addedPeople;
    case "person": return result.touched.people.has(about.id);
    case "attribution": return result.touched.attributions.has(about.index);
    case "timeline": {
      // Every entry with the same words is one guess.
      const words = matchForm(machine.timeline[about.index]!.dateText);
      return machine.timeline.some((e, i) => result.touched.timeline.has(i) && matchForm(e.dateText) === words);
    }
    case "quotation": return result.addedQuotes.some((q) => matchForm(about.text).includes(matchForm(q)) || matchForm(q).includes(matchForm(about.text)));
    default: return false;
  }
}

/**
 * The review of an article: the guesses no correction and no `reviewed:`
 * entry covers, and every correction or `reviewed:` entry that matched nothing.
 */
export function reviewArticle(machine: MachineArticle, result: CorrectionResult, corrections: Corrections): Review {
  const all = findGuesses(machine);
  const reviewed = new Set<string>();
  const unmatchedReviewed: UnmatchedCorrection[] = [];
  for (const r of corrections.reviewed) {
    const key = matchForm(r.entry);
    if (all.some((g) => matchForm(g.reviewed) === key)) reviewed.add(key);
    else unmatchedReviewed.push({ file: r.file, line: r.line, field: "reviewed", entry: JSON.stringify(r.entry) });
  }
  const guesses = all
    .filter((g) => !reviewed.has(matchForm(g.reviewed)) && !corrected(g.about, result, machine))
    .map(({ about: _about, ...g }) => ({ ...g, fixes: [...g.fixes, { action: "accept" as const, yaml: `reviewed:\n  - ${JSON.stringify(g.reviewed)}` }] }));
  // In the order they are written, file by file.
  const unmatchedCorrections = [...result.unmatched, ...unmatchedReviewed]
    .map((u, i) => ({ u, i }))
    .sort((a, b) => (a.u.file < b.u.file ? -1 : a.u.file > b.u.file ? 1 : (a.u.line ?? 0) - (b.u.line ?? 0) || a.i - b.i))
    .map(({ u }) => u);
  return { sidecar: corrections.sidecar, guesses, unmatchedCorrections };
}

/** The build's one line about the review: "7 guesses to review: npm run review". */
export function guessCountLine(articles: readonly { review: Review }[]): string {
  const count = articles.reduce((n, a) => n + a.review.guesses.length, 0);
  if (count === 0) return "no guesses to review";
  return `${count} ${count === 1 ? "guess" : "guesses"} to review: npm run review`;
}
