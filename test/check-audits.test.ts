// The audits behind `npm run check` catch what they are for: each is run with
// the real tool (Nu Html Checker, axe-core in Chromium, the link resolver) on a
// tiny hand-made site with one known fault, and on the same site without it.
import { afterAll, describe, expect, it } from "vitest";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkHtml } from "../scripts/check/html.ts";
import { checkLinks, extractLinks } from "../scripts/check/links.ts";
import { formatResult, groupWarnings } from "../scripts/check/run.ts";
import { auditPagesInBrowser } from "../scripts/check/pages-in-browser.ts";
import { fileForPath, servedPath } from "../scripts/check/output-files.ts";
import type { CheckTarget } from "../scripts/check/types.ts";
import { lighthouseResult, median } from "../scripts/check/lighthouse.ts";

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const page = (title: string, body: string, head = "") =>
  `<!doctype html>\n<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title>${head}</head>\n<body><main>${body}</main></body></html>\n`;

/** Writes files into a new site folder; the target is served under /briefing/. */
function site(files: Record<string, string>): CheckTarget {
  const siteDir = mkdtempSync(path.join(os.tmpdir(), "briefing-check-test-"));
  dirs.push(siteDir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(siteDir, rel)), { recursive: true });
    writeFileSync(path.join(siteDir, rel), text);
  }
  return { siteDir, baseUrl: "https://example.org/briefing/", pathPrefix: "/briefing/" };
}

const SITEMAP = `<?xml version="1.0" encoding="utf-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://example.org/briefing/</loc></url><url><loc>https://example.org/briefing/about/</loc></url></urlset>\n`;
const GOOD = {
  "index.html": page("Home", `<h1 id="top">Home</h1><p><a href="/briefing/about/#team">About us</a> <a href="about/">About</a> <a href="#top">Top</a> <a href="https://elsewhere.example/">Elsewhere</a> <a href="mailto:a@example.org">Mail</a></p>`),
  "about/index.html": page("About", `<h1 id="team">About</h1><p><a href="../">Home</a> <a href="https://example.org/briefing/feed.xml">Feed</a></p>`),
  "404.html": page("Not found", `<p><a href="#main">Skip</a> <a href="/briefing/">Home</a></p>`).replace("<main>", '<main id="main">'),
  "feed.xml": "<rss/>",
  "sitemap.xml": SITEMAP,
};

describe("site paths", () => {
  it("maps served paths to files and back, under the prefix only", () => {
    expect(servedPath("briefings/x/index.html", "/briefing/")).toBe("/briefing/briefings/x/");
    expect(servedPath("feed.xml", "/")).toBe("/feed.xml");
    expect(fileForPath("/briefing/tags/", "/briefing/")).toBe("tags/index.html");
    expect(fileForPath("/briefing/", "/briefing/")).toBe("index.html");
    expect(fileForPath("/tags/", "/briefing/")).toBeNull();
  });

  it("reads ids and URLs from HTML with a real parser", () => {
    const links = extractLinks(`<p id="a"><a name="b" href="x">x</a><img src="i.png" alt=""><link rel="stylesheet" href="s.css"></p>`);
    expect([...links.ids]).toEqual(["a", "b"]);
    expect(links.urls.map((u) => u.url)).toEqual(["x", "i.png", "s.css"]);
  });
});

describe("links", () => {
  it("passes a site whose links, anchors and sitemap all resolve", async () => {
    const result = await checkLinks(site(GOOD));
    expect(result.errors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.summary).toMatch(/^9 internal links and anchors in 3 HTML files/);
  });

  it("treats a rel=external link as another site's page, even on the host the site is built for", async () => {
    // An article whose source lives on the same host as the site (the check builds at example.org).
    const result = await checkLinks(site({
      ...GOOD,
      "index.html": GOOD["index.html"].replace("</p>", ' <a href="https://example.org/news/2026/story.html" rel="external">Source</a></p>'),
    }));
    expect(result.errors).toEqual([]);
    expect(result.summary).toMatch(/\(2 external links not followed\)/);
    // Without the mark it is an internal link to a page that does not exist.
    const unmarked = await checkLinks(site({ ...GOOD, "index.html": GOOD["index.html"].replace("</p>", ' <a href="https://example.org/briefing/news/story.html">Source</a></p>') }));
    expect(unmarked.errors).toEqual(['index.html: "https://example.org/briefing/news/story.html" -> news/story.html does not exist']);
  });

  it("names each broken link: missing file, missing anchor, outside the prefix, a folder without slash, a stale sitemap entry", async () => {
    const result = await checkLinks(site({
      ...GOOD,
      "index.html": page("Home", `<h1>Home</h1><p><a href="/briefing/gone/">Gone</a> <a href="about/#nobody">Nobody</a> <a href="/about/">Root about</a> <a href="about">No slash</a></p>`),
      "sitemap.xml": SITEMAP.replace("about/", "missing/"),
    }));
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      'index.html: "/briefing/gone/" -> gone/index.html does not exist',
      'index.html: "about/#nobody": no id="nobody" in about/index.html',
      'index.html: "/about/" leaves the path prefix /briefing/ (resolves to /about/)',
      'index.html: "about" names a folder; end it with "/"',
      'sitemap.xml: "https://example.org/briefing/missing/" -> missing/index.html does not exist',
    ]);
  });
});

describe("how check prints warnings", () => {
  const result = {
    name: "email", ok: true, summary: "3 emails",
    errors: [],
    warnings: [
      "briefings/a/email.html: unsubscribe link is a placeholder",
      "briefings/b/email.html: unsubscribe link is a placeholder",
      "partly supported in some target client: <style>",
      "briefings/c/email.html: unsubscribe link is a placeholder",
      "briefings/d/email.html: unsubscribe link is a placeholder",
    ],
  };

  it("groups the same message and counts it, naming the first places, by default", () => {
    expect(groupWarnings(result.warnings)).toEqual([
      { message: "unsubscribe link is a placeholder", count: 4, where: ["briefings/a/email.html", "briefings/b/email.html", "briefings/c/email.html", "briefings/d/email.html"] },
      { message: "partly supported in some target client: <style>", count: 1, where: [] },
    ]);
    expect(formatResult(result, "root").split("\n")).toEqual([
      "✓ email      [root] 3 emails",
      "    warning ×4: unsubscribe link is a placeholder (briefings/a/email.html, briefings/b/email.html, briefings/c/email.html and 1 more)",
      "    warning: partly supported in some target client: <style>",
    ]);
  });

  it("lists every warning with --verbose", () => {
    expect(formatResult(result, "root", true).split("\n").slice(1)).toEqual(result.warnings.map((w) => `    warning: ${w}`));
  });
});

describe("html (Nu Html Checker)", () => {
  it("finds no error in a valid page and names the file and line of each error in a bad one", async () => {
    // One run for both pages: the checker's JVM start is the slow part.
    const result = await checkHtml(site({
      "index.html": GOOD["index.html"],
      "bad/index.html": page("Bad", `<p>One<div>block in a paragraph</div></p><img src="x.png">`),
    }));
    expect(result.ok).toBe(false);
    expect(result.summary).toMatch(/2 pages and 0 CSS\/SVG files, [1-9]\d* errors/);
    expect(result.errors.every((e) => e.startsWith("bad/index.html:"))).toBe(true);
    expect(result.errors.join("\n")).toMatch(/^bad\/index\.html:\d+: .*alt/m);
  }, 60_000);
});

describe("a11y and layout (axe-core and Chromium)", () => {
  it("passes a clean page and reports an axe violation, a dark-scheme contrast failure and sideways scrolling", async () => {
    // One site, one browser: the clean page must come out with no finding at all.
    const darkOnly = `<style>@media (prefers-color-scheme: dark){body{background:#000;color:#111}}</style>`;
    const audit = await auditPagesInBrowser(
      site({
        "index.html": GOOD["index.html"],
        "img/index.html": page("Faults", `<h1>Faults</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">`),
        "wide/index.html": page("Wide", `<h1>Wide</h1><div style="width:600px">wide</div>`),
        "dark/index.html": page("Dark", `<h1>Dark</h1><p>Low contrast in the dark only.</p>`, darkOnly),
      }),
      { screenshotDir: null, screenshotLabel: "t" },
    );
    expect(audit.a11y.ok).toBe(false);
    // "<page> (<scheme>): <rule> [impact] ..." -> "<page> (<scheme>): <rule>"
    const found = audit.a11y.errors.map((e) => /^(.*?\)): (\S+) \[/.exec(e)!.slice(1, 3).join(": "));
    expect(found).toEqual(["img/index.html (light): image-alt", "dark/index.html (dark): color-contrast", "img/index.html (dark): image-alt"]);
    expect(audit.layout.errors).toEqual(["wide/index.html: scrolls 288px sideways at 320px wide"]);
  }, 60_000);
});

describe("lighthouse report", () => {
  const perfect = { performance: 100, accessibility: 100, "best-practices": 100, seo: 100 };
  it("takes the median of the runs and fails a page below 95 in any category, naming the audits", () => {
    expect(median([96, 94, 100])).toBe(96);
    const ok = lighthouseResult([{ page: "index.html", scores: perfect, runs: [perfect, perfect, perfect], failing: [] }]);
    expect(ok.ok).toBe(true);
    expect(ok.summary).toContain("index.html: performance 100 (100/100/100)");
    const slow = { ...perfect, performance: 90 };
    const bad = lighthouseResult([{ page: "b.html", scores: slow, runs: [slow], failing: ["performance: total-blocking-time (400 ms)"] }]);
    expect(bad.ok).toBe(false);
    expect(bad.errors).toEqual(["b.html: performance 90 < 95 (performance: total-blocking-time (400 ms))"]);
  });
});
