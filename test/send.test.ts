// `npm run send` against real SMTP servers (smtp-server, on 127.0.0.1 only):
// a plain local relay, a relay that needs a password, STARTTLS and implicit
// TLS with a certificate made for the test; the received message is the
// built email; bad settings fail clearly; the password never appears in any
// output, even when sending fails.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import { simpleParser } from "mailparser";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import { runSendCli as send, type CliRun as Run } from "./helpers/send-cli.ts";
import { sendRaw, smtpConfigFromEnv } from "../scripts/email/smtp.ts";

const SLUG = "north-korea-demands-recognition-as-nuclear-power";
const PASSWORD = "Tr0ub4dor&3-very-secret";
const siteYaml = readFileSync(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8").replace(/listUnsubscribe: null/, "listUnsubscribe: https://example.org/unsubscribe");

interface Received { raw: Buffer; from: string; to: string[]; secure: boolean; user: string | null }
interface TestServer { port: number; received: Received[]; authAttempts: number; close(): Promise<void> }

async function startServer(options: Partial<SMTPServerOptions>): Promise<TestServer> {
  const received: Received[] = [];
  const state = { authAttempts: 0 };
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disableReverseLookup: true,
    ...options,
    onAuth(auth, _session, callback) {
      state.authAttempts++;
      if (auth.username === "alice" && auth.password === PASSWORD) return callback(null, { user: "alice" });
      return callback(new Error("Invalid username or password"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        received.push({
          raw: Buffer.concat(chunks),
          from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          to: session.envelope.rcptTo.map((r) => r.address),
          secure: session.secure,
          user: (session.user as string | undefined) ?? null,
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    port, received,
    get authAttempts() { return state.authAttempts; },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const leaks = (run: Run) => {
  const all = run.stdout + run.stderr;
  return [PASSWORD, Buffer.from(PASSWORD).toString("base64"), Buffer.from(`\u0000alice\u0000${PASSWORD}`).toString("base64")].filter((f) => all.includes(f));
};

describe("npm run send", () => {
  let project: TempProject;
  let certDir: string;
  let tls: { key: Buffer; cert: Buffer; certFile: string };
  beforeAll(async () => {
    project = makeTempProject({ siteYaml });
    await project.build();
    // A certificate for 127.0.0.1, trusted by the CLI through NODE_EXTRA_CA_CERTS.
    certDir = mkdtempSync(path.join(os.tmpdir(), "briefing-smtp-tls-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
      "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", path.join(certDir, "key.pem"), "-out", path.join(certDir, "cert.pem")], { stdio: "ignore" });
    tls = { key: readFileSync(path.join(certDir, "key.pem")), cert: readFileSync(path.join(certDir, "cert.pem")), certFile: path.join(certDir, "cert.pem") };
  });
  afterAll(() => {
    project?.remove();
    rmSync(certDir, { recursive: true, force: true });
  });

  it("delivers the built email through a local relay with no TLS and no auth", async () => {
    const server = await startServer({ disabledCommands: ["STARTTLS", "AUTH"] });
    try {
      const before = Math.floor(Date.now() / 1000) * 1000;
      const run = await send(project, [SLUG, "--to", "reader@example.com"], { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(server.port), MAIL_FROM: "News Desk <desk@example.net>" });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^sent "north-korea-demands-recognition-as-nuclear-power" to reader@example.com via smtp:\/\/127\.0\.0\.1:\d+ \(no TLS, no login\)/);
      expect(server.received).toHaveLength(1);
      const got = server.received[0]!;
      expect(got.from).toBe("desk@example.net");
      expect(got.to).toEqual(["reader@example.com"]);
      const parsed = await simpleParser(got.raw);
      const eml = await simpleParser(readFileSync(project.site(`briefings/${SLUG}/email.eml`)));
      expect(parsed.html).toBe(project.read(`briefings/${SLUG}/email.html`));
      expect(parsed.text).toBe(project.read(`briefings/${SLUG}/email.txt`));
      expect(parsed.subject).toBe(eml.subject);
      expect(parsed.subject).toBe(JSON.parse(readFileSync(path.join(project.root, "_data/briefing.json"), "utf8")).articles[0].title);
      expect(parsed.from?.text).toBe('"News Desk" <desk@example.net>');
      expect((parsed.to as { text: string }).text).toBe("reader@example.com");
      // Date is the moment of sending, in the site's zone, not the article's date (the built .eml keeps that).
      const after = Date.now();
      expect(parsed.headerLines.find((h) => h.key === "date")?.line).toMatch(/^Date: \w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} \+0900$/);
      expect(parsed.date!.getTime()).toBeGreaterThanOrEqual(before);
      expect(parsed.date!.getTime()).toBeLessThanOrEqual(after);
      expect(eml.headers.get("date")).toEqual(new Date("2026-02-27T10:00:00+09:00"));
      // A Message-ID of its own: not the built file's, and not the same twice.
      expect(parsed.messageId).toMatch(/^<north-korea-demands-recognition-as-nuclear-power\.[0-9a-f]{10}\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}@localhost>$/);
      expect(parsed.messageId).not.toBe(eml.messageId);
      expect(run.stdout).toContain(`(Message-ID ${parsed.messageId})`);
      const again = await send(project, [SLUG, "--to", "reader@example.com"], { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(server.port) });
      expect(again.code).toBe(0);
      const second = await simpleParser(server.received[1]!.raw);
      expect(second.messageId).not.toBe(parsed.messageId);
      expect(second.messageId?.split("@").pop()).toBe(parsed.messageId?.split("@").pop());
      expect(parsed.headerLines.find((h) => h.key === "list-unsubscribe")?.line).toBe("List-Unsubscribe: <https://example.org/unsubscribe>");
      expect(got.raw.toString("latin1")).not.toMatch(/X-Mailer/i);
    } finally {
      await server.close();
    }
  });

  it("authenticates to a loopback relay without TLS, and never prints the password", async () => {
    const server = await startServer({ disabledCommands: ["STARTTLS"], authOptional: false, allowInsecureAuth: true });
    try {
      const ok = await send(project, [SLUG, "--to", "reader@example.com"], { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(server.port), SMTP_USER: "alice", SMTP_PASS: PASSWORD });
      expect(ok.code).toBe(0);
      expect(server.received[0]?.user).toBe("alice");
      expect(leaks(ok)).toEqual([]);
      const wrong = await send(project, [SLUG, "--to", "reader@example.com"], { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(server.port), SMTP_USER: "alice", SMTP_PASS: PASSWORD + "x" });
      expect(wrong.code).toBe(1);
      expect(wrong.stderr).toMatch(/error \[send\] smtp:\/\/127\.0\.0\.1:\d+: sending failed \[EAUTH\]/);
      expect(wrong.stderr).toContain("fix: check SMTP_USER and SMTP_PASS");
      expect(wrong.stderr).not.toContain("internal error");
      expect([PASSWORD + "x", Buffer.from(`\u0000alice\u0000${PASSWORD}x`).toString("base64")].filter((f) => (wrong.stdout + wrong.stderr).includes(f))).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("upgrades with STARTTLS when the server offers it", async () => {
    const server = await startServer({ key: tls.key, cert: tls.cert, authOptional: false });
    try {
      const run = await send(project, [SLUG, "--to", "reader@example.com"], { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(server.port), SMTP_USER: "alice", SMTP_PASS: PASSWORD, NODE_EXTRA_CA_CERTS: tls.certFile });
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(server.received[0]).toMatchObject({ secure: true, user: "alice" });
      expect(run.stdout).toContain("(STARTTLS, logged in as alice)");
      expect(leaks(run)).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("says so when credentials were set but the server offered no login", async () => {
    const server = await startServer({ disabledCommands: ["STARTTLS", "AUTH"] });
    try {
      const run = await send(project, [SLUG, "--to", "reader@example.com"], { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(server.port), SMTP_USER: "alice", SMTP_PASS: PASSWORD });
      expect(run.code).toBe(0);
      expect(server.received[0]?.user).toBeNull();
      expect(run.stdout).toContain("(no TLS, not logged in: the server offered no login)");
      expect(run.stdout).not.toContain("logged in as");
    } finally {
      await server.close();
    }
  });

  it("speaks implicit TLS with SMTP_SECURE=true", async () => {
    const server = await startServer({ secure: true, key: tls.key, cert: tls.cert });
    try {
      const run = await send(project, [SLUG, "--to", "reader@example.com"], { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(server.port), SMTP_SECURE: "true", NODE_EXTRA_CA_CERTS: tls.certFile });
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("(implicit TLS, no login)");
      expect(server.received[0]?.secure).toBe(true);
    } finally {
      await server.close();
    }
  });

  it("refuses to send credentials over plain text when TLS is required (any host but loopback)", async () => {
    const server = await startServer({ disabledCommands: ["STARTTLS"], authOptional: false, allowInsecureAuth: true });
    try {
      // The configuration a remote host gets, pointed at this plain-text server.
      const config = { ...smtpConfigFromEnv({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(server.port), SMTP_USER: "alice", SMTP_PASS: PASSWORD }), requireTls: true };
      const failure = await sendRaw(config, { from: "briefing@example.org", to: "reader@example.com" }, Buffer.from("Subject: x\r\n\r\nx\r\n")).then(() => null, (e: Error) => e);
      expect(failure?.message).toMatch(/ETLS/);
      expect(failure?.message).toContain("offers no STARTTLS");
      expect(failure?.message).not.toContain(PASSWORD);
      expect(server.authAttempts).toBe(0);
      expect(server.received).toEqual([]);
    } finally {
      await server.close();
    }
  });

  it("prints the message and the plan on --dry-run, connecting to nothing", async () => {
    const run = await send(project, [SLUG, "--to", "reader@example.com", "--dry-run"], { SMTP_HOST: "127.0.0.1", SMTP_PORT: "9", SMTP_USER: "alice", SMTP_PASS: PASSWORD });
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/^dry run: would send "north-korea-demands-recognition-as-nuclear-power" \(\d+ bytes\) from briefing@example.org to reader@example.com via smtp:\/\/127\.0\.0\.1:9 \(logging in as alice if the server offers it\)\n$/);
    const parsed = await simpleParser(Buffer.from(run.stdout, "utf8"));
    expect(parsed.html).toBe(project.read(`briefings/${SLUG}/email.html`));
    expect(leaks(run)).toEqual([]);
    const unconfigured = await send(project, [SLUG, "--to", "reader@example.com", "--dry-run"], {});
    expect(unconfigured.code).toBe(0);
    expect(unconfigured.stderr).toContain("SMTP_HOST is not set, so a real send would fail");
  });

  it("fails clearly on missing or wrong settings and arguments, never printing the password", async () => {
    const missing = await send(project, [SLUG, "--to", "reader@example.com"], { SMTP_PASS: PASSWORD });
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("error [send] environment (SMTP_HOST): SMTP_HOST is not set");
    expect(missing.stderr).toContain("error [send] environment (SMTP_USER): SMTP_PASS is set but SMTP_USER is not");
    expect(leaks(missing)).toEqual([]);

    const refused = await send(project, [SLUG, "--to", "reader@example.com"], { SMTP_HOST: "127.0.0.1", SMTP_PORT: "9", SMTP_USER: "alice", SMTP_PASS: PASSWORD });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/sending failed \[(ECONNECTION|ESOCKET)\]/);
    expect(refused.stderr).toContain("fix: check SMTP_HOST and SMTP_PORT");
    expect(leaks(refused)).toEqual([]);

    const unknown = await send(project, ["no-such-briefing", "--to", "reader@example.com"], { SMTP_HOST: "127.0.0.1" });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain(`no briefing with slug "no-such-briefing"`);
    expect(unknown.stderr).toContain(SLUG);

    const noTo = await send(project, [SLUG], { SMTP_HOST: "127.0.0.1" });
    expect(noTo.code).toBe(1);
    expect(noTo.stderr).toContain("(--to): no recipient given");
  });
});
