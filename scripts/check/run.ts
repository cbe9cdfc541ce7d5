// Every audit of one built site, in a fixed order: HTML, accessibility and
// layout in the browser, internal links, then the feed and email checks.
import { checkEmail } from "../email/check.ts";
import { checkFeeds } from "./feeds.ts";
import { checkHtml } from "./html.ts";
import { checkLinks } from "./links.ts";
import { auditPagesInBrowser, type BrowserAuditOptions } from "./pages-in-browser.ts";
import type { CheckResult, CheckTarget } from "./types.ts";

/** A check that throws is reported as a failed check, not a crash of the whole audit. */
async function guarded(name: string, run: () => Promise<CheckResult>): Promise<CheckResult> {
  try {
    return await run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { name, ok: false, summary: `could not run: ${message.split("\n")[0]}`, errors: [message] };
  }
}

export async function runSiteChecks(target: CheckTarget, browser: BrowserAuditOptions): Promise<{ results: CheckResult[]; screenshots: string[] }> {
  const html = await guarded("html", () => checkHtml(target));
  let screenshots: string[] = [];
  let a11y: CheckResult;
  let layout: CheckResult;
  try {
    const audit = await auditPagesInBrowser(target, browser);
    ({ a11y, layout, screenshots } = audit);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    a11y = { name: "a11y", ok: false, summary: `could not run Chromium: ${message.split("\n")[0]}`, errors: [message] };
    layout = { ...a11y, name: "layout" };
  }
  const links = await guarded("links", () => checkLinks(target));
  const feeds = await guarded("feeds", () => checkFeeds(target));
  const email = await guarded("email", () => checkEmail(target));
  return { results: [html, a11y, layout, links, feeds, email], screenshots };
}

/** One kind of warning and where it was seen: "file:line" prefixes split off, the message kept whole. */
export interface WarningGroup {
  message: string;
  count: number;
  /** The files (and lines) it was seen in, in order of first sight; empty when the warnings name none. */
  where: string[];
}

/** The place a check's line names first ("about/index.html:12: ..."), if it names one. */
const WHERE = /^([^\s:]+\.[a-z]+(?::\d+)?): (.+)$/s;

/** Warnings with the same message, grouped and counted, most frequent first (ties in order of first sight). */
export function groupWarnings(warnings: readonly string[]): WarningGroup[] {
  const groups = new Map<string, WarningGroup>();
  for (const w of warnings) {
    const match = WHERE.exec(w);
    const message = match ? match[2]! : w;
    const group = groups.get(message) ?? { message, count: 0, where: [] };
    group.count++;
    if (match) group.where.push(match[1]!);
    groups.set(message, group);
  }
  return [...groups.values()].sort((a, b) => b.count - a.count);
}

/** How many places a grouped warning lists before "and N more". */
const PLACES_SHOWN = 3;

/**
 * "✓ html    [root]   summary", the errors under it, then the warnings:
 * grouped by message and counted, or every one of them with `allWarnings`.
 */
export function formatResult(result: CheckResult, label: string, allWarnings = false): string {
  const lines = [`${result.ok ? "✓" : "✗"} ${result.name.padEnd(10)} [${label}] ${result.summary}`];
  for (const e of result.errors) lines.push(`    error: ${e}`);
  const warnings = result.warnings ?? [];
  if (allWarnings) {
    for (const w of warnings) lines.push(`    warning: ${w}`);
  } else {
    for (const g of groupWarnings(warnings)) {
      const more = g.where.length - PLACES_SHOWN;
      const places = g.where.length === 0 ? "" : ` (${g.where.slice(0, PLACES_SHOWN).join(", ")}${more > 0 ? ` and ${more} more` : ""})`;
      lines.push(`    warning${g.count > 1 ? ` ×${g.count}` : ""}: ${g.message}${places}`);
    }
  }
  return lines.join("\n");
}
