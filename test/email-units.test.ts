// The email helpers one by one: preview text, Message-ID, List-Unsubscribe,
// MIME composition, SMTP settings from the environment, redaction, and the
// caniemail wrapper (false positives dropped, real findings kept).
import { describe, expect, it } from "vitest";
import { simpleParser } from "mailparser";
import { clipAtWord, preheaderText } from "../scripts/email/preheader.ts";
import { composeMessage, listUnsubscribeHeader, mailboxAddress, messageHeaders, messageIdFor } from "../scripts/email/message.ts";
import { isLoopbackHost, redact, smtpConfigFromEnv, transportOptions } from "../scripts/email/smtp.ts";
import { emailCompatibility, usedCssProperties } from "../scripts/email/compat.ts";
import { auditCompatibility, auditStructure } from "../scripts/email/audit.ts";
import { emailHtmlToText } from "../scripts/email/text.ts";
import { BriefingError } from "../scripts/problems.ts";

const sentence = (id: string, display: string) => ({ id, text: display, display, inlines: null });
const article = {
  slug: "a-story",
  title: "Rain returns to the valley.",
  date: "2026-03-01T08:30:00.000-05:00",
  timeZone: "America/New_York",
  summary: { text: "Rain returns to the valley. Farmers welcome it.", origin: "generated" as const, sentenceIds: ["s-1-1", "s-1-2"], wordCount: 8 },
  sections: [{ id: "lead", heading: null, headingDisplay: null, paragraphs: [{ id: "p-1", kind: "paragraph" as const, list: null, text: "", sentences: [sentence("s-1-1", "Rain returns to the valley."), sentence("s-1-2", "Farmers welcome it.")] }] }],
};
const site = { url: "https://example.org/briefing/", email: { from: "Briefing <briefing@example.org>", unsubscribeUrl: null, listUnsubscribe: null } };

describe("preheader", () => {
  it("leaves out the summary sentence that repeats the headline", () => {
    expect(preheaderText(article)).toBe("Farmers welcome it.");
  });
  it("keeps the whole summary when every sentence is the headline", () => {
    expect(preheaderText({ ...article, title: "Farmers welcome it.", summary: { ...article.summary, sentenceIds: ["s-1-2"] } })).toBe("Farmers welcome it.");
  });
  it("clips long text at a word boundary with an ellipsis", () => {
    const clipped = clipAtWord("word ".repeat(60), 140);
    expect(clipped.length).toBeLessThanOrEqual(140);
    expect(clipped).toMatch(/word…$/);
  });
});

describe("message headers", () => {
  it("derives a stable Message-ID from slug and site, distinct per path prefix", () => {
    const a = messageIdFor("a-story", "https://example.org/briefing/");
    expect(a).toMatch(/^<a-story\.[0-9a-f]{10}@example\.org>$/);
    expect(messageIdFor("a-story", "https://example.org/briefing/")).toBe(a);
    expect(messageIdFor("a-story", "https://example.org/other/")).not.toBe(a);
  });
  it("dates the message in the article's zone, in English", () => {
    expect(messageHeaders(article, site).date).toBe("Sun, 01 Mar 2026 08:30:00 -0500");
  });
  it("brackets List-Unsubscribe URLs and rejects other schemes", () => {
    expect(listUnsubscribeHeader("mailto:off@example.org, https://example.org/u")).toBe("<mailto:off@example.org>, <https://example.org/u>");
    expect(listUnsubscribeHeader("<https://example.org/u>")).toBe("<https://example.org/u>");
    expect(() => listUnsubscribeHeader("javascript:alert(1)")).toThrow(BriefingError);
  });
  it("rejects a From without an address, naming the site file", () => {
    try {
      messageHeaders(article, { ...site, email: { ...site.email, from: "Just a name" } });
      expect.unreachable();
    } catch (e) {
      expect((e as BriefingError).problems[0]).toMatchObject({ file: "_data/site.yaml", field: "email.from" });
    }
    expect(mailboxAddress('"Desk, News" <desk@example.org>')).toBe("desk@example.org");
  });
});

describe("composeMessage", () => {
  const body = { html: Buffer.from("<!doctype html>\n<p>Café\n</p>\n"), text: Buffer.from("Café\n") };
  const headers = { ...messageHeaders(article, site), listUnsubscribe: "<mailto:off@example.org>" };
  it("is byte-identical on every call, CRLF only, text part before HTML, no X-Mailer", async () => {
    const a = await composeMessage(body, headers);
    const b = await composeMessage(body, headers);
    expect(a.equals(b)).toBe(true);
    const raw = a.toString("latin1");
    expect(raw).not.toMatch(/(^|[^\r])\n/);
    expect(raw.indexOf("text/plain")).toBeLessThan(raw.indexOf("text/html"));
    expect(raw).not.toMatch(/X-Mailer/i);
    expect(raw).toMatch(/^List-Unsubscribe: <mailto:off@example.org>\r$/m);
  });
  it("decodes to exactly the given bytes, LF line ends included", async () => {
    const parsed = await simpleParser(await composeMessage(body, headers, "reader@example.org"));
    expect(parsed.html).toBe(body.html.toString());
    expect(parsed.text).toBe(body.text.toString());
    expect(parsed.subject).toBe(article.title);
    expect(parsed.messageId).toBe(headers.messageId);
    expect((parsed.to as { text: string }).text).toBe("reader@example.org");
  });
});

describe("SMTP settings from the environment", () => {
  it("needs SMTP_HOST and reports every wrong setting at once without the password", () => {
    try {
      smtpConfigFromEnv({ SMTP_PORT: "x", SMTP_SECURE: "maybe", SMTP_PASS: "hunter2-secret" });
      expect.unreachable();
    } catch (e) {
      const problems = (e as BriefingError).problems;
      expect(problems.map((p) => p.field)).toEqual(["SMTP_HOST", "SMTP_SECURE", "SMTP_PORT", "SMTP_USER"]);
      expect(JSON.stringify(problems)).not.toContain("hunter2-secret");
      expect((e as Error).message).not.toContain("hunter2-secret");
    }
  });
  it("defaults the port from SMTP_SECURE and requires TLS for credentials off loopback only", () => {
    const remote = smtpConfigFromEnv({ SMTP_HOST: "smtp.example.org", SMTP_USER: "u", SMTP_PASS: "p" });
    expect(remote).toMatchObject({ port: 587, secure: false, requireTls: true });
    expect(transportOptions(remote)).toMatchObject({ requireTLS: true, ignoreTLS: false, logger: false });
    expect(smtpConfigFromEnv({ SMTP_HOST: "smtp.example.org", SMTP_SECURE: "true" })).toMatchObject({ port: 465, secure: true });
    const relay = smtpConfigFromEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: "25" });
    expect(relay).toMatchObject({ port: 25, auth: null, requireTls: false });
    expect(transportOptions(relay).requireTLS).toBe(false);
    expect(() => smtpConfigFromEnv({ SMTP_HOST: "smtp://mail.example.org" })).toThrow(/not a host name/);
  });
  it("knows loopback addresses", () => {
    for (const h of ["localhost", "127.0.0.1", "127.1.2.3", "::1", "[::1]"]) expect(isLoopbackHost(h)).toBe(true);
    for (const h of ["example.org", "10.0.0.1", "128.0.0.1", "localhost.example.org"]) expect(isLoopbackHost(h)).toBe(false);
  });
  it("redacts the password and its AUTH encodings", () => {
    const config = { auth: { user: "alice", pass: "s3cret!" } };
    const plain = Buffer.from("\u0000alice\u0000s3cret!").toString("base64");
    expect(redact(`bad s3cret! ${plain} ${Buffer.from("s3cret!").toString("base64")}`, config)).toBe("bad [redacted] [redacted] [redacted]");
  });
});

describe("caniemail wrapper and structure audit", () => {
  const doc = (body: string, head = "") =>
    `<!doctype html><html lang="en" dir="ltr"><head><meta charset="utf-8"><meta name="color-scheme" content="light"><title>t</title>${head}<!--[if mso]><![endif]--></head><body>${body}</body></html>`;
  it("matches CSS properties exactly: text-transform is not transform", () => {
    expect([...usedCssProperties('<p style="text-transform: uppercase; line-height: 2">')].sort()).toEqual(["line-height", "text-transform"]);
    const report = emailCompatibility(doc('<p style="text-transform: uppercase">x</p>'));
    expect(report.unsupported.some((i) => i.feature === "transform")).toBe(false);
    expect(report.falsePositives.some((i) => i.feature === "transform")).toBe(true);
  });
  it("fails flexbox in Outlook for Windows and reports Outlook.com", () => {
    const audit = auditCompatibility(doc('<div style="display: flex">x</div>'), "x.html");
    expect(audit.errors.some((e) => /display:flex is not supported by outlook\.windows/.test(e))).toBe(true);
    // aspect-ratio: unsupported in Outlook.com, which caniemail 1.0.5's own client list leaves out.
    const report = emailCompatibility(doc('<p style="aspect-ratio: 2">x</p>'));
    expect(report.unsupported.some((i) => i.client === "outlook.outlook-com" && i.feature === "aspect-ratio")).toBe(true);
  });
  it("flags scripts, forms, iframes, web fonts and tables without role=presentation", () => {
    const errors = auditStructure(doc('<script>x</script><form></form><iframe></iframe><table><tr><td>x</td></tr></table>', "<style>@font-face{font-family:x}</style>"), "x.html");
    for (const what of ["<script>", "<form>", "<iframe>", "role=\"presentation\"", "@font-face"]) expect(errors.join("\n")).toContain(what);
  });
  it("turns links into text <url> and drops the preheader", () => {
    const text = emailHtmlToText('<div class="preheader">hidden preview</div><p>Read <a href="https://example.org/x">the story</a>.</p>');
    expect(text).toBe("Read the story <https://example.org/x>.\n");
  });
});
