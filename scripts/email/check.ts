// Email audit for `npm run check`: every built briefings/<slug>/email.html and
// editions/<date>/email.html with
// its email.txt and email.eml. Fails on: size at Gmail's clip limit, a feature
// caniemail's data says Gmail, Outlook (Windows, Outlook.com), Apple Mail or
// Yahoo does not support (beyond the accepted list in scripts/email/audit.ts),
// scripts/forms/iframes/web fonts/flexbox/grid, relative links or site links
// to files that were not built, a text twin missing a link, an .eml whose
// parts differ from the files. Warns about an unsubscribe placeholder.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import type { CheckResult, CheckTarget } from "../check/types.ts";
import {
  auditCompatibility, auditLinks, auditMessage, auditSize, auditStructure, auditTextTwin, emailFiles, GMAIL_CLIP_BYTES, type EmailFiles,
} from "./audit.ts";
import { CANIEMAIL_DATA_DATE } from "./compat.ts";
import { countOf } from "../count.ts";

/** Every built email folder: `briefings/<slug>` and `editions/<date>`, with its files. */
function builtEmails(siteDir: string): { where: string; files: EmailFiles }[] {
  const found: { where: string; files: EmailFiles }[] = [];
  for (const kind of ["briefings", "editions"]) {
    const dir = path.join(siteDir, kind);
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir).sort()) {
      if (!existsSync(path.join(dir, name, "email.html"))) continue;
      const files = kind === "briefings" ? emailFiles(siteDir, name)
        : { slug: name, html: path.join(dir, name, "email.html"), text: path.join(dir, name, "email.txt"), eml: path.join(dir, name, "email.eml") };
      found.push({ where: `${kind}/${name}`, files });
    }
  }
  return found;
}

export async function checkEmail(target: CheckTarget): Promise<CheckResult> {
  const emails = builtEmails(target.siteDir);
  const errors: string[] = [];
  const warnings: string[] = [];
  let largest = 0;
  const accepted = new Set<string>();
  const partial = new Set<string>();
  for (const { where: folder, files } of emails) {
    const where = `${folder}/email.html`;
    for (const f of [files.text, files.eml]) {
      if (!existsSync(f)) errors.push(`${folder}/${path.basename(f)}: missing`);
    }
    const html = readFileSync(files.html, "utf8");
    largest = Math.max(largest, statSync(files.html).size);
    errors.push(...auditSize(files, target.siteDir), ...auditStructure(html, where), ...auditLinks(html, where, target.baseUrl, target.siteDir));
    const compat = auditCompatibility(html, where);
    errors.push(...compat.errors);
    for (const i of compat.accepted) accepted.add(i.feature);
    for (const i of compat.partial) partial.add(i.feature);
    if (existsSync(files.text)) errors.push(...auditTextTwin(html, readFileSync(files.text, "utf8"), `${folder}/email.txt`));
    if (existsSync(files.text) && existsSync(files.eml)) errors.push(...(await auditMessage(files, target.siteDir)));
    if (html.includes("[unsubscribe link:")) warnings.push(`${where}: unsubscribe link is a placeholder; set email.unsubscribeUrl in _data/site.yaml`);
  }
  const briefingEmails = emails.filter((e) => e.where.startsWith("briefings/")).length;
  const editionEmails = emails.length - briefingEmails;
  if (briefingEmails === 0) errors.push(`${path.relative(process.cwd(), path.join(target.siteDir, "briefings")) || "briefings"}: no briefings/<slug>/email.html found; run npm run build`);
  if (briefingEmails > 0 && editionEmails === 0) errors.push("editions: no editions/<date>/email.html found; run npm run build");
  if (partial.size > 0) warnings.push(`partly supported in some target client (caniemail; none breaks the layout): ${[...partial].sort().join(", ")}`);
  return {
    name: "email",
    ok: errors.length === 0,
    summary:
      `${countOf(briefingEmails, "briefing email")} and ${countOf(editionEmails, "edition email")}, largest ${(largest / 1000).toFixed(1)} kB (clip at ${GMAIL_CLIP_BYTES / 1000} kB); ` +
      `Gmail, Outlook Windows, Outlook.com, Apple Mail, Yahoo: ${errors.filter((e) => e.includes("is not supported by")).length} unsupported, ` +
      `${accepted.size} unsupported-but-accepted (${[...accepted].sort().join(", ")}; caniemail data ${CANIEMAIL_DATA_DATE.slice(0, 10)}); links, text twin and .eml checked`,
    errors,
    warnings,
  };
}
