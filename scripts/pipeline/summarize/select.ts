// Choosing the gist's sentences: the lead, with few deviations. News puts its
// point first, and "the article's first N words" is the bar an extractive
// summary must clear; weights tuned to beat it on one set fell below it on
// another. So the backbone is the article's own order: usable sentences are
// taken from the top, whole, until the minimum length is reached. A sentence
// is passed over only for a reason a reader would give:
//  - it is debris (a byline, a caption, boilerplate: quality.ts);
//  - it leans on a sentence the gist does not show (needsPredecessor), or its
//    pronoun could stand for more than one thing (candidates.ts);
//  - it would push the paragraph over the maximum (the next one may fit);
//  - it repeats a sentence already chosen (`maxOverlap`);
//  - it shares little with the rest of the story (`minCentrality`): an
//    anecdotal or scene-setting opening.
// The last two are the only settings; cross-validation on the dev set chooses
// them (npm run eval:summary). Cutting clauses to fit (compress.ts) was a third
// and never won: a cut clause costs the words the reference keeps.
// An editor's tag the lead never names brings in the first sentence naming it.
import type { Candidate } from "./candidates.ts";
import { paragraphLength } from "./assemble.ts";
import { cosineDense } from "./score.ts";

export interface Budget {
  minWords: number;
  maxWords: number;
}

export interface LeadSelection {
  /** A sentence whose content-term cosine to a chosen one is above this is skipped (1: never). */
  maxOverlap: number;
  /** A sentence whose centrality is below this share of the article's most central is skipped (0: never). */
  minCentrality: number;
}

/**
 * The setting the whole dev set chooses by the cross-validation criterion
 * (npm run eval:summary prints it, each fold's choice, and warns when this
 * differs). All six settings are within about 0.1 of each other; the floors matter less
 * than the fixed reasons above.
 */
export const DEFAULT_SELECTION: LeadSelection = { maxOverlap: 0.5, minCentrality: 0.3 };

/** The settings cross-validation chooses among, the plain lead first (ties go to the earlier). */
export function selectionGrid(): LeadSelection[] {
  const grid: LeadSelection[] = [];
  for (const minCentrality of [0, 0.3]) for (const maxOverlap of [1, 0.7, 0.5]) grid.push({ maxOverlap, minCentrality });
  return grid;
}

export function describeSelection(s: LeadSelection): string {
  return `maxOverlap ${s.maxOverlap}, minCentrality ${s.minCentrality}`;
}

/** Below this quality a sentence is debris (quality.ts gives 0.3 and less for each reason). */
export const USABLE_QUALITY = 0.5;

interface Forms {
  whole: Candidate;
  /** The compressed form, when compression changes the sentence. */
  short: Candidate | null;
}

function formsByIndex(candidates: readonly Candidate[]): Forms[] {
  const out: Forms[] = [];
  for (const c of candidates) {
    const forms = out[c.index];
    if (!forms) out[c.index] = { whole: c, short: null };
    else if (c.words < forms.whole.words) forms.short = c;
  }
  return out.filter((f): f is Forms => f !== undefined);
}

export function selectSentences(candidates: readonly Candidate[], budget: Budget, setting: LeadSelection = DEFAULT_SELECTION, tagCount = 0): Candidate[] {
  const forms = formsByIndex(candidates);
  let chosen = lead(forms, budget, setting);
  chosen = coverTags(chosen, forms, budget, tagCount);
  if (paragraphWords(chosen) >= budget.minWords) return chosen;
  // Short of the minimum (a short or debris-heavy article): any sentence that can
  // stand and fits, in article order, then compressed sentences get their cut
  // clauses back. An article with less prose than the minimum gets all of it.
  return uncompressToMinimum(fill(chosen, forms, budget), candidates, budget);
}

function lead(forms: readonly Forms[], budget: Budget, setting: LeadSelection): Candidate[] {
  const chosen: Candidate[] = [];
  for (const { whole } of forms) {
    if (paragraphWords(chosen) >= budget.minWords) break;
    if (!whole.usable || whole.quality < USABLE_QUALITY) continue;
    if (whole.needsPredecessor && !chosen.some((c) => c.index === whole.index - 1)) continue;
    if (whole.centrality < setting.minCentrality) continue;
    if (setting.maxOverlap < 1 && chosen.some((c) => cosineDense(whole.vector, c.dense()) > setting.maxOverlap)) continue;
    if (paragraphWords([...chosen, whole]) <= budget.maxWords) chosen.push(whole);
  }
  return chosen;
}

/** Adds, in article order, any sentence that can stand where it goes and fits. */
function fill(chosen: readonly Candidate[], forms: readonly Forms[], budget: Budget): Candidate[] {
  let out = [...chosen];
  for (const { whole, short } of forms) {
    if (paragraphWords(out) >= budget.minWords) break;
    if (whole.quality <= 0 || out.some((c) => c.index === whole.index)) continue;
    if (whole.needsPredecessor && !out.some((c) => c.index === whole.index - 1)) continue;
    const form = [whole, ...(short ? [short] : [])].find((f) => paragraphWords([...out, f]) <= budget.maxWords);
    if (form) out = sorted([...out, form]);
  }
  return out;
}

/**
 * A tag the editor gave the article names what it is about: when no chosen
 * sentence names a tag the text does name, the first sentence naming it takes
 * the place of the last lead sentence (or is added, if it fits).
 */
function coverTags(chosen: Candidate[], forms: readonly Forms[], budget: Budget, tagCount: number): Candidate[] {
  let out = chosen;
  for (let tag = 0; tag < tagCount; tag++) {
    if (out.some((c) => c.tags.includes(tag))) continue;
    const naming = forms.find((f) => f.whole.usable && f.whole.quality >= USABLE_QUALITY && !f.whole.needsPredecessor && f.whole.tags.includes(tag));
    if (!naming) continue;
    const form = [naming.whole, ...(naming.short ? [naming.short] : [])];
    const added = form.map((f) => sorted([...out, f])).find((s) => paragraphWords(s) <= budget.maxWords);
    const swapped = form.map((f) => sorted([...out.slice(0, -1), f])).find((s) => paragraphWords(s) <= budget.maxWords && !dependsOnLast(s, out));
    const next = added ?? swapped;
    if (next) out = next;
  }
  return out;
}

/** Whether dropping `before`'s last sentence strands a sentence that needs it. */
function dependsOnLast(after: readonly Candidate[], before: readonly Candidate[]): boolean {
  const last = before[before.length - 1];
  return last !== undefined && after.some((c) => c.needsPredecessor && c.index === last.index + 1);
}

/** Swaps compressed sentences for their whole form, in article order, until the minimum is met. */
function uncompressToMinimum(chosen: Candidate[], candidates: readonly Candidate[], budget: Budget): Candidate[] {
  let out = sorted(chosen);
  let words = paragraphWords(out);
  for (let k = 0; k < out.length && words < budget.minWords; k++) {
    const longer = candidates.find((c) => c.index === out[k]!.index && c.words > out[k]!.words);
    if (!longer) continue;
    const swapped = out.map((c, j) => (j === k ? longer : c));
    const swappedWords = paragraphWords(swapped);
    if (swappedWords <= budget.maxWords) [out, words] = [swapped, swappedWords];
  }
  return out;
}

function sorted(chosen: readonly Candidate[]): Candidate[] {
  return [...chosen].sort((a, b) => a.index - b.index);
}

/** Words of the paragraph the chosen sentences make (names are given in full once, short after). */
function paragraphWords(chosen: readonly Candidate[]): number {
  return chosen.length === 0 ? 0 : paragraphLength(sorted(chosen));
}
