// Audits of one built email (email.html, email.txt, email.eml): each returns
// the problems it found as strings that name the file. scripts/email/check.ts
// runs them over a built site for `npm run check`; the tests run them too.
import { existsSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { parseDocument, DomUtils } from "htmlparser2";
import type { Element } from "domhandler";
import { simpleParser } from "mailparser";
import { emailCompatibility, type CompatIssue } from "./compat.ts";
import { relativePath } from "../list-files.ts";

/** Gmail clips messages whose HTML exceeds about 102 KB; stay under it with room to spare. */
export const GMAIL_CLIP_BYTES = 102 * 1000;

/**
 * Features caniemail reports as unsupported in a target client that we use on
 * purpose, each with why its absence does not break the layout. Anything
 * unsupported and not listed here fails the check.
 */
export const ACCEPTED_UNSUPPORTED: Readonly<Record<string, string>> = {
  "@media": "only the dark-mode colours live in a media query; without it the light design shows",
  "<style> element": "the <style> block holds only the dark-mode media query; every layout style is inlined",
  "display:none": "the preheader is also zero-size (font-size, line-height and max-height 0, overflow hidden) where display is ignored",
  overflow: "used only to hide the preheader; Outlook hides it with mso-hide:all",
  "border-radius": "decorative: corners are square where it is unsupported",
  "<body> element": "the body's background colour is repeated on the outer frame table",
  "aria-label attribute": "accessibility only: clients that strip it keep the <title> and the headline",
  "role attribute": "accessibility only: a stripped role=presentation changes nothing visible",
  "lang attribute": "language hint only; the lang on the wrapper <div> repeats it",
  "dir attribute": "direction hint only; the text itself carries its direction",
};

export interface EmailFiles {
  slug: string;
  html: string;
  text: string;
  eml: string;
}

export function emailFiles(siteDir: string, slug: string): EmailFiles {
  const dir = path.join(siteDir, "briefings", slug);
  return { slug, html: path.join(dir, "email.html"), text: path.join(dir, "email.txt"), eml: path.join(dir, "email.eml") };
}

/** Size under Gmail's clip limit. */
export function auditSize(files: EmailFiles, siteDir: string): string[] {
  const bytes = statSync(files.html).size;
  return bytes < GMAIL_CLIP_BYTES ? [] : [`${relativePath(siteDir, files.html)}: ${bytes} bytes, over Gmail's ${GMAIL_CLIP_BYTES}-byte clip limit`];
}

/** The document's required parts and the features an email must not rely on. */
export function auditStructure(html: string, where: string): string[] {
  const doc = parseDocument(html);
  const errors: string[] = [];
  const all = DomUtils.getElementsByTagName(() => true, doc.children, true) as Element[];
  const byTag = (tag: string) => all.filter((e) => e.name === tag);
  if (!/^<!doctype html>/i.test(html)) errors.push(`${where}: no <!doctype html>`);
  const root = byTag("html")[0];
  if (!root?.attribs.lang) errors.push(`${where}: <html> has no lang`);
  if (!root?.attribs.dir) errors.push(`${where}: <html> has no dir`);
  if (!byTag("title")[0] || DomUtils.textContent(byTag("title")[0]!).trim() === "") errors.push(`${where}: no <title>`);
  if (!byTag("meta").some((m) => (m.attribs.charset ?? "").toLowerCase() === "utf-8")) errors.push(`${where}: no <meta charset="utf-8">`);
  if (!byTag("meta").some((m) => m.attribs.name === "color-scheme")) errors.push(`${where}: no color-scheme meta`);
  if (!/<!--\[if mso\]>/.test(html)) errors.push(`${where}: no MSO conditional comment for Outlook's fixed width`);
  for (const tag of ["script", "form", "iframe", "object", "embed", "link", "input", "button", "select", "textarea", "video", "audio"]) {
    if (byTag(tag).length > 0) errors.push(`${where}: contains <${tag}>`);
  }
  for (const table of byTag("table")) {
    if (table.attribs.role !== "presentation") errors.push(`${where}: a layout <table> without role="presentation"`);
  }
  for (const el of all) {
    for (const [name, value] of Object.entries(el.attribs)) {
      if (/^on/i.test(name)) errors.push(`${where}: <${el.name}> has an event handler attribute ${name}`);
      if (name === "style" && /display\s*:\s*(inline-)?(flex|grid)|position\s*:/i.test(value)) errors.push(`${where}: <${el.name}> uses flexbox, grid or positioning: ${value}`);
    }
  }
  const css = byTag("style").map((s) => DomUtils.textContent(s)).join("\n");
  if (/@font-face|@import|display\s*:\s*(inline-)?(flex|grid)/i.test(css)) errors.push(`${where}: <style> uses @font-face, @import, flexbox or grid`);
  return errors;
}

/** Every href and src, in document order. */
export function emailLinks(html: string): string[] {
  const doc = parseDocument(html);
  const els = DomUtils.getElementsByTagName(() => true, doc.children, true) as Element[];
  return els.flatMap((e) => [e.attribs.href, e.attribs.src].filter((v): v is string => typeof v === "string"));
}

/** The file a URL under the site's base URL is served from, or null for other sites. */
export function siteFileFor(url: URL, baseUrl: string, siteDir: string): string | null {
  const base = new URL(baseUrl);
  if (url.origin !== base.origin || !url.pathname.startsWith(base.pathname)) return null;
  let rest = decodeURIComponent(url.pathname.slice(base.pathname.length));
  if (rest === "" || rest.endsWith("/")) rest += "index.html";
  return path.join(siteDir, rest);
}

/** Links absolute (http, https, mailto); those on the site reach a built file. */
export function auditLinks(html: string, where: string, baseUrl: string, siteDir: string): string[] {
  const errors: string[] = [];
  for (const link of emailLinks(html)) {
    let url: URL;
    try {
      url = new URL(link);
    } catch {
      errors.push(`${where}: relative or malformed URL "${link}"`);
      continue;
    }
    if (!["http:", "https:", "mailto:"].includes(url.protocol)) {
      errors.push(`${where}: URL with scheme ${url.protocol} "${link}"`);
      continue;
    }
    const file = siteFileFor(url, baseUrl, siteDir);
    if (file !== null && !(existsSync(file) && statSync(file).isFile())) errors.push(`${where}: ${link} points at the site but ${relativePath(siteDir, file)} was not built`);
  }
  return errors;
}

export interface CompatAudit {
  errors: string[];
  accepted: CompatIssue[];
  partial: CompatIssue[];
}

/** caniemail's verdict under our policy: unsupported features fail unless accepted above. */
export function auditCompatibility(html: string, where: string): CompatAudit {
  const report = emailCompatibility(html);
  const failing = report.unsupported.filter((i) => !(i.feature in ACCEPTED_UNSUPPORTED));
  return {
    errors: failing.map((i) => `${where}${i.line ? `:${i.line}` : ""}: ${i.feature} is not supported by ${i.client}${i.notes.length ? ` (${i.notes.join("; ")})` : ""}`),
    accepted: report.unsupported.filter((i) => i.feature in ACCEPTED_UNSUPPORTED),
    partial: report.partial,
  };
}

/** The text twin carries every link of the HTML. */
export function auditTextTwin(html: string, text: string, where: string): string[] {
  if (text.trim() === "") return [`${where}: empty`];
  return [...new Set(emailLinks(html))].filter((l) => !text.includes(l)).map((l) => `${where}: missing the link ${l}`);
}

/** The .eml: CRLF only, multipart/alternative with text then HTML, parts identical to the files, headers present. */
export async function auditMessage(files: EmailFiles, siteDir: string): Promise<string[]> {
  const where = relativePath(siteDir, files.eml);
  const raw = readFileSync(files.eml);
  const errors: string[] = [];
  if (/(^|[^\r])\n/.test(raw.toString("latin1"))) errors.push(`${where}: a line ends in a bare LF (MIME wants CRLF)`);
  const parsed = await simpleParser(raw);
  const type = parsed.headers.get("content-type") as { value?: string } | undefined;
  if (type?.value !== "multipart/alternative") errors.push(`${where}: Content-Type is ${type?.value}, not multipart/alternative`);
  const order = [...raw.toString("latin1").matchAll(/^Content-Type: (text\/(?:plain|html))/gim)].map((m) => m[1]!.toLowerCase());
  if (order.join(",") !== "text/plain,text/html") errors.push(`${where}: parts are ${order.join(", ")}, not text then HTML`);
  if (parsed.html !== readFileSync(files.html, "utf8")) errors.push(`${where}: the HTML part differs from email.html`);
  if (parsed.text !== readFileSync(files.text, "utf8")) errors.push(`${where}: the text part differs from email.txt`);
  for (const header of ["subject", "from", "date", "message-id"]) {
    if (!parsed.headers.has(header)) errors.push(`${where}: no ${header} header`);
  }
  return errors;
}
