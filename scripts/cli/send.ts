// npm run send -- <slug> --to <address> [--dry-run]
// Sends the built email of one briefing (_site/briefings/<slug>/email.html and
// email.txt, composed exactly as email.eml with a To header added) through the
// SMTP server the environment names: SMTP_HOST, SMTP_PORT, SMTP_SECURE,
// SMTP_USER, SMTP_PASS, MAIL_FROM. --dry-run prints the message on stdout and
// what would happen on stderr, and connects to nothing.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { readDataFile, DATA_FILE } from "../pipeline/data-file.ts";
import { BriefingError, problem } from "../pipeline/problems.ts";
import { composeMessage, mailboxAddress, messageHeaders } from "../email/message.ts";
import { redact, sendRaw, smtpConfigFromEnv, type SmtpConfig } from "../email/smtp.ts";
import { runCli } from "./run-cli.ts";

const USAGE = "npm run send -- <slug> --to <address> [--dry-run]";
const CLI = "command line";

interface SendRequest {
  slug: string;
  to: string;
  dryRun: boolean;
}

function parseRequest(argv: string[]): SendRequest {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { to: { type: "string" }, "dry-run": { type: "boolean", default: false } } });
  } catch (error) {
    throw new BriefingError([problem({ file: CLI, stage: "send", message: (error as Error).message, fix: `usage: ${USAGE}` })]);
  }
  const [slug, ...extra] = parsed.positionals;
  const problems = [];
  if (!slug) problems.push(problem({ file: CLI, stage: "send", message: "no briefing slug given", fix: `usage: ${USAGE} (slugs are the folder names under _site/briefings/)` }));
  if (extra.length > 0) problems.push(problem({ file: CLI, stage: "send", message: `unexpected arguments: ${extra.join(" ")}`, fix: `usage: ${USAGE}` }));
  const to = parsed.values.to ?? "";
  if (!to) problems.push(problem({ file: CLI, field: "--to", stage: "send", message: "no recipient given", fix: `usage: ${USAGE}` }));
  else if (!mailboxAddress(to) || to.includes(",")) problems.push(problem({ file: CLI, field: "--to", stage: "send", message: `"${to}" is not one email address`, fix: "give one address, e.g. --to reader@example.org" }));
  if (problems.length > 0) throw new BriefingError(problems);
  return { slug: slug!, to, dryRun: parsed.values["dry-run"] ?? false };
}

/** The built message for `slug` addressed to `to`, with MAIL_FROM applied. */
async function buildMessage(root: string, request: SendRequest, mailFrom: string | null) {
  const data = readDataFile(path.join(root, DATA_FILE));
  const article = data.articles.find((a) => a.slug === request.slug);
  if (!article) {
    const known = data.articles.map((a) => a.slug);
    throw new BriefingError([problem({ file: CLI, stage: "send", message: `no briefing with slug "${request.slug}"`, fix: known.length ? `use one of: ${known.slice(0, 10).join(", ")}${known.length > 10 ? ", ..." : ""}` : "add an article and run npm run build" })]);
  }
  const dir = path.join(root, "_site/briefings", article.slug);
  const [htmlPath, textPath] = [path.join(dir, "email.html"), path.join(dir, "email.txt")];
  for (const file of [htmlPath, textPath]) {
    if (!existsSync(file)) throw new BriefingError([problem({ file: path.relative(root, file), stage: "send", message: "not built", fix: "run npm run build first" })]);
  }
  const headers = { ...messageHeaders(article, data.site), ...(mailFrom ? { from: mailFrom } : {}) };
  const raw = await composeMessage({ html: readFileSync(htmlPath), text: readFileSync(textPath) }, headers, request.to);
  return { headers, raw, envelopeFrom: mailboxAddress(headers.from)! };
}

function describeTransport(config: SmtpConfig): string {
  const tls = config.secure ? "implicit TLS" : config.auth && config.requireTls ? "STARTTLS required" : "STARTTLS if offered";
  return `smtp://${config.host}:${config.port} (${tls}, ${config.auth ? `auth as ${config.auth.user}` : "no auth"})`;
}

await runCli(async () => {
  const root = process.cwd();
  const env = process.env;
  const request = parseRequest(process.argv.slice(2));
  let config: SmtpConfig | null = null;
  try {
    if (request.dryRun && (env.SMTP_HOST ?? "").trim() === "") {
      const message = await buildMessage(root, request, (env.MAIL_FROM ?? "").trim() || null);
      process.stdout.write(message.raw);
      process.stderr.write(`dry run: would send "${request.slug}" (${message.raw.length} bytes) from ${message.envelopeFrom} to ${request.to}; SMTP_HOST is not set, so a real send would fail\n`);
      return 0;
    }
    config = smtpConfigFromEnv(env);
    const message = await buildMessage(root, request, config.from);
    if (request.dryRun) {
      process.stdout.write(message.raw);
      process.stderr.write(`dry run: would send "${request.slug}" (${message.raw.length} bytes) from ${message.envelopeFrom} to ${request.to} via ${describeTransport(config)}\n`);
      return 0;
    }
    const delivery = await sendRaw(config, { from: message.envelopeFrom, to: request.to }, message.raw);
    if (delivery.accepted.length === 0) {
      throw new BriefingError([problem({ file: `smtp://${config.host}:${config.port}`, stage: "send", message: `the server accepted no recipient (rejected: ${delivery.rejected.join(", ")})`, fix: "check the --to address" })]);
    }
    process.stdout.write(`sent "${request.slug}" to ${request.to} via ${describeTransport(config)}: ${delivery.response}\n`);
    return 0;
  } catch (error) {
    // Whatever failed, nothing printed may carry the password.
    if (error instanceof BriefingError) {
      throw new BriefingError(error.problems.map((p) => ({ ...p, message: redact(p.message, config), ...(p.fix ? { fix: redact(p.fix, config) } : {}) })));
    }
    const bug = new Error(redact(error instanceof Error ? error.message : String(error), config));
    bug.stack = redact(error instanceof Error ? (error.stack ?? bug.message) : bug.message, config);
    throw bug;
  }
});

