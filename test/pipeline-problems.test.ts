// Stages return their problems as values: one bad article does not hide the
// next. A build with two articles that normalize cannot read reports both,
// each naming its file and line, and leaves nothing half-written.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync } from "node:fs";
import path from "node:path";
import { makeTempProject, type TempProject } from "./helpers/project.ts";
import { BriefingError } from "../scripts/problems.ts";

/** Markdown quoted deeper than the pipeline reads (LIMITS.markdownDepth). */
const tooDeep = (title: string) => `---\ntitle: ${title}\ndate: 2026-03-02\n---\n\nA first paragraph that reads well.\n\n${">".repeat(80)} A quote inside a quote, many times over.\n`;

describe("a build with more than one article that cannot be processed", () => {
  let project: TempProject;
  beforeAll(() => {
    project = makeTempProject({ withSample: true });
    project.addArticle("deep-one.md", tooDeep("The first deep one"));
    project.addArticle("deep-two.md", tooDeep("The second deep one"));
  });
  afterAll(() => project.remove());

  for (const workers of [0, 2]) {
    it(`names every failing article with its line (${workers} workers), and writes nothing`, async () => {
      const error = await project.build({ workers }).then(() => null, (e: unknown) => e);
      expect(error).toBeInstanceOf(BriefingError);
      const problems = (error as BriefingError).problems.filter((p) => p.severity === "error");
      expect(problems.map((p) => [p.file, p.line, p.stage])).toEqual([
        ["src/articles/deep-one.md", 8, "normalize"],
        ["src/articles/deep-two.md", 8, "normalize"],
      ]);
      expect(problems.every((p) => p.fix && /flatten/.test(p.fix))).toBe(true);
      expect(existsSync(path.join(project.root, "_site"))).toBe(false);
      expect(existsSync(path.join(project.root, "_data/briefing.json"))).toBe(false);
    });
  }
});
