// Hostile input through the whole build: XSS vectors, template syntax, CDATA
// and comment terminators, bidi overrides, control characters and header
// injection in titles, bodies, authors, tags and URLs. Every output must keep
// its format, and nothing may execute in a real browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parse, type DefaultTreeAdapterMap } from "parse5";
import { XMLValidator } from "fast-xml-parser";
import { simpleParser } from "mailparser";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import { launchChromium, serveStatic } from "./helpers/chromium.ts";

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

const FIXTURES = path.join(PROJECT_ROOT, "test/fixtures/hostile");

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: "utf8" })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .sort();
}

function walk(node: Node, visit: (el: Element) => void): void {
  if ("tagName" in node) visit(node as Element);
  const children = "childNodes" in node ? (node.childNodes as Node[]) : [];
  for (const child of children) walk(child, visit);
  if ("content" in node && node.content) walk(node.content as unknown as Node, visit);
}

const UNSAFE_URL = /^\s*(?:javascript|vbscript|data|file):/i;

describe("hostile articles through the whole build", () => {
  let project: TempProject;
  let files: string[];
  beforeAll(async () => {
    project = makeTempProject();
    for (const name of readdirSync(FIXTURES)) project.addArticle(name, readFileSync(path.join(FIXTURES, name)));
    await project.build();
    files = filesUnder(project.site(""));
  });
  afterAll(() => project?.remove());

  it("builds a page for every hostile article", () => {
    const pages = files.filter((f) => /^briefings\/[^/]+\/index\.html$/.test(f));
    expect(pages.length).toBe(readdirSync(FIXTURES).length + 1);
  });

  it("writes HTML that parses without errors and carries no executable markup from an article", () => {
    const html = files.filter((f) => f.endsWith(".html"));
    expect(html.length).toBeGreaterThan(5);
    for (const file of html) {
      const errors: string[] = [];
      const doc = parse(project.read(file), { onParseError: (e) => errors.push(`${e.code} at ${e.startLine}:${e.startCol}`) });
      expect(errors, file).toEqual([]);
      walk(doc as unknown as Node, (el) => {
        if (el.tagName === "script") {
          const type = el.attrs.find((a) => a.name === "type")?.value;
          expect(type, `${file}: <script> of type ${type}`).toBe("application/ld+json");
        }
        expect(["iframe", "object", "embed", "form"], `${file}: <${el.tagName}>`).not.toContain(el.tagName);
        for (const attr of el.attrs) {
          expect(attr.name, `${file}: <${el.tagName} ${attr.name}>`).not.toMatch(/^on/i);
          if (["href", "src", "action", "formaction", "xlink:href"].includes(attr.name)) {
            expect(attr.value, `${file}: ${attr.name}`).not.toMatch(UNSAFE_URL);
          }
        }
      });
    }
  });

  it("keeps JSON-LD inside <script> valid JSON that cannot close the element", () => {
    for (const file of files.filter((f) => /^briefings\/[^/]+\/index\.html$/.test(f))) {
      const text = project.read(file);
      const blocks = [...text.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(blocks.length, file).toBe(1);
      const data = JSON.parse(blocks[0]!);
      expect(typeof data.headline).toBe("string");
    }
  });

  it("writes feeds that parse as XML and JSON", () => {
    for (const file of ["feed.xml", "atom.xml"]) {
      expect(XMLValidator.validate(project.read(file)), file).toBe(true);
    }
    const feed = JSON.parse(project.read("feed.json"));
    const titles: string[] = feed.items.map((i: { title: string }) => i.title);
    expect(titles.some((t) => t.includes("<script>alert(") && t.includes("</script>"))).toBe(true);
  });

  it("shows template syntax from an article as text, never evaluated", () => {
    const slug = files.find((f) => f.startsWith("briefings/template-syntax"))!.split("/")[1];
    const page = project.read(`briefings/${slug}/index.html`);
    expect(page).toContain("{{ briefing.site.title }} should print as typed");
    expect(page).toContain("{% for x in [1,2] %}{{ x }}{% endfor %}");
  });

  it("keeps raw HTML and javascript: links from Markdown as harmless text", () => {
    const slug = files.find((f) => f.startsWith("briefings/javascript-urls"))!.split("/")[1];
    const page = project.read(`briefings/${slug}/index.html`);
    expect(page).not.toMatch(/href="\s*javascript:/i);
    expect(page).toContain('href="https://example.org/autolink"');
  });

  it("never lets a title or author add a mail header", async () => {
    const slug = files.find((f) => f.startsWith("briefings/header-injection"))!.split("/")[1];
    const eml = readFileSync(project.site(`briefings/${slug}/email.eml`));
    const mail = await simpleParser(eml);
    expect(mail.headers.has("bcc")).toBe(false);
    expect(mail.headers.has("x-injected")).toBe(false);
    expect(mail.headers.has("reply-to")).toBe(false);
    expect(mail.subject).toContain("Bcc: victim@example.org");
  });

  it("runs no payload in Chromium: no dialog, no console error, no request off the machine", async () => {
    const server = await serveStatic(project.site(""), "/");
    const browser = await launchChromium();
    const dialogs: string[] = [];
    const consoleErrors: string[] = [];
    try {
      const context = await browser.newContext();
      const page = await context.newPage();
      page.on("dialog", async (d) => {
        dialogs.push(`${page.url()}: ${d.message()}`);
        await d.dismiss();
      });
      page.on("console", (m) => {
        if (m.type() === "error") consoleErrors.push(`${page.url()}: ${m.text()}`);
      });
      page.on("pageerror", (e) => consoleErrors.push(`${page.url()}: ${e.message}`));
      for (const file of files.filter((f) => f.endsWith(".html"))) {
        await page.goto(server.url + file, { waitUntil: "load" });
        // Hover and click every link-like element a payload might hang on.
        for (const handle of await page.$$("main a, main img")) {
          await handle.hover({ timeout: 500 }).catch(() => {});
        }
      }
    } finally {
      await browser.close();
      await server.close();
    }
    expect(dialogs).toEqual([]);
    expect(consoleErrors).toEqual([]);
    expect(browser.blockedRequests).toEqual([]);
  });
});
