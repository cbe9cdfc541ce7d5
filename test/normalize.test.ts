// The normalizer on the seed and on fixtures of every input form: structure,
// sentences, people, organizations, places, dates, attributions; a property
// over generated texts; hostile input; the CLI; the committed JSON Schema.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import fc from "fast-check";
import { ArticleSchema, type NormalizedArticle } from "../scripts/schema.ts";
import { normalize, splitSentences } from "../scripts/pipeline/normalize/index.ts";
import { readArticle, readArticleFile, type SourceArticle } from "../scripts/pipeline/read.ts";
import { checkSlugs } from "../scripts/pipeline/run.ts";
import { NO_CORRECTIONS } from "../scripts/pipeline/corrections.ts";
import { loadSite } from "../scripts/site-settings.ts";
import { dataFileJsonSchema, SCHEMA_PATH } from "../scripts/cli/schema.ts";
import { PROJECT_ROOT, SEED_ARTICLE } from "./helpers/project.ts";

const site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"));
const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/articles");

function load(file: string): NormalizedArticle {
  const r = readArticleFile(PROJECT_ROOT, file, site.timeZone);
  if (!r.article) throw new Error(JSON.stringify(r.problems));
  return normalize(r.article, site);
}
const fixture = (name: string) => load(path.join(FIXTURES, name));
const sentences = (a: NormalizedArticle) => a.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences));
const sentenceText = (a: NormalizedArticle, id: string) => sentences(a).find((s) => s.id === id)?.text ?? "";

function source(body: string, extra: Partial<SourceArticle> = {}): SourceArticle {
  return {
    path: "src/articles/generated.txt", format: "text", body, bodyLine: 1, bytes: Buffer.from(body),
    meta: { title: null, date: "2026-02-27T10:00:00.000+09:00", updated: null, timeZone: "Asia/Seoul", source: null, author: null, tags: [], summary: null, draft: false, slug: null, language: null, encoding: "utf-8", corrections: NO_CORRECTIONS, edition: null },
    ...extra,
  };
}

describe("the seed article", () => {
  const a = load(SEED_ARTICLE);

  it("has 16 paragraphs in 3 sections, with the two subheads exactly as written", () => {
    expect(a.sections.map((s) => s.heading)).toEqual([
      null,
      "Slams U.S. as Rogue and Aggressor\u2026 Presses for Recognition as a Nuclear-Armed State",
      "Trump\u2019s China Visit: Navigating Crisis or Abandoning Nuclear Talks?",
    ]);
    expect(a.sections.map((s) => s.paragraphs.length)).toEqual([2, 8, 6]);
    expect(a.sections[0]!.id).toBe("lead");
    // A headline, not the 27-word lead: the name as the article shortens it, present tense, no appositive.
    expect(a.title).toBe("Kim reiterates demand for U.S. to recognize North Korea\u2019s status");
    expect(a.titleOrigin).toBe("inferred");
    expect(a.slug).toBe("north-korea-demands-recognition-as-nuclear-power");
  });

  it("splits sentences around U.S. correctly", () => {
    const texts = sentences(a).map((s) => s.text);
    expect(texts).toContain("However, unlike his previous speech where he mentioned having fond memories of the current U.S. president, this time, he launched indiscriminate attacks against the U.S.");
    expect(texts.some((t) => t.startsWith("Kim criticized that the U.S.\u2019s inherent hostile view"))).toBe(true);
    expect(texts.some((t) => t.includes("joint U.S.-South Korea military exercises"))).toBe(true);
    expect(texts.some((t) => t.startsWith("Recently, the U.S. Supreme Court has hindered"))).toBe(true);
    expect(texts).toHaveLength(32);
  });

  it("finds exactly the four people, with their roles, merging short forms", () => {
    expect(a.people.map((p) => [p.name, p.role])).toEqual([
      ["Kim Jong Un", "General Secretary of North Korea\u2019s Workers\u2019 Party"],
      ["Donald Trump", "President"],
      ["Xi Jinping", "President"],
      ["Park Won-gon", "professor of North Korean studies at Ewha Womans University"],
    ]);
    const kim = a.people[0]!;
    expect(kim.mentions.length).toBeGreaterThanOrEqual(8);
    expect(new Set(kim.mentions.map((m) => m.text))).toEqual(new Set(["Kim Jong Un", "Kim"]));
    const park = a.people[3]!;
    // "Professor Park said" opens a sentence: the title stays in the form used, as "Mr Blair" does.
    expect(park.mentions.map((m) => [m.text, m.sentenceId])).toEqual([["Park Won-gon", "s-9-1"], ["Professor Park", "s-10-1"]]);
    for (const p of a.people) for (const m of p.mentions) expect(sentenceText(a, m.sentenceId)).toContain(m.text);
  });

  it("finds organizations and places, not as people", () => {
    const orgs = a.organizations.map((o) => o.name);
    for (const o of ["Workers\u2019 Party", "Rodong Sinmun", "Supreme People\u2019s Assembly", "Ewha Womans University", "U.S. Supreme Court"]) expect(orgs).toContain(o);
    const places = a.places.map((p) => p.name);
    for (const p of ["North Korea", "United States", "China", "South Korea", "Japan", "Russia", "Pyongyang", "Korean Peninsula"]) expect(places).toContain(p);
  });

  it("resolves every date against the publication date, with a precision", () => {
    const dates = a.dates.map((d) => [d.text, d.start, d.end, d.precision]);
    expect(dates).toEqual(expect.arrayContaining([
      ["February 20 and 21", "2026-02-20", "2026-02-21", "day"],
      ["Last September", "2025-09-01", "2025-09-30", "month"],
      ["March 31 to April 2", "2026-03-31", "2026-04-02", "day"],
      ["2022", "2022-01-01", "2022-12-31", "year"],
      ["2023", "2023-01-01", "2023-12-31", "year"],
    ]));
    // "About a month from now" is a guess, not a date: left out (the visit's days are given later).
    expect(a.dates.map((d) => d.text)).not.toContain("about a month from now");
    expect(a.dates).toHaveLength(6);
    for (const d of a.dates) expect(sentenceText(a, d.sentenceId)).toContain(d.text);
  });

  it("attributes reported speech to its speaker", () => {
    const said = a.attributions.map((x) => `${x.who} / ${x.verb}`);
    expect(said).toEqual(expect.arrayContaining([
      "Kim Jong Un / stated", "Kim Jong Un / criticized", "Kim Jong Un / added", "Kim Jong Un / emphasized", "Kim Jong Un / reaffirmed",
      "Park Won-gon / noted", "Park Won-gon / clarified", "Park Won-gon / analyzed",
      "some analysts / argue", "some / predict", "Rodong Sinmun / according to",
    ]));
    const park = a.attributions.find((x) => x.verb === "noted")!;
    expect(park).toMatchObject({ personId: "park-won-gon", sentenceId: "s-9-1" });
    expect(park.what.startsWith("Kim\u2019s statement that there\u2019s no reason")).toBe(true);
    expect(a.attributions.find((x) => x.verb === "argue")!.personId).toBeNull();
    // "He also stated" is Kim: the pronoun goes to the last person named.
    expect(a.attributions.find((x) => x.sentenceId === "s-1-2")).toMatchObject({ who: "Kim Jong Un", verb: "stated" });
    for (const x of a.attributions) expect(sentenceText(a, x.sentenceId)).toContain(x.verb === "according to" ? "ccording to" : x.verb);
  });

  it("gives unique, stable ids and a valid article", () => {
    const again = load(SEED_ARTICLE);
    expect(JSON.stringify(again)).toBe(JSON.stringify(a));
    const ids = [...a.sections.map((s) => s.id), ...a.sections.flatMap((s) => s.paragraphs.map((p) => p.id)), ...sentences(a).map((s) => s.id)];
    expect(new Set(ids).size).toBe(ids.length);
    const article = { ...a, summary: { text: "x", origin: "generated" as const, sentenceIds: [], wordCount: 1 }, keyPoints: [], review: { sidecar: "", guesses: [], unmatchedCorrections: [] } };
    expect(ArticleSchema.safeParse(article).success).toBe(true);
    expect(a.wordCount).toBe(846);
    expect(a.readingMinutes).toBe(4);
  });
});

describe("fixtures of other shapes", () => {
  it("BBC style: title line, byline, blank-line paragraphs, question and ellipsis subheads", () => {
    const a = fixture("bbc-title-line.txt");
    expect(a).toMatchObject({ title: "Harbour bridge to close for two weeks of repairs", titleOrigin: "title-line", byline: "Jane Doe and Tom Price", dateline: null });
    expect(a.sections.map((s) => [s.heading, s.paragraphs.length])).toEqual([
      [null, 2], ["What happens to the buses?", 1], ["Residents welcome repairs\u2026 Traders fear lost custom", 1],
    ]);
    expect(a.people.map((p) => [p.name, p.role])).toEqual([["Mary Okafor", "council leader"], ["Patel", null]]);
    // Published on Monday 23 February: "will close … on March 3" lies ahead, "said on Monday" is that day.
    expect(a.dates.map((d) => [d.text, d.start, d.precision])).toEqual([["March 3", "2026-03-03", "day"], ["Monday", "2026-02-23", "day"], ["last month", "2026-01-01", "month"]]);
    expect(a.attributions[0]).toMatchObject({ who: "Mary Okafor", verb: "said", what: "We cannot take risks with a structure that carries 40,000 vehicles a day" });
    expect(sentences(a)[2]!.display).toBe("\u201CWe cannot take risks with a structure that carries 40,000 vehicles a day,\u201D said council leader Mary Okafor.");
  });

  it("wire copy: CRLF, dateline, pre-appositive role, pronoun and group speakers", () => {
    const a = fixture("wire-dateline.txt");
    expect(a.dateline).toBe("SEOUL, Feb. 23 (Yonhap) --");
    expect(a.sections[0]!.paragraphs[0]!.text.startsWith("SEOUL, Feb. 23 (Yonhap) -- South Korea's")).toBe(true);
    expect(a.sections[0]!.paragraphs[0]!.sentences[0]!.display.startsWith("SEOUL, Feb. 23 (Yonhap) \u2014 South Korea\u2019s")).toBe(true);
    expect(a.people.map((p) => [p.name, p.role])).toEqual([["Rhee Chang-yong", "central bank's governor"]]);
    expect(a.organizations.map((o) => o.name)).toEqual(["Yonhap"]);
    // Places are named as the text writes them ("U.S."); the dateline's capitals as the gazetteer does.
    expect(a.places.map((p) => p.name)).toEqual(["Seoul", "South Korea", "U.S.", "China"]);
    expect(a.dates.map((d) => [d.text, d.start, d.end, d.precision])).toEqual([
      // Published Monday 23 February in Seoul: the rate decision is that Monday; the cut "in May" is
      // reported speech ("added that … was"), so the nearer May, ahead; exports "fell in January", this January.
      ["Feb. 23", "2026-02-23", "2026-02-23", "day"], ["Monday", "2026-02-23", "2026-02-23", "day"],
      ["May", "2026-05-01", "2026-05-31", "month"], ["March 10", "2026-03-10", "2026-03-10", "day"],
      ["January", "2026-01-01", "2026-01-31", "month"], ["last October", "2025-10-01", "2025-10-31", "month"],
    ]);
    expect(a.attributions.map((x) => [x.who, x.verb, x.personId])).toEqual([
      ["Rhee Chang-yong", "told", "rhee-chang-yong"], ["Rhee Chang-yong", "added", "rhee-chang-yong"], ["Most analysts", "said", null],
    ]);
    expect(a.attributions[0]!.what).toBe("the board had agreed unanimously");
  });

  it("splits sentences around abbreviations, initials, decimals and quotes", () => {
    const a = fixture("abbreviations.txt");
    expect(a.sections[0]!.paragraphs.map((p) => p.sentences.map((s) => s.text))).toEqual([
      ["Mr. Lee met U.S. officials in Washington on Feb. 3.", "The talks covered U.S.-South Korea tariffs.", "No. 1 on the list was steel."],
      ["Growth slowed to 1.5 percent, said Dr. Ana Ruiz of the Institute.", "She expects 2.1 percent next year."],
      ["J. R. R. Tolkien's letters sold for $3.2 million.", "\"It was a surprise,\" said the auctioneer.", "\"Nobody expected it!\"", "Bidding lasted an hour."],
      ["The decision was made in the U.S.", "The president signed it at 9 a.m. Eastern time."],
    ]);
    expect(a.titleOrigin).toBe("front-matter");
  });

  it(".txt with front matter and CRLF: subheads with an ellipsis and a question, Markdown marks kept as text", () => {
    const a = fixture("crlf-subheads.txt");
    expect(a.format).toBe("text");
    expect(a.sections.map((s) => s.heading)).toEqual([null, "Delays\u2026 and a Budget That Doubled", "What Comes Next: Can the Network Grow?"]);
    const texts = a.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
    expect(texts).toContain("# Not a Markdown heading, just a line with a hash and a full stop.");
    expect(sentences(a).map((s) => s.text)).toContain("*Funding* is not yet agreed.");
    expect(sentences(a).every((s) => s.inlines === null)).toBe(true);
    expect(a.tags).toEqual([{ name: "Transport", slug: "transport" }, { name: "City", slug: "city" }]);
  });

  it("BOM, CR line endings, stray and non-breaking spaces, straight quotes to curly for display only", () => {
    const a = fixture("cr-bom-spaces.txt");
    expect(a.sections[0]!.paragraphs.map((p) => p.text)).toEqual([
      "The museum reopened on Tuesday. Visitors queued for hours.",
      "Curators said the 'new wing' was \"worth the wait\" -- and free on Sundays...",
    ]);
    expect(a.sections[0]!.paragraphs[1]!.sentences[0]!.display).toBe("Curators said the \u2018new wing\u2019 was \u201Cworth the wait\u201D \u2014 and free on Sundays\u2026");
    expect(a.date).toBe("2026-01-05T00:00:00.000+01:00");
  });

  it("hard-wrapped paragraphs are joined; an organization speaks", () => {
    const a = fixture("wrapped.txt");
    expect(a.sections[0]!.paragraphs).toHaveLength(3);
    expect(a.sections[0]!.paragraphs[0]!.text).toBe("The Northfield Water Board said on Monday that it would replace 1,200 lead pipes by the end of next year, after tests found high levels in three schools.");
    expect(a.people.map((p) => [p.name, p.role])).toEqual([["Linda Osei", "board's chair"]]);
    expect(a.attributions.map((x) => [x.who, x.what])).toEqual([
      ["Northfield Water Board", "it would replace 1,200 lead pipes by the end of next year, after tests found high levels in three schools"],
      ["Linda Osei", "the work would start in June"],
      ["Linda Osei", "Every child deserves safe water"],
    ]);
  });

  it("Markdown: headings, emphasis, links, nested lists, quotes; raw HTML as text; unsafe links lose their href", () => {
    const a = fixture("markdown-structure.md");
    expect(a).toMatchObject({ format: "markdown", title: "Council approves the river plan", titleOrigin: "front-matter", author: "Sam Reyes", source: { name: "Riverside Gazette", url: "https://example.org/river" } });
    expect(a.sections.map((s) => s.heading)).toEqual([null, "What the plan does", "Objections"]);
    const plan = a.sections[1]!.paragraphs;
    expect(plan.map((p) => [p.kind, p.list, p.text])).toEqual([
      ["list-item", { ordered: false, first: true, last: false }, "Removes two weirs."],
      ["list-item", { ordered: false, first: false, last: false }, "Plants 5,000 trees along the banks."],
      ["list-item", { ordered: false, first: false, last: true }, "Most of them willows."],
      ["list-item", { ordered: true, first: true, last: false }, "First phase in 2027."],
      ["list-item", { ordered: true, first: false, last: true }, "Second phase by 2030."],
      ["quote", null, "\"This is the biggest change to the river in a century,\" said Mayor Ines Duarte."],
    ]);
    const lead = a.sections[0]!.paragraphs[0]!.sentences[0]!;
    expect(lead.text).toBe("The council voted 7 to 2 on Tuesday to approve the river plan, which the mayor called \"overdue\".");
    expect(lead.inlines).toEqual([
      { type: "text", text: "The council voted ", href: null },
      { type: "strong", text: "7 to 2", href: null },
      { type: "text", text: " on Tuesday to approve the ", href: null },
      { type: "em", text: "river plan", href: null },
      { type: "text", text: ", which ", href: null },
      { type: "link", text: "the mayor", href: "https://example.org/mayor" },
      { type: "text", text: " called \u201Coverdue\u201D.", href: null },
    ]);
    const objections = a.sections[2]!.paragraphs[0]!.sentences;
    expect(objections.map((s) => s.text)).toEqual(["Opponents wrote to the council.", "Read their letter or the <b>full</b> text at docs/letter.pdf.", "A weir at dusk"]);
    expect(objections[1]!.inlines).toEqual([
      { type: "text", text: "Read their ", href: null },
      { type: "link", text: "letter", href: null },
      { type: "text", text: " or the <b>full</b> text at ", href: null },
      { type: "code", text: "docs/letter.pdf", href: null },
      { type: "text", text: ".", href: null },
    ]);
    expect(objections[2]!.inlines).toEqual([{ type: "image", text: "A weir at dusk", href: "images/weir.jpg" }]);
    expect(a.people.map((p) => [p.name, p.role])).toEqual([["Ines Duarte", "Mayor"]]);
  });

  it("Markdown links: only http(s), mailto and relative URLs keep an href", () => {
    const body = "[a](https://x.org/) [b](mailto:desk@x.org) [c](../up) [d](JaVaScRiPt:alert(1)) [e](vbscript:x) [f](data:text/html,x) [g](file:///etc/passwd) [h](java%0Ascript:alert(1))";
    const a = normalize(source(body, { format: "markdown" }), site);
    const links = sentences(a).flatMap((s) => s.inlines ?? []).filter((r) => r.type === "link");
    expect(links.map((l) => [l.text, l.href])).toEqual([
      ["a", "https://x.org/"], ["b", "mailto:desk@x.org"], ["c", "../up"], ["d", null], ["e", null], ["f", null], ["g", null], ["h", null],
    ]);
  });
});

describe("splitSentences", () => {
  it.each([
    ["He met Mr. Smith. Then he left.", ["He met Mr. Smith.", "Then he left."]],
    ["Prices rose 2.5 percent. Wages fell.", ["Prices rose 2.5 percent.", "Wages fell."]],
    ["It was No. 1 in the chart. It stayed there.", ["It was No. 1 in the chart.", "It stayed there."]],
    ["Talks began Feb. 20 in Seoul. They ended Feb. 21.", ["Talks began Feb. 20 in Seoul.", "They ended Feb. 21."]],
    ["George W. Bush spoke. Nobody listened.", ["George W. Bush spoke.", "Nobody listened."]],
    ["\u201CWe will win.\u201D He smiled.", ["\u201CWe will win.\u201D", "He smiled."]],
    ["Is it over? Not yet! Wait\u2026 Now.", ["Is it over?", "Not yet!", "Wait\u2026", "Now."]],
    ["The U.S. Army and the U.S. president met.", ["The U.S. Army and the U.S. president met."]],
    ["They flew to the U.S. The trip was short.", ["They flew to the U.S.", "The trip was short."]],
    ["See e.g. the report. It is long.", ["See e.g. the report.", "It is long."]],
    ["", []],
  ])("%s", (input, expected) => {
    expect(splitSentences(input)).toEqual(expected);
  });
});

describe("property: every character of the body is accounted for", () => {
  const word = fc.constantFrom("the", "talks", "Kim", "U.S.", "Feb.", "Mr.", "No. 1", "3.5", "\"quoted\"", "it's", "\u2019s", "Seoul", "said", "(aside)", "e.g.", "A.", "U.S.-South", "Korea", "...", "--", "\u2026", "%", "caf\u00e9");
  const sentence = fc.tuple(fc.array(word, { minLength: 1, maxLength: 12 }), fc.constantFrom(".", "?", "!", ".\"", "?\u201D"))
    .map(([words, end]) => { const s = words.join(" "); return s.charAt(0).toUpperCase() + s.slice(1) + end; });
  const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(" "));
  const space = fc.constantFrom(" ", "  ", "\u00A0", " \t", "\u2009");
  const heading = fc.array(fc.constantFrom("Talks", "Stall", "Over", "Tariffs\u2026", "What", "Next"), { minLength: 1, maxLength: 5 }).map((w) => w.join(" "));
  // The first line ends a sentence, so it is never a title line (which would leave the body),
  // and holds a word, so the body is never empty (an article without words is an error).
  const body = fc.tuple(paragraph.map((p) => "Talks " + p.replace(/[.?!"\u201D]+$/u, "") + "."), fc.array(fc.tuple(fc.option(heading, { nil: null }), paragraph), { maxLength: 8 }), fc.constantFrom("\n", "\n\n", "\r\n", "\r"), space)
    .map(([first, rest, eol, sp]) => [first, ...rest.flatMap(([h, p]) => (h ? [h, p] : [p]))].map((l) => l.split(" ").join(sp)).join(eol) + eol);

  it("joining headings and paragraphs gives back the input modulo whitespace; sentences rebuild each paragraph", () => {
    fc.assert(fc.property(body, (text) => {
      const read = readArticle({ path: "gen.txt", bytes: Buffer.from("---\ndate: 2026-02-27T10:00:00+09:00\n---\n" + text), sidecar: null, siteTimeZone: "Asia/Seoul" });
      const a = normalize(read.article!, site);
      const rebuilt = a.sections.map((s) => (s.heading ?? "") + s.paragraphs.map((p) => p.text).join("")).join("");
      expect(rebuilt.replace(/\s+/g, "")).toBe(text.replace(/\s+/g, ""));
      for (const p of a.sections.flatMap((s) => s.paragraphs)) expect(p.sentences.map((s) => s.text).join(" ")).toBe(p.text);
    }), { numRuns: 300 });
  });
});

describe("hostile input", () => {
  it("keeps markup, template syntax and ]]> as text, and drops control characters", () => {
    const a = fixture("hostile.txt");
    const texts = a.sections.flatMap((s) => s.paragraphs.map((p) => p.text));
    expect(texts).toEqual([
      "Markup <script>alert(\"x\")</script> and <img src=x onerror=alert(1)> must stay text.",
      "Template syntax {{ briefing.site.title }} and {% include \"secret.njk\" %} must print as typed.",
      "A CDATA end ]]> and a comment end --> are plain text too.",
      "Control characters between words are not text.",
    ]);
    expect(sentences(a)[2]!.display).toContain("-->");
    expect(JSON.stringify(a)).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/);
  });

  it("normalizes a 5 MB article without failing", () => {
    const line = "On February 20 and 21, President Jane Smith, a former judge, said that the U.S. would act. Mr. Smith added that talks would resume. ";
    const paragraphs = Array.from({ length: Math.ceil(5_200_000 / (line.length * 3 + 20)) }, (_, i) => `${line.repeat(3)}Paragraph ${i + 1} ends here.`);
    const text = "---\ndate: 2026-02-27T10:00:00+09:00\n---\n" + paragraphs.join("\n") + "\n";
    expect(text.length).toBeGreaterThan(5_000_000);
    const read = readArticle({ path: "big.txt", bytes: Buffer.from(text), sidecar: null, siteTimeZone: "Asia/Seoul" });
    const a = normalize(read.article!, site);
    expect(a.sections[0]!.paragraphs).toHaveLength(paragraphs.length);
    expect(a.people.map((p) => p.name)).toEqual(["Jane Smith"]);
    expect(a.wordCount).toBeGreaterThan(800_000);
  }, 120_000);

  it("gives an article even for text with no sentence punctuation or letters in odd scripts", () => {
    for (const body of ["\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD", "\u4F60\u597D\u4E16\u754C\u3002\u518D\u89C1\u3002", "1 2 3", "a\u200Bb \u202Eevil\u202C"]) {
      const a = normalize(source(body + "\n"), site);
      // Bidi overrides are removed (see clean.ts); everything visible stays.
      expect(a.sections[0]!.paragraphs[0]!.text).toBe(body.replace(/[\u202A-\u202E\u2066-\u2069]/g, ""));
      expect(a.title.length).toBeGreaterThan(0);
    }
  });
});

describe("slugs", () => {
  it("reports duplicate slugs naming both files", () => {
    const problems = checkSlugs([
      { slug: "river-plan", sourcePath: "src/articles/a.md" },
      { slug: "other", sourcePath: "src/articles/b.md" },
      { slug: "River-Plan", sourcePath: "src/articles/c.txt" },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: "error", file: "src/articles/c.txt", field: "slug" });
    expect(problems[0]!.message).toContain("src/articles/a.md");
  });

  it("derives a path-safe slug from the file name when front matter has none", () => {
    const a = normalize(source("Body text.\n", { path: "src/articles/../Caf\u00e9 Talks #1!.txt" }), site);
    expect(a.slug).toBe("cafe-talks-1");
  });
});

describe("npm run normalize", () => {
  it("prints the normalized articles as a JSON array", () => {
    const r = spawnSync("npm", ["run", "--silent", "normalize", "--", SEED_ARTICLE, path.join(FIXTURES, "markdown-structure.md")], { cwd: PROJECT_ROOT, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const articles = JSON.parse(r.stdout) as unknown[];
    expect(articles).toHaveLength(2);
    for (const a of articles) expect(ArticleSchema.safeParse(a).success).toBe(true);
    expect((articles[0] as { people: { name: string }[] }).people.map((p) => p.name)).toEqual(["Kim Jong Un", "Donald Trump", "Xi Jinping", "Park Won-gon"]);
  }, 60_000);

  it("exits 1 with the file, line and field on a front matter error, printing no JSON", () => {
    const r = spawnSync("npm", ["run", "--silent", "normalize", "--", path.join(FIXTURES, "front-matter-wrong-type.md")], { cwd: PROJECT_ROOT, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("test/fixtures/articles/front-matter-wrong-type.md:4 (draft): expected true or false");
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});

describe("docs/data-file.schema.json", () => {
  it("is the JSON Schema generated from scripts/schema.ts (run npm run schema after changing it)", () => {
    expect(readFileSync(path.join(PROJECT_ROOT, SCHEMA_PATH), "utf8")).toBe(dataFileJsonSchema());
  });
});
