// npm run review on a copy of the sample: what the machine guessed, the lines
// that correct or accept it, --json, --strict's exit codes; pasting its
// suggestions into the (copied) sidecar leaves nothing to review. The build's
// count line, and the dev server's marks that never reach npm run build.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { spawnSync } from "node:child_process";
import { appendFileSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { processArticleOrThrow } from "../scripts/pipeline/process-article.ts";
import { readArticle } from "../scripts/pipeline/read.ts";
import { loadSite } from "../scripts/site-settings.ts";
import { DATA_FILE } from "../scripts/pipeline/data-file.ts";
import type { Article } from "../scripts/schema.ts";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";

const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
const SIDECAR = "src/articles/000_73ba9802054c4cc1.yaml";

let project: TempProject;
let original: string;
/** The sample as the pipeline makes it, read in this process: what the review's lines must name. */
let machine: Article;
const sidecar = () => path.join(project.root, SIDECAR);

function run(cli: string, args: string[] = [], env: Record<string, string> = {}) {
  const result = spawnSync(TSX, [path.join(project.root, "scripts/cli", cli), ...args], {
    cwd: project.root, encoding: "utf8", env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
  return { code: result.status, out: result.stdout, err: result.stderr };
}
const review = (...args: string[]) => run("review.ts", args);

/** The snippets printed after `# <action>:` lines, each as its lines. */
function snippets(out: string, action: string): string[][] {
  const lines = out.split("\n");
  const found: string[][] = [];
  lines.forEach((line, i) => {
    if (line !== `# ${action}:`) return;
    const snippet: string[] = [];
    for (let j = i + 1; j < lines.length && !lines[j]!.startsWith("#") && lines[j] !== ""; j++) snippet.push(lines[j]!);
    found.push(snippet);
  });
  return found;
}

/** Pasting several snippets into one sidecar as an editor would: entries of the same list under one key. */
function pasteTogether(parts: string[][]): string {
  const lists = new Map<string, string[]>();
  const scalars: string[] = [];
  for (const part of parts) {
    if (part.length === 1) scalars.push(part[0]!);
    else lists.set(part[0]!, [...(lists.get(part[0]!) ?? []), ...part.slice(1)]);
  }
  return [...scalars, ...[...lists].flatMap(([key, entries]) => [key, ...entries])].join("\n") + "\n";
}

beforeAll(() => {
  project = makeTempProject();
  original = readFileSync(sidecar(), "utf8");
  const site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"), {});
  const file = "src/articles/000_73ba9802054c4cc1.txt";
  const read = readArticle({ path: file, bytes: readFileSync(path.join(PROJECT_ROOT, file)), sidecar: { path: SIDECAR, bytes: readFileSync(sidecar()) }, siteTimeZone: site.timeZone });
  machine = processArticleOrThrow(read.article!, site);
});
afterAll(() => project.remove());

describe("npm run review on the sample", () => {
  let out: string;
  it("lists the inferred headline and the speakers taken from a pronoun, each with its sentence and lines to paste", () => {
    const result = review();
    out = result.out;
    expect(result.code).toBe(0);
    expect(out).toMatch(/^# src\/articles\/000_73ba9802054c4cc1\.txt \(north-korea-demands-recognition-as-nuclear-power\): \d+ guesses; corrections go in src\/articles\/000_73ba9802054c4cc1\.yaml$/m);
    // The sample has no title line: its headline is inferred (shorter than the lead, which opens "Kim Jong Un, the General Secretary").
    expect(machine.titleOrigin).toBe("inferred");
    expect(machine.title.split(" ").length).toBeLessThanOrEqual(12);
    const lines = out.split("\n");
    const headline = lines.indexOf(`# 1. headline: The headline “${machine.title}” was made from the lead sentence.`);
    expect(headline).toBeGreaterThan(0);
    expect(lines[headline + 1]).toMatch(/^#    from s-1-1: Kim Jong Un, the General Secretary/);
    expect(lines.slice(headline + 2, headline + 4)).toEqual(["# correct:", `title: ${JSON.stringify(machine.title)}`]);
    // The two sentences that open with "He": their speaker came from the pronoun, and every such speaker is listed.
    const fromPronoun = machine.attributions.filter((a) => a.speakerFrom === "pronoun").map((a) => a.sentenceId);
    expect(fromPronoun).toEqual(["s-1-2", "s-7-1"]);
    expect(out).toMatch(/^#    from s-1-2: He also stated that/m);
    expect(out).toMatch(/^#    from s-7-1: He emphasized that/m);
    expect(out).toMatch(/^quotes:\n {2}- \{text: "if it recognize them, there’s no", speaker: "Kim Jong Un"\}$/m);
  });

  it("--json holds the same guesses; --strict exits 1 while any is unreviewed", () => {
    const json = review("--json");
    const data = JSON.parse(json.out) as { guesses: number; articles: { slug: string; guesses: { kind: string; sentence: { id: string } | null }[] }[] };
    expect(data.articles).toHaveLength(1);
    const guesses = data.articles[0]!.guesses;
    expect(data.guesses).toBe(guesses.length);
    expect(guesses.filter((g) => g.kind === "speaker").map((g) => g.sentence!.id)).toEqual(["s-1-2", "s-7-1"]);
    expect(guesses[0]!.kind).toBe("headline");
    expect(out.match(/^# \d+\. /gm)).toHaveLength(guesses.length);
    expect(review("--strict").code).toBe(1);
    expect(review("--strict", "--json").code).toBe(1);
  });

  it("takes slugs, and refuses one that names no article", () => {
    expect(review("north-korea-demands-recognition-as-nuclear-power").out).toBe(out);
    const wrong = review("no-such-slug");
    expect(wrong.code).toBe(1);
    expect(wrong.err).toMatch(/no published article has the slug "no-such-slug"/);
  });

  it("after pasting its accept-all lines into the sidecar it lists nothing, and --strict passes", () => {
    const block = out.slice(out.indexOf("\n", out.indexOf("# To accept all")) + 1).split("\n\n")[0]!;
    expect(block.split("\n").length).toBeGreaterThan(3);
    appendFileSync(sidecar(), block + "\n");
    const after = review("--strict");
    expect(after.code).toBe(0);
    expect(after.err).toBe("");
    expect(after.out).toMatch(/nothing to review$/m);
    expect(after.out).not.toMatch(/^# \d+\. /m);
  });

  it("after pasting its corrections instead it lists nothing too, and the build shows them", async () => {
    writeFileSync(sidecar(), original + pasteTogether(snippets(out, "correct")));
    const after = review("--strict");
    expect(after.err).toBe("");
    expect(after.code).toBe(0);
    const lines: string[] = [];
    await project.build({ log: (l) => lines.push(l), workers: 0 });
    expect(lines).toContain("review     no guesses to review");
    const page = project.read("briefings/north-korea-demands-recognition-as-nuclear-power/index.html");
    expect(page).toContain(`<h1 id="headline">${machine.title}</h1>`);
    // Confirming the machine's guesses as they are changes nothing the reader sees but where the speaker came from.
    expect(page).toContain('<time datetime="2025-09-01">September 2025</time>');
    const data = JSON.parse(readFileSync(path.join(project.root, DATA_FILE), "utf8")) as { articles: Article[] };
    const corrected = data.articles.find((a) => a.slug === machine.slug)!;
    expect(corrected.timeline).toEqual(machine.timeline);
    expect(corrected.attributions.map(({ speakerFrom: _from, ...a }) => a)).toEqual(machine.attributions.map(({ speakerFrom: _from, ...a }) => a));
    expect(corrected.attributions.filter((a) => a.speakerFrom === "editor").map((a) => a.sentenceId)).toEqual(["s-1-2", "s-7-1"]);
  });
});

describe("the build's count and the dev server's marks", () => {
  const pagePath = "briefings/north-korea-demands-recognition-as-nuclear-power/index.html";
  let count: number;
  beforeAll(() => {
    writeFileSync(sidecar(), original);
    count = (JSON.parse(review("--json").out) as { guesses: number }).guesses;
  });

  it("prints one line with the count of unreviewed guesses, and succeeds", async () => {
    const lines: string[] = [];
    await project.build({ log: (l) => lines.push(l), workers: 0 });
    expect(count).toBeGreaterThan(1);
    expect(lines.filter((l) => l.startsWith("review "))).toEqual([`review     ${count} guesses to review: npm run review`]);
    expect(project.read(pagePath)).not.toContain("review-marks");
  });

  it("shows the marks on the page when npm run dev asks, and a build without them renders them away", async () => {
    const lines: string[] = [];
    await project.build({ log: (l) => lines.push(l), workers: 0, reviewMarks: true });
    const marked = project.read(pagePath);
    expect(marked).toContain(`<h2 id="review-marks-heading">To review: ${count}</h2>`);
    expect(marked).toContain("#s-1-2 { background");
    expect(marked).toContain("reviewed:\n  - &quot;headline&quot;");
    // Other pages carry no marks.
    expect(project.read("index.html")).not.toContain("review-marks");
    lines.length = 0;
    await project.build({ log: (l) => lines.push(l), workers: 0 });
    expect(lines.find((l) => l.startsWith("render "))).toMatch(/files written by Eleventy/);
    expect(project.read(pagePath)).not.toContain("review-marks");
  });

  it("npm run build never shows the marks (npm run dev -- --review passes them to its own builds: test/dev.test.ts)", () => {
    const built = run("build.ts", [], { BRIEFING_WORKERS: "0" });
    expect(built.code).toBe(0);
    expect(built.out).toContain(`review     ${count} guesses to review: npm run review`);
    expect(project.read(pagePath)).not.toContain("review-marks");
  });
});
