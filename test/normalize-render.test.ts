// Normalized structure through the real build: Markdown structure and hostile
// text reach the briefing page as escaped HTML; an empty or binary article is a
// clear problem that leaves no data file behind.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { BriefingError } from "../scripts/problems.ts";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";

const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/articles");
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name));

describe("Markdown and hostile articles on their briefing pages", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = makeTempProject({ withSample: false });
    project.addArticle("hostile.txt", fixture("hostile.txt"));
    project.addArticle("river.md", fixture("markdown-structure.md"));
    await project.build();
  });
  afterAll(() => project.remove());

  it("prints hostile text escaped, template syntax as typed", () => {
    const html = project.read("briefings/hostile/index.html");
    expect(html).toContain("Markup &lt;script&gt;alert(");
    expect(html).not.toContain("<script>alert(");
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("{{ briefing.site.title }}");
    expect(html).toContain("{% include");
    expect(html).toContain("]]&gt;");
    expect(html).toContain("--&gt;");
  });

  it("renders lists, quotes, emphasis, links, code and images; an unsafe link is text", () => {
    const html = project.read("briefings/river/index.html");
    expect(html).toMatch(/<ul>\s*<li id="p-2">.*Removes two weirs\..*<\/li>\s*<li id="p-3">/s);
    expect(html).toMatch(/Most of them willows\.<\/span><\/li><\/ul>/);
    expect(html).toMatch(/<ol>\s*<li id="p-5">/);
    expect(html).toMatch(/<blockquote id="p-7"><p>/);
    expect(html).toContain("<strong>7 to 2</strong>");
    expect(html).toContain("<em>river plan</em>");
    expect(html).toContain('<a href="https://example.org/mayor">the mayor</a>');
    expect(html).toContain("<code>docs/letter.pdf</code>");
    expect(html).toContain('<img src="images/weir.jpg" alt="A weir at dusk">');
    expect(html).toContain("the &lt;b&gt;full&lt;/b&gt; text");
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/^# /m);
  });
});

describe("an empty or binary article", () => {
  let project: TempProject;
  beforeAll(() => { project = makeTempProject({ withSample: false }); });
  afterAll(() => project.remove());

  it("fails the build with a problem naming the file, writing no data file", async () => {
    project.addArticle("empty.txt", "");
    project.addArticle("image.txt", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]));
    let error: unknown;
    try { await project.build(); } catch (e) { error = e; }
    expect(error).toBeInstanceOf(BriefingError);
    const messages = (error as BriefingError).problems.map((p) => `${p.file}: ${p.message}`);
    expect(messages).toEqual(expect.arrayContaining([
      "src/articles/empty.txt: the file is empty",
      expect.stringMatching(/^src\/articles\/image\.txt: .*binary/),
    ]));
    expect(existsSync(path.join(project.root, "_data/briefing.json"))).toBe(false);
  });
});

describe("a wire story without a title, on its page", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = makeTempProject({ withSample: false });
    project.addArticle("bridge.txt", fixture("wire-credit-cnn.txt"));
    project.addArticle("bridge.yaml", fixture("wire-credit-cnn.yaml"));
    await project.build();
  });
  afterAll(() => project.remove());

  const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  const meta = (html: string, attr: string, name: string) => decode(new RegExp(`<meta ${attr}="${name}" content="([^"]*)">`).exec(html)![1]!);

  it("shows the inferred headline and the credit as its dateline", () => {
    const html = project.read("briefings/bridge/index.html");
    const h1 = decode(/<h1[^>]*>([^<]*)<\/h1>/.exec(html)![1]!);
    expect(h1.split(" ").length).toBeLessThanOrEqual(12);
    expect(h1).not.toContain("CNN");
    expect(html).toContain('<p class="wire-dateline">(CNN)</p>');
  });

  it("gives a description of at most 160 characters ending at a word boundary, the same for Open Graph and Twitter", () => {
    const html = project.read("briefings/bridge/index.html");
    const data = JSON.parse(project.read("../_data/briefing.json")) as { articles: Array<{ summary: { text: string } }> };
    const gist = data.articles[0]!.summary.text;
    expect(gist.length).toBeGreaterThan(160);
    const description = meta(html, "name", "description");
    expect([...description].length).toBeLessThanOrEqual(160);
    expect(meta(html, "property", "og:description")).toBe(description);
    expect(meta(html, "name", "twitter:description")).toBe(description);
    // Whole words of the gist: what is shown (without an ellipsis) is a prefix ending before a space or at a sentence end.
    const shown = description.replace(/\u2026$/, "");
    expect(gist.startsWith(shown)).toBe(true);
    expect(gist[shown.length] === " " || /[.!?]$/.test(shown)).toBe(true);
  });
});
