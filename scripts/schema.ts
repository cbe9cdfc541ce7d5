// The data file's schema: the contract between the pipeline (scripts/) and the
// renderer (Eleventy). Scripts build values of these types, the data file is
// validated against this schema on write, and templates read nothing else.
// TypeScript types are derived from the schemas, never written twice.
import { z } from "zod";

export const DATA_FILE_VERSION = 1;

/** An ISO 8601 date-time with an explicit offset, e.g. 2026-02-27T10:00:00.000+09:00. */
const isoDateTime = z.iso.datetime({ offset: true });
/** ISO calendar date (YYYY-MM-DD). */
const isoDate = z.iso.date();

// ---------------------------------------------------------------- site

export const SiteSchema = z.object({
  title: z.string().min(1),
  description: z.string().min(1),
  /** Absolute base URL, always with a trailing slash. Its path is the path prefix. */
  url: z.url(),
  /** The path prefix Eleventy uses: "/" at the domain root, "/briefing/" under a path. */
  pathPrefix: z.string().startsWith("/").endsWith("/"),
  /** BCP 47 language tag of the site, e.g. "en" or "en-GB". */
  language: z.string().min(2),
  /** Text direction of the site language. */
  direction: z.enum(["ltr", "rtl"]),
  /** IANA zone used for articles that state no zone, e.g. "Asia/Seoul". */
  timeZone: z.string().min(1),
  author: z.object({
    name: z.string().min(1),
    email: z.string().nullable(),
    url: z.url().nullable(),
  }),
  /** Briefings listed per page of the home archive. */
  homePageSize: z.number().int().positive(),
  feed: z.object({
    /** How many newest items the subscription feeds carry. */
    limit: z.number().int().positive(),
    /** Stable id scheme for feed items: the canonical URL, or a tag: URI. */
    idScheme: z.enum(["url", "tag"]),
    /** Authority and date for tag: URIs (RFC 4151), e.g. "example.org,2026". */
    tagAuthority: z.string().nullable(),
  }),
  email: z.object({
    /** From header, e.g. "Briefing <briefing@example.org>". */
    from: z.string().min(1),
    /** Link readers follow to unsubscribe or change settings; null shows a placeholder. */
    unsubscribeUrl: z.string().nullable(),
    /** Value for the List-Unsubscribe header (mailto: or https: URL), null to omit it. */
    listUnsubscribe: z.string().nullable(),
    /** One-click unsubscribe URL per recipient for list sends (RFC 8058), with {email},
     *  {name}, {edition} or any column of the list in braces; null sends none. */
    unsubscribeTemplate: z.string().nullable().default(null),
  }),
  /** How briefings are grouped into editions (one page, one email, one feed item each). */
  edition: z
    .object({
      /** daily: one edition per day; weekly: one per week starting on `weekStartsOn`. */
      cadence: z.enum(["daily", "weekly"]).default("daily"),
      weekStartsOn: z.enum(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]).default("monday"),
      /** Local time (site zone) a period starts and its edition goes out when it ends, "HH:MM". */
      sendAt: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "expected a time such as 07:00").default("00:00"),
    })
    .default({ cadence: "daily", weekStartsOn: "monday", sendAt: "00:00" }),
  /** Words per minute used for reading time. */
  readingWordsPerMinute: z.number().int().positive(),
  /** Target summary length in words. */
  summaryWords: z.object({ min: z.number().int().positive(), max: z.number().int().positive() }),
});
export type Site = z.infer<typeof SiteSchema>;

// ---------------------------------------------------------------- article body

/**
 * A run of inline text, for Markdown bodies (emphasis, links, code, images).
 * Plain text has none. Nesting is flattened: a run is one style (the outermost).
 */
export const InlineSchema = z.object({
  type: z.enum(["text", "em", "strong", "code", "link", "image"]),
  /** Display text of the run (typography applied; templates escape it). For an image, its alt text. */
  text: z.string(),
  /** URL of a link or image source, as written (absolute, or relative to the briefing page);
   *  only http(s), mailto and relative URLs survive normalization, others become plain text. */
  href: z.string().nullable(),
});
export type Inline = z.infer<typeof InlineSchema>;

export const SentenceSchema = z.object({
  /** Anchor id, unique within the article, stable for the same text: "s-3-2" = paragraph 3, sentence 2. */
  id: z.string(),
  /** The sentence exactly as in the source (whitespace folded). */
  text: z.string(),
  /** The sentence for display: curly quotes, dashes, ellipses. */
  display: z.string(),
  /** Inline structure (Markdown only); null means render `display` as plain text. */
  inlines: z.array(InlineSchema).nullable(),
});
export type Sentence = z.infer<typeof SentenceSchema>;

export const ParagraphSchema = z.object({
  /** Anchor id, unique within the article: "p-3". */
  id: z.string(),
  kind: z.enum(["paragraph", "quote", "list-item"]),
  /** For list items: ordered or not, and whether this item opens or closes its list. */
  list: z
    .object({ ordered: z.boolean(), first: z.boolean(), last: z.boolean() })
    .nullable(),
  /** The paragraph exactly as in the source (whitespace folded). */
  text: z.string(),
  sentences: z.array(SentenceSchema),
});
export type Paragraph = z.infer<typeof ParagraphSchema>;

export const SectionSchema = z.object({
  /** Anchor id of the section heading, unique within the article; "lead" for the untitled first section. */
  id: z.string(),
  /** The subhead exactly as written, or null for the opening section. */
  heading: z.string().nullable(),
  /** The subhead for display (typography applied). */
  headingDisplay: z.string().nullable(),
  paragraphs: z.array(ParagraphSchema),
});
export type Section = z.infer<typeof SectionSchema>;

// ---------------------------------------------------------------- entities

export const MentionSchema = z.object({
  /** The words as they appear in the text. */
  text: z.string(),
  sentenceId: z.string(),
});

export const PersonSchema = z.object({
  id: z.string(),
  /** The fullest form of the name, without honorifics ("Andy Luger", not "Attorney Andy Luger"). */
  name: z.string(),
  /** Other forms the text uses for the same person ("Luger", "Mr Luger"), in order of first use. */
  aliases: z.array(z.string()),
  /** Role as the text gives it ("General Secretary of North Korea's Workers' Party"), or null. */
  role: z.string().nullable(),
  mentions: z.array(MentionSchema),
});
export type Person = z.infer<typeof PersonSchema>;

export const EntitySchema = z.object({
  id: z.string(),
  /** The fullest form of the name ("Football Association"). */
  name: z.string(),
  /** Other forms the text uses for it ("FA"), in order of first use. */
  aliases: z.array(z.string()),
  mentions: z.array(MentionSchema),
});
export type Entity = z.infer<typeof EntitySchema>;

export const ResolvedDateSchema = z.object({
  /** The words as they appear in the text ("February 20 and 21"). */
  text: z.string(),
  /** ISO date (YYYY-MM-DD) where the interval starts. */
  start: isoDate,
  /** ISO date where it ends (same as start for a single day). */
  end: isoDate,
  precision: z.enum(["day", "month", "year", "approximate"]),
  sentenceId: z.string(),
});
export type ResolvedDate = z.infer<typeof ResolvedDateSchema>;

/** One event on the briefing's timeline: a placed date and what happened then. */
export const TimelineEntrySchema = z.object({
  start: isoDate,
  end: isoDate,
  precision: z.enum(["day", "month", "year", "approximate"]),
  /** The date's words as they appear in the text ("last September"). */
  dateText: z.string(),
  /** What happened, short: the clause that holds the date, not the whole sentence. */
  label: z.string().min(1),
  /** The sentence the entry comes from (the full sentence is one click away). */
  sentenceId: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const AttributionSchema = z.object({
  /** "quote": `what` is exactly the words between quotation marks in the text.
   *  "reported": reported speech, shown without quotation marks. */
  kind: z.enum(["quote", "reported"]),
  who: z.string(),
  /** Person id when `who` is a known person, else null ("some analysts"). */
  personId: z.string().nullable(),
  verb: z.string(),
  what: z.string(),
  sentenceId: z.string(),
  /** How the speaker was found: named in the sentence ("Kim stated", "according to X"), taken
   *  from a pronoun or a description ("He stated", "the 34-year-old said"), a group ("some
   *  analysts"), the context (a quotation with no frame of its own, given to whoever spoke just
   *  before it), or set by the editor's correction in the sidecar. */
  speakerFrom: z.enum(["name", "pronoun", "group", "context", "editor"]),
});
export type Attribution = z.infer<typeof AttributionSchema>;

// ---------------------------------------------------------------- review

/** Something the machine guessed that no correction or `reviewed:` entry covers (npm run review). */
export const GuessSchema = z.object({
  /** headline: inferred from the lead; role: a person without one; speaker: taken from a pronoun;
   *  quote: a quotation with no speaker; date: resolved from a weekday or a relative phrase;
   *  people: an empty who's who; summary: fell back to the title. */
  kind: z.enum(["headline", "role", "speaker", "quote", "date", "people", "summary"]),
  /** What was guessed, in a sentence, for the editor. */
  message: z.string(),
  /** The sentence it comes from, or null when it is about the whole article. */
  sentence: z.object({ id: z.string(), text: z.string() }).nullable(),
  /** The sidecar `reviewed:` entry that accepts the guess as it is. */
  reviewed: z.string(),
  /** Sidecar YAML, ready to paste, that corrects it, hides it, adds what is missing, or accepts it as it is. */
  fixes: z.array(z.object({ action: z.enum(["correct", "hide", "add", "accept"]), yaml: z.string() })),
});
export type Guess = z.infer<typeof GuessSchema>;

/** A correction or `reviewed:` entry in front matter or the sidecar that matched nothing. */
export const UnmatchedCorrectionSchema = z.object({
  file: z.string(),
  line: z.number().int().positive().nullable(),
  /** The list it is in: people, organizations, places, timeline, quotes or reviewed. */
  field: z.string(),
  /** The entry as YAML, for the warning. */
  entry: z.string(),
});
export type UnmatchedCorrection = z.infer<typeof UnmatchedCorrectionSchema>;

export const ReviewSchema = z.object({
  /** The article's sidecar (`<name>.yaml`, which may not exist yet): where corrections go. */
  sidecar: z.string(),
  guesses: z.array(GuessSchema),
  unmatchedCorrections: z.array(UnmatchedCorrectionSchema),
});
export type Review = z.infer<typeof ReviewSchema>;

// ---------------------------------------------------------------- article

export const SourceSchema = z.object({
  name: z.string().min(1),
  url: z.url().nullable(),
});

export const SummarySchema = z.object({
  /** One paragraph, plain text for display. */
  text: z.string().min(1),
  /** "editor" when front matter gave `summary:`, else "generated". */
  origin: z.enum(["editor", "generated"]),
  /** Ids of the sentences it was built from (empty for an editor's summary). */
  sentenceIds: z.array(z.string()),
  wordCount: z.number().int().nonnegative(),
});
export type Summary = z.infer<typeof SummarySchema>;

export const ArticleSchema = z.object({
  /** URL-safe, unique, stable: lower-case ASCII letters, digits and hyphens. */
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(80),
  /** Source file, relative to the project root, with forward slashes. */
  sourcePath: z.string(),
  format: z.enum(["text", "markdown"]),
  title: z.string().min(1),
  titleOrigin: z.enum(["front-matter", "title-line", "inferred"]),
  /** Publication date-time in the article's zone. */
  date: isoDateTime,
  updated: isoDateTime.nullable(),
  /** IANA zone the dates are expressed in. */
  timeZone: z.string(),
  source: SourceSchema.nullable(),
  author: z.string().nullable(),
  /** Byline found in the text ("By Jane Doe"), if any. */
  byline: z.string().nullable(),
  /** Dateline found in the text ("SEOUL, Feb. 23 (Yonhap) --"), if any. */
  dateline: z.string().nullable(),
  tags: z.array(z.object({ name: z.string(), slug: z.string() })),
  language: z.string(),
  wordCount: z.number().int().nonnegative(),
  readingMinutes: z.number().int().positive(),
  sections: z.array(SectionSchema),
  people: z.array(PersonSchema),
  organizations: z.array(EntitySchema),
  places: z.array(EntitySchema),
  dates: z.array(ResolvedDateSchema),
  /** The timeline: one entry per dated event, in time order, duplicates merged. */
  timeline: z.array(TimelineEntrySchema),
  attributions: z.array(AttributionSchema),
  summary: SummarySchema,
  /** The edition front matter assigns the article to (its first day), or null: the one its date falls in. */
  edition: isoDate.nullable().default(null),
  /** Three to five short sentences for the briefing page and email. */
  keyPoints: z.array(z.string()),
  /** What the machine guessed and the editor has not yet checked, after the sidecar's
   *  corrections (scripts/pipeline/corrections.ts, review.ts). */
  review: ReviewSchema,
});
export type Article = z.infer<typeof ArticleSchema>;

/** What normalize produces: an article before it is summarized. */
export type NormalizedArticle = Omit<Article, "summary" | "keyPoints" | "review">;

/** What summarize produces: the machine's article, before the editor's corrections. */
export type MachineArticle = Omit<Article, "review">;

// ---------------------------------------------------------------- editions

export const EditionSchema = z.object({
  /** The period's first day in the site's zone (YYYY-MM-DD): the edition's id and URL. */
  date: isoDate,
  /** The period's last day (the same day for a daily edition). */
  end: isoDate,
  /** When the edition goes out: the end of its period, at `edition.sendAt` in the site's zone. */
  sendAt: isoDateTime,
  /** Newest of its briefings' publication or update times (the feed item's date). */
  updated: isoDateTime,
  /** Slugs of its briefings, newest first; the first is the lead. */
  articles: z.array(z.string()).min(1),
});
export type Edition = z.infer<typeof EditionSchema>;

// ---------------------------------------------------------------- data file

export const DataFileSchema = z.object({
  version: z.literal(DATA_FILE_VERSION),
  generator: z.object({ name: z.string(), version: z.string(), url: z.string() }),
  site: SiteSchema,
  /** Published articles, newest first (drafts never appear here). */
  articles: z.array(ArticleSchema),
  /** Tags across all articles, by name, with the slugs of their articles newest first. */
  tags: z.array(z.object({ name: z.string(), slug: z.string(), articles: z.array(z.string()) })),
  /** Editions, newest first; every article is in exactly one. */
  editions: z.array(EditionSchema).default([]),
});
export type DataFile = z.infer<typeof DataFileSchema>;
