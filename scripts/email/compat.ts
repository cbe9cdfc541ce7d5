// Email-client compatibility from caniemail.com's data (the npm package
// `caniemail`): which HTML and CSS features of a document a client does not
// support, or supports only in part. The policy (what may be unsupported and
// why: ACCEPTED_UNSUPPORTED, and the verdict on a report) lives in
// scripts/email/audit.ts, which scripts/email/check.ts runs; this module only reports.
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import path from "node:path";
import { caniemail, rawData } from "caniemail";

/**
 * The clients the issue names: Gmail (all apps and webmail), Outlook for
 * Windows (the Word engine; caniemail's newest column for it is 2019),
 * Outlook.com, Apple Mail (macOS, iOS) and Yahoo (all).
 */
export const TARGET_CLIENTS = ["gmail.*", "outlook.windows", "outlook.outlook-com", "apple-mail.*", "yahoo.*"] as const;

// caniemail 1.0.5 carries Outlook.com results in its data (`outlook.outlook-com`,
// present for every feature) but leaves it out of the list of client names its
// globs match. caniemail 2 needs Node 22, so on Node 20 we add the name to that
// list (the very array its matcher reads; same module instance) instead.
const clientsModuleUrl = pathToFileURL(path.join(path.dirname(createRequire(import.meta.url).resolve("caniemail")), "clients.js")).href;
const { clientNames } = (await import(clientsModuleUrl)) as { clientNames: string[] };
if (!clientNames.includes("outlook.outlook-com")) clientNames.push("outlook.outlook-com");

/** When caniemail.com last updated the data this package carries. */
export const CANIEMAIL_DATA_DATE: string = (rawData as { last_update_date: string }).last_update_date;

export interface CompatIssue {
  client: string;
  /** caniemail's feature title, e.g. "border-radius" or "<style> element". */
  feature: string;
  support: "none" | "partial";
  /** 1-based line in the document, when caniemail located it. */
  line: number | null;
  notes: string[];
}

export interface CompatReport {
  unsupported: CompatIssue[];
  partial: CompatIssue[];
  /** Findings dropped because the property only contains the feature's name (see exactProperties). */
  falsePositives: CompatIssue[];
}

/**
 * The CSS properties a feature title stands for, derived the way caniemail
 * derives them ("height property" -> height). caniemail matches them as
 * substrings, so `text-transform` counts as `transform` and `line-height` as
 * `height`; we keep a property finding only if the property itself is used.
 */
function featureProperties(title: string): string[] | null {
  if (title === "left, right, top, bottom") return ["left", "right", "top", "bottom"];
  const trimmed = title.trim().replace(/ shorthand$/, "").replace(/ property$/, "");
  return /^[a-z-]+$/.test(trimmed) ? [trimmed] : null;
}

/** Every CSS property name declared in style attributes and <style> blocks (outside comments). */
export function usedCssProperties(html: string): Set<string> {
  const code = html.replace(/<!--[\s\S]*?-->/g, "");
  const css = [
    ...[...code.matchAll(/\sstyle\s*=\s*"([^"]*)"/gi)].map((m) => m[1] + ";"),
    ...[...code.matchAll(/\sstyle\s*=\s*'([^']*)'/gi)].map((m) => m[1] + ";"),
    ...[...code.matchAll(/<style[^>]*>([\s\S]*?)<\/style>/gi)].map((m) => m[1]),
  ].join("\n");
  return new Set([...css.matchAll(/(?:^|[;{\s])(-?[a-z][a-z-]*)\s*:\s*[^;{}]*[;}]/gi)].map((m) => m[1]!.toLowerCase()));
}

export function emailCompatibility(html: string, clients: readonly string[] = TARGET_CLIENTS): CompatReport {
  const result = caniemail({ clients: [...clients] as never, html });
  const used = usedCssProperties(html);
  const report: CompatReport = { unsupported: [], partial: [], falsePositives: [] };
  const seen = new Set<string>();
  for (const [map, support] of [[result.issues.errors, "none"], [result.issues.warnings, "partial"]] as const) {
    for (const [client, issues] of map as unknown as Map<string, { title: string; notes: string[]; position?: { start: { line: number } } }[]>) {
      for (const issue of issues) {
        const line = issue.position?.start.line ?? null;
        const key = `${support}|${client}|${issue.title}|${line}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const finding: CompatIssue = { client, feature: issue.title, support, line, notes: issue.notes };
        const properties = featureProperties(issue.title);
        if (properties && !properties.some((p) => used.has(p))) report.falsePositives.push(finding);
        else (support === "none" ? report.unsupported : report.partial).push(finding);
      }
    }
  }
  const order = (a: CompatIssue, b: CompatIssue) => a.client.localeCompare(b.client) || a.feature.localeCompare(b.feature) || (a.line ?? 0) - (b.line ?? 0);
  report.unsupported.sort(order);
  report.partial.sort(order);
  report.falsePositives.sort(order);
  return report;
}
