// CSS inlining for the email HTML. Gmail's apps, Yahoo and Outlook keep or
// drop <style> blocks unpredictably, so every rule that can be inlined is
// (juice, as Ghost and most ESPs do); what cannot be inlined, the dark-mode
// media query, stays in <style> as progressive enhancement only.
import { createRequire } from "node:module";
import type juice from "juice";

export const JUICE_OPTIONS: juice.Options = {
  // Rules are inlined and the <style> block removed, except what only works
  // from a stylesheet: media queries (dark mode). No pseudo-classes are used.
  removeStyleTags: true,
  preserveMediaQueries: true,
  preserveFontFaces: false,
  preserveKeyFrames: false,
  preservePseudos: false,
  preserveImportant: true,
  // width="600"-style attributes from CSS widths on tables and cells: Outlook
  // for Windows honours attributes where it ignores CSS.
  applyWidthAttributes: true,
  applyHeightAttributes: false,
  applyAttributesTableElements: true,
  // Never fetch anything: the template links no stylesheet, and a build must not touch the network.
  webResources: { images: false, links: false, scripts: false, svgs: false },
};

/** Inlines the document's <style> rules into style attributes. Pure: same input, same bytes. */
export function inlineEmailCss(html: string): string {
  return loadJuice()(html, JUICE_OPTIONS);
}

// Loaded on first use: juice and cheerio take ~0.3 s to load, and a build
// that renders no email (nothing changed, or only shared pages) needs neither.
// Node's module registry keeps it after the first require, so no memo here.
function loadJuice(): typeof juice {
  return createRequire(import.meta.url)("juice") as typeof juice;
}
