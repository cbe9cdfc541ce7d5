// Unit-level defences against hostile input: output paths, metadata lines,
// invisible controls. The whole-build view is test/hostile.test.ts.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { articleSlug, slugify } from "../scripts/pipeline/normalize/slug.ts";
import { metaLine } from "../scripts/pipeline/front-matter.ts";
import { removeControls } from "../scripts/pipeline/normalize/clean.ts";
import { readArticle } from "../scripts/pipeline/read.ts";
import { checkSlugs, readAll } from "../scripts/pipeline/run.ts";
import * as limits from "../scripts/pipeline/limits.ts";
import { BriefingError } from "../scripts/problems.ts";

const SAFE_SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

describe("slugs can never escape the output folder", () => {
  it.each([
    ["../../etc/passwd", "etc-passwd"],
    ["/absolute/path", "absolute-path"],
    ["C:\\Windows\\System32", "c-windows-system32"],
    ["..", ""],
    ["CON", "con-page"],
    ["lpt1", "lpt1-page"],
    ["\uFF21\uFF44\uFF4D\uFF49\uFF4E", "admin"], // full-width letters fold to ASCII
    ["\u0440\u0430\u0443\u0440\u0430l", "l"], // Cyrillic look-alikes are not ASCII letters and drop out
    ["Caf\u00e9 Cr\u00e8me", "cafe-creme"],
  ])("slugify(%j) is %j", (input, expected) => {
    expect(slugify(input)).toBe(expected);
  });

  it("falls back to the file name when a front matter slug has nothing safe in it", () => {
    expect(articleSlug("..", "story-one.md")).toBe("story-one");
    expect(articleSlug(null, "\u0440\u0430.md")).toBe("article");
  });

  it("gives a safe, short path segment for any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
        const slug = slugify(s);
        expect(slug === "" || SAFE_SLUG.test(slug)).toBe(true);
        expect(slug.length).toBeLessThanOrEqual(80);
        expect(["con", "prn", "aux", "nul"]).not.toContain(slug);
      }),
      { numRuns: 2000 },
    );
  });

  it("treats slugs that differ only in case as a collision naming both files", () => {
    const problems = checkSlugs([
      { slug: "story", sourcePath: "src/articles/Story.md" },
      { slug: "story", sourcePath: "src/articles/story.txt" },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain("src/articles/Story.md");
    expect(problems[0]!.file).toBe("src/articles/story.txt");
  });
});

describe("metadata values are single clean lines", () => {
  it("turns line breaks and controls into spaces and drops bidi overrides", () => {
    expect(metaLine("Subject\r\nBcc: victim@example.org")).toBe("Subject Bcc: victim@example.org");
    expect(metaLine("evil\u202Etxt.exe\u202C title\u0007")).toBe("eviltxt.exe title");
  });

  it("reaches the article's title, author and tags from front matter", () => {
    const text = '---\ntitle: "A\\r\\nBcc: x@example.org"\nauthor: "Eve\\u202E"\ntags: ["a\\nb"]\ndate: 2026-03-01\n---\nBody text here.\n';
    const { article } = readArticle({ path: "a.md", bytes: Buffer.from(text), sidecar: null, siteTimeZone: "UTC" });
    expect(article?.meta.title).toBe("A Bcc: x@example.org");
    expect(article?.meta.author).toBe("Eve");
    expect(article?.meta.tags).toEqual(["a b"]);
  });

  it("rejects a source URL that is not http(s)", () => {
    const text = "---\ndate: 2026-03-01\nsource: { name: X, url: \"javascript:alert(1)\" }\n---\nBody.\n";
    const { article, problems } = readArticle({ path: "a.md", bytes: Buffer.from(text), sidecar: null, siteTimeZone: "UTC" });
    expect(article).toBeNull();
    expect(problems[0]).toMatchObject({ file: "a.md", field: "source.url", line: 3 });
  });
});

describe("invisible controls in article text", () => {
  it("keeps visible text and right-to-left script, removes overrides and isolates", () => {
    expect(removeControls("abc\u202Edef\u2066ghi\u2069")).toBe("abcdefghi");
    expect(removeControls("שלום עולם")).toBe("שלום עולם");
    expect(removeControls("a\u0000b\u001Bc")).toBe("a b c");
  });
});

describe("Markdown nested past the parser's depth", () => {
  it("is an error naming the file and line, never silently truncated text", async () => {
    const { normalize } = await import("../scripts/pipeline/normalize/index.ts");
    const site = (await import("../scripts/site-settings.ts")).siteFromYaml(
      (await import("node:fs")).readFileSync(new URL("../_data/site.yaml", import.meta.url), "utf8"), "_data/site.yaml", {});
    const text = "---\ndate: 2026-03-01\n---\nFirst paragraph.\n\n" + "> ".repeat(80) + "deep text\n\nAfter the quote.\n";
    const { article } = readArticle({ path: "deep.md", bytes: Buffer.from(text), sidecar: null, siteTimeZone: "UTC" });
    let caught: unknown;
    try {
      normalize(article!, site);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BriefingError);
    expect((caught as BriefingError).problems[0]).toMatchObject({ file: "deep.md", line: 6, stage: "normalize" });
    // Thirty levels of quotes are deep but fine, and keep every word.
    const ok = readArticle({ path: "ok.md", bytes: Buffer.from(text.replace("> ".repeat(80), "> ".repeat(30))), sidecar: null, siteTimeZone: "UTC" });
    const words = normalize(ok.article!, site).sections.flatMap((s) => s.paragraphs.map((p) => p.text)).join(" ");
    expect(words).toContain("deep text");
  });
});

describe("input limits", () => {
  it("refuses a file over the size limit, naming it and the limit", () => {
    const { LIMITS } = limits;
    const { article, problems } = readArticle({ path: "huge.txt", bytes: Buffer.alloc(LIMITS.fileBytes + 1, 0x61), sidecar: null, siteTimeZone: "UTC" });
    expect(article).toBeNull();
    expect(problems[0]).toMatchObject({ file: "huge.txt", stage: "read" });
    expect(problems[0]!.message).toContain(String(LIMITS.fileBytes));
  });

  it("refuses front matter over its limit at line 1", () => {
    const { LIMITS } = limits;
    const text = "---\ndate: 2026-03-01\nnote: \"" + "n".repeat(LIMITS.frontMatterBytes) + "\"\n---\nBody.\n";
    const { article, problems } = readArticle({ path: "fm.md", bytes: Buffer.from(text), sidecar: null, siteTimeZone: "UTC" });
    expect(article).toBeNull();
    expect(problems[0]).toMatchObject({ file: "fm.md", line: 1, stage: "front-matter" });
  });

  it("refuses more articles than the limit before reading any", () => {
    const { LIMITS } = limits;
    const files = Array.from({ length: LIMITS.articles + 1 }, (_, i) => `/nowhere/src/articles/a${i}.txt`);
    const site = { timeZone: "UTC" } as Parameters<typeof readAll>[2];
    const { sources, problems } = readAll("/nowhere", files, site);
    expect(sources).toEqual([]);
    expect(problems[0]!.message).toContain(`over the limit of ${LIMITS.articles}`);
    expect(problems[0]!.file).toBe("src/articles");
  });
});
