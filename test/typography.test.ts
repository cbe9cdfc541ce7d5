// Display typography (scripts/pipeline/normalize/typography.ts): a spaced
// hyphen between words becomes a spaced en dash in `display` only.
import { describe, expect, it } from "vitest";
import { typography } from "../scripts/pipeline/normalize/typography.ts";
import { normalize } from "../scripts/pipeline/normalize/index.ts";
import { readArticle } from "../scripts/pipeline/read.ts";
import { loadSite } from "../scripts/site-settings.ts";
import path from "node:path";
import { PROJECT_ROOT } from "./helpers/project.ts";

describe("a spaced hyphen between words", () => {
  it.each([
    ["The talks - the first in years - ended early.", "The talks \u2013 the first in years \u2013 ended early."],
    ["Seoul - Pyongyang rail link", "Seoul \u2013 Pyongyang rail link"],
    ["It rose 5% - then fell.", "It rose 5% \u2013 then fell."],
    ["pre- and post-war", "pre- and post-war"],
    ["- a list item", "- a list item"],
    ["3 - 2 = 1", "3 \u2013 2 = 1"],
    ["a -- b", "a \u2014 b"],
  ])("%s", (text, display) => {
    expect(typography(text)).toBe(display);
  });
});

it("shows the dash on the page and keeps the text as written", () => {
  const site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"), {});
  const text = "---\ntitle: Dashes\ndate: 2026-03-01T09:00:00+09:00\n---\nThe envoy - a former general - arrived on Monday.\n";
  const read = readArticle({ path: "src/articles/dash.md", bytes: Buffer.from(text), sidecar: null, siteTimeZone: site.timeZone });
  expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
  const sentence = normalize(read.article!, site).sections[0]!.paragraphs[0]!.sentences[0]!;
  expect(sentence.text).toBe("The envoy - a former general - arrived on Monday.");
  expect(sentence.display).toBe("The envoy \u2013 a former general \u2013 arrived on Monday.");
});
