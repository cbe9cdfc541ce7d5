// Eleventy plugin for the email edition of each briefing:
//   briefings/<slug>/email.html  rendered by src/email/email.njk, CSS inlined (juice);
//   briefings/<slug>/email.txt   its plain-text twin (html-to-text);
//   briefings/<slug>/email.eml   both as one MIME message (nodemailer's MailComposer).
// The HTML comes only from the template; the finisher (scripts/email/finisher.ts)
// derives all three from it, beside the render, in worker threads when there
// are many, and they are written together when Eleventy is done, so the three
// cannot disagree.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { BriefingError, problem } from "../problems.ts";
import { emailFinisher, type EmailFinisher } from "./finisher.ts";
import { editionMessageHeaders, messageHeaders, type MessageHeaders } from "./message.ts";
import { preheaderText } from "./preheader.ts";
import type { Article, DataFile } from "../schema.ts";
import type { RenderInput } from "../eleventy/eleventy-site.ts";

/**
 * How the build wants emails finished (scripts/build.ts): the worker threads
 * from BuildOptions, and where to report where they were finished. A plain
 * `eleventy` run: the main thread alone.
 */
export interface EmailFinishing {
  workers: number;
  onFinished?: (stats: { workers: number; main: number }) => void;
}

/** Output paths of the email HTML: `.../briefings/<slug>/email.html`. */
const EMAIL_HTML = /(?:^|[\\/])briefings[\\/]([a-z0-9-]+)[\\/]email\.html$/;
/** Output paths of an edition's email HTML: `.../editions/<date>/email.html`. */
const EDITION_EMAIL_HTML = /(?:^|[\\/])editions[\\/](\d{4}-\d{2}-\d{2})[\\/]email\.html$/;

export function emailSlug(outputPath: unknown): string | null {
  return typeof outputPath === "string" ? (EMAIL_HTML.exec(outputPath)?.[1] ?? null) : null;
}

export function emailEditionDate(outputPath: unknown): string | null {
  return typeof outputPath === "string" ? (EDITION_EMAIL_HTML.exec(outputPath)?.[1] ?? null) : null;
}

/** The message headers of the email written to `outputPath`, or null when it is not an email. */
function headersFor(outputPath: unknown, briefing: DataFile, bySlug: Map<string, Article>): MessageHeaders | null {
  const slug = emailSlug(outputPath);
  const date = slug ? null : emailEditionDate(outputPath);
  if (!slug && !date) return null;
  const edition = date ? briefing.editions.find((e) => e.date === date) : undefined;
  const article = bySlug.get(slug ?? edition?.articles[0] ?? "");
  if (!article) {
    throw new BriefingError([problem({ file: String(outputPath), stage: "email", message: slug ? `no article with slug "${slug}" in the data file` : `no edition "${date}" in the data file`, fix: "rebuild with `npm run build`" })]);
  }
  return edition ? editionMessageHeaders(edition, article, briefing.site) : messageHeaders(article, briefing.site);
}

interface AfterEvent {
  outputMode: string;
  results: { outputPath?: string | false }[];
}

export function emailPlugin(eleventyConfig: any, input: Pick<RenderInput, "data" | "emailFinishing">): void {
  eleventyConfig.addFilter("emailPreheader", preheaderText);

  const briefing: DataFile = input.data;
  const finishing: EmailFinishing = input.emailFinishing;
  const bySlug = new Map<string, Article>(briefing.articles.map((a) => [a.slug, a]));
  // Per build: the finisher.
  let finisher: EmailFinisher | null = null;

  // Finished HTML waiting for Eleventy's own write of email.html to be overwritten.
  let finishedHtml = new Map<string, string>();

  let writing = true;
  eleventyConfig.on("eleventy.before", ({ outputMode }: { outputMode?: string }) => {
    writing = outputMode === undefined || outputMode === "fs";
    finishedHtml = new Map();
    finisher = emailFinisher({
      workers: finishing.workers,
      // The text twin and the message are written as soon as they exist;
      // only the HTML waits, for Eleventy to have written its own first.
      onFinished: (htmlPath, email) => {
        finishedHtml.set(htmlPath, email.html);
        if (!writing) return;
        const dir = path.dirname(htmlPath);
        mkdirSync(dir, { recursive: true });
        writeFileSync(path.join(dir, "email.txt"), email.text);
        writeFileSync(path.join(dir, "email.eml"), email.eml);
      },
    });
  });

  // Only the email documents are finished; the web pages keep their
  // stylesheet. Eleventy writes the template's HTML as it is, and the
  // finished edition replaces it once Eleventy is done (below): finishing
  // runs beside the render instead of inside it.
  eleventyConfig.addTransform("email-finish", function (this: { page: { outputPath: unknown } }, content: string) {
    const outputPath = this.page.outputPath;
    if (!finisher) return content;
    const headers = headersFor(outputPath, briefing, bySlug);
    if (!headers) return content;
    finisher.submit(String(outputPath), content, headers);
    return content;
  });

  eleventyConfig.on("eleventy.after", async ({ outputMode, results }: AfterEvent) => {
    const running = finisher;
    finisher = null;
    if (!running) return;
    await running.finishAll();
    finishing.onFinished?.({ ...running.stats });
    if (outputMode !== "fs") return; // toJSON() and friends write nothing, so neither do we.
    for (const r of results) {
      if (!(emailSlug(r.outputPath) || emailEditionDate(r.outputPath)) || typeof r.outputPath !== "string") continue;
      const html = finishedHtml.get(r.outputPath);
      if (html !== undefined) writeFileSync(r.outputPath, html);
    }
    finishedHtml = new Map();
  });
}
