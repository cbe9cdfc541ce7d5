// The MIME message: the built email.html and email.txt as one
// multipart/alternative message (text first, HTML last, as RFC 2046 orders
// alternatives from plainest to richest), composed with nodemailer's
// MailComposer. The same function writes email.eml at build time and the
// message `npm run send` delivers, so what is sent is what was built.
import { createHash } from "node:crypto";
import { DateTime } from "luxon";
import MailComposer from "nodemailer/lib/mail-composer";
import addressparser from "nodemailer/lib/addressparser";
import { rfc822 } from "../eleventy/filters.ts";
import { BriefingError, problem } from "../problems.ts";
import { editionName } from "../eleventy/editions.ts";
import type { Article, Edition, Site } from "../schema.ts";

export interface MessageHeaders {
  /** The headline. */
  subject: string;
  /** From header, e.g. "Briefing <briefing@example.org>". */
  from: string;
  /** RFC 5322 date in the article's own zone: the briefing's publication date, never "now". */
  date: string;
  /** Stable across builds: the same briefing on the same site always has the same id. */
  messageId: string;
  /** List-Unsubscribe value with its angle brackets, or null to send none. */
  listUnsubscribe: string | null;
  /** Adds `List-Unsubscribe-Post: List-Unsubscribe=One-Click` (RFC 8058): list sends with an https URL. */
  oneClick?: boolean;
}

/**
 * The headers a message gets when it is sent, not when it is built: the
 * moment of sending as Date, and a Message-ID no other send shares (the
 * built .eml keeps a stable one so that builds stay byte-identical).
 */
export function headersAtSend(headers: MessageHeaders, now: Date, zone: string, unique: string): MessageHeaders {
  const at = DateTime.fromJSDate(now).setZone(zone).toISO({ includeOffset: true })!;
  const host = /@([^>]+)>$/.exec(headers.messageId)?.[1] ?? "localhost";
  const base = /^<([^@]+)@/.exec(headers.messageId)?.[1] ?? "message";
  return { ...headers, date: rfc822(at, zone), messageId: `<${base}.${unique}@${host}>` };
}

export interface MessageBody {
  /** The bytes of email.html. */
  html: Buffer;
  /** The bytes of email.txt. */
  text: Buffer;
}

const SITE_FILE = "_data/site.yaml";

/**
 * `<slug.hash@host>`: the slug makes it readable; the hash of the site URL
 * keeps two sites under one host (different path prefixes) from sharing ids.
 */
export function messageIdFor(slug: string, siteUrl: string): string {
  const url = new URL(siteUrl);
  const site = createHash("sha256").update(url.href).digest("hex").slice(0, 10);
  return `<${slug}.${site}@${url.hostname.replace(/^\[|\]$/g, "")}>`;
}

/** The first address in a From value, or null when it holds none. */
export function mailboxAddress(from: string): string | null {
  const first = addressparser(from, { flatten: true })[0];
  const address = first && "address" in first ? first.address : "";
  return /^[^@\s]+@[^@\s]+$/.test(address ?? "") ? address! : null;
}

/**
 * The List-Unsubscribe header (RFC 2369) from the configured value: one or more
 * mailto: or http(s): URLs, each in angle brackets. Throws a BriefingError
 * naming the site file when a URL is of another kind.
 */
export function listUnsubscribeHeader(value: string): string {
  const items = value.split(",").map((s) => s.trim().replace(/^<|>$/g, "").trim()).filter(Boolean);
  const bad = items.filter((item) => !/^(mailto:[^\s<>]+@[^\s<>]+|https?:\/\/[^\s<>]+)$/i.test(item));
  if (items.length === 0 || bad.length > 0) {
    throw new BriefingError([
      problem({
        file: SITE_FILE, field: "email.listUnsubscribe", stage: "email",
        message: `"${value}" is not a list of mailto: or https: URLs`,
        fix: "set it to e.g. mailto:unsubscribe@example.org or https://example.org/unsubscribe, or null to omit the header",
      }),
    ]);
  }
  return items.map((item) => `<${item}>`).join(", ");
}

/** What a message's headers read from the site settings. */
export type SiteForHeaders = Pick<Site, "url"> & { email: Pick<Site["email"], "from" | "listUnsubscribe"> };

/** The headers of a briefing's message, from the article and the site configuration. */
export function messageHeaders(article: Pick<Article, "slug" | "title" | "date" | "timeZone">, site: SiteForHeaders): MessageHeaders {
  // The site's From is parsed once per value, not once per briefing.
  const hasMailbox = mailboxAddress(site.email.from) !== null;
  if (!hasMailbox) {
    throw new BriefingError([
      problem({
        file: SITE_FILE, field: "email.from", stage: "email",
        message: `"${site.email.from}" holds no email address`,
        fix: 'set it to a name and address, e.g. "Briefing <briefing@example.org>"',
      }),
    ]);
  }
  return {
    subject: article.title,
    from: site.email.from,
    date: rfc822(article.date, article.timeZone),
    messageId: messageIdFor(article.slug, site.url),
    listUnsubscribe: site.email.listUnsubscribe === null ? null : listUnsubscribeHeader(site.email.listUnsubscribe),
  };
}

/** The headers of an edition's message: the lead's headline, dated when the edition is due. */
export function editionMessageHeaders(edition: Pick<Edition, "date" | "end" | "sendAt">, lead: Pick<Article, "title">, site: SiteForHeaders & Pick<Site, "title" | "timeZone">): MessageHeaders {
  const headers = messageHeaders({ slug: `edition-${edition.date}`, title: lead.title, date: edition.sendAt, timeZone: site.timeZone }, site);
  return { ...headers, subject: `${site.title}, ${editionName(edition)}: ${lead.title}` };
}

/**
 * The message as RFC 5322 bytes with CRLF line endings. Deterministic: the
 * MIME boundary derives from the Message-ID (never random), there is no
 * X-Mailer, and both parts are base64, which decodes to exactly the bytes of
 * the built files (quoted-printable would turn their LF line ends into CRLF).
 * `to` is set when sending; the .eml on disk has no recipient.
 */
export async function composeMessage(body: MessageBody, headers: MessageHeaders, to?: string | { name: string; address: string }): Promise<Buffer> {
  const composer = new MailComposer({
    from: headers.from,
    ...(to ? { to } : {}),
    subject: headers.subject,
    date: headers.date,
    messageId: headers.messageId,
    headers: {
      ...(headers.listUnsubscribe ? { "List-Unsubscribe": headers.listUnsubscribe } : {}),
      // RFC 8058: the List-Unsubscribe https URL takes a one-click POST.
      ...(headers.listUnsubscribe && headers.oneClick ? { "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" } : {}),
    },
    text: { content: body.text, contentTransferEncoding: "base64" },
    html: { content: body.html, contentTransferEncoding: "base64" },
    baseBoundary: createHash("sha256").update(headers.messageId).digest("hex").slice(0, 24),
    newline: "\r\n",
  });
  return composer.compile().build();
}
