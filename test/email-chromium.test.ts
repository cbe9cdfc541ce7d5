// The email in headless Chromium at 600 px (the design width) and 375 px (a
// phone): no horizontal overflow, and the same layout with every <style>
// block removed (so nothing structural depends on a client keeping <style>).
// Screenshots go to .artifacts/email/ for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import { launchChromium, layoutBoxes, serveStatic, type LaunchedBrowser, type StaticServer } from "./helpers/chromium.ts";

const SLUG = "north-korea-demands-recognition-as-nuclear-power";
const ARTIFACTS = path.join(PROJECT_ROOT, ".artifacts/email");
const WIDTHS = [600, 375] as const;

describe("the email in Chromium", () => {
  let project: TempProject;
  let browser: LaunchedBrowser;
  let server: StaticServer;
  let html: string;
  beforeAll(async () => {
    project = makeTempProject();
    await project.build();
    html = project.read(`briefings/${SLUG}/email.html`);
    server = await serveStatic(project.site(""), "/");
    browser = await launchChromium();
    mkdirSync(ARTIFACTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    project?.remove();
  });

  for (const width of WIDTHS) {
    it(`fits ${width} px without horizontal overflow, in light and dark mode`, async () => {
      for (const colorScheme of ["light", "dark"] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme });
        const page = await context.newPage();
        await page.goto(`${server.url}briefings/${SLUG}/email.html`);
        const { scrollWidth, innerWidth, container } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          innerWidth: window.innerWidth,
          container: document.querySelector("table.container")!.getBoundingClientRect().width,
        }));
        expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
        expect(container).toBeLessThanOrEqual(600);
        expect(container).toBeGreaterThan(width - 40);
        await page.screenshot({ path: path.join(ARTIFACTS, `${SLUG}-${width}-${colorScheme}.png`), fullPage: true });
        await context.close();
      }
      expect(browser.blockedRequests).toEqual([]);
    });

    it(`lays out the same at ${width} px with <style> removed`, async () => {
      const context = await browser.newContext({ viewport: { width, height: 900 } });
      const page = await context.newPage();
      await page.setContent(html);
      const styled = await layoutBoxes(page);
      const bare = html.replace(/<style[\s\S]*?<\/style>/gi, "");
      expect(bare).not.toContain("<style");
      await page.setContent(bare);
      const unstyled = await layoutBoxes(page);
      expect(unstyled.length).toBeGreaterThan(20);
      expect(unstyled).toEqual(styled);
      await page.screenshot({ path: path.join(ARTIFACTS, `${SLUG}-${width}-no-style.png`), fullPage: true });
      await context.close();
    });
  }

  it("keeps the site's stylesheet out of the email: the body carries inline styles", () => {
    expect(readFileSync(project.site(`briefings/${SLUG}/email.html`), "utf8")).toMatch(/<body style="[^"]*background-color/);
  });
});
