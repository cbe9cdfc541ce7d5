// Finishing one email edition from the HTML the template rendered: CSS inlined
// (juice), the plain-text twin (html-to-text), and both as one MIME message
// (nodemailer). The same function runs on the main thread and in the email
// workers (finisher.ts), so where it ran never shows in the bytes.
import { inlineEmailCss } from "./inline.ts";
import { composeMessage, type MessageHeaders } from "./message.ts";
import { emailHtmlToText } from "./text.ts";

export interface FinishedEmail {
  /** email.html: CSS inlined. */
  html: string;
  /** email.txt. */
  text: string;
  /** email.eml. */
  eml: Buffer;
}

export async function finishEmail(renderedHtml: string, headers: MessageHeaders): Promise<FinishedEmail> {
  const html = inlineEmailCss(renderedHtml);
  const text = emailHtmlToText(html);
  const eml = await composeMessage({ html: Buffer.from(html, "utf8"), text: Buffer.from(text, "utf8") }, headers);
  return { html, text, eml };
}
