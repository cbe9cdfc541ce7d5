// Every audit of one built site, in a fixed order: HTML, accessibility and
// layout in the browser, internal links, then the feed and email checks.
import { checkEmail } from "./email.ts";
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

/** "✓ html    [root]   summary" and the errors under it, indented. */
export function formatResult(result: CheckResult, label: string, showWarnings = false): string {
  const lines = [`${result.ok ? "✓" : "✗"} ${result.name.padEnd(10)} [${label}] ${result.summary}`];
  for (const e of result.errors) lines.push(`    error: ${e}`);
  if (showWarnings) for (const w of result.warnings ?? []) lines.push(`    warning: ${w}`);
  return lines.join("\n");
}
