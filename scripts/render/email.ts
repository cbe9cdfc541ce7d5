// Eleventy plugin for the email edition of each briefing:
//   briefings/<slug>/email.html  rendered by src/email/email.njk, CSS inlined here (juice);
//   briefings/<slug>/email.txt   its plain-text twin (html-to-text), written after the build;
//   briefings/<slug>/email.eml   both as one MIME message (nodemailer's MailComposer).
// The HTML comes only from the template; this file transforms it and derives
// the other two from the bytes Eleventy wrote, so the three cannot disagree.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readDataFile } from "../pipeline/data-file.ts";
import { BriefingError, problem } from "../pipeline/problems.ts";
import { inlineEmailCss } from "../email/inline.ts";
import { composeMessage, messageHeaders } from "../email/message.ts";
import { preheaderText } from "../email/preheader.ts";
import { emailHtmlToText } from "../email/text.ts";

/** Output paths of the email HTML: `.../briefings/<slug>/email.html`. */
const EMAIL_HTML = /(?:^|[\\/])briefings[\\/]([a-z0-9-]+)[\\/]email\.html$/;

export function emailSlug(outputPath: unknown): string | null {
  return typeof outputPath === "string" ? (EMAIL_HTML.exec(outputPath)?.[1] ?? null) : null;
}

interface AfterEvent {
  directories: { data: string };
  outputMode: string;
  results: { outputPath?: string | false }[];
}

/** Writes email.txt and email.eml beside one built email.html. */
export async function writeEmailCompanions(htmlPath: string, headers: Parameters<typeof composeMessage>[1]): Promise<void> {
  const html = readFileSync(htmlPath);
  const text = Buffer.from(emailHtmlToText(html.toString("utf8")), "utf8");
  const dir = path.dirname(htmlPath);
  writeFileSync(path.join(dir, "email.txt"), text);
  writeFileSync(path.join(dir, "email.eml"), await composeMessage({ html, text }, headers));
}

export function emailPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("emailPreheader", preheaderText);

  // Only the email documents are inlined; the web pages keep their stylesheet.
  eleventyConfig.addTransform("email-inline-css", function (this: { page: { outputPath: unknown } }, content: string) {
    return emailSlug(this.page.outputPath) ? inlineEmailCss(content) : content;
  });

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, results }: AfterEvent) => {
    if (outputMode !== "fs") return; // toJSON() and friends write nothing, so neither do we.
    const emails = results.flatMap((r) => {
      const slug = emailSlug(r.outputPath);
      return slug && typeof r.outputPath === "string" ? [{ slug, htmlPath: r.outputPath }] : [];
    });
    if (emails.length === 0) return;
    const data = readDataFile(path.join(directories.data, "briefing.json"));
    const bySlug = new Map(data.articles.map((a) => [a.slug, a]));
    for (const { slug, htmlPath } of emails) {
      const article = bySlug.get(slug);
      if (!article) {
        throw new BriefingError([problem({ file: htmlPath, stage: "email", message: `no article with slug "${slug}" in the data file`, fix: "rebuild with `npm run build`" })]);
      }
      await writeEmailCompanions(htmlPath, messageHeaders(article, data.site));
    }
  });
}
