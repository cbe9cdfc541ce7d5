// The summarize stage: cohesion repair, the editor override, the seed's
// summary, and the whole dev set (read from ../shared, never copied) for
// length, one paragraph and cohesion.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadSite } from "../scripts/site-settings.ts";
import { normalize } from "../scripts/pipeline/normalize/index.ts";
import { readArticle, readArticleFile } from "../scripts/pipeline/read.ts";
import { readPlainText } from "../scripts/pipeline/summarize/plain-text-source.ts";
import { summarize, countWords } from "../scripts/pipeline/summarize/index.ts";
import { countWords as normalizeCountWords } from "../scripts/pipeline/normalize/clean.ts";
import { dropLeadingConnective, dropOpeningAppositive } from "../scripts/pipeline/summarize/cohesion.ts";
import { splitRunIns, isCaption } from "../scripts/pipeline/summarize/run-ins.ts";
import { compressSentence, dropTrailingParticiple } from "../scripts/pipeline/summarize/compress.ts";
import { sentenceQuality } from "../scripts/pipeline/summarize/quality.ts";
import { cohesionProblems } from "./helpers/cohesion.ts";
import { PROJECT_ROOT, SEED_ARTICLE } from "./helpers/project.ts";

const site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"));
const budget = { minWords: site.summaryWords.min, maxWords: site.summaryWords.max };
const DEV = path.resolve(PROJECT_ROOT, "../shared/data/summaries/dev/dev.jsonl");

function plain(text: string) {
  const read = readPlainText("test.txt", text, site.timeZone);
  if (!read.article) throw new Error(JSON.stringify(read.problems));
  return normalize(read.article, site);
}

// A made-up story: a lead, an elaborating pronoun sentence, a connective, a caption run in.
const STORY = [
  "Maria Lindqvist, the mayor of the coastal town of Havsby, announced on Monday that the harbour will close for two years of repairs to its storm walls.",
  "However, fishing crews said they had not been consulted and warned that the closure would cost the town hundreds of jobs.",
  "She said the council had studied the walls for three years and that the repairs could not wait for another winter of storms.",
  "Closed: The harbour at Havsby will shut in May The council will pay for temporary moorings at the neighbouring port of Norrvik while the work goes on.",
  "The repairs are expected to cost 40 million kronor, most of it from a national fund for coastal defences.",
  "Fishing crews plan to meet the council next week to ask for compensation for the longer journeys to Norrvik.",
].join("\n");

describe("cohesion repair", () => {
  it("drops an opening connective and capitalizes what follows", () => {
    expect(dropLeadingConnective("However, prevailing assessments suggest otherwise.")).toBe("Prevailing assessments suggest otherwise.");
    expect(dropLeadingConnective("Additionally, the council agreed.")).toBe("The council agreed.");
    expect(dropLeadingConnective("So far nothing has changed.")).toBe("So far nothing has changed.");
  });
  it("drops a long descriptive appositive after an opening name", () => {
    expect(dropOpeningAppositive("Maria Lindqvist, the mayor of the coastal town of Havsby, announced the closure.")).toBe("Maria Lindqvist announced the closure.");
    expect(dropOpeningAppositive("Maria Lindqvist, 52, announced the closure.")).toBe("Maria Lindqvist, 52, announced the closure.");
  });
  it("cuts a caption run into a sentence and recognizes it as a caption", () => {
    const pieces = splitRunIns("Closed: The harbour at Havsby will shut in May The council will pay for temporary moorings.");
    expect(pieces).toEqual(["Closed: The harbour at Havsby will shut in May", "The council will pay for temporary moorings."]);
    expect(isCaption(pieces[0]!)).toBe(true);
    expect(isCaption(pieces[1]!)).toBe(false);
  });
  it("the cohesion helper counts what it should", () => {
    expect(cohesionProblems("However, the council agreed. It met on Monday.")).toHaveLength(1);
    expect(cohesionProblems("He said no. The council agreed.")).toHaveLength(1);
    expect(cohesionProblems("The council met. He said no.")).toHaveLength(1);
    expect(cohesionProblems("Maria Lindqvist spoke. She said no.")).toHaveLength(0);
  });
  it("a made-up story's summary has no connective, caption or dangling pronoun", () => {
    const { summary, keyPoints } = summarize(plain(STORY), null, budget);
    expect(summary.origin).toBe("generated");
    expect(summary.text).toMatch(/^Maria Lindqvist/);
    expect(summary.text).not.toMatch(/However|Closed:/);
    expect(cohesionProblems(summary.text)).toEqual([]);
    expect(summary.wordCount).toBe(countWords(summary.text));
    expect(summary.wordCount).toBeGreaterThanOrEqual(budget.minWords);
    expect(summary.wordCount).toBeLessThanOrEqual(budget.maxWords);
    expect(keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(keyPoints.length).toBeLessThanOrEqual(5);
    for (const point of keyPoints) expect(cohesionProblems(point)).toEqual([]);
  });
});

describe("sentence compression", () => {
  it("drops a trailing participial clause when the main clause stands alone", () => {
    expect(dropTrailingParticiple("The mayor said the harbour will reopen next spring, leaving the fishing crews without a berth for a year.")).toBe("The mayor said the harbour will reopen next spring.");
    expect(dropTrailingParticiple("The council voted to close the harbour for two years, suggesting that the repairs are overdue.")).toBe("The council voted to close the harbour for two years.");
  });
  it("keeps what the sentence cannot lose", () => {
    // The -ing word opens the main clause after a subordinate one.
    const subordinate = "Even if the repairs go ahead next year, finding the money presents a real challenge.";
    expect(dropTrailingParticiple(subordinate)).toBe(subordinate);
    // Attribution says whose claim it is; a quotation is never cut into; too little left.
    for (const text of [
      "The harbour will close for two years of repairs, according to the council.",
      "The mayor defended the closure, saying “the walls will not survive another winter.”",
      "Crews protested, shouting at the mayor.",
      "Crews met the mayor on Monday morning, asking for compensation.",
    ])
      expect(dropTrailingParticiple(text)).toBe(text);
  });
  it("drops an opening appositive only when the article keeps the person's role", () => {
    const text = "Maria Lindqvist, the mayor of the coastal town of Havsby, announced the closure.";
    const person = { id: "maria-lindqvist", name: "Maria Lindqvist", aliases: [], mentions: [{ text: "Maria Lindqvist", sentenceId: "s-1-1" }] };
    expect(compressSentence(text, [{ ...person, role: "mayor of the coastal town of Havsby" }])).toBe("Maria Lindqvist announced the closure.");
    expect(compressSentence(text, [{ ...person, role: null }])).toBe(text);
    expect(compressSentence("However, the council agreed to pay for moorings.", [])).toBe("The council agreed to pay for moorings.");
  });
});

describe("selection by marginal gain", () => {
  // A made-up story whose lead sentences all fit: only what a later sentence adds can bring it in.
  const HARBOUR = [
    "Maria Lindqvist, the mayor of the coastal town of Havsby, announced on Monday that the harbour will close for two years of repairs.",
    "Fishing crews said they had not been consulted about the closure of the harbour.",
    "The council said the harbour repairs could not wait for another winter.",
    "The repairs are expected to cost 40 million kronor, most of it from a national fund.",
    "Crews plan to meet the council next week to ask for compensation for the longer journeys.",
    "The council will pay for temporary moorings at the neighbouring port of Norrvik while the work goes on.",
    "Shops near the harbour expect fewer visitors during the summer season.",
    "The last major repairs to the harbour were carried out in the 1970s.",
    "Engineers found that seawater had eaten into the concrete of the storm walls along the northern pier.",
    "A school trip to the harbour museum has been moved to the autumn.",
    "The ferry to the islands will sail from Norrvik until the harbour reopens.",
  ].join("\n");
  const withTags = (tags: string[]) => {
    const sidecar = `date: 2026-03-02T09:00:00+01:00\ntimeZone: Europe/Stockholm\ntitle: Havsby harbour to close\ntags: [${tags.join(", ")}]\n`;
    const read = readArticle({ path: "harbour.txt", bytes: new TextEncoder().encode(HARBOUR), sidecar: { path: "harbour.yaml", bytes: new TextEncoder().encode(sidecar) }, siteTimeZone: site.timeZone });
    if (!read.article) throw new Error(JSON.stringify(read.problems));
    return summarize(normalize(read.article, site), null, budget).summary;
  };

  it("covers a tag the text names, even from late in the article", () => {
    expect(withTags([]).text).not.toMatch(/storm walls/);
    const tagged = withTags(["Storm walls"]);
    expect(tagged.text).toMatch(/Engineers found that seawater had eaten into the concrete of the storm walls/);
    expect(tagged.wordCount).toBeLessThanOrEqual(budget.maxWords);
    expect(cohesionProblems(tagged.text)).toEqual([]);
  });
});

describe("editor's summary", () => {
  it("wins over the generated one and is recorded as the editor's", () => {
    const { summary, keyPoints } = summarize(plain(STORY), "The harbour closes for two years.", budget);
    expect(summary).toEqual({ text: "The harbour closes for two years.", origin: "editor", sentenceIds: [], wordCount: 6 });
    expect(keyPoints.length).toBeGreaterThanOrEqual(3);
  });
});

describe("the seed article", () => {
  const read = readArticleFile(PROJECT_ROOT, SEED_ARTICLE, site.timeZone);
  const { summary, keyPoints } = summarize(normalize(read.article!, site), null, budget);
  const words = summary.text.toLowerCase();

  it("states Kim's demand for recognition as a nuclear power", () => {
    expect(summary.text).toMatch(/Kim Jong Un/);
    expect(words).toMatch(/demand\b.*\brecogni[sz]e\b.*\bnuclear power\b/);
  });
  it("states his refusal to denuclearize", () => {
    expect(words).toMatch(/abandonment of nuclear weapons is absolutely impossible|denucleari[sz]ation will not happen/);
  });
  it("states the slim outlook for talks", () => {
    expect(words).toMatch(/chances for meaningful conversations remain slim/);
  });
  it("has three to five key points, none a gist sentence, one of them what comes next", () => {
    expect(keyPoints.length).toBeGreaterThanOrEqual(3);
    expect(keyPoints.length).toBeLessThanOrEqual(5);
    for (const point of keyPoints) expect(summary.text).not.toContain(point.replace(/\.$/, ""));
    expect(keyPoints.some((p) => /March 31 to April 2/.test(p))).toBe(true);
    for (const point of keyPoints) expect(cohesionProblems(point)).toEqual([]);
  });
  it("leaves out the sentence whose “it” and “them” could be either country", () => {
    expect(summary.text).not.toMatch(/if it recognize them/);
    expect(keyPoints.join(" ")).not.toMatch(/if it recognize them/);
  });
  it("is one cohesive paragraph within the configured length", () => {
    expect(summary.text).not.toMatch(/\n/);
    expect(summary.wordCount).toBeGreaterThanOrEqual(budget.minWords);
    expect(summary.wordCount).toBeLessThanOrEqual(budget.maxWords);
    expect(cohesionProblems(summary.text)).toEqual([]);
  });
});

describe.runIf(existsSync(DEV))("every dev article (../shared, measured, not copied)", () => {
  const lines = existsSync(DEV) ? readFileSync(DEV, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; text: string }) : [];
  const summaries = lines.map((l) => {
    const article = plain(l.text);
    return { id: l.id, article, summary: summarize(article, null, budget).summary };
  });

  it("is one paragraph within the configured length, or all of the article's prose when it has less", () => {
    const outside = summaries.filter(({ summary }) => /\n/.test(summary.text) || summary.wordCount > budget.maxWords || summary.wordCount === 0);
    expect(outside.map((s) => `${s.id}: ${s.summary.wordCount} words`)).toEqual([]);
    // Under the minimum only when every sentence of the story is in (debris such as tables and bylines is not story).
    const short = summaries.filter(({ summary }) => summary.wordCount < budget.minWords);
    for (const { id, article, summary } of short) {
      const prose = article.sections.flatMap((s) => s.paragraphs.flatMap((p) => p.sentences)).filter((s) => sentenceQuality(s.display, countWords(s.display)).weight >= 0.5);
      expect(prose.length, id).toBeGreaterThan(0);
      expect(prose.map((s) => s.id).filter((sid) => !summary.sentenceIds.includes(sid)), id).toEqual([]);
    }
    expect(short.length).toBeLessThanOrEqual(1);
  });

  it("fewer than 2% open a sentence with an unresolved pronoun or connective", () => {
    const failing = summaries.filter(({ summary }) => cohesionProblems(summary.text).length > 0);
    expect(failing.length / summaries.length).toBeLessThan(0.02);
  });
});

describe("npm run summarize -- --jsonl", () => {
  const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
  const run = (file: string) =>
    spawnSync(TSX, ["scripts/cli/summarize.ts", "--jsonl", file], { cwd: PROJECT_ROOT, encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" } });

  it("writes one {id, summary} line per {id, text} line, the stage's own summary", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "summarize-cli-"));
    const file = path.join(dir, "in.jsonl");
    writeFileSync(file, [JSON.stringify({ id: "harbour", text: STORY }), JSON.stringify({ id: "short", text: STORY.split("\n").slice(4).join("\n"), extra: 1 })].join("\n") + "\n");
    const result = run(file);
    expect(result.status, result.stderr).toBe(0);
    const out = result.stdout.trim().split("\n").map((l) => JSON.parse(l) as { id: string; summary: string });
    expect(out.map((o) => o.id)).toEqual(["harbour", "short"]);
    expect(out[0]!.summary).toBe(summarize(plain(STORY), null, budget).summary.text);
    rmSync(dir, { recursive: true, force: true });
  });

  it("names the file and line of a malformed line and writes nothing", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "summarize-cli-"));
    const file = path.join(dir, "bad.jsonl");
    writeFileSync(file, `${JSON.stringify({ id: "a", text: STORY })}\n{"id": "b"\nnot json\n`);
    const result = run(file);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toContain(`${file}:2`);
    expect(result.stderr).toContain(`${file}:3`);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("countWords", () => {
  it("is one function for the normalizer and the summarizer", () => {
    expect(normalizeCountWords).toBe(countWords);
  });
  it("counts whitespace tokens holding a letter or digit, in any script and plane", () => {
    expect(countWords("  The council met\u00a0on 3 March — twice. ")).toBe(7);
    expect(countWords("Seoul 서울 東京")).toBe(3);
    // An emoji or a dash alone is not a word; a letter outside the BMP (mathematical bold A, a CJK extension B character) is.
    expect(countWords("Great \u{1F642} news – \u{1D400} \u{20000}")).toBe(4);
    expect(countWords("\u{1F642}\u{1F642} -- \uD800")).toBe(0);
    expect(countWords("")).toBe(0);
  });
});
