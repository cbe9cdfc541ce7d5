// The summarize stage: cohesion repair, the editor override, the seed's
// summary, and the whole dev set (read from ../shared, never copied) for
// length, one paragraph and cohesion.
import { describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadSite } from "../scripts/site/config.ts";
import { normalize } from "../scripts/pipeline/normalize/index.ts";
import { readArticleFile } from "../scripts/pipeline/read.ts";
import { readPlainText } from "../scripts/pipeline/summarize/plain-text-source.ts";
import { summarize, countWords } from "../scripts/pipeline/summarize/index.ts";
import { dropLeadingConnective, dropOpeningAppositive } from "../scripts/pipeline/summarize/cohesion.ts";
import { splitRunIns, isCaption } from "../scripts/pipeline/summarize/run-ins.ts";
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

describe("editor's summary", () => {
  it("wins over the generated one and is recorded as the editor's", () => {
    const { summary, keyPoints } = summarize(plain(STORY), "The harbour closes for two years.", budget);
    expect(summary).toEqual({ text: "The harbour closes for two years.", origin: "editor", sentenceIds: [], wordCount: 6 });
    expect(keyPoints.length).toBeGreaterThanOrEqual(3);
  });
});

describe("the seed article", () => {
  it("states Kim's demand for recognition as a nuclear power and stays one paragraph in length", () => {
    const read = readArticleFile(PROJECT_ROOT, SEED_ARTICLE, site.timeZone);
    const { summary } = summarize(normalize(read.article!, site), null, budget);
    expect(summary.text).toMatch(/Kim Jong Un/);
    expect(summary.text).toMatch(/recogni[sz]e .*nuclear power/);
    expect(summary.text).not.toMatch(/\n/);
    expect(summary.wordCount).toBeLessThanOrEqual(budget.maxWords);
    expect(cohesionProblems(summary.text)).toEqual([]);
  });
});

describe.runIf(existsSync(DEV))("every dev article (../shared, measured, not copied)", () => {
  const lines = existsSync(DEV) ? readFileSync(DEV, "utf8").trim().split("\n").map((l) => JSON.parse(l) as { id: string; text: string }) : [];
  const summaries = lines.map((l) => ({ id: l.id, summary: summarize(plain(l.text), null, budget).summary }));

  it("is one paragraph, never over the maximum, and under the minimum only where no whole sentence fits (under 1%)", () => {
    const over = summaries.filter(({ summary }) => /\n/.test(summary.text) || summary.wordCount > budget.maxWords || summary.wordCount === 0);
    expect(over.map((s) => `${s.id}: ${s.summary.wordCount} words`)).toEqual([]);
    const short = summaries.filter(({ summary }) => summary.wordCount < budget.minWords);
    expect(short.length / summaries.length).toBeLessThan(0.01);
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
