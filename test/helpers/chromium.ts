// The tests drive the same browser and server as `npm run check`.
import type { Page } from "playwright-core";
export * from "../../scripts/check/browser.ts";

/**
 * Position and size of every element in the body, in document order: two
 * renderings with equal boxes lay out the same (the emails' inlined-styles check).
 */
export function layoutBoxes(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.body.querySelectorAll("*")].map((el) => {
      const r = el.getBoundingClientRect();
      return `${el.tagName.toLowerCase()}.${el.className} ${Math.round(r.x)},${Math.round(r.y)} ${Math.round(r.width)}x${Math.round(r.height)}`;
    }),
  );
}
