// The audits that need a real browser, on every web page of a built site
// served on 127.0.0.1 under its path prefix, in Debian's Chromium:
// - a11y: axe-core, WCAG 2.0/2.1 A and AA rules, in the light and the dark scheme;
// - layout: at 320 CSS px wide nothing scrolls sideways (WCAG 1.4.10 reflow),
//   no request fails or tries to leave the machine, no console error.
// Screenshots of a briefing page are taken with the same browser.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import type { Page } from "playwright-core";
import { launchChromium, serveStatic, type LaunchedBrowser } from "./browser.ts";
import type { CheckResult, CheckTarget } from "./types.ts";
import { servedPath, webPages } from "./output-files.ts";
import { countOf } from "../count.ts";

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const SCHEMES = ["light", "dark"] as const;

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

function axeSource(): string {
  const require = createRequire(import.meta.url);
  return readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
}

/** Runs axe-core in the page; resolves to its violations for the WCAG A/AA tags. */
export async function runAxe(page: Page, source = axeSource()): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: source });
  return page.evaluate(async (tags) => {
    const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  }, AXE_TAGS);
}

/** How far the page scrolls sideways beyond the viewport, in CSS px (0 when it reflows). */
export function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - document.documentElement.clientWidth);
}

export interface BrowserAuditOptions {
  /** Folder for screenshots of the first briefing page; null for none. */
  screenshotDir: string | null;
  /** Prefix of the screenshot file names, e.g. "root" or "prefix". */
  screenshotLabel: string;
}

export interface BrowserAudit {
  a11y: CheckResult;
  layout: CheckResult;
  screenshots: string[];
}

export async function auditPagesInBrowser(target: CheckTarget, options: BrowserAuditOptions): Promise<BrowserAudit> {
  const pages = webPages(target.siteDir);
  const server = await serveStatic(target.siteDir, target.pathPrefix);
  const origin = new URL(server.url).origin;
  let chromium: LaunchedBrowser | null = null;
  const a11yErrors: string[] = [];
  const layoutErrors: string[] = [];
  const screenshots: string[] = [];
  let runs = 0;
  try {
    chromium = await launchChromium();
    const source = axeSource();
    for (const scheme of SCHEMES) {
      const context = await chromium.newContext({ colorScheme: scheme, viewport: { width: 1280, height: 900 } });
      for (const rel of pages) {
        const page = await context.newPage();
        const url = origin + servedPath(rel, target.pathPrefix);
        const problems: string[] = [];
        page.on("console", (m) => { if (m.type() === "error") problems.push(`console error: ${m.text()}`); });
        page.on("requestfailed", (r) => problems.push(`request failed: ${r.url()}`));
        const response = await page.goto(url, { waitUntil: "load" });
        if (!response || response.status() !== 200) problems.push(`HTTP ${response?.status()} for ${url}`);
        const violations = await runAxe(page, source);
        runs++;
        for (const v of violations) {
          a11yErrors.push(`${rel} (${scheme}): ${v.id} [${v.impact}] ${v.help}: ${v.nodes.map((n) => n.target.join(" ")).slice(0, 5).join(", ")}`);
        }
        if (scheme === "light") {
          await page.setViewportSize({ width: 320, height: 640 });
          const overflow = await horizontalOverflow(page);
          if (overflow > 0) layoutErrors.push(`${rel}: scrolls ${overflow}px sideways at 320px wide`);
        }
        for (const p of problems) layoutErrors.push(`${rel} (${scheme}): ${p}`);
        await page.close();
      }
      await context.close();
    }
    if (chromium.blockedRequests.length > 0) {
      layoutErrors.push(...[...new Set(chromium.blockedRequests)].map((u) => `blocked a request that would leave the machine: ${u}`));
    }
    const shown = [
      ["briefing", pages.find((p) => p.startsWith("briefings/"))],
      ["edition", pages.find((p) => /^editions\/\d{4}-\d{2}-\d{2}\/index\.html$/.test(p))],
    ] as const;
    for (const [kind, shownPage] of shown) {
      if (!options.screenshotDir || !shownPage) continue;
      mkdirSync(options.screenshotDir, { recursive: true });
      for (const scheme of SCHEMES) {
        for (const width of [1280, 375]) {
          const context = await chromium.newContext({ colorScheme: scheme, viewport: { width, height: 900 } });
          const page = await context.newPage();
          await page.goto(origin + servedPath(shownPage, target.pathPrefix), { waitUntil: "load" });
          const file = path.join(options.screenshotDir, `${options.screenshotLabel}-${kind}-${width}-${scheme}.png`);
          await page.screenshot({ path: file, fullPage: true });
          screenshots.push(file);
          await context.close();
        }
      }
    }
  } finally {
    await chromium?.close();
    await server.close();
  }
  return {
    a11y: {
      name: "a11y",
      ok: a11yErrors.length === 0,
      summary: `axe-core (${AXE_TAGS.join(", ")}): ${countOf(pages.length, "page")} in light and dark (${countOf(runs, "run")}), ${countOf(a11yErrors.length, "violation")}`,
      errors: a11yErrors,
    },
    layout: {
      name: "layout",
      ok: layoutErrors.length === 0,
      summary: `Chromium: ${countOf(pages.length, "page")} at 320px without sideways scrolling, no failed, external or console-error requests: ${countOf(layoutErrors.length, "problem")}`,
      errors: layoutErrors,
    },
    screenshots,
  };
}
