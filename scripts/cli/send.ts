// npm run send -- <slug> --to <address> [--dry-run]
// npm run send -- --edition <date> --list <file.csv> [--dry-run] [--resend] [--rate N]
//
// One briefing to one address: the built email of the briefing
// (_site/briefings/<slug>/email.html and email.txt, composed as email.eml with
// a To header added). An edition to a list: the built edition email
// (_site/editions/<date>/), one message per recipient, with a send log in
// .cache/sends/<date>.jsonl (scripts/email/list-send.ts). Either way Date is
// the moment of sending and the Message-ID is new for every send.
// SMTP settings only from the environment: SMTP_HOST, SMTP_PORT, SMTP_SECURE,
// SMTP_USER, SMTP_PASS, MAIL_FROM. --dry-run prints what would happen and
// connects to nothing.
import { existsSync, readFileSync } from "node:fs";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { parseArgs } from "node:util";
import { readDataFile, DATA_FILE } from "../pipeline/data-file.ts";
import { BriefingError, formatProblem, problem, type Problem } from "../problems.ts";
import { composeMessage, editionMessageHeaders, headersAtSend, mailboxAddress, messageHeaders, type MessageHeaders } from "../email/message.ts";
import { describeSession, redact, sendRaw, smtpConfigFromEnv, type SmtpConfig } from "../email/smtp.ts";
import { parseRecipients } from "../email/recipients.ts";
import { openSendLog, readSendLog, sendLogPath } from "../email/send-log.ts";
import { pendingRecipients, sendToList, type ListProgress, type ListSendResult } from "../email/list-send.ts";
import type { DataFile } from "../schema.ts";
import { runCli } from "./run-cli.ts";

const USAGE = "npm run send -- <slug> --to <address> [--dry-run]  or  npm run send -- --edition <date> --list <file.csv> [--dry-run] [--resend] [--rate N]";
const CLI = "command line";

type SendRequest =
  | { kind: "one"; slug: string; to: string; dryRun: boolean }
  | { kind: "list"; edition: string; list: string; dryRun: boolean; resend: boolean; ratePerMinute: number; retryDelayMs: number; attempts: number };

function parseRequest(argv: string[]): SendRequest {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv, allowPositionals: true,
      options: {
        to: { type: "string" }, "dry-run": { type: "boolean", default: false },
        edition: { type: "string" }, list: { type: "string" }, resend: { type: "boolean", default: false },
        rate: { type: "string" }, "retry-delay": { type: "string" }, attempts: { type: "string" },
      },
    });
  } catch (error) {
    throw new BriefingError([problem({ file: CLI, stage: "send", message: (error as Error).message, fix: `usage: ${USAGE}` })]);
  }
  const v = parsed.values;
  const problems: Problem[] = [];
  const bad = (message: string, fix: string, field?: string) => problems.push(problem({ file: CLI, stage: "send", message, fix, ...(field ? { field } : {}) }));
  if (v.edition !== undefined || v.list !== undefined) {
    if (parsed.positionals.length > 0) bad(`unexpected arguments: ${parsed.positionals.join(" ")}`, `usage: ${USAGE}`);
    if (!v.edition || !/^\d{4}-\d{2}-\d{2}$/.test(v.edition)) bad(`--edition needs the edition's date, e.g. --edition 2026-02-27`, "the dates are the folder names under _site/editions/", "--edition");
    if (!v.list) bad("--list needs the list file", "e.g. --list subscribers.csv (a CSV file with an email column)", "--list");
    if (v.to !== undefined) bad("--to is for one briefing to one address", `usage: ${USAGE}`, "--to");
    const number = (text: string | undefined, fallback: number, field: string, min: number) => {
      if (text === undefined) return fallback;
      const n = Number(text);
      if (!Number.isFinite(n) || n < min) bad(`${field} "${text}" is not a number of at least ${min}`, `e.g. ${field} ${fallback}`, field);
      return n;
    };
    const request: SendRequest = {
      kind: "list", edition: v.edition ?? "", list: v.list ?? "", dryRun: v["dry-run"] ?? false, resend: v.resend ?? false,
      ratePerMinute: number(v.rate, 60, "--rate", 0),
      retryDelayMs: number(v["retry-delay"], 2000, "--retry-delay", 0),
      attempts: Math.floor(number(v.attempts, 5, "--attempts", 1)),
    };
    if (problems.length > 0) throw new BriefingError(problems);
    return request;
  }
  const [slug, ...extra] = parsed.positionals;
  if (!slug) bad("no briefing slug given", `usage: ${USAGE} (slugs are the folder names under _site/briefings/)`);
  if (extra.length > 0) bad(`unexpected arguments: ${extra.join(" ")}`, `usage: ${USAGE}`);
  const to = v.to ?? "";
  if (!to) bad("no recipient given", `usage: ${USAGE}`, "--to");
  else if (!mailboxAddress(to) || to.includes(",")) bad(`"${to}" is not one email address`, "give one address, e.g. --to reader@example.org", "--to");
  if (v.resend || v.rate !== undefined) bad("--resend and --rate are for list sends", `usage: ${USAGE}`);
  if (problems.length > 0) throw new BriefingError(problems);
  return { kind: "one", slug: slug!, to, dryRun: v["dry-run"] ?? false };
}

function builtFiles(root: string, dir: string): { html: Buffer; text: Buffer } {
  const [htmlPath, textPath] = [path.join(dir, "email.html"), path.join(dir, "email.txt")];
  for (const file of [htmlPath, textPath]) {
    if (!existsSync(file)) throw new BriefingError([problem({ file: path.relative(root, file), stage: "send", message: "not built", fix: "run npm run build first" })]);
  }
  return { html: readFileSync(htmlPath), text: readFileSync(textPath) };
}

/** The built message for one briefing, its headers as they are at this send. */
async function buildOneMessage(root: string, data: DataFile, request: Extract<SendRequest, { kind: "one" }>, mailFrom: string | null) {
  const article = data.articles.find((a) => a.slug === request.slug);
  if (!article) {
    const known = data.articles.map((a) => a.slug);
    throw new BriefingError([problem({ file: CLI, stage: "send", message: `no briefing with slug "${request.slug}"`, fix: known.length ? `use one of: ${known.slice(0, 10).join(", ")}${known.length > 10 ? ", ..." : ""}` : "add an article and run npm run build" })]);
  }
  const body = builtFiles(root, path.join(root, "_site/briefings", article.slug));
  const built = { ...messageHeaders(article, data.site), ...(mailFrom ? { from: mailFrom } : {}) };
  const headers = headersAtSend(built, new Date(), data.site.timeZone, randomUUID());
  const raw = await composeMessage(body, headers, request.to);
  return { headers, raw, envelopeFrom: mailboxAddress(headers.from)! };
}

/** The built edition: its email files and headers (Date and Message-ID are set per message). */
function editionMessage(root: string, data: DataFile, date: string, mailFrom: string | null): { body: { html: Buffer; text: Buffer }; headers: MessageHeaders } {
  const edition = data.editions.find((e) => e.date === date);
  if (!edition) {
    const known = data.editions.map((e) => e.date);
    throw new BriefingError([problem({ file: CLI, field: "--edition", stage: "send", message: `no edition ${date}`, fix: known.length ? `use one of: ${known.slice(0, 10).join(", ")}${known.length > 10 ? ", ..." : ""}` : "add an article and run npm run build" })]);
  }
  const lead = data.articles.find((a) => a.slug === edition.articles[0])!;
  const body = builtFiles(root, path.join(root, "_site/editions", date));
  return { body, headers: { ...editionMessageHeaders(edition, lead, data.site), ...(mailFrom ? { from: mailFrom } : {}) } };
}

function duration(seconds: number): string {
  const s = Math.round(seconds);
  return s >= 3600 ? `${Math.floor(s / 3600)} h ${Math.round((s % 3600) / 60)} min` : s >= 60 ? `${Math.floor(s / 60)} min ${s % 60} s` : `${s} s`;
}

function progressLine(p: ListProgress): string {
  return `sent ${p.sent} · failed ${p.failed} · left ${p.left} · ${(p.rate * 60).toFixed(0)}/min · ${p.etaSeconds === null ? "…" : `about ${duration(p.etaSeconds)} to go`}`;
}

function summary(edition: string, logFile: string, result: ListSendResult, via: string): string {
  const lines = [
    `edition ${edition} via ${via}: ${result.sent} sent, ${result.failed.length} failed, ${result.alreadySent} already had it (send log), ${result.notSent} not sent; ${result.total} on the list`,
    `send log: ${logFile}`,
  ];
  if (result.failed.length > 0) {
    lines.push(`failed (${result.failed.length}):`);
    for (const f of result.failed) lines.push(`  ${f.address}: ${f.reply}`);
  }
  if (result.stoppedBecause) lines.push(`stopped: ${result.stoppedBecause}; ${result.notSent} not sent. Run the same command again to send to them (nobody gets it twice).`);
  return lines.join("\n") + "\n";
}

async function sendList(root: string, data: DataFile, request: Extract<SendRequest, { kind: "list" }>, env: NodeJS.ProcessEnv, onConfig: (c: SmtpConfig) => void): Promise<number> {
  const listFile = path.resolve(request.list);
  let text: string;
  try {
    text = readFileSync(listFile, "utf8");
  } catch {
    throw new BriefingError([problem({ file: request.list, stage: "send", message: "list file not found", fix: "give the path of a CSV file with an email column, e.g. --list subscribers.csv" })]);
  }
  const list = parseRecipients(text, request.list);
  const errors = list.problems.filter((p) => p.severity === "error");
  if (errors.length > 0) throw new BriefingError(list.problems);
  for (const warning of list.problems) process.stderr.write(formatProblem(warning) + "\n");
  const logFile = sendLogPath(root, request.edition);
  const logged = readSendLog(logFile);
  const template = data.site.email.unsubscribeTemplate;
  const mailFromEnv = (env.MAIL_FROM ?? "").trim() || null;
  const planned = pendingRecipients(list.recipients, logged, request.resend);

  if (request.dryRun) {
    const { headers } = editionMessage(root, data, request.edition, mailFromEnv);
    process.stdout.write(planned.map((r) => `${r.name ? `${r.name} <${r.email}>` : r.email}\n`).join(""));
    process.stderr.write(
      `dry run: would send edition ${request.edition} ("${headers.subject}") to ${planned.length} of ${list.recipients.length} recipients` +
        `${list.recipients.length - planned.length > 0 ? ` (${list.recipients.length - planned.length} already have it: ${path.relative(root, logFile)}; --resend sends to them too)` : ""}` +
        `${template ? "" : "; email.unsubscribeTemplate is not set, so no one-click List-Unsubscribe"}\n`,
    );
    return 0;
  }
  const config = smtpConfigFromEnv(env);
  onConfig(config);
  const { body, headers } = editionMessage(root, data, request.edition, config.from);
  const tty = process.stderr.isTTY === true;
  const log = openSendLog(logFile);
  let stop = false;
  const onSigint = () => {
    if (stop) process.exit(130);
    stop = true;
    process.stderr.write("\nstopping after the message in flight (Ctrl-C again to quit at once; the send log is up to date)\n");
  };
  process.on("SIGINT", onSigint);
  let result: ListSendResult;
  try {
    result = await sendToList({
      config, envelopeFrom: mailboxAddress(headers.from)!, body, headers, timeZone: data.site.timeZone,
      edition: request.edition, listFile: request.list, recipients: list.recipients, unsubscribeTemplate: template,
      logged, log, resend: request.resend, ratePerMinute: request.ratePerMinute, retryDelayMs: request.retryDelayMs, attempts: request.attempts,
      stopRequested: () => stop,
      onProgress: tty ? (p) => process.stderr.write(`\r\x1b[K${progressLine(p)}`) : undefined,
    });
  } finally {
    log.close();
    process.off("SIGINT", onSigint);
  }
  if (tty) process.stderr.write("\n");
  process.stdout.write(summary(request.edition, path.relative(root, logFile), result, describeSession(config, result.session)));
  return result.failed.length > 0 || result.notSent > 0 ? 1 : 0;
}

await runCli(async () => {
  const root = process.cwd();
  const env = process.env;
  const request = parseRequest(process.argv.slice(2));
  let config: SmtpConfig | null = null;
  try {
    const data = readDataFile(path.join(root, DATA_FILE));
    if (request.kind === "list") return await sendList(root, data, request, env, (c) => (config = c));
    if (request.dryRun && (env.SMTP_HOST ?? "").trim() === "") {
      const message = await buildOneMessage(root, data, request, (env.MAIL_FROM ?? "").trim() || null);
      process.stdout.write(message.raw);
      process.stderr.write(`dry run: would send "${request.slug}" (${message.raw.length} bytes) from ${message.envelopeFrom} to ${request.to}; SMTP_HOST is not set, so a real send would fail\n`);
      return 0;
    }
    config = smtpConfigFromEnv(env);
    const message = await buildOneMessage(root, data, request, config.from);
    if (request.dryRun) {
      process.stdout.write(message.raw);
      process.stderr.write(`dry run: would send "${request.slug}" (${message.raw.length} bytes) from ${message.envelopeFrom} to ${request.to} via smtp://${config.host}:${config.port}${config.auth ? ` (logging in as ${config.auth.user} if the server offers it)` : ""}\n`);
      return 0;
    }
    const delivery = await sendRaw(config, { from: message.envelopeFrom, to: request.to }, message.raw);
    if (delivery.accepted.length === 0) {
      throw new BriefingError([problem({ file: `smtp://${config.host}:${config.port}`, stage: "send", message: `the server accepted no recipient (rejected: ${delivery.rejected.join(", ")})`, fix: "check the --to address" })]);
    }
    process.stdout.write(`sent "${request.slug}" to ${request.to} via ${describeSession(config, delivery.session)}: ${delivery.response} (Message-ID ${message.headers.messageId})\n`);
    return 0;
  } catch (error) {
    // Whatever failed, nothing printed may carry the password.
    const used = config as SmtpConfig | null;
    if (error instanceof BriefingError) {
      throw new BriefingError(error.problems.map((p) => ({ ...p, message: redact(p.message, used), ...(p.fix ? { fix: redact(p.fix, used) } : {}) })));
    }
    const bug = new Error(redact(error instanceof Error ? error.message : String(error), used));
    bug.stack = redact(error instanceof Error ? (error.stack ?? bug.message) : bug.message, used);
    throw bug;
  }
});
