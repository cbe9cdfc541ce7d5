// The read memo gives back exactly what reading the file gives, warnings and
// bytes included; it misses when any input changes, and a damaged memo file
// is ignored rather than trusted.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { openReadMemo } from "../scripts/pipeline/read-cache.ts";
import { readArticle, type ReadInput } from "../scripts/pipeline/read.ts";

const article = (extra = ""): ReadInput => ({
  path: "src/articles/port.md",
  bytes: Buffer.from(`---\ntitle: Port reopens\nmood: cheerful\n${extra}---\nThe port reopened on Monday after a week of repairs.\n`),
  sidecar: { path: "src/articles/port.yaml", bytes: Buffer.from("date: 2026-02-27T10:00:00+09:00\ntags: [Transport]\n") },
  siteTimeZone: "Asia/Seoul",
});

let root: string;
beforeEach(() => {
  root = mkdtempSync(path.join(os.tmpdir(), "briefing-read-memo-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe("the read memo", () => {
  it("gives back the body of a Windows-1252 article in the encoding it was read in", () => {
    const input: ReadInput = { ...article(), path: "src/articles/cafe.txt", bytes: Buffer.concat([Buffer.from("Caf"), Buffer.from([0xe9]), Buffer.from(" reopens.\n")]) };
    const expected = readArticle(input);
    expect(expected.article!.body).toBe("Caf\u00e9 reopens.\n");
    const first = openReadMemo(root, "v1");
    first.read(input);
    first.save();
    const second = openReadMemo(root, "v1");
    expect(second.read(input)).toEqual(expected);
    expect(second.stats.hits).toBe(1);
  });

  it("returns what readArticle returns, on a miss and after a save and reopen", () => {
    const input = article();
    const expected = readArticle(input);
    expect(expected.article?.meta.title).toBe("Port reopens");
    expect(expected.problems.map((p) => p.message)).toEqual(['unknown field "mood" is ignored']);

    const first = openReadMemo(root, "v1");
    expect(first.read(input)).toEqual(expected);
    expect(first.stats).toEqual({ hits: 0, misses: 1 });
    first.save();

    const second = openReadMemo(root, "v1");
    const remembered = second.read(input);
    expect(second.stats).toEqual({ hits: 1, misses: 0 });
    expect(remembered).toEqual(expected);
    expect(Buffer.compare(remembered.article!.bytes, expected.article!.bytes)).toBe(0);
  });

  it("misses when the text, the sidecar, the site's zone or the code version changes", () => {
    const memo = openReadMemo(root, "v1");
    memo.read(article());
    memo.save();
    const variants: [string, ReadInput][] = [
      ["text", article("author: Ana Park\n")],
      ["sidecar", { ...article(), sidecar: { path: "src/articles/port.yaml", bytes: Buffer.from("date: 2026-02-28T10:00:00+09:00\n") } }],
      ["zone", { ...article(), siteTimeZone: "Europe/Paris" }],
    ];
    for (const [what, input] of variants) {
      const reopened = openReadMemo(root, "v1");
      expect(reopened.read(input), what).toEqual(readArticle(input));
      expect(reopened.stats, what).toEqual({ hits: 0, misses: 1 });
    }
    const otherCode = openReadMemo(root, "v2");
    otherCode.read(article());
    expect(otherCode.stats).toEqual({ hits: 0, misses: 1 });
  });

  it("ignores a memo file whose entries no longer match its digest", () => {
    const memo = openReadMemo(root, "v1");
    memo.read(article());
    memo.save();
    const dir = path.join(root, ".cache/read", "v1");
    const file = path.join(dir, readdirSync(dir)[0]!);
    writeFileSync(file, readFileSync(file, "utf8").replace("Port reopens", "Port closes!"));
    const reopened = openReadMemo(root, "v1");
    expect(reopened.read(article()).article?.meta.title).toBe("Port reopens");
    expect(reopened.stats).toEqual({ hits: 0, misses: 1 });
  });
});
