// The editor's corrections: lists in front matter or the `<name>.yaml` sidecar
// that fix what the extractors got wrong, without touching the article's text.
//
//   people:        - {name: "Andy Lugar", rename: "Andy Luger", role: "U.S. Attorney for Minnesota"}
//                  - {name: "Party Congress", hide: true}
//                  - {name: "Jane Roe", role: "Mayor", add: true}
//   organizations, places: the same with name, rename, hide, add
//   timeline:      - {text: "last Monday", date: 2026-02-23}       (text: the date's words, or words of the label)
//                  - {text: "Last September", hide: true}
//                  - {text: "next spring", date: 2026-04, label: "Talks resume", add: true}
//   quotes:        - {text: "no reason it can't get along", speaker: "Kim Jong Un"}
//                  - {text: "words of the quotation", hide: true}
//   keyPoints:     [replaces the generated list]
//   reviewed:      [guesses accepted as they are, as npm run review prints them]
//
// Validated with zod like every other front matter field (file, line, field);
// applied after summarize as a pure function of the machine's article and the
// corrections. A correction that matches nothing is reported, never dropped.
import { z } from "zod";
import { isNode, type Document } from "yaml";
import type { Attribution, Entity, MachineArticle, Person, TimelineEntry, UnmatchedCorrection } from "../schema.ts";
import { claimId, slugify } from "./normalize/slug.ts";
import { clauseLabel } from "./normalize/timeline.ts";
import { foldWhitespace, removeControls } from "./normalize/clean.ts";
import { problem, type Problem } from "../problems.ts";

// ---------------------------------------------------------------- schema

/**
 * A value as one clean line (what metaLine in front-matter.ts does): names, roles, labels and key
 * points reach pages, JSON-LD and email, where a control character or a bidi override is an injection.
 */
const words = (what: string) => z.string().transform((v) => foldWhitespace(removeControls(v))).pipe(z.string().min(1, `expected ${what}`));
const hide = z.literal(true, { message: "expected `hide: true` (or leave it out)" }).optional();
const add = z.literal(true, { message: "expected `add: true` (or leave it out)" }).optional();

/** YYYY, YYYY-MM or YYYY-MM-DD, a real calendar date. */
const DATE_FORM = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const calendarValue = z
  .union([z.string(), z.number()], { message: "expected a date such as 2026-03-31, 2026-03 or 2026" })
  .transform((v) => String(v).trim())
  .refine((v) => datePeriod(v) !== null, { message: "expected a real date such as 2026-03-31, 2026-03 or 2026" });

/** An action: exactly one of add, hide, or a change to an entry the text has. */
function oneAction(changes: readonly string[]) {
  return (entry: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const changed = changes.filter((k) => entry[k] !== undefined);
    const issue = (message: string) => ctx.addIssue({ code: "custom", message });
    if (entry.hide && entry.add) issue("an entry either adds (`add: true`) or hides (`hide: true`), not both");
    else if (entry.hide && changed.length > 0) issue(`\`hide: true\` hides the entry; drop ${changed.join(", ")} (or drop hide)`);
    else if (!entry.hide && !entry.add && changed.length === 0) issue(`nothing to correct: give ${changes.join(", ")} or \`hide: true\` (or \`add: true\` to add one)`);
  };
}

export const PersonCorrectionSchema = z
  .strictObject({
    name: words("the person's name as the who's who shows it, or a short form the text uses"),
    rename: words("the corrected name").optional(),
    role: words("the role between the quotes, or `role: null` to remove it").nullable().optional(),
    hide,
    add,
  })
  .superRefine((entry, ctx) => {
    oneAction(["rename", "role"])(entry, ctx);
    if (entry.add && entry.rename !== undefined) ctx.addIssue({ code: "custom", message: "a person added has one name: drop rename" });
  });
export type PersonCorrection = z.infer<typeof PersonCorrectionSchema>;

export const EntityCorrectionSchema = z
  .strictObject({
    name: words("the name as the who's who shows it"),
    rename: words("the corrected name").optional(),
    hide,
    add,
  })
  .superRefine((entry, ctx) => {
    oneAction(["rename"])(entry, ctx);
    if (entry.add && entry.rename !== undefined) ctx.addIssue({ code: "custom", message: "an entry added has one name: drop rename" });
  });
export type EntityCorrection = z.infer<typeof EntityCorrectionSchema>;

export const TimelineCorrectionSchema = z
  .strictObject({
    text: words("the date's words as the article writes them (or words of the entry's label)"),
    date: calendarValue.optional(),
    end: calendarValue.optional(),
    /** The date is about that day ("about a month from now"): shown as "about 27 March 2026". */
    approximate: z.literal(true, { message: "expected `approximate: true` (or leave it out)" }).optional(),
    label: words("what happened then").optional(),
    hide,
    add,
  })
  .superRefine((entry, ctx) => {
    oneAction(["date", "label"])(entry, ctx);
    if (entry.add && entry.date === undefined) ctx.addIssue({ code: "custom", message: "an entry added needs `date:` (2026-03-31, 2026-03 or 2026)" });
    if (entry.end !== undefined && entry.date === undefined) ctx.addIssue({ code: "custom", message: "`end:` needs `date:` for the start" });
    if (entry.approximate && entry.date === undefined) ctx.addIssue({ code: "custom", message: "`approximate: true` goes with a `date:`" });
    if (entry.date !== undefined && entry.end !== undefined && datePeriod(entry.end)!.end < datePeriod(entry.date)!.start) {
      ctx.addIssue({ code: "custom", message: "`end:` is before `date:`" });
    }
  });
export type TimelineCorrection = z.infer<typeof TimelineCorrectionSchema>;

export const QuoteCorrectionSchema = z
  .strictObject({
    text: words("words of the quotation as the article writes them"),
    speaker: words("the speaker's name").optional(),
    verb: words("the reporting verb, e.g. said").optional(),
    hide,
    add,
  })
  .superRefine((entry, ctx) => {
    oneAction(["speaker"])(entry, ctx);
    if (entry.add && entry.speaker === undefined) ctx.addIssue({ code: "custom", message: "a quotation added needs `speaker:`" });
    if (entry.verb !== undefined && !entry.add) ctx.addIssue({ code: "custom", message: "`verb:` is only for a quotation added (`add: true`)" });
  });
export type QuoteCorrection = z.infer<typeof QuoteCorrectionSchema>;

const list = <T extends z.ZodType>(item: T, what: string) => z.array(item, { message: `expected a list of ${what} (lines starting with "- ")` }).optional();

/** The correction fields of front matter and sidecars (spread into FrontMatterSchema). */
export const CorrectionFieldsSchema = z.object({
  people: list(PersonCorrectionSchema, "people to correct").meta({
    description: "Who's who corrections. `name` matches a person by full name or a short form the text uses; then `rename`, `role` (null removes it) or `hide: true`. `add: true` adds someone the text names.",
    examples: [[{ name: "Andy Luger", role: "U.S. Attorney for Minnesota" }, { name: "Party Congress", hide: true }, { name: "Jane Roe", role: "Mayor", add: true }]],
  }),
  organizations: list(EntityCorrectionSchema, "organizations to correct").meta({
    description: "Organizations: `name` matches by name or short form; `rename`, `hide: true`, or `add: true`.",
    examples: [[{ name: "FA", rename: "Football Association" }]],
  }),
  places: list(EntityCorrectionSchema, "places to correct").meta({
    description: "Places: `name` matches by name or short form; `rename`, `hide: true`, or `add: true`.",
    examples: [[{ name: "Georgia", rename: "Georgia (U.S. state)" }]],
  }),
  timeline: list(TimelineCorrectionSchema, "timeline entries to correct").meta({
    description: "Timeline corrections. `text` matches an entry by its date's words or words of its label; then `date` (2026-03-31, 2026-03 or 2026, with `end` for a span, `approximate: true` for “about”), `label`, or `hide: true`; a `label` must name one entry (date words two entries share need words of one label). `add: true` adds an entry at the sentence holding `text`, labelled with the clause that holds it unless `label` is given.",
    examples: [[{ text: "last Monday", date: "2026-02-23" }, { text: "Last September", hide: true }, { text: "next spring", date: "2026-04", label: "Talks resume", add: true }]],
  }),
  quotes: list(QuoteCorrectionSchema, "quotations to correct").meta({
    description: "Who said what. `text` matches a quotation by words of what was said; then `speaker` or `hide: true`. `add: true` (with `speaker`, optional `verb`) adds a quotation the text has.",
    examples: [[{ text: "no reason it can't get along", speaker: "Kim Jong Un" }, { text: "a clumsy deception", hide: true }]],
  }),
  keyPoints: z.array(words("a key point"), { message: "expected a list of key points" }).min(1, "give at least one key point, or remove keyPoints to keep the generated ones").optional().meta({
    description: "Replaces the generated key points.",
    examples: [["Kim demands recognition as a nuclear power.", "Talks before Trump's China visit look unlikely."]],
  }),
  reviewed: list(words("an entry as npm run review prints it"), "reviewed guesses").meta({
    description: "Guesses accepted as they are, as `npm run review` prints them.",
    examples: [["headline", "speaker: if it recognize them, there's no", "date: Last September"]],
  }),
});
export type CorrectionFields = z.infer<typeof CorrectionFieldsSchema>;

const LIST_FIELDS = ["people", "organizations", "places", "timeline", "quotes", "reviewed"] as const;
type ListField = (typeof LIST_FIELDS)[number];

// ---------------------------------------------------------------- where each entry was written

/** An entry and where it was written, for warnings. */
export interface Located<T> {
  entry: T;
  file: string;
  line: number | null;
}

/** The corrections an article's metadata carries (ArticleMeta.corrections). */
export interface Corrections {
  people: Located<PersonCorrection>[];
  organizations: Located<EntityCorrection>[];
  places: Located<EntityCorrection>[];
  timeline: Located<TimelineCorrection>[];
  quotes: Located<QuoteCorrection>[];
  keyPoints: string[] | null;
  reviewed: Located<string>[];
  /** The article's sidecar: where new corrections go (it may not exist yet). */
  sidecar: string;
}

export const NO_CORRECTIONS: Corrections = { people: [], organizations: [], places: [], timeline: [], quotes: [], keyPoints: null, reviewed: [], sidecar: "" };

/** The line of each entry of each correction list in a parsed YAML document. */
export function correctionEntryLines(doc: Document, lineOf: (offset: number) => number): Record<string, number[]> {
  const lines: Record<string, number[]> = {};
  for (const field of LIST_FIELDS) {
    const items = doc.get(field, true);
    if (!isNode(items) || !("items" in items) || !Array.isArray(items.items)) continue;
    lines[field] = items.items.map((item: unknown) => (isNode(item) && item.range ? lineOf(item.range[0]) : 0));
  }
  return lines;
}

/** One metadata block's fields, its file and its entries' lines. */
export interface CorrectionSource {
  fields: CorrectionFields;
  file: string;
  entryLines: Record<string, number[]>;
}

/**
 * The corrections of an article from its metadata blocks, lowest priority
 * first (sidecar, then front matter): a later block's list replaces an
 * earlier one's, field by field, as for every other field.
 */
export function collectCorrections(sources: readonly CorrectionSource[], sidecar: string): Corrections {
  const out: Corrections = { ...NO_CORRECTIONS, sidecar };
  const located = <T>(source: CorrectionSource, field: ListField, entries: T[]): Located<T>[] =>
    entries.map((entry, i) => ({ entry, file: source.file, line: source.entryLines[field]?.[i] || null }));
  for (const source of sources) {
    const f = source.fields;
    if (f.people) out.people = located(source, "people", f.people);
    if (f.organizations) out.organizations = located(source, "organizations", f.organizations);
    if (f.places) out.places = located(source, "places", f.places);
    if (f.timeline) out.timeline = located(source, "timeline", f.timeline);
    if (f.quotes) out.quotes = located(source, "quotes", f.quotes);
    if (f.reviewed) out.reviewed = located(source, "reviewed", f.reviewed);
    if (f.keyPoints) out.keyPoints = f.keyPoints;
  }
  return out;
}

// ---------------------------------------------------------------- matching

/** How names and words are compared: case, curly quotes and runs of spaces do not matter. */
export function matchForm(text: string): string {
  return text.normalize("NFC").replace(/[\u2018\u2019\u02BC`]/g, "'").replace(/[\u201C\u201D]/g, '"').replace(/\s+/g, " ").trim().toLowerCase();
}

const namedAs = (entity: { name: string; aliases: string[] }, name: string): boolean => {
  const wanted = matchForm(name);
  return matchForm(entity.name) === wanted || entity.aliases.some((a) => matchForm(a) === wanted);
};

/** A timeline entry is named by its date's words, or by words of its label. */
export function timelineEntryMatches(entry: Pick<TimelineEntry, "dateText" | "label">, text: string): boolean {
  const wanted = matchForm(text);
  return matchForm(entry.dateText) === wanted || matchForm(entry.label).includes(wanted);
}

/** A quotation is named by words of what was said. */
export function attributionMatches(a: Pick<Attribution, "what">, text: string): boolean {
  return matchForm(a.what).includes(matchForm(text));
}

/** start, end and precision of YYYY, YYYY-MM or YYYY-MM-DD; null when it is not a real date. */
export function datePeriod(value: string): Pick<TimelineEntry, "start" | "end" | "precision"> | null {
  const m = DATE_FORM.exec(value);
  if (!m) return null;
  const year = Number(m[1]);
  const pad = (n: number) => String(n).padStart(2, "0");
  const daysIn = (month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (m[2] === undefined) return { start: `${m[1]}-01-01`, end: `${m[1]}-12-31`, precision: "year" };
  const month = Number(m[2]);
  if (month < 1 || month > 12) return null;
  if (m[3] === undefined) return { start: `${m[1]}-${pad(month)}-01`, end: `${m[1]}-${pad(month)}-${pad(daysIn(month))}`, precision: "month" };
  const day = Number(m[3]);
  if (day < 1 || day > daysIn(month)) return null;
  return { start: value, end: value, precision: "day" };
}

// ---------------------------------------------------------------- applying

/** What applying the corrections changed, for the review (scripts/pipeline/review.ts). */
export interface CorrectionResult {
  article: MachineArticle;
  /** Person ids, attribution indexes and timeline indexes (in the machine's article) a correction touched. */
  touched: { people: Set<string>; attributions: Set<number>; timeline: Set<number> };
  /** Whether any person was added. */
  addedPeople: boolean;
  /** Quotation texts added (for quotations the machine found no speaker for). */
  addedQuotes: string[];
  unmatched: UnmatchedCorrection[];
}

interface SentenceLine {
  id: string;
  text: string;
  /** Place in the article, for ordering. */
  index: number;
}

/** What every step reads: the article's sentences, and ids for entries added. */
interface Context {
  sentences: SentenceLine[];
  position: Map<string, number>;
  newId: (name: string, prefix: string) => string;
  unmatched: UnmatchedCorrection[];
}

function contextOf(machine: MachineArticle): Context {
  const sentences: SentenceLine[] = [];
  for (const section of machine.sections) for (const p of section.paragraphs) for (const s of p.sentences) sentences.push({ id: s.id, text: s.text, index: sentences.length });
  // Ids of people, organizations and places share one namespace (as in normalize/entities.ts).
  const ids = new Set([...machine.people, ...machine.organizations, ...machine.places].map((e) => e.id));
  const newId = (name: string, prefix: string) => claimId(ids, slugify(name) || prefix);
  return { sentences, position: new Map(sentences.map((s) => [s.id, s.index])), newId, unmatched: [] };
}

/** The first sentence holding the words (compared in matchForm), the words as it writes them, and where. */
function findInSentences(sentences: readonly SentenceLine[], text: string): { sentence: SentenceLine; written: string; at: number } | null {
  const wanted = matchForm(text);
  for (const sentence of sentences) {
    // matchForm keeps lengths but for folded spaces, and sentence text is already folded.
    const at = matchForm(sentence.text).indexOf(wanted);
    if (at >= 0) return { sentence, written: sentence.text.slice(at, at + wanted.length), at };
  }
  return null;
}

const mentionsOf = (ctx: Context, name: string) => {
  const found = findInSentences(ctx.sentences, name);
  return found ? [{ text: found.written, sentenceId: found.sentence.id }] : [];
};

/** The entry renamed; its old name stays as another form the text uses. */
function renamed<T extends { name: string; aliases: string[] }>(e: T, name: string): T {
  return matchForm(name) === matchForm(e.name) ? e : { ...e, name, aliases: [e.name, ...e.aliases.filter((a) => matchForm(a) !== matchForm(name))] };
}

/** A correction entry as one line of YAML (flow mapping), for messages and the review. */
export function yamlEntry(entry: Record<string, unknown>): string {
  const value = (v: unknown): string => (typeof v === "string" ? JSON.stringify(v) : String(v));
  return `{${Object.entries(entry).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}: ${value(v)}`).join(", ")}}`;
}

const unmatchedOf = (field: string, c: Located<object>, why = ""): UnmatchedCorrection => ({
  file: c.file, line: c.line, field, entry: (typeof c.entry === "string" ? JSON.stringify(c.entry) : yamlEntry(c.entry as Record<string, unknown>)) + why,
});

function correctPeople(machine: MachineArticle, corrections: Located<PersonCorrection>[], ctx: Context) {
  let people: Person[] = machine.people;
  const touched = new Set<string>();
  let added = false;
  for (const c of corrections) {
    const { entry } = c;
    const matches = people.filter((p) => namedAs(p, entry.name));
    if (entry.add) {
      if (matches.length > 0) ctx.unmatched.push(unmatchedOf("people", c, " (already in the who's who: drop add: true to correct it)"));
      else {
        people = [...people, { id: ctx.newId(entry.name, "person"), name: entry.name, aliases: [], role: entry.role ?? null, mentions: mentionsOf(ctx, entry.name) }];
        added = true;
      }
    } else if (matches.length === 0) {
      ctx.unmatched.push(unmatchedOf("people", c));
    } else {
      for (const p of matches) touched.add(p.id);
      people = entry.hide
        ? people.filter((p) => !matches.includes(p))
        : people.map((p) => {
          if (!matches.includes(p)) return p;
          const named = entry.rename !== undefined ? renamed(p, entry.rename) : p;
          return entry.role !== undefined ? { ...named, role: entry.role } : named;
        });
    }
  }
  return { people, touched, added };
}

function correctEntities(list: Entity[], field: "organizations" | "places", corrections: Located<EntityCorrection>[], ctx: Context): Entity[] {
  let out = list;
  for (const c of corrections) {
    const { entry } = c;
    const matches = out.filter((e) => namedAs(e, entry.name));
    if (entry.add) {
      if (matches.length > 0) ctx.unmatched.push(unmatchedOf(field, c, " (already listed: drop add: true to correct it)"));
      else out = [...out, { id: ctx.newId(entry.name, field === "places" ? "place" : "organization"), name: entry.name, aliases: [], mentions: mentionsOf(ctx, entry.name) }];
    } else if (matches.length === 0) ctx.unmatched.push(unmatchedOf(field, c));
    else if (entry.hide) out = out.filter((e) => !matches.includes(e));
    else out = out.map((e) => (matches.includes(e) ? renamed(e, entry.rename!) : e));
  }
  return out;
}

/** Quotations, their speakers following the corrected who's who; in the text's order. */
function correctQuotes(machine: MachineArticle, people: Person[], corrections: Located<QuoteCorrection>[], ctx: Context) {
  const personIds = new Set(people.map((p) => p.id));
  const machineName = new Map(machine.people.map((p) => [p.id, p.name]));
  const renamedTo = new Map(people.filter((p) => machineName.has(p.id) && machineName.get(p.id) !== p.name).map((p) => [p.id, p.name]));
  // `index`: the attribution's place in the machine's list, null for one added.
  type Placed = { a: Attribution; index: number | null; at: number };
  let placed: Placed[] = machine.attributions.map((a, index) => {
    // A person hidden is no longer linked; a person renamed speaks under the new name.
    const personId = a.personId !== null && personIds.has(a.personId) ? a.personId : null;
    const who = personId !== null && renamedTo.has(personId) ? renamedTo.get(personId)! : a.who;
    return { a: { ...a, personId, who }, index, at: ctx.position.get(a.sentenceId) ?? Infinity };
  });
  const speakerOf = (speaker: string) => {
    const person = people.find((p) => namedAs(p, speaker));
    return { who: person?.name ?? speaker, personId: person?.id ?? null, speakerFrom: "editor" as const };
  };
  const touched = new Set<number>();
  const added: string[] = [];
  for (const c of corrections) {
    const { entry } = c;
    if (entry.add) {
      const found = findInSentences(ctx.sentences, entry.text);
      if (!found) {
        ctx.unmatched.push(unmatchedOf("quotes", c, " (no sentence of the article has these words)"));
        continue;
      }
      const before = found.sentence.text.slice(0, found.sentence.text.indexOf(found.written));
      placed.push({
        a: { kind: insideQuotationMarks(before) ? "quote" : "reported", ...speakerOf(entry.speaker!), verb: entry.verb ?? "said", what: found.written, sentenceId: found.sentence.id },
        index: null, at: found.sentence.index,
      });
      added.push(entry.text);
      continue;
    }
    const matches = placed.filter((x) => attributionMatches(x.a, entry.text));
    if (matches.length === 0) {
      ctx.unmatched.push(unmatchedOf("quotes", c));
      continue;
    }
    for (const x of matches) if (x.index !== null) touched.add(x.index);
    placed = entry.hide
      ? placed.filter((x) => !matches.includes(x))
      : placed.map((x) => (matches.includes(x) ? { ...x, a: { ...x.a, ...speakerOf(entry.speaker!) } } : x));
  }
  // Sorting is stable: within a sentence the machine's order stays, an added quotation last.
  const attributions = [...placed].sort((p, q) => p.at - q.at).map((x) => x.a);
  return { attributions, touched, added };
}

function correctTimeline(machine: MachineArticle, corrections: Located<TimelineCorrection>[], ctx: Context) {
  type Placed = { e: TimelineEntry; index: number | null };
  let placed: Placed[] = machine.timeline.map((e, index) => ({ e, index }));
  const touched = new Set<number>();
  for (const c of corrections) {
    const { entry } = c;
    const period = entry.date === undefined ? {} : {
      ...datePeriod(entry.date)!,
      ...(entry.end !== undefined ? { end: datePeriod(entry.end)!.end } : {}),
      ...(entry.approximate ? { precision: "approximate" as const } : {}),
    };
    if (entry.add) {
      const found = findInSentences(ctx.sentences, entry.text);
      if (!found) ctx.unmatched.push(unmatchedOf("timeline", c, " (no sentence of the article has these words)"));
      else {
        // Without a label of its own, the clause that holds the words, as the machine labels its entries.
        const label = entry.label ?? (clauseLabel(found.sentence.text, found.at, found.written.length) || found.written);
        placed.push({ e: { ...(period as Pick<TimelineEntry, "start" | "end" | "precision">), dateText: found.written, label, sentenceId: found.sentence.id }, index: null });
      }
      continue;
    }
    const matches = placed.filter((x) => timelineEntryMatches(x.e, entry.text));
    if (matches.length === 0) {
      ctx.unmatched.push(unmatchedOf("timeline", c));
      continue;
    }
    // The same date words can open two events ("Last September" twice): one date for both is
    // what the words say, one label for both never is.
    if (entry.label !== undefined && matches.length > 1) {
      ctx.unmatched.push(unmatchedOf("timeline", c, ` (names ${matches.length} entries: give words of one entry's label to relabel it)`));
      continue;
    }
    for (const x of matches) if (x.index !== null) touched.add(x.index);
    placed = entry.hide
      ? placed.filter((x) => !matches.includes(x))
      : placed.map((x) => (matches.includes(x) ? { ...x, e: { ...x.e, ...period, ...(entry.label !== undefined ? { label: entry.label } : {}) } } : x));
  }
  // The order buildTimeline gives (scripts/pipeline/normalize/timeline.ts): start, end, place in the text.
  const at = (e: TimelineEntry) => ctx.position.get(e.sentenceId) ?? Infinity;
  const timeline = placed.map((x) => x.e).sort((a, b) => a.start.localeCompare(b.start) || a.end.localeCompare(b.end) || at(a) - at(b));
  return { timeline, touched };
}

/**
 * The machine's article with the editor's corrections applied. Pure and
 * deterministic: entries apply in the order written, people before the
 * quotations whose speakers they name.
 */
export function applyCorrections(machine: MachineArticle, corrections: Corrections): CorrectionResult {
  const ctx = contextOf(machine);
  const people = correctPeople(machine, corrections.people, ctx);
  const organizations = correctEntities(machine.organizations, "organizations", corrections.organizations, ctx);
  const places = correctEntities(machine.places, "places", corrections.places, ctx);
  const quotes = correctQuotes(machine, people.people, corrections.quotes, ctx);
  const timeline = correctTimeline(machine, corrections.timeline, ctx);
  return {
    article: {
      ...machine,
      people: people.people,
      organizations,
      places,
      attributions: quotes.attributions,
      timeline: timeline.timeline,
      keyPoints: corrections.keyPoints ?? machine.keyPoints,
    },
    touched: { people: people.touched, attributions: quotes.touched, timeline: timeline.touched },
    addedPeople: people.added,
    addedQuotes: quotes.added,
    unmatched: ctx.unmatched,
  };
}

/** Whether text that follows `before` in a sentence stands inside quotation marks (straight or curly). */
function insideQuotationMarks(before: string): boolean {
  const opened = (before.match(/[\u201C"]/g) ?? []).length - (before.match(/\u201D/g) ?? []).length;
  return opened % 2 !== 0;
}

// ---------------------------------------------------------------- warnings

/** An unmatched correction as the warning the build prints. */
export function unmatchedProblem(u: UnmatchedCorrection): Problem {
  const fixes: Record<string, string> = {
    people: "check the name against the page's who's who (full names and the short forms the text uses match), or add `add: true` to add the person",
    organizations: "check the name against the page's who's who, or add `add: true` to add it",
    places: "check the name against the page's who's who, or add `add: true` to add it",
    timeline: "use the date's words as the article writes them (\"last September\") or words of the entry's label",
    quotes: "use words of the quotation as the article writes them",
    reviewed: "copy the entry from npm run review's output, or remove it: the guess it accepted is gone",
  };
  return problem({
    severity: "warning",
    file: u.file,
    line: u.line ?? undefined,
    field: u.field,
    stage: "corrections",
    message: u.field === "reviewed" ? `reviewed entry ${u.entry} matches no guess` : `correction ${u.entry} matches nothing in the article`,
    fix: fixes[u.field] ?? "check the entry",
  });
}
