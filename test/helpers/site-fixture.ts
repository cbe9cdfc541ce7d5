// A hand-built briefing with every section filled (people with roles,
// organizations, places, dates, attributions, key points, two subheads, an
// update and a linked source), validated against the data file schema. Its
// text is written for the tests, short and plain.
import { ArticleSchema, DataFileSchema, SiteSchema, type Article, type DataFile, type Site } from "../../scripts/schema.ts";

export function siteFixture(overrides: Partial<Site> = {}): Site {
  return SiteSchema.parse({
    title: "Briefing",
    description: "One-paragraph briefings on the day’s news.",
    url: "https://example.org/",
    pathPrefix: "/",
    language: "en",
    direction: "ltr",
    timeZone: "Asia/Seoul",
    author: { name: "Briefing Desk", email: null, url: null },
    homePageSize: 20,
    feed: { limit: 20, idScheme: "url", tagAuthority: null },
    email: { from: "Briefing <briefing@example.org>", unsubscribeUrl: null, listUnsubscribe: null },
    readingWordsPerMinute: 230,
    summaryWords: { min: 60, max: 90 },
    ...overrides,
  });
}

const sentence = (id: string, text: string) => ({ id, text, display: text, inlines: null });
const paragraph = (n: number, ...texts: string[]) => ({
  id: `p-${n}`, kind: "paragraph" as const, list: null, text: texts.join(" "),
  sentences: texts.map((t, i) => sentence(`s-${n}-${i + 1}`, t)),
});

export function articleFixture(overrides: Partial<Article> = {}): Article {
  return ArticleSchema.parse({
    slug: "leader-repeats-demand",
    sourcePath: "src/articles/leader.md",
    format: "markdown",
    title: "Leader repeats demand",
    titleOrigin: "front-matter",
    date: "2026-02-27T10:00:00.000+09:00",
    updated: "2026-02-28T08:30:00.000+09:00",
    timeZone: "Asia/Seoul",
    source: { name: "Example Wire", url: "https://wire.example.com/story/1" },
    author: null,
    byline: null,
    dateline: "SEOUL, Feb. 27 --",
    tags: [{ name: "Diplomacy", slug: "diplomacy" }],
    language: "en",
    wordCount: 120,
    readingMinutes: 1,
    sections: [
      { id: "lead", heading: null, headingDisplay: null, paragraphs: [
        paragraph(1, "Kim Jong Un repeated his demand at the congress held on February 20 and 21.", "Talks look unlikely."),
      ] },
      { id: "demands-and-stance", heading: "Demands and stance", headingDisplay: "Demands and stance", paragraphs: [
        paragraph(2, "Last September Kim spoke to the assembly.", "The 2023 constitution names the status."),
        paragraph(3, "Park Won-gon said the door is open to talks on status only.", "A 2022 law set the policy."),
      ] },
      { id: "the-visit", heading: "The visit", headingDisplay: "The visit", paragraphs: [
        paragraph(4, "Donald Trump visits Xi Jinping from March 31 to April 2.", "Analysts expect little."),
      ] },
    ],
    people: [
      { id: "kim-jong-un", name: "Kim Jong Un", aliases: [], role: "General Secretary of the Workers’ Party", mentions: [{ text: "Kim Jong Un", sentenceId: "s-1-1" }] },
      { id: "park-won-gon", name: "Park Won-gon", aliases: [], role: "professor of North Korean studies at Ewha Womans University", mentions: [{ text: "Park Won-gon", sentenceId: "s-3-1" }] },
      { id: "donald-trump", name: "Donald Trump", aliases: [], role: "President", mentions: [{ text: "Donald Trump", sentenceId: "s-4-1" }] },
      { id: "xi-jinping", name: "Xi Jinping", aliases: [], role: "President", mentions: [{ text: "Xi Jinping", sentenceId: "s-4-1" }] },
    ],
    organizations: [{ id: "workers-party", name: "Workers’ Party", aliases: [], mentions: [{ text: "Workers’ Party", sentenceId: "s-1-1" }] }],
    places: [{ id: "seoul", name: "Seoul", aliases: [], mentions: [] }],
    dates: [
      { text: "March 31 to April 2", start: "2026-03-31", end: "2026-04-02", precision: "day", sentenceId: "s-4-1" },
      { text: "February 20 and 21", start: "2026-02-20", end: "2026-02-21", precision: "day", sentenceId: "s-1-1" },
      { text: "Last September", start: "2025-09-01", end: "2025-09-30", precision: "month", sentenceId: "s-2-1" },
      { text: "2023", start: "2023-01-01", end: "2023-12-31", precision: "year", sentenceId: "s-2-2" },
      { text: "2022", start: "2022-01-01", end: "2022-12-31", precision: "year", sentenceId: "s-3-2" },
    ],
    timeline: [
      { start: "2022-01-01", end: "2022-12-31", precision: "year", dateText: "2022", label: "A 2022 law set the policy", sentenceId: "s-3-2" },
      { start: "2023-01-01", end: "2023-12-31", precision: "year", dateText: "2023", label: "The 2023 constitution names the status", sentenceId: "s-2-2" },
      { start: "2025-09-01", end: "2025-09-30", precision: "month", dateText: "Last September", label: "Kim spoke to the assembly", sentenceId: "s-2-1" },
      { start: "2026-02-20", end: "2026-02-21", precision: "day", dateText: "February 20 and 21", label: "Kim Jong Un repeated his demand at the congress", sentenceId: "s-1-1" },
      { start: "2026-03-31", end: "2026-04-02", precision: "day", dateText: "March 31 to April 2", label: "Donald Trump visits Xi Jinping", sentenceId: "s-4-1" },
    ],
    attributions: [
      { kind: "reported", who: "Park Won-gon", personId: "park-won-gon", verb: "said", what: "the door is open to talks on status only", sentenceId: "s-3-1", speakerFrom: "name" },
      { kind: "reported", who: "Analysts", personId: null, verb: "expect", what: "little", sentenceId: "s-4-2", speakerFrom: "group" },
    ],
    summary: { text: "Kim Jong Un repeated his demand; talks look unlikely before the visit.", origin: "generated", sentenceIds: ["s-1-1"], wordCount: 12 },
    keyPoints: ["Kim repeated his demand.", "Talks look unlikely.", "Trump visits China at the end of March."],
    review: { sidecar: "src/articles/fixture.yaml", guesses: [], unmatchedCorrections: [] },
    ...overrides,
  });
}

export function dataFileFixture(articles: Article[] = [articleFixture()], site: Site = siteFixture()): DataFile {
  const tags = new Map<string, { name: string; slug: string; articles: string[] }>();
  for (const a of articles) for (const t of a.tags) {
    if (!tags.has(t.slug)) tags.set(t.slug, { ...t, articles: [] });
    tags.get(t.slug)!.articles.push(a.slug);
  }
  return DataFileSchema.parse({
    version: 1,
    generator: { name: "Briefing", version: "0.1.0", url: "https://github.com/briefing-news/briefing" },
    site,
    articles,
    tags: [...tags.values()].sort((a, b) => a.name.localeCompare(b.name)),
  });
}
