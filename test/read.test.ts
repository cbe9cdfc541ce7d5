// Reading articles: bytes to SourceArticle, front matter and sidecars validated,
// every bad input a Problem naming the file (and the line and field where there is one).
import { describe, expect, it } from "vitest";
import path from "node:path";
import { readArticle, readArticleFile } from "../scripts/pipeline/read.ts";
import { LIMITS } from "../scripts/pipeline/limits.ts";
import { PROJECT_ROOT } from "./helpers/project.ts";

const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/articles");
const read = (name: string) => readArticleFile(PROJECT_ROOT, path.join(FIXTURES, name), "Asia/Seoul");
const fromText = (name: string, text: string | Uint8Array) =>
  readArticle({ path: name, bytes: typeof text === "string" ? Buffer.from(text) : text, sidecar: null, siteTimeZone: "Asia/Seoul" });

describe("front matter", () => {
  it("warns about an unknown field, naming it and its line, and still reads the article", () => {
    const r = read("front-matter-unknown.md");
    expect(r.article).not.toBeNull();
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ severity: "warning", file: "test/fixtures/articles/front-matter-unknown.md", field: "categroy", line: 4 });
    expect(r.problems[0]!.fix).toContain("title");
  });

  it("rejects a wrong type with the file, field, line and what is expected", () => {
    const r = read("front-matter-wrong-type.md");
    expect(r.article).toBeNull();
    expect(r.problems).toEqual([
      expect.objectContaining({ severity: "error", file: "test/fixtures/articles/front-matter-wrong-type.md", field: "draft", line: 4, message: "expected true or false" }),
    ]);
  });

  it("rejects an impossible date with the field, line and an example of what is expected", () => {
    const r = read("front-matter-bad-date.txt");
    expect(r.article).toBeNull();
    const p = r.problems[0]!;
    expect(p).toMatchObject({ severity: "error", field: "date", line: 3, file: "test/fixtures/articles/front-matter-bad-date.txt" });
    expect(p.message).toContain("2026-02-30");
    expect(p.fix).toMatch(/ISO 8601/);
  });

  it("reads a wrong type of tags and a YAML syntax error as errors with lines", () => {
    const tags = fromText("a.md", "---\ntitle: T\ndate: 2026-01-01\ntags: 5\n---\nBody text.\n");
    expect(tags.problems[0]).toMatchObject({ severity: "error", field: "tags", line: 4 });
    const yaml = fromText("b.md", "---\ntitle: a: b\ndate: 2026-01-01\n---\nBody text.\n");
    expect(yaml.article).toBeNull();
    expect(yaml.problems[0]).toMatchObject({ severity: "error", line: 2, stage: "front-matter" });
  });

  it("keeps the stated zone: a date without offset is read in timeZone", () => {
    const r = read("cr-bom-spaces.txt");
    expect(r.article!.meta).toMatchObject({ date: "2026-01-05T00:00:00.000+01:00", timeZone: "Europe/Paris", title: "Spaces everywhere" });
  });

  it("takes metadata from a sidecar <name>.yaml when the text has none", () => {
    const r = read("bbc-title-line.txt");
    expect(r.problems).toEqual([]);
    expect(r.article!.meta).toMatchObject({ date: "2026-02-23T18:30:00.000+00:00", timeZone: "Europe/London", source: { name: "Harbour Evening Post", url: null }, tags: ["Transport"] });
  });

  it("reads front matter in a .txt file and leaves its body as plain text", () => {
    const r = read("crlf-subheads.txt");
    expect(r.article!.format).toBe("text");
    expect(r.article!.meta.tags).toEqual(["Transport", "City"]);
    expect(r.article!.body.startsWith("The city's new tram line")).toBe(true);
  });
});

describe("bytes", () => {
  it("removes a BOM and turns CRLF and lone CR into LF", () => {
    expect(read("cr-bom-spaces.txt").article!.body).not.toMatch(/[\r\uFEFF]/);
    expect(read("crlf-subheads.txt").article!.body).not.toContain("\r");
    expect(read("wire-dateline.txt").article!.body.split("\n").length).toBe(5);
  });

  it("rejects an empty file and a file with only front matter, clearly", () => {
    const empty = fromText("empty.txt", "");
    expect(empty.article).toBeNull();
    expect(empty.problems[0]).toMatchObject({ severity: "error", file: "empty.txt", message: "the file is empty" });
    const noBody = fromText("fm.md", "---\ntitle: Only metadata\ndate: 2026-01-01\n---\n\n  \n");
    expect(noBody.problems[0]).toMatchObject({ severity: "error", line: 5, message: "the article has no text after its front matter" });
  });

  it("rejects a binary file without throwing, naming the file and the fix", () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52]);
    const withNul = fromText("image.txt", png);
    expect(withNul.article).toBeNull();
    expect(withNul.problems[0]).toMatchObject({ severity: "error", file: "image.txt", message: expect.stringMatching(/binary/), fix: expect.stringMatching(/UTF-8/) });
    // No NUL, not UTF-8, and bytes no Windows-1252 text holds (an escape code, 0x81): still binary, with its line.
    const noNul = fromText("blob.txt", Uint8Array.from([0x41, 0x0a, 0x42, 0x1b, 0x81, 0xc3, 0x28, 0x0a]));
    expect(noNul.article).toBeNull();
    expect(noNul.problems[0]).toMatchObject({ severity: "error", file: "blob.txt", line: 2, message: expect.stringMatching(/neither UTF-8 nor Windows-1252.*binary/) });
  });
});

describe("Windows-1252 files", () => {
  // "Café “Luna” – opened on Monday." in Windows-1252: é 0xE9, curly quotes 0x93/0x94, en dash 0x96.
  const body = Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(" "), Buffer.from([0x93]), Buffer.from("Luna"), Buffer.from([0x94]), Buffer.from(" "), Buffer.from([0x96]), Buffer.from(" opened on Monday.\n")]);
  const expected = "Caf\u00e9 \u201cLuna\u201d \u2013 opened on Monday.\n";
  const withFrontMatter = (fields: string) => Buffer.concat([Buffer.from(`---\ndate: 2026-01-01\n${fields}---\n`), body]);

  it("reads a file that is not UTF-8 as Windows-1252, with a warning naming the file, its line and the fix", () => {
    const r = fromText("cafe.txt", withFrontMatter(""));
    expect(r.article!.body).toBe(expected);
    expect(r.article!.meta.encoding).toBe("windows-1252");
    expect(r.problems).toEqual([expect.objectContaining({ severity: "warning", file: "cafe.txt", line: 4, message: expect.stringMatching(/not valid UTF-8.*Windows-1252/) })]);
    expect(r.problems[0]!.fix).toContain("encoding: windows-1252");
  });

  it("reads it silently when front matter or the sidecar says `encoding: windows-1252`", () => {
    const declared = fromText("cafe.txt", withFrontMatter("encoding: windows-1252\n"));
    expect(declared.problems).toEqual([]);
    expect(declared.article!.body).toBe(expected);
    const bySidecar = readArticle({ path: "cafe.txt", bytes: body, sidecar: { path: "cafe.yaml", bytes: Buffer.from("date: 2026-01-01\nencoding: Windows-1252\n") }, siteTimeZone: "Asia/Seoul" });
    expect(bySidecar.problems).toEqual([]);
    expect(bySidecar.article!.body).toBe(expected);
  });

  it("does not guess Windows-1252 for a UTF-8 file with one damaged byte, which it would garble", () => {
    const damaged = Buffer.concat([Buffer.from("---\ndate: 2026-01-01\n---\nCaf\u00e9 opened.\nA bad byte: "), Buffer.from([0xe9]), Buffer.from(" here.\n")]);
    const r = fromText("damaged.txt", damaged);
    expect(r.article).toBeNull();
    expect(r.problems[0]).toMatchObject({ severity: "error", file: "damaged.txt", line: 5, message: expect.stringMatching(/not valid UTF-8.*other parts of it are UTF-8/) });
  });

  it("takes a declared encoding at its word: Windows-1252 bytes declared UTF-8 are an error, an unknown encoding too", () => {
    const wrong = fromText("cafe.txt", withFrontMatter("encoding: utf-8\n"));
    expect(wrong.article).toBeNull();
    expect(wrong.problems[0]).toMatchObject({ severity: "error", file: "cafe.txt", line: 5, message: expect.stringMatching(/not valid UTF-8/) });
    const unknown = fromText("cafe.md", "---\ndate: 2026-01-01\nencoding: latin-9\n---\nText.\n");
    expect(unknown.article).toBeNull();
    expect(unknown.problems[0]).toMatchObject({ severity: "error", field: "encoding", line: 3, message: expect.stringContaining("windows-1252") });
  });
});

describe("more bytes", () => {
  it("rejects a line longer than the limit (a minified or binary file)", () => {
    const r = fromText("long.txt", "---\ndate: 2026-01-01\n---\nshort line\n" + "x".repeat(LIMITS.lineChars + 1) + "\n");
    expect(r.article).toBeNull();
    expect(r.problems[0]).toMatchObject({ line: 5 });
  });

  it("rejects a file that is not an article", () => {
    expect(fromText("notes.docx", "x").problems[0]!.fix).toMatch(/\.txt or \.md/);
  });
});
