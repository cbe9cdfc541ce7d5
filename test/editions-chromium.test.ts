// An edition's page and its email in headless Chromium: no sideways
// scrolling on a phone, the email's layout the same with <style> removed,
// and screenshots in .artifacts/editions/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import { launchChromium, layoutBoxes, serveStatic, type LaunchedBrowser, type StaticServer } from "./helpers/chromium.ts";

const ARTIFACTS = path.join(PROJECT_ROOT, ".artifacts/editions");
const EDITION = "editions/2026-03-02/";
const siteYaml = readFileSync(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8").replace(/unsubscribeUrl: null/, "unsubscribeUrl: https://example.org/settings/");

function article(title: string, date: string, topic: string): string {
  return `---\ntitle: ${title}\ndate: ${date}\nsource: Town Gazette\n---\n\n` + [
    `The ${topic} dominated the council meeting on Monday, officials said.`,
    `Maria Ortega, who leads the transport committee, said work would start in May and end before the summer holidays.`,
    `Shop owners on the high street have asked for the change since 2019, and more than four thousand people signed a petition last autumn.`,
    `"We listened, and now we are acting," Ortega told reporters in the town hall.`,
    `Opposition members said the cost of 12 million euros was too high for a town of this size.`,
  ].join("\n\n") + "\n";
}

describe("an edition in Chromium", () => {
  let project: TempProject;
  let browser: LaunchedBrowser;
  let server: StaticServer;
  beforeAll(async () => {
    project = makeTempProject({ withSample: false, siteYaml });
    project.addArticle("bridge.md", article("Harbour bridge to reopen after repairs", "2026-03-02T08:15:00+09:00", "harbour bridge repair"));
    project.addArticle("library.md", article("Old library becomes a youth centre", "2026-03-02T12:40:00+09:00", "library conversion"));
    project.addArticle("buses.md", article("Night buses return to the east side", "2026-03-02T19:05:00+09:00", "night bus service"));
    await project.build({ workers: 0 });
    server = await serveStatic(project.site(""), "/");
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    project?.remove();
  });

  it("shows the edition page without sideways scrolling at 1280 and 375 px, light and dark", async () => {
    for (const colorScheme of ["light", "dark"] as const) {
      for (const width of [1280, 375]) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        const response = await page.goto(`${server.url}${EDITION}`);
        expect(response?.status()).toBe(200);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        expect(await page.locator("ol.edition-list > li").count()).toBe(3);
        await page.screenshot({ path: path.join(ARTIFACTS, `edition-page-${width}-${colorScheme}.png`), fullPage: true });
        // The home page leads with the same edition.
        await page.goto(server.url);
        expect(await page.locator(".latest h1").textContent()).toBe("Night buses return to the east side");
        expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
        await page.screenshot({ path: path.join(ARTIFACTS, `home-${width}-${colorScheme}.png`), fullPage: true });
        await context.close();
      }
    }
    expect(browser.blockedRequests).toEqual([]);
  });

  it("shows the edition email at 600 and 375 px, and lays it out the same with <style> removed", async () => {
    const html = project.read(`${EDITION}email.html`);
    for (const width of [600, 375]) {
      for (const colorScheme of ["light", "dark"] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        await page.goto(`${server.url}${EDITION}email.html`);
        const { overflow, container } = await page.evaluate(() => ({
          overflow: document.documentElement.scrollWidth - window.innerWidth,
          container: document.querySelector("table.container")!.getBoundingClientRect().width,
        }));
        expect(overflow).toBeLessThanOrEqual(0);
        expect(container).toBeLessThanOrEqual(600);
        await page.screenshot({ path: path.join(ARTIFACTS, `edition-email-${width}-${colorScheme}.png`), fullPage: true });
        await context.close();
      }
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.setContent(html);
      const styled = await layoutBoxes(page);
      await page.setContent(html.replace(/<style[\s\S]*?<\/style>/gi, ""));
      expect(await layoutBoxes(page)).toEqual(styled);
      await context.close();
    }
    expect(browser.blockedRequests).toEqual([]);
  });
});
