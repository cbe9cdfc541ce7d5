// SMTP delivery for `npm run send`: settings only from the environment,
// validated into one typed value; credentials never cross an unencrypted
// connection except to a loopback address; no error or log line carries the
// password (nodemailer's logger stays off, and every message is redacted).
import { isIP } from "node:net";
import nodemailer from "nodemailer";
import { BriefingError, problem, type Problem } from "../problems.ts";
import { mailboxAddress } from "./message.ts";

export interface SmtpConfig {
  host: string;
  port: number;
  /** Implicit TLS from the first byte (SMTP_SECURE, usually port 465); else STARTTLS when offered. */
  secure: boolean;
  auth: { user: string; pass: string } | null;
  /** Refuse to authenticate unless the connection is encrypted: true for every host but loopback. */
  requireTls: boolean;
  /** MAIL_FROM: overrides the From of the built message. */
  from: string | null;
}

export type SmtpEnv = Record<string, string | undefined>;

const ENV = "environment";

/** localhost, 127.0.0.0/8 and ::1: traffic that never leaves the machine. */
export function isLoopbackHost(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[|\]$/g, "");
  if (h === "localhost" || h.endsWith(".localhost")) return true;
  if (isIP(h) === 4) return h.startsWith("127.");
  if (isIP(h) === 6) return h === "::1" || h === "0:0:0:0:0:0:0:1";
  return false;
}

function parseBoolean(value: string): boolean | null {
  const v = value.trim().toLowerCase();
  if (["1", "true", "yes", "on"].includes(v)) return true;
  if (["", "0", "false", "no", "off"].includes(v)) return false;
  return null;
}

/** Reads SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS, MAIL_FROM; throws a BriefingError listing every problem. */
export function smtpConfigFromEnv(env: SmtpEnv): SmtpConfig {
  const problems: Problem[] = [];
  const bad = (field: string, message: string, fix: string) => problems.push(problem({ file: ENV, field, stage: "send", message, fix }));

  const host = (env.SMTP_HOST ?? "").trim();
  if (host === "") bad("SMTP_HOST", "SMTP_HOST is not set", "set SMTP_HOST to your mail server, e.g. SMTP_HOST=smtp.example.org (or 127.0.0.1 for a local relay)");
  else if (/[\s/]|^[a-z]+:/i.test(host) && isIP(host) === 0) bad("SMTP_HOST", `SMTP_HOST "${host}" is not a host name`, "give only the host name or IP address, without scheme, port or path");

  const secure = parseBoolean(env.SMTP_SECURE ?? "");
  if (secure === null) bad("SMTP_SECURE", `SMTP_SECURE "${env.SMTP_SECURE}" is not true or false`, "set SMTP_SECURE=true for implicit TLS (port 465), false or unset for STARTTLS");

  const portText = (env.SMTP_PORT ?? "").trim();
  const port = portText === "" ? (secure ? 465 : 587) : Number(portText);
  if (!Number.isInteger(port) || port < 1 || port > 65535) bad("SMTP_PORT", `SMTP_PORT "${portText}" is not a port number`, "set SMTP_PORT to a number from 1 to 65535, e.g. 587 (STARTTLS), 465 (SMTP_SECURE=true) or 25 (local relay)");

  const user = env.SMTP_USER ?? "";
  const pass = env.SMTP_PASS ?? "";
  // Never echo SMTP_PASS, not even its length.
  if (user !== "" && pass === "") bad("SMTP_PASS", "SMTP_USER is set but SMTP_PASS is not", "set SMTP_PASS too, or unset SMTP_USER for a relay without authentication");
  if (user === "" && pass !== "") bad("SMTP_USER", "SMTP_PASS is set but SMTP_USER is not", "set SMTP_USER too, or unset SMTP_PASS");

  const fromText = (env.MAIL_FROM ?? "").trim();
  if (fromText !== "" && !mailboxAddress(fromText)) bad("MAIL_FROM", `MAIL_FROM "${fromText}" holds no email address`, 'set e.g. MAIL_FROM="Briefing <briefing@example.org>", or unset it to use email.from from _data/site.yaml');

  if (problems.length > 0) throw new BriefingError(problems);
  return {
    host,
    port,
    secure: secure === true,
    auth: user !== "" ? { user, pass } : null,
    requireTls: !isLoopbackHost(host),
    from: fromText === "" ? null : fromText,
  };
}

/** nodemailer transport options for a config. */
export function transportOptions(config: SmtpConfig) {
  return {
    host: config.host,
    port: config.port,
    secure: config.secure,
    // STARTTLS whenever the server offers it; required before AUTH off loopback.
    ignoreTLS: false,
    requireTLS: !config.secure && config.auth !== null && config.requireTls,
    ...(config.auth ? { auth: { user: config.auth.user, pass: config.auth.pass } } : {}),
    tls: { minVersion: "TLSv1.2" as const, ...(isIP(config.host) === 0 ? { servername: config.host } : {}) },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 60_000,
    logger: false,
    debug: false,
  };
}

/** Replaces the password, and the encodings SMTP AUTH would carry it in, with a marker. */
export function redact(text: string, config: Pick<SmtpConfig, "auth"> | null): string {
  if (!config?.auth?.pass) return text;
  const { user, pass } = config.auth;
  const forms = [
    pass,
    Buffer.from(pass).toString("base64"),
    Buffer.from(`\u0000${user}\u0000${pass}`).toString("base64"),
    encodeURIComponent(pass),
  ].filter((f) => f.length > 0).sort((a, b) => b.length - a.length);
  let out = text;
  for (const f of forms) out = out.split(f).join("[redacted]");
  return out;
}

export function fixFor(code: string | undefined, config: SmtpConfig): string {
  switch (code) {
    case "EAUTH": return "check SMTP_USER and SMTP_PASS";
    case "ENOAUTH": return "set SMTP_USER and SMTP_PASS, the server requires authentication";
    case "ETLS": return config.requireTls
      ? "the server offers no STARTTLS, and credentials are only sent encrypted to a host that is not loopback: use SMTP_SECURE=true (port 465) or a server with STARTTLS"
      : "check the server's TLS set-up and SMTP_SECURE";
    case "EENVELOPE": return "the server refused the sender or recipient: check MAIL_FROM (or email.from) and --to";
    case "ECONNECTION": case "ETIMEDOUT": case "ESOCKET": case "EDNS":
      return "check SMTP_HOST and SMTP_PORT, that the server is reachable, and SMTP_SECURE (true only for implicit TLS, usually port 465)";
    default: return "check the SMTP settings (SMTP_HOST, SMTP_PORT, SMTP_SECURE, SMTP_USER, SMTP_PASS)";
  }
}

export interface Delivery {
  accepted: string[];
  rejected: string[];
  response: string;
  /** What the session actually did. */
  session: SessionReport;
}

/** What an SMTP session did, as nodemailer reported it (not what was configured). */
export interface SessionReport {
  /** The connection was upgraded with STARTTLS. */
  startTls: boolean;
  /** The server accepted a login (AUTH); false when it offered none or none was configured. */
  authenticated: boolean;
}

/**
 * A nodemailer logger that only notes what happened: a STARTTLS upgrade and
 * a successful login. It prints nothing and keeps no text (no credential
 * can leak through it).
 */
export function sessionRecorder(): { logger: Record<string, (...args: unknown[]) => void>; report: SessionReport } {
  const report: SessionReport = { startTls: false, authenticated: false };
  const note = (entry: unknown, message: unknown) => {
    if ((entry as { action?: unknown } | null)?.action === "authenticated") report.authenticated = true;
    if (message === "Connection upgraded with STARTTLS") report.startTls = true;
  };
  const quiet = () => {};
  return { logger: { trace: quiet, debug: quiet, info: note, warn: quiet, error: quiet, fatal: quiet }, report };
}

/**
 * The transport as it was used: implicit TLS, STARTTLS or plain; logged in,
 * no login configured, or credentials configured but the server offered no
 * login (nodemailer then sends without one).
 */
export function describeSession(config: SmtpConfig, session: SessionReport): string {
  const tls = config.secure ? "implicit TLS" : session.startTls ? "STARTTLS" : "no TLS";
  const auth = session.authenticated
    ? `logged in as ${config.auth?.user ?? "?"}`
    : config.auth ? "not logged in: the server offered no login" : "no login";
  return `smtp://${config.host}:${config.port} (${tls}, ${auth})`;
}

/**
 * Sends a finished RFC 5322 message as is (nodemailer's `raw`: no header is
 * added or rewritten) to `to`, with `from` as the envelope sender.
 */
export async function sendRaw(config: SmtpConfig, envelope: { from: string; to: string }, raw: Buffer): Promise<Delivery> {
  const recorder = sessionRecorder();
  const transporter = nodemailer.createTransport({ ...transportOptions(config), logger: recorder.logger as never });
  try {
    const info = await transporter.sendMail({ envelope: { from: envelope.from, to: [envelope.to] }, raw });
    return {
      accepted: (info.accepted ?? []).map(String),
      rejected: (info.rejected ?? []).map(String),
      response: redact(String(info.response ?? ""), config),
      session: { ...recorder.report },
    };
  } catch (error) {
    const e = error as { code?: string; message?: string; response?: string };
    const message = redact(`${e.message ?? String(error)}${e.response && !(e.message ?? "").includes(e.response) ? ` (${e.response})` : ""}`, config);
    throw new BriefingError([
      problem({
        file: `smtp://${config.host}:${config.port}`, stage: "send",
        message: `sending failed${e.code ? ` [${e.code}]` : ""}: ${message}`,
        fix: fixFor(e.code, config),
      }),
    ]);
  } finally {
    transporter.close();
  }
}
