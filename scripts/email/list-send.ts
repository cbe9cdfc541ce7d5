// Sending an edition to a list: one message per recipient, addressed to that
// recipient only, over one pooled SMTP connection (nodemailer's pool with
// one connection) at a set rate. Each message gets its own Message-ID, the
// moment of sending as Date, and a one-click List-Unsubscribe (RFC 8058)
// from the site's template. 4xx replies and dropped connections are retried
// with backoff; 5xx replies are recorded and skipped. Every reply that
// settles a recipient goes to the send log (send-log.ts) before the next
// message, so a re-run picks up exactly where this one stopped.
import { randomUUID } from "node:crypto";
import nodemailer from "nodemailer";
import { BriefingError, problem } from "../problems.ts";
import { composeMessage, headersAtSend, listUnsubscribeHeader, type MessageBody, type MessageHeaders } from "./message.ts";
import type { Recipient } from "./recipients.ts";
import { acceptedAddresses, type SendLogEntry, type SendLogWriter } from "./send-log.ts";
import { redact, sessionRecorder, transportOptions, type SessionReport, type SmtpConfig } from "./smtp.ts";

const SITE_FILE = "_data/site.yaml";

/**
 * The recipient's unsubscribe URL: `{column}` placeholders filled from the
 * list row (and `{edition}`), URL-encoded. Throws a BriefingError naming the
 * site file when the template is not an https URL or names a column the list
 * lacks (RFC 8058 one-click needs https).
 */
export function unsubscribeUrl(template: string, recipient: Pick<Recipient, "fields" | "line">, edition: string, listFile: string): string {
  const values: Record<string, string> = { ...recipient.fields, edition };
  const missing: string[] = [];
  const url = template.replace(/\{([A-Za-z0-9_-]+)\}/g, (_, name: string) => {
    const value = values[name.toLowerCase()];
    if (value === undefined || value === "") missing.push(name);
    return encodeURIComponent(value ?? "");
  });
  if (missing.length > 0) {
    throw new BriefingError([problem({ file: listFile, line: recipient.line, stage: "send", message: `the unsubscribe template needs {${missing.join("}, {")}}, which this row leaves empty or the list has no column for`, fix: `add the column to the list, or change email.unsubscribeTemplate in ${SITE_FILE}` })]);
  }
  let parsed: URL | null = null;
  try {
    parsed = new URL(url);
  } catch {
    parsed = null;
  }
  if (!parsed || parsed.protocol !== "https:") {
    throw new BriefingError([problem({ file: SITE_FILE, field: "email.unsubscribeTemplate", stage: "send", message: `"${template}" does not give an https URL`, fix: "one-click unsubscribe (RFC 8058) needs an https URL, e.g. https://example.org/unsubscribe?e={email}&t={token}" })]);
  }
  return parsed.href;
}

export interface ListSendOptions {
  config: SmtpConfig;
  envelopeFrom: string;
  /** The built email.html and email.txt. */
  body: MessageBody;
  /** The built message's headers (Date and Message-ID are replaced per message). */
  headers: MessageHeaders;
  /** The site's zone, for the Date header. */
  timeZone: string;
  edition: string;
  listFile: string;
  recipients: Recipient[];
  /** email.unsubscribeTemplate, or null. */
  unsubscribeTemplate: string | null;
  /** What the log already says (read before the run). */
  logged: SendLogEntry[];
  log: SendLogWriter;
  /** Send again to recipients the log says have it. */
  resend: boolean;
  /** Messages per minute; 0 for no limit. */
  ratePerMinute: number;
  /** First retry delay in ms; doubles each time. */
  retryDelayMs: number;
  /** Tries per message before a 4xx or a lost connection counts as a failure. */
  attempts: number;
  /** Set when the user pressed Ctrl-C: stop after the message in flight. */
  stopRequested?: () => boolean;
  onProgress?: (progress: ListProgress) => void;
  /** The clock (the Date header, the log's times, the rate). */
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

export interface ListProgress {
  sent: number;
  failed: number;
  left: number;
  /** Messages per second so far. */
  rate: number;
  /** Seconds to finish at that rate, or null before the first message. */
  etaSeconds: number | null;
}

export interface ListSendResult {
  /** Recipients in the list (after duplicates). */
  total: number;
  /** Skipped: the log says they already have it. */
  alreadySent: number;
  sent: number;
  failed: { address: string; reply: string }[];
  /** Not tried: the run stopped (connection lost for good, or Ctrl-C). */
  notSent: number;
  stoppedBecause: string | null;
  session: SessionReport;
}

/** SMTP reply code of a nodemailer error, or null for a connection-level failure. */
function replyCode(error: unknown): number | null {
  const code = (error as { responseCode?: unknown }).responseCode;
  return typeof code === "number" ? code : null;
}

function replyText(error: unknown, config: SmtpConfig): string {
  const e = error as { response?: string; message?: string; code?: string };
  return redact(e.response ?? `${e.code ? `[${e.code}] ` : ""}${e.message ?? String(error)}`, config).replace(/\s+/g, " ").trim();
}

/** Who gets this run's messages: the list minus those the log says have it (unless resending). */
export function pendingRecipients(recipients: readonly Recipient[], logged: readonly SendLogEntry[], resend: boolean): Recipient[] {
  if (resend) return [...recipients];
  const done = acceptedAddresses(logged);
  return recipients.filter((r) => !done.has(r.key));
}

export async function sendToList(options: ListSendOptions): Promise<ListSendResult> {
  const now = options.now ?? (() => new Date());
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pending = pendingRecipients(options.recipients, options.logged, options.resend);
  const result: ListSendResult = {
    total: options.recipients.length,
    alreadySent: options.recipients.length - pending.length,
    sent: 0, failed: [], notSent: 0, stoppedBecause: null,
    session: { startTls: false, authenticated: false },
  };
  const recorder = sessionRecorder();
  const transporter = nodemailer.createTransport({
    ...transportOptions(options.config),
    pool: true,
    maxConnections: 1,
    maxMessages: Infinity,
    logger: recorder.logger as never,
  } as never);
  const staticUnsubscribe = options.headers.listUnsubscribe;
  const interval = options.ratePerMinute > 0 ? 60_000 / options.ratePerMinute : 0;
  const started = now().getTime();
  let lastSend = 0;
  const report = () => {
    const seconds = Math.max((now().getTime() - started) / 1000, 0.001);
    const done = result.sent + result.failed.length;
    const left = pending.length - done;
    const rate = done / seconds;
    options.onProgress?.({ sent: result.sent, failed: result.failed.length, left, rate, etaSeconds: done > 0 ? left / rate : null });
  };
  const settle = (recipient: Recipient, status: SendLogEntry["status"], messageId: string, reply: string) => {
    options.log.append({ address: recipient.email, status, messageId, reply, time: now().toISOString() });
    if (status === "accepted") result.sent++;
    else result.failed.push({ address: recipient.email, reply });
    report();
  };

  try {
    for (let i = 0; i < pending.length; i++) {
      if (options.stopRequested?.()) {
        result.stoppedBecause = "interrupted (Ctrl-C)";
        result.notSent = pending.length - i;
        break;
      }
      const recipient = pending[i]!;
      const unsubscribe = options.unsubscribeTemplate ? unsubscribeUrl(options.unsubscribeTemplate, recipient, options.edition, options.listFile) : null;
      let lost: string | null = null;
      let interrupted = false;
      for (let attempt = 1; ; attempt++) {
        if (interval > 0) {
          const wait = lastSend + interval - Date.now();
          if (wait > 0) await sleep(wait);
        }
        // Ctrl-C while waiting for the rate: this message was not sent yet.
        if (attempt === 1 && options.stopRequested?.()) {
          interrupted = true;
          break;
        }
        lastSend = Date.now();
        // A new Message-ID and Date on every try: a retried message is a new submission.
        const headers: MessageHeaders = {
          ...headersAtSend(options.headers, now(), options.timeZone, randomUUID()),
          ...(unsubscribe ? { listUnsubscribe: listUnsubscribeHeader([unsubscribe, ...(staticUnsubscribe?.split(",") ?? [])].join(",")), oneClick: true } : {}),
        };
        const raw = await composeMessage(options.body, headers, recipient.name ? { name: recipient.name, address: recipient.email } : recipient.email);
        try {
          const info = await transporter.sendMail({ envelope: { from: options.envelopeFrom, to: [recipient.email] }, raw });
          if ((info.accepted ?? []).length === 0) {
            settle(recipient, "failed", headers.messageId, redact(String(info.response ?? "no recipient accepted"), options.config));
          } else {
            settle(recipient, "accepted", headers.messageId, redact(String(info.response ?? ""), options.config));
          }
          break;
        } catch (error) {
          const code = replyCode(error);
          const reply = replyText(error, options.config);
          if (code !== null && code >= 500) {
            settle(recipient, "failed", headers.messageId, reply);
            break;
          }
          if (attempt >= options.attempts) {
            if (code !== null) {
              // The server kept deferring this one address: record it, go on.
              settle(recipient, "failed", headers.messageId, `${reply} (deferred ${attempt} times)`);
              break;
            }
            lost = reply;
            break;
          }
          await sleep(options.retryDelayMs * 2 ** (attempt - 1));
        }
      }
      if (interrupted) {
        result.stoppedBecause = "interrupted (Ctrl-C)";
        result.notSent = pending.length - i;
        break;
      }
      if (lost !== null) {
        // The server cannot be reached: every later recipient would fail the same way.
        result.stoppedBecause = `connection lost after ${options.attempts} tries: ${lost}`;
        result.notSent = pending.length - i;
        break;
      }
    }
  } finally {
    transporter.close();
    result.session = { ...recorder.report };
  }
  return result;
}
