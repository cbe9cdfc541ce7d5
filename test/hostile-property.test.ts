// Property-based tests over generated hostile articles (fast-check): the
// pipeline throws nothing but its own typed error, and whatever it accepts
// renders to well-formed HTML, XML, JSON and MIME.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse } from "parse5";
import { XMLValidator } from "fast-xml-parser";
import { simpleParser } from "mailparser";
import { readArticle } from "../scripts/pipeline/read.ts";
import { processArticleOrThrow } from "../scripts/pipeline/process-article.ts";
import { BriefingError } from "../scripts/problems.ts";
import { siteFromYaml } from "../scripts/site-settings.ts";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";

const site = siteFromYaml(readFileSync(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8"), "_data/site.yaml", {});

// Pieces that break one output format or another, mixed with ordinary words.
const nasty = fc.constantFrom(
  "<script>alert(1)</script>", "</script>", "]]>", "<!--", "-->", "--", "{{ briefing }}", "{% raw %}", "{#", "&amp;", "&", "<",
  ">", "\"", "'", "`", "\\", "\u2028", "\u2029", "\u202E", "\u200B", "\u0007", "\uFEFF", "\r", "\t", "javascript:alert(1)",
  "[x](javascript:alert(1))", "![i](data:x)", "<img src=x onerror=alert(1)>", "# ", "> ", "- ", "1. ", "**", "_", "\u{1F600}", "مرحبا", "U.S.", "Mr.",
  "Kim Jong Un", "said", "February 20 and 21", "last September", "\u00A0", "%s", "${x}", "=?utf-8?q?x?=", "\r\nBcc: a@b.c",
);
const word = fc.oneof({ weight: 3, arbitrary: fc.constantFrom("the", "talks", "will", "resume", "Seoul", "minister", "on", "Monday.", "report", "and") }, { weight: 2, arbitrary: nasty }, { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 8 }).map((s) => s.replaceAll("\u0000", "")) });
// (A NUL byte makes the file binary: an error, covered by the first property.)
const line = fc.array(word, { minLength: 1, maxLength: 30 }).map((w) => w.join(" "));
// Each value holds one real word, so the build accepts it (an empty title or body is an error, tested elsewhere).
const bodyText = fc.array(line, { minLength: 1, maxLength: 12 }).map((lines) => "Talks resume. " + lines.join("\n"));
const yamlString = line.map((s) => JSON.stringify("Word " + s)); // JSON strings are valid YAML double-quoted scalars
const article = fc.record({
  ext: fc.constantFrom(".md", ".txt"),
  title: fc.option(yamlString, { nil: undefined }),
  author: fc.option(yamlString, { nil: undefined }),
  tags: fc.array(yamlString, { maxLength: 3 }),
  body: bodyText,
});

type GeneratedArticle = { ext: string; title: string | undefined; author: string | undefined; tags: string[]; body: string };

function articleText(a: GeneratedArticle): string {
  const fm = ["---", "date: 2026-03-01T09:00:00+00:00"];
  if (a.title !== undefined) fm.push(`title: ${a.title}`);
  if (a.author !== undefined) fm.push(`author: ${a.author}`);
  if (a.tags.length > 0) fm.push(`tags: [${a.tags.join(", ")}]`);
  fm.push("---");
  return fm.join("\n") + "\n" + a.body + "\n";
}

describe("the pipeline on generated input", () => {
  it("returns an article or Problems, and throws nothing but BriefingError", () => {
    fc.assert(
      fc.property(fc.oneof(article.map(articleText), fc.string({ unit: "binary", maxLength: 400 })), fc.constantFrom("a.md", "a.txt"), (text, name) => {
        const read = readArticle({ path: name, bytes: Buffer.from(text), sidecar: null, siteTimeZone: "UTC" });
        if (!read.article) {
          expect(read.problems.some((p) => p.severity === "error" && p.file === name)).toBe(true);
          return;
        }
        try {
          const result = processArticleOrThrow(read.article, site);
          expect(result.summary.text.length).toBeGreaterThan(0);
        } catch (error) {
          expect(error).toBeInstanceOf(BriefingError);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe("the whole build on generated hostile articles", () => {
  let project: TempProject;
  let files: string[];
  let editionDates: string[];
  beforeAll(async () => {
    project = makeTempProject({ withSample: false });
    const samples = fc.sample(article, { numRuns: 30, seed: 20260227 });
    samples.forEach((a, i) => project.addArticle(`gen-${String(i).padStart(2, "0")}${a.ext}`, articleText(a)));
    editionDates = (await project.build()).data.editions.map((e) => e.date);
    const root = project.site("");
    files = readdirSync(root, { recursive: true, encoding: "utf8" }).filter((f) => statSync(path.join(root, f)).isFile()).sort();
  });
  afterAll(() => project?.remove());

  it("built a briefing for every generated article", () => {
    expect(files.filter((f) => /^briefings\/[^/]+\/index\.html$/.test(f))).toHaveLength(30);
  });

  it("every HTML page parses without an error", () => {
    for (const file of files.filter((f) => f.endsWith(".html"))) {
      const errors: string[] = [];
      parse(project.read(file), { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
      expect(errors, file).toEqual([]);
    }
  });

  it("every XML file is well formed and every JSON file and JSON-LD block parses", () => {
    for (const file of files.filter((f) => f.endsWith(".xml"))) expect(XMLValidator.validate(project.read(file)), file).toBe(true);
    for (const file of files.filter((f) => f.endsWith(".json"))) expect(() => JSON.parse(project.read(file)), file).not.toThrow();
    for (const file of files.filter((f) => /^briefings\/[^/]+\/index\.html$/.test(f))) {
      const ld = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(project.read(file));
      expect(() => JSON.parse(ld![1]!), file).not.toThrow();
    }
  });

  it("every .eml parses into its text and HTML twins with no injected header", async () => {
    const emls = files.filter((f) => f.endsWith("email.eml"));
    // One per briefing, and one per edition (the hostile titles and gists reach those too).
    expect(emls.filter((f) => f.startsWith("briefings/"))).toHaveLength(30);
    expect(editionDates.length).toBeGreaterThan(0);
    expect(emls.filter((f) => !f.startsWith("briefings/"))).toEqual(editionDates.map((d) => `editions/${d}/email.eml`).sort());
    for (const file of emls) {
      const mail = await simpleParser(readFileSync(project.site(file)));
      expect(mail.html, file).toBe(project.read(file.replace(/email\.eml$/, "email.html")));
      expect(mail.text, file).toBe(project.read(file.replace(/email\.eml$/, "email.txt")));
      expect(mail.headers.has("bcc"), file).toBe(false);
    }
  });
});
