// The built email of the seed, under a path prefix: caniemail's verdict for
// Gmail, Outlook (Windows, Outlook.com), Apple Mail and Yahoo, size, links,
// the text twin's words and links, the .eml, and identical bytes across builds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseDocument, DomUtils } from "htmlparser2";
import { simpleParser } from "mailparser";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import { checkEmail } from "../scripts/email/check.ts";
import { auditCompatibility, auditLinks, emailLinks, GMAIL_CLIP_BYTES } from "../scripts/email/audit.ts";

const SLUG = "north-korea-demands-recognition-as-nuclear-power";
const SITE_URL = "https://example.org/briefing/";
const siteYaml = readFileSync(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8")
  .replace(/unsubscribeUrl: null/, "unsubscribeUrl: https://example.org/settings/")
  .replace(/listUnsubscribe: null/, "listUnsubscribe: mailto:unsubscribe@example.org");

describe("the seed's email", () => {
  let project: TempProject;
  let html: string;
  let text: string;
  let eml: Buffer;
  const file = (name: string) => project.site(`briefings/${SLUG}/${name}`);
  beforeAll(async () => {
    project = makeTempProject({ siteYaml });
    await project.build({ env: { SITE_URL } });
    html = readFileSync(file("email.html"), "utf8");
    text = readFileSync(file("email.txt"), "utf8");
    eml = readFileSync(file("email.eml"));
  });
  afterAll(() => project.remove());

  it("passes npm run check's email audit with no error", async () => {
    const result = await checkEmail({ siteDir: project.site(""), baseUrl: SITE_URL, pathPrefix: "/briefing/" });
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.warnings ?? []).not.toContainEqual(expect.stringContaining("placeholder"));
  });

  it("has no feature Gmail, Outlook, Outlook.com, Apple Mail or Yahoo lacks, beyond the accepted list", () => {
    const audit = auditCompatibility(html, "email.html");
    expect(audit.errors).toEqual([]);
    // The audit can fail: the same document with a flex container does.
    const broken = auditCompatibility(html.replace('<td class="card" style="', '<td class="card" style="display: flex; '), "email.html");
    expect(broken.errors.join("\n")).toMatch(/display:flex is not supported by outlook\.windows/);
  });

  it("stays under Gmail's clip limit", () => {
    expect(Buffer.byteLength(html)).toBeLessThan(GMAIL_CLIP_BYTES);
  });

  it("uses only absolute links, and the site's resolve to built files under the prefix", () => {
    const links = emailLinks(html);
    expect(links).toContain(`${SITE_URL}briefings/${SLUG}/`);
    expect(links).toContain(SITE_URL);
    expect(links).toContain("https://example.org/settings/");
    for (const link of links) expect(link).toMatch(/^(https?|mailto):/);
    const siteLinks = links.filter((l) => l.startsWith(SITE_URL));
    expect(auditLinks(siteLinks.map((l) => `<a href="${l}">x</a>`).join(""), "email.html", SITE_URL, project.site(""))).toEqual([]);
    expect(auditLinks('<a href="/briefing/">x</a><a href="https://example.org/briefing/missing/">y</a>', "x", SITE_URL, project.site(""))).toHaveLength(2);
  });

  it("puts the briefing's headline, date, summary, key points and footer in the HTML", () => {
    const data = JSON.parse(readFileSync(path.join(project.root, "_data/briefing.json"), "utf8"));
    const article = data.articles[0];
    expect(html).toContain(`<title>${article.title}</title>`);
    expect(html).toContain("27 February 2026");
    expect(html).toContain(article.summary.text);
    for (const point of article.keyPoints) expect(html).toContain(point);
    expect(html).toMatch(/<html lang="en" dir="ltr"/);
    expect(html).toContain('class="preheader"');
    expect(html).not.toMatch(/<(script|form|iframe|link)\b/i);
  });

  it("has a text twin with the same words in the same order and every link", () => {
    const doc = parseDocument(html.replace(/<div class="preheader"[\s\S]*?<\/div>/, ""));
    const body = DomUtils.getElementsByTagName("body", doc.children, true)[0]!;
    const words = (s: string) => s.replace(/\s*<(?:https?|mailto):[^>]+>/g, "").split(/\s+/).filter((w) => w !== "" && w !== "*"); // "*": the text list marker
    expect(words(text)).toEqual(words(DomUtils.textContent(body)));
    for (const link of new Set(emailLinks(html))) expect(text).toContain(`<${link}>`);
  });

  it("parses with mailparser into a text part and an HTML part that is email.html", async () => {
    const parsed = await simpleParser(eml);
    expect(parsed.html).toBe(html);
    expect(parsed.text).toBe(text);
    expect(parsed.subject).toBe(JSON.parse(readFileSync(path.join(project.root, "_data/briefing.json"), "utf8")).articles[0].title);
    expect(parsed.headerLines.find((h) => h.key === "date")?.line).toBe("Date: Fri, 27 Feb 2026 10:00:00 +0900");
    expect(parsed.messageId).toMatch(new RegExp(`^<${SLUG}\\.[0-9a-f]{10}@example\\.org>$`));
    expect(parsed.headerLines.find((h) => h.key === "list-unsubscribe")?.line).toBe("List-Unsubscribe: <mailto:unsubscribe@example.org>");
    expect(eml.toString("latin1")).not.toMatch(/(^|[^\r])\n/);
  });

  it("writes byte-identical email files on a second build", async () => {
    await project.build({ env: { SITE_URL } });
    expect(readFileSync(file("email.html"), "utf8")).toBe(html);
    expect(readFileSync(file("email.txt"), "utf8")).toBe(text);
    expect(readFileSync(file("email.eml")).equals(eml)).toBe(true);
  });
});

describe("the email without unsubscribe settings", () => {
  let project: TempProject;
  beforeAll(async () => {
    project = makeTempProject();
    await project.build();
  });
  afterAll(() => project.remove());

  it("shows a clear placeholder, sends no List-Unsubscribe, and the check warns", async () => {
    expect(project.read(`briefings/${SLUG}/email.html`)).toContain("[unsubscribe link: set email.unsubscribeUrl in _data/site.yaml]");
    const parsed = await simpleParser(readFileSync(project.site(`briefings/${SLUG}/email.eml`)));
    expect(parsed.headerLines.map((h) => h.key)).not.toContain("list-unsubscribe");
    const result = await checkEmail({ siteDir: project.site(""), baseUrl: "http://localhost:8080/", pathPrefix: "/" });
    expect(result.ok).toBe(true);
    expect(result.warnings).toContainEqual(expect.stringContaining("placeholder"));
  });
});
