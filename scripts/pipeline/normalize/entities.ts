// People, organizations and places, by rules over capitalized word runs:
// honorifics and titles ("President Xi Jinping"), appositive roles ("Park
// Won-gon, a professor of ..."), given names and family-first surnames,
// organization keywords and a small gazetteer. Short forms ("Kim", "Professor
// Park") are merged into the full name they stand for. A run that no rule
// claims is left out: a missing person is better than a false one.
// Why not compromise: it costs ~66 ms per article, about 30 times this.
import type { Entity, Person } from "../../schema.ts";
import {
  COMMON_CAPITALIZED, DEMONYMS, FAMILY_FIRST_SURNAMES, GIVEN_NAMES, HONORIFICS, KNOWN_ORGS, MAX_PLACE_WORDS, MONTHS,
  NOT_ACRONYMS, ORG_HEADS, ORG_KEYWORDS, ORG_NOUNS, PLACES, ROLE_NOUNS, TITLE_WORDS, WEEKDAYS,
} from "./gazetteer.ts";
import { slugify } from "./slug.ts";
import { capitalizedRuns, isUpper, tokenize, type Token } from "./tokens.ts";

export interface SentenceRef {
  id: string;
  text: string;
}

/** Where a person or organization is named in a sentence, for attributions. */
export interface NamedSpan {
  kind: "person" | "org";
  id: string;
  name: string;
  text: string;
  start: number;
  end: number;
  /** End of an appositive that follows the name (", a professor of ..., "), or `end`. */
  phraseEnd: number;
}

export interface EntityResult {
  people: Person[];
  organizations: Entity[];
  places: Entity[];
  /** Named spans per sentence id, in text order. */
  spans: Map<string, NamedSpan[]>;
}

const LAW_WORDS = new Set(["Act", "Treaty", "Accord", "Accords", "Agreement", "Convention", "Protocol", "Doctrine", "Declaration", "Initiative", "Bill", "Amendment", "Law", "Code", "Charter"]);
const EVENT_WORDS = new Set(["Games", "Olympics", "Cup", "War", "Summit", "Festival", "Championship", "Championships", "Open", "Congress"]);
const REPORTING = /^,?\s*(?:also |further |later |previously |repeatedly |once |then |has |had )?(?:said|says|stated|states|noted|notes|argued|argues|added|adds|told|tells|criticized|criticised|emphasized|emphasised|analyzed|analysed|reaffirmed|warned|claimed|insisted|explained|suggested|announced|acknowledged|admitted|asserted|confirmed|declared|denied|stressed|urged|wrote|writes|clarified|reiterated|expressed|recalled|revealed|vowed|pledged|promised|believes|thinks)\b/u;
const APPOSITIVE = /^, (?:(?:a|an|the|who is|who was) )?([^,.;()]{3,140}?)(?=[,.;]|$)/u;

interface Candidate {
  sentence: SentenceRef;
  order: number;
  tokens: Token[];
  /** Title words stripped from the front ("President"), or null. */
  title: string | null;
  role: string | null;
  kind: "person" | "org" | "place" | "unknown";
  phraseEnd: number;
}

function joinTokens(sentence: string, tokens: Token[]): string {
  return sentence.slice(tokens[0]!.start, tokens[tokens.length - 1]!.end);
}

function isAcronym(word: string): boolean {
  if (NOT_ACRONYMS.has(word) || PLACES.has(word)) return false;
  return /^\p{Lu}{2,6}s?$/u.test(word) || /^(?:\p{Lu}\.){2,4}$/u.test(word);
}

function titleCase(word: string): string {
  return word.charAt(0) + word.slice(1).toLowerCase();
}

/** Place names by first word, for a quick miss on most capitalized words. */
const PLACE_FIRST_WORDS = new Set([...PLACES.keys()].map((p) => p.split(" ")[0]!));

/** Longest gazetteer place at the start of `tokens`, in words. */
function placeAt(tokens: Token[], from: number): { name: string; length: number } | null {
  const first = tokens[from];
  if (!first) return null;
  if (!PLACE_FIRST_WORDS.has(first.text)) {
    const upper = /^\p{Lu}{3,}$/u.test(first.text) ? PLACES.get(titleCase(first.text)) : undefined;
    return upper ? { name: upper, length: 1 } : null;
  }
  let surface = "";
  let best: { name: string; length: number } | null = null;
  for (let n = 1; n <= MAX_PLACE_WORDS && from + n <= tokens.length; n++) {
    const t = tokens[from + n - 1]!;
    surface = n === 1 ? t.text : `${surface} ${t.text}`;
    const name = PLACES.get(surface);
    if (name) best = { name, length: n };
    // A possessive ends a name: only the last word of a place may carry one.
    if (t.possessive) break;
  }
  return best;
}

function isNameWord(t: Token): boolean {
  const w = t.text;
  // An initial ("W.") or a capitalized word that is not a known non-name.
  if (w.length === 2 && w[1] === ".") return true;
  return /^\p{Lu}[\p{Ll}\p{M}'\u2019-]/u.test(w) && !DEMONYMS.has(w) && !ORG_KEYWORDS.has(w) && !MONTHS.has(w) &&
    !WEEKDAYS.has(w) && !COMMON_CAPITALIZED.has(w) && !PLACES.has(w);
}

const ROLE_MODIFIERS = new Set("council|board|former|deputy|vice|assistant|acting|interim|senior|junior|chief|new|incoming|outgoing|then|longtime|veteran|retired|late|head|general|foreign|defense|defence|finance|health|prime|shadow|opposition|team|club|party|state|national|regional|local|district|county|city|federal|sports|news|managing|executive|co|founding|lead|principal|associate".split("|"));
const DETERMINERS = /^(?:the|a|an|and|of|to|for|with|by|as|at|in|on|said|that|from|his|her|its|their)$/i;

/** Lower-case role words just before a name: "North Korean leader", "former coach". */
function roleBefore(sentence: string, start: number): string | null {
  if (start < 2 || sentence[start - 1] !== " ") return null;
  const words = sentence.slice(Math.max(0, start - 60), start - 1).split(" ");
  const noun = words[words.length - 1]!;
  if (!ROLE_NOUNS.has(noun)) return null;
  // Keep capitalized modifiers ("North Korean", "Dortmund") and a few lower-case ones
  // ("former", "deputy"), up to three; a verb or a determiner ends the role.
  const role = [noun];
  for (let i = words.length - 2; i >= 0 && role.length < 4; i--) {
    const w = words[i]!;
    if (DETERMINERS.test(w) || !/^[\p{L}-]+$/u.test(w)) break;
    if (isUpper(w) ? COMMON_CAPITALIZED.has(w) : !ROLE_MODIFIERS.has(w)) break;
    role.unshift(w);
  }
  return role.join(" ");
}

/** The appositive after a name, when it names a role: ", a professor of ... at ...,". */
function appositiveAfter(sentence: string, end: number): { role: string; end: number; org: boolean } | null {
  if (sentence.charCodeAt(end) !== 44) return null;
  const m = APPOSITIVE.exec(sentence.slice(end, end + 160));
  if (!m) return null;
  const phrase = m[1]!.trim();
  if (/^(?:who|which|that|said|says|and|but|or|as|if|when|while|where|according|in|on|at|for|with)\b/i.test(phrase)) return null;
  if (/^\p{N}+$/u.test(phrase)) return null;
  const head = phrase.split(" ").slice(0, 6).map((w) => w.toLowerCase().replace(/[\u2019']s$/u, ""));
  const orgIndex = head.findIndex((w) => ORG_NOUNS.has(w));
  const roleIndex = head.findIndex((w) => ROLE_NOUNS.has(w) || TITLE_WORDS.has(w.charAt(0).toUpperCase() + w.slice(1)) && HONORIFICS.has(w.charAt(0).toUpperCase() + w.slice(1)));
  if (roleIndex < 0 && orgIndex < 0) return null;
  const org = orgIndex >= 0 && (roleIndex < 0 || orgIndex < roleIndex);
  return { role: phrase, end: end + m[0].length, org };
}

/** "the party's official newspaper, Rodong Sinmun": what the words before ", NAME" call it. */
function nounBeforeComma(sentence: string, start: number): { org: boolean; person: boolean; phrase: string } | null {
  if (sentence.charCodeAt(start - 2) !== 44) return null;
  const before = sentence.slice(Math.max(0, start - 100), start);
  if (!before.endsWith(", ")) return null;
  const clause = before.slice(0, -2).split(/[,;:]| (?:that|and|but|said|by|to|according to|with) /).pop()!.trim();
  const words = clause.split(" ");
  const last = (words[words.length - 1] ?? "").toLowerCase();
  if (ORG_NOUNS.has(last)) return { org: true, person: false, phrase: clause };
  if (ROLE_NOUNS.has(last)) return { org: false, person: true, phrase: clause.replace(/^[^\p{L}\p{N}]+/u, "").replace(/^(?:the|a|an|his|her|their|its) /i, "") };
  return null;
}

export function extractEntities(sentences: SentenceRef[]): EntityResult {
  // Lower-case words of the article: a capitalized sentence opener that also
  // appears in lower case ("Analysts", "Recognizing") is not a name.
  const all = " " + sentences.map((s) => s.text).join(" ");
  // Memoized: without it a long article would scan its whole text once per sentence.
  const seenLower = new Map<string, boolean>();
  const appearsInLowerCase = (word: string): boolean => {
    let known = seenLower.get(word);
    if (known === undefined) { known = scanLowerCase(word); seenLower.set(word, known); }
    return known;
  };
  const scanLowerCase = (word: string): boolean => {
    const lower = " " + word.toLowerCase();
    for (let i = all.indexOf(lower); i >= 0; i = all.indexOf(lower, i + 1)) {
      const after = all.charCodeAt(i + lower.length);
      if (!(after >= 97 && after <= 122) && !(after > 127 && /\p{L}/u.test(all[i + lower.length]!))) return true;
    }
    return false;
  };

  const candidates: Candidate[] = [];
  let order = 0;
  sentences.forEach((sentence) => {
    const text = sentence.text;
    const runs = mergeOrgPossessives(capitalizedRuns(text, tokenize(text)));
    for (let run of runs) {
      // Sentence openers and quoted openers.
      const first = run[0]!;
      const atStart = /^["'\u201C\u2018(\s-]*$/u.test(text.slice(0, Math.min(first.start, 4))) && first.start <= 4 ||
        /[:"\u201C\u2018(]\s*$/u.test(text.slice(Math.max(0, first.start - 3), first.start));
      if (COMMON_CAPITALIZED.has(first.text) && !placeAt(run, 0) ||
          atStart && (/(?:ly|ing)$/.test(first.text) || appearsInLowerCase(first.text))) {
        run = run.slice(1);
      }
      for (const part of splitAtDates(run)) classifyRun(sentence, text, part, candidates, () => order++);
    }
  });
  return resolve(candidates);
}

/** "Supreme People's Assembly": a possessive inside an organization's name does not end it. */
function mergeOrgPossessives(runs: Token[][]): Token[][] {
  const out: Token[][] = [];
  for (const run of runs) {
    const prev = out[out.length - 1];
    const last = prev?.[prev.length - 1];
    if (prev && last && last.possessive && run[0]!.start === last.outerEnd + 1 &&
        ORG_KEYWORDS.has(run[run.length - 1]!.text) && !placeAt(prev, 0) &&
        !GIVEN_NAMES.has(prev[0]!.text) && !FAMILY_FIRST_SURNAMES.has(prev[0]!.text) && !KNOWN_ORGS.has(prev[0]!.text) &&
        !prev.some((t) => ORG_KEYWORDS.has(t.text))) {
      out[out.length - 1] = [...prev, ...run];
    } else out.push(run);
  }
  return out;
}

/** Months and weekdays are dates, not names: they split a run. */
function splitAtDates(run: Token[]): Token[][] {
  const parts: Token[][] = [];
  let current: Token[] = [];
  for (const t of run) {
    if (MONTHS.has(t.text) || WEEKDAYS.has(t.text)) { if (current.length) parts.push(current); current = []; }
    else current.push(t);
  }
  if (current.length) parts.push(current);
  return parts;
}

function classifyRun(sentence: SentenceRef, text: string, run: Token[], out: Candidate[], next: () => number): void {
  if (run.length === 0) return;
  const push = (kind: Candidate["kind"], tokens: Token[], extra: Partial<Candidate> = {}) =>
    out.push({ sentence, order: next(), tokens, title: null, role: null, kind, phraseEnd: tokens[tokens.length - 1]!.end, ...extra });

  if (run[0]!.text === "The" && !placeAt(run, 0)) run = run.slice(1);
  if (run.length === 0) return;
  const last = run[run.length - 1]!;
  if (LAW_WORDS.has(last.text)) return;

  // Organizations: a keyword ends the name ("Ewha Womans University", "U.S. Supreme Court"),
  // unless it is part of a place's name ("United States").
  const inPlace = new Set<number>();
  for (let i = 0; i < run.length; i++) {
    const place = placeAt(run, i);
    if (place) { for (let k = i; k < i + place.length; k++) inPlace.add(k); i += place.length - 1; }
  }
  const keywordAt = findLastIndex(run, (t, i) => ORG_KEYWORDS.has(t.text) && !inPlace.has(i));
  if (keywordAt >= 0 && !(run.length === 1 && keywordAt === 0 && !KNOWN_ORGS.has(run[0]!.text))) {
    const orgTokens = run.slice(0, keywordAt + 1);
    const lastWord = orgTokens[orgTokens.length - 1]!.text;
    const isEvent = EVENT_WORDS.has(lastWord) && orgTokens.length > 1 && orgTokens[orgTokens.length - 2]!.text === "Party";
    if (!isEvent) {
      const withOf = extendOrgWithOf(text, orgTokens);
      push("org", withOf.tokens, { phraseEnd: withOf.end });
    }
    if (keywordAt + 1 < run.length) classifyRun(sentence, text, run.slice(keywordAt + 1), out, next);
    return;
  }
  // Places from the gazetteer, longest first, anywhere in the run.
  for (let i = 0; i < run.length; i++) {
    const place = placeAt(run, i);
    if (!place) continue;
    if (i > 0) classifyRun(sentence, text, run.slice(0, i), out, next);
    push("place", run.slice(i, i + place.length));
    classifyRun(sentence, text, run.slice(i + place.length), out, next);
    return;
  }
  if (run.length === 1 && (KNOWN_ORGS.has(run[0]!.text) || isAcronym(run[0]!.text))) { push("org", run); return; }
  if (run.some((t) => KNOWN_ORGS.has(t.text))) {
    const i = run.findIndex((t) => KNOWN_ORGS.has(t.text));
    if (i > 0) classifyRun(sentence, text, run.slice(0, i), out, next);
    push("org", [run[i]!]);
    classifyRun(sentence, text, run.slice(i + 1), out, next);
    return;
  }

  // Titles in front: "President Donald Trump", "Professor Park".
  let t = 0;
  while (t < run.length - 1 && TITLE_WORDS.has(run[t]!.text)) t++;
  const titleTokens = run.slice(0, t);
  const hasHonorific = titleTokens.some((x) => HONORIFICS.has(x.text));
  const name = hasHonorific ? run.slice(t) : run;
  const title = hasHonorific ? joinTokens(text, titleTokens) : null;
  if (!name.every(isNameWord) || name.length > 4 || name.every((x) => TITLE_WORDS.has(x.text))) return;

  const end = name[name.length - 1]!.end;
  const after = text.slice(name[name.length - 1]!.outerEnd);
  const appositive = name[name.length - 1]!.possessive ? null : appositiveAfter(text, name[name.length - 1]!.outerEnd);
  const before = nounBeforeComma(text, (hasHonorific ? titleTokens[0]! : name[0]!).start);
  if (before?.org || appositive?.org) { push("org", name, { phraseEnd: appositive?.end ?? end }); return; }
  const role = appositive?.role ?? before?.phrase ?? roleBefore(text, (hasHonorific ? titleTokens[0]! : name[0]!).start) ?? null;
  const personLike = hasHonorific || role !== null ||
    name.length >= 2 && (GIVEN_NAMES.has(name[0]!.text) || FAMILY_FIRST_SURNAMES.has(name[0]!.text) || REPORTING.test(after));
  push(personLike && name.length >= 2 ? "person" : "unknown", name, { title, role, phraseEnd: appositive?.end ?? end });
}

function findLastIndex<T>(list: T[], test: (x: T, i: number) => boolean): number {
  for (let i = list.length - 1; i >= 0; i--) if (test(list[i]!, i)) return i;
  return -1;
}

/** "Ministry of Foreign Affairs": extends an organization over "of"/"for" and a capitalized tail. */
function extendOrgWithOf(text: string, tokens: Token[]): { tokens: Token[]; end: number } {
  const last = tokens[tokens.length - 1]!;
  const end = last.end;
  if (!ORG_HEADS.has(last.text) || last.possessive) return { tokens, end };
  const m = /^ (?:of|for|on) (?:the )?((?:\p{Lu}[\p{L}\p{M}'\u2019.-]*)(?: (?:and |of |for |& )?\p{Lu}[\p{L}\p{M}'\u2019.-]*)*)/u.exec(text.slice(end, end + 120));
  if (!m) return { tokens, end };
  const tail = tokenize(m[1]!).map((t) => ({ ...t, start: t.start + end + m[0].length - m[1]!.length, end: t.end + end + m[0].length - m[1]!.length, outerEnd: t.outerEnd + end + m[0].length - m[1]!.length }));
  const lastTail = tail[tail.length - 1];
  if (!lastTail) return { tokens, end };
  return { tokens: [...tokens, lastTail], end: lastTail.end };
}

/** The other forms the text used for an entity, in order of first use. */
function aliasesOf(entity: Pick<Entity, "name" | "mentions">): string[] {
  return [...new Set(entity.mentions.map((m) => m.text))].filter((text) => text !== entity.name);
}

interface PersonBuild { person: Person; firstOrder: number; roleFromTitle: boolean; keys: string[] }

/** Merges candidates into people, organizations and places, short forms into full names. */
function resolve(candidates: Candidate[]): EntityResult {
  const people = new Map<string, PersonBuild>();
  const byKey = new Map<string, PersonBuild[]>();
  const orgs = new Map<string, { entity: Entity; firstOrder: number }>();
  const places = new Map<string, { entity: Entity; firstOrder: number }>();
  const spans = new Map<string, NamedSpan[]>();
  const ids = new Set<string>();
  const uniqueId = (name: string, prefix: string) => {
    const base = slugify(name) || prefix;
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  };
  const addSpan = (c: Candidate, kind: NamedSpan["kind"], id: string, name: string) => {
    const list = spans.get(c.sentence.id) ?? [];
    list.push({ kind, id, name, text: joinTokens(c.sentence.text, c.tokens), start: c.tokens[0]!.start, end: c.tokens[c.tokens.length - 1]!.end, phraseEnd: c.phraseEnd });
    spans.set(c.sentence.id, list);
  };
  const mention = (c: Candidate) => ({ text: joinTokens(c.sentence.text, c.tokens), sentenceId: c.sentence.id });
  const addPerson = (name: string, c: Candidate) => {
    const build: PersonBuild = { person: { id: uniqueId(name, "person"), name, aliases: [], role: null, mentions: [] }, firstOrder: c.order, roleFromTitle: false, keys: [] };
    people.set(name, build);
    const words = name.split(" ").filter((w) => !/^\p{Lu}\.$/u.test(w));
    // A short form is the family name: first word for family-first names, else the last.
    const keys = new Set([words[0]!, words[words.length - 1]!]);
    if (!FAMILY_FIRST_SURNAMES.has(words[0]!) && words.length > 1) keys.delete(words[0]!);
    build.keys = [...keys];
    for (const k of keys) byKey.set(k, [...(byKey.get(k) ?? []), build]);
    return build;
  };
  const mentionPerson = (build: PersonBuild, c: Candidate) => {
    build.person.mentions.push(mention(c));
    if (c.role && (build.person.role === null || build.roleFromTitle)) { build.person.role = c.role; build.roleFromTitle = false; }
    else if (c.title && build.person.role === null && !/^(?:Mr|Mrs|Ms|Mx|Miss|Dr|Sir|Dame)\.?$/.test(c.title)) { build.person.role = c.title; build.roleFromTitle = true; }
    addSpan(c, "person", build.person.id, build.person.name);
  };
  const addEntity = (map: Map<string, { entity: Entity; firstOrder: number }>, name: string, c: Candidate, prefix: string) => {
    let e = map.get(name);
    if (!e) { e = { entity: { id: uniqueId(name, prefix), name, aliases: [], mentions: [] }, firstOrder: c.order }; map.set(name, e); }
    e.entity.mentions.push(mention(c));
    return e.entity;
  };

  // Full names first, so that a short form anywhere can find its person.
  for (const c of candidates) {
    if (c.kind !== "person") continue;
    const name = c.tokens.map((t) => t.text).join(" ");
    if (!people.has(name)) addPerson(name, c);
  }
  const lastMentioned = new Map<PersonBuild, number>();
  for (const c of candidates) {
    const name = c.tokens.map((t) => t.text).join(" ");
    if (c.kind === "place") { addEntity(places, placeAt(c.tokens, 0)!.name, c, "place"); continue; }
    if (c.kind === "org") { const e = addEntity(orgs, joinTokens(c.sentence.text, c.tokens), c, "org"); addSpan(c, "org", e.id, e.name); continue; }
    let build = people.get(name);
    if (!build && c.tokens.length <= 2) {
      // A short form: "Kim", "Park", "Professor Park", the most recently named match wins.
      const matches = byKey.get(c.tokens[c.tokens.length - 1]!.text) ?? byKey.get(c.tokens[0]!.text) ?? [];
      build = matches.slice().sort((a, b) => (lastMentioned.get(b) ?? b.firstOrder) - (lastMentioned.get(a) ?? a.firstOrder))[0];
      if (build && c.tokens.length === 2 && !build.keys.includes(c.tokens[0]!.text) && !build.person.name.includes(name)) build = undefined;
    }
    if (!build && c.kind === "unknown" && c.title !== null && c.tokens.length <= 2) build = addPerson(name, c);
    if (!build) continue;
    mentionPerson(build, c);
    lastMentioned.set(build, c.order);
  }

  const byFirst = <T extends { firstOrder: number }>(a: T, b: T) => a.firstOrder - b.firstOrder;
  for (const e of [...[...people.values()].map((p) => p.person), ...[...orgs.values(), ...places.values()].map((o) => o.entity)]) {
    e.aliases = aliasesOf(e);
  }
  return {
    people: [...people.values()].filter((p) => p.person.mentions.length > 0).sort(byFirst).map((p) => p.person),
    organizations: [...orgs.values()].sort(byFirst).map((o) => o.entity),
    places: [...places.values()].sort(byFirst).map((p) => p.entity),
    spans,
  };
}
