// Eleventy plugin for the email edition of each briefing:
//   briefings/<slug>/email.html  rendered by src/email/email.njk, CSS inlined here (juice);
//   briefings/<slug>/email.txt   its plain-text twin (html-to-text), written after the build;
//   briefings/<slug>/email.eml   both as one MIME message (nodemailer's MailComposer).
// The HTML comes only from the template; this file transforms it and derives
// the other two from the bytes Eleventy wrote, so the three cannot disagree.
// All three are kept in `.cache/email/` (scripts/email/cache.ts): a warm build
// inlines, converts and composes only the emails whose rendering changed.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { readDataFile } from "../pipeline/data-file.ts";
import { BriefingError, problem } from "../pipeline/problems.ts";
import { editionKey, messageKey, openEmailCache, type EmailCache, type Edition } from "../email/cache.ts";
import { inlineEmailCss } from "../email/inline.ts";
import { composeMessage, messageHeaders, type MessageHeaders } from "../email/message.ts";
import { preheaderText } from "../email/preheader.ts";
import { emailHtmlToText } from "../email/text.ts";
import type { DataFile } from "../schema.ts";

/** Output paths of the email HTML: `.../briefings/<slug>/email.html`. */
const EMAIL_HTML = /(?:^|[\\/])briefings[\\/]([a-z0-9-]+)[\\/]email\.html$/;

export function emailSlug(outputPath: unknown): string | null {
  return typeof outputPath === "string" ? (EMAIL_HTML.exec(outputPath)?.[1] ?? null) : null;
}

interface AfterEvent {
  directories: { data: string };
  outputMode: string;
  results: { outputPath?: string | false; content?: unknown }[];
}

/** The inlined HTML and its text twin, from the cache when the rendering is unchanged. */
export function emailEdition(renderedHtml: string, cache: EmailCache | null): Edition {
  const key = cache ? editionKey(renderedHtml) : "";
  const cached = cache?.readEdition(key);
  if (cached) return cached;
  const html = inlineEmailCss(renderedHtml);
  const edition = { html, text: emailHtmlToText(html) };
  cache?.writeEdition(key, edition);
  return edition;
}

/** The .eml bytes of an edition, from the cache when edition and headers are unchanged. */
export async function emailMessage(edition: Edition, headers: MessageHeaders, cache: EmailCache | null): Promise<Buffer> {
  const key = cache ? messageKey(edition, headers) : "";
  const cached = cache?.readMessage(key);
  if (cached) return cached;
  const eml = await composeMessage({ html: Buffer.from(edition.html, "utf8"), text: Buffer.from(edition.text, "utf8") }, headers);
  cache?.writeMessage(key, eml);
  return eml;
}

/** Writes email.txt and email.eml beside one built email.html. */
export async function writeEmailCompanions(htmlPath: string, headers: MessageHeaders, edition?: Edition, cache: EmailCache | null = null): Promise<void> {
  const html = readFileSync(htmlPath, "utf8");
  // The edition computed in the transform is used only if it is what was written.
  const written = edition && edition.html === html ? edition : { html, text: emailHtmlToText(html) };
  const dir = path.dirname(htmlPath);
  writeFileSync(path.join(dir, "email.txt"), written.text);
  writeFileSync(path.join(dir, "email.eml"), await emailMessage(written, headers, cache));
}

export function emailPlugin(eleventyConfig: any): void {
  eleventyConfig.addFilter("emailPreheader", preheaderText);

  // Per build: the cache, the editions made by the transform (by output
  // path), and the data file as Eleventy holds it in memory.
  let cache: EmailCache | null = null;
  let editions = new Map<string, Edition>();
  let briefing: DataFile | undefined;

  eleventyConfig.on("eleventy.before", () => {
    // Eleventy runs from the project root (scripts/build.ts, npm run dev).
    cache = process.env.BRIEFING_CACHE === "off" ? null : openEmailCache(process.cwd());
    editions = new Map();
    briefing = undefined;
  });

  // Collections are built before any page renders, from the same data the
  // templates get: this is where the plugin sees the data file without
  // reading and validating it again (scripts/build.ts validated it on write).
  eleventyConfig.addCollection("emailEditionData", (api: any) => {
    briefing = api.getAll().find((item: any) => item.data?.briefing)?.data.briefing as DataFile | undefined;
    return [];
  });

  // Only the email documents are inlined; the web pages keep their stylesheet.
  eleventyConfig.addTransform("email-inline-css", function (this: { page: { outputPath: unknown } }, content: string) {
    const outputPath = this.page.outputPath;
    if (!emailSlug(outputPath)) return content;
    const edition = emailEdition(content, cache);
    editions.set(String(outputPath), edition);
    return edition.html;
  });

  eleventyConfig.on("eleventy.after", async ({ directories, outputMode, results }: AfterEvent) => {
    if (outputMode !== "fs") return; // toJSON() and friends write nothing, so neither do we.
    const emails = results.flatMap((r) => {
      const slug = emailSlug(r.outputPath);
      return slug && typeof r.outputPath === "string" ? [{ slug, htmlPath: r.outputPath, content: r.content }] : [];
    });
    if (emails.length === 0) return;
    const data = briefing ?? readDataFile(path.join(directories.data, "briefing.json"));
    const bySlug = new Map(data.articles.map((a) => [a.slug, a]));
    for (const { slug, htmlPath, content } of emails) {
      const article = bySlug.get(slug);
      if (!article) {
        throw new BriefingError([problem({ file: htmlPath, stage: "email", message: `no article with slug "${slug}" in the data file`, fix: "rebuild with `npm run build`" })]);
      }
      const headers = messageHeaders(article, data.site);
      const edition = editions.get(htmlPath);
      // Eleventy hands back the bytes it wrote; when they are the edition's
      // HTML, nothing needs reading back from disk.
      if (edition && content === edition.html) {
        const dir = path.dirname(htmlPath);
        writeFileSync(path.join(dir, "email.txt"), edition.text);
        writeFileSync(path.join(dir, "email.eml"), await emailMessage(edition, headers, cache));
      } else {
        await writeEmailCompanions(htmlPath, headers, edition, cache);
      }
    }
    // A full build used every entry it needs; the rest belong to removed or
    // changed briefings. (A partial rebuild in `npm run dev` prunes nothing.)
    if (cache && emails.length === data.articles.length) cache.pruneUnused();
  });
}
