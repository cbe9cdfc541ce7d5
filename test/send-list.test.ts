// `npm run send -- --edition DATE --list FILE` against a real SMTP server
// (smtp-server on 127.0.0.1): 200 recipients; the server goes down after 80
// accepted messages, answers 451 once to 5 addresses and 550 to 2. A second
// run of the same command completes the list: every good address gets exactly
// one message, the 550 addresses none, and the send log says so.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import type { Socket } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { simpleParser, type ParsedMail } from "mailparser";
import { makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import { runSendCli as send, type CliRun as Run } from "./helpers/send-cli.ts";
import { readSendLog } from "../scripts/email/send-log.ts";
import { parseRecipients } from "../scripts/email/recipients.ts";

const EDITION = "2026-02-27";
const siteYaml = readFileSync(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8")
  .replace(/unsubscribeUrl: null/, "unsubscribeUrl: https://example.org/settings/")
  .replace(/unsubscribeTemplate: null/, 'unsubscribeTemplate: "https://example.org/unsubscribe?e={email}&t={token}&ed={edition}"');

const address = (i: number) => `reader${String(i).padStart(3, "0")}@example.com`;
const DEFERRED_ONCE = new Set([10, 30, 100, 150, 190].map(address));
const REFUSED = new Set([50, 170].map(address));
const DROP_AFTER = 80;

interface Delivery { to: string[]; raw: Buffer }

/** One mail server's state across its two lives (down after 80 messages, then up again on the same port). */
class TestMailServer {
  deliveries: Delivery[] = [];
  deferred = new Set<string>();
  accepted = 0;
  port = 0;
  private server: SMTPServer | null = null;
  private sockets = new Set<Socket>();
  private down = false;

  async start(dropAfter: number | null): Promise<void> {
    this.down = false;
    const server = new SMTPServer({
      logger: false, authOptional: true, disableReverseLookup: true, disabledCommands: ["STARTTLS", "AUTH"],
      onMailFrom: (_address, _session, callback) => {
        // Going down: never answer; the socket is cut a moment later.
        if (!this.down) callback();
      },
      onRcptTo: (rcpt, _session, callback) => {
        if (REFUSED.has(rcpt.address)) return callback(Object.assign(new Error("5.1.1 No such mailbox"), { responseCode: 550 }));
        callback();
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", () => {
          const to = session.envelope.rcptTo.map((r) => r.address);
          const first = to[0]!;
          if (DEFERRED_ONCE.has(first) && !this.deferred.has(first)) {
            this.deferred.add(first);
            return callback(Object.assign(new Error("4.7.1 Try again later"), { responseCode: 451 }));
          }
          this.deliveries.push({ to, raw: Buffer.concat(chunks) });
          this.accepted++;
          callback();
          if (dropAfter !== null && this.accepted === dropAfter) this.goDown();
        });
      },
    });
    server.server.on("connection", (socket: Socket) => {
      this.sockets.add(socket);
      socket.on("close", () => this.sockets.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(this.port, "127.0.0.1", resolve));
    this.port = (server.server.address() as { port: number }).port;
    this.server = server;
  }

  /** Stops listening at once, and cuts the connection once the last 250 is on its way. */
  private goDown(): void {
    this.down = true;
    this.server?.server.close();
    setTimeout(() => {
      for (const s of this.sockets) s.destroy();
    }, 50);
  }

  async stop(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
    this.server = null;
  }
}


describe("sending an edition to a list", () => {
  let project: TempProject;
  const mail = new TestMailServer();
  const listFile = "subscribers.csv";
  const args = ["--edition", EDITION, "--list", listFile, "--rate", "0", "--retry-delay", "20", "--attempts", "3"];
  const env = () => ({ SMTP_HOST: "127.0.0.1", SMTP_PORT: String(mail.port) });
  let firstRun: Run;
  let secondRun: Run;
  let parsed: ParsedMail[];
  let startedAt = 0;

  beforeAll(async () => {
    project = makeTempProject({ siteYaml });
    await project.build();
    const rows = ["email,name,token"];
    for (let i = 0; i < 200; i++) rows.push(`${address(i)},"Reader ${i}, Esq.",tok${i}`);
    // The same address again in other case: sent once, with a warning naming the line.
    rows.push(`${address(7).toUpperCase()},Again,tok7`);
    writeFileSync(path.join(project.root, listFile), rows.join("\n") + "\n");
    await mail.start(DROP_AFTER);
  }, 60_000);
  afterAll(async () => {
    await mail.stop();
    project?.remove();
  });

  it("stops when the server goes away after 80 messages, logging each accepted one", async () => {
    startedAt = Math.floor(Date.now() / 1000) * 1000;
    firstRun = await send(project, args, env());
    expect(firstRun.code).toBe(1);
    expect(firstRun.stderr).toContain(`warning [send] ${listFile}:202 (email): ${address(7).toUpperCase()} is already on line 9; it gets one message`);
    expect(mail.accepted).toBe(DROP_AFTER);
    expect(firstRun.stdout).toMatch(/^edition 2026-02-27 via smtp:\/\/127\.0\.0\.1:\d+ \(no TLS, no login\): 80 sent, 1 failed, 0 already had it \(send log\), 119 not sent; 200 on the list$/m);
    expect(firstRun.stdout).toContain(`  ${address(50)}: 550 5.1.1 No such mailbox`);
    expect(firstRun.stdout).toMatch(/stopped: connection lost after 3 tries: .*119 not sent\. Run the same command again/);
    const log = readSendLog(path.join(project.root, ".cache/sends", `${EDITION}.jsonl`));
    expect(log.filter((e) => e.status === "accepted")).toHaveLength(80);
  });

  it("shows on --dry-run who is left, and with --resend everyone", async () => {
    const dry = await send(project, [...args, "--dry-run"], {});
    expect(dry.code).toBe(0);
    const left = dry.stdout.trim().split("\n");
    expect(left).toHaveLength(120);
    expect(left[0]).toBe(`Reader 50, Esq. <${address(50)}>`);
    expect(dry.stderr).toMatch(/would send edition 2026-02-27 .* to 120 of 200 recipients \(80 already have it/);
    const all = await send(project, [...args, "--dry-run", "--resend"], {});
    expect(all.stdout.trim().split("\n")).toHaveLength(200);
  });

  it("completes the list on a second run of the same command, sending nobody anything twice", async () => {
    await mail.start(null);
    secondRun = await send(project, args, env());
    expect(secondRun.code).toBe(1); // the two refused addresses
    expect(secondRun.stdout).toMatch(/: 118 sent, 2 failed, 80 already had it \(send log\), 0 not sent; 200 on the list$/m);
    expect(secondRun.stdout).toContain(`failed (2):\n  ${address(50)}: 550 5.1.1 No such mailbox\n  ${address(170)}: 550 5.1.1 No such mailbox\n`);
    expect(secondRun.stdout).not.toContain("stopped:");

    const received = new Map<string, number>();
    for (const d of mail.deliveries) {
      expect(d.to).toHaveLength(1); // one recipient per message
      received.set(d.to[0]!, (received.get(d.to[0]!) ?? 0) + 1);
    }
    for (let i = 0; i < 200; i++) {
      expect(received.get(address(i)) ?? 0, address(i)).toBe(REFUSED.has(address(i)) ? 0 : 1);
    }
    expect(mail.deliveries).toHaveLength(198);
    // The five deferred addresses were each refused once with 451, then accepted.
    expect([...mail.deferred].sort()).toEqual([...DEFERRED_ONCE].sort());
  });

  it("logs one accepted line per good address and the refusals, with Message-ID, reply and time", () => {
    const log = readSendLog(path.join(project.root, ".cache/sends", `${EDITION}.jsonl`));
    const accepted = log.filter((e) => e.status === "accepted");
    expect(accepted).toHaveLength(198);
    expect(new Set(accepted.map((e) => e.address)).size).toBe(198);
    expect(accepted.every((e) => e.reply.startsWith("250") && /^<edition-2026-02-27\./.test(e.messageId) && !Number.isNaN(Date.parse(e.time)))).toBe(true);
    const failed = log.filter((e) => e.status === "failed");
    // Refused on each run: a re-run tries everyone without an accepted line.
    expect(failed.map((e) => e.address).sort()).toEqual([address(170), address(50), address(50)].sort());
    expect(failed.every((e) => e.reply.startsWith("550"))).toBe(true);
  });

  it("gives each message its own headers: To, Message-ID, Date at sending, one-click List-Unsubscribe", async () => {
    parsed = await Promise.all(mail.deliveries.map((d) => simpleParser(d.raw)));
    const built = await simpleParser(readFileSync(project.site(`editions/${EDITION}/email.eml`)));
    const ids = new Set(parsed.map((p) => p.messageId));
    expect(ids.size).toBe(198);
    expect(ids.has(built.messageId)).toBe(false);
    const log = readSendLog(path.join(project.root, ".cache/sends", `${EDITION}.jsonl`));
    for (const [i, message] of parsed.entries()) {
      const to = mail.deliveries[i]!.to[0]!;
      const n = Number(to.slice(6, 9));
      expect((message.to as { value: { address: string; name: string }[] }).value).toEqual([{ address: to, name: `Reader ${n}, Esq.` }]);
      expect(message.headerLines.find((h) => h.key === "list-unsubscribe-post")?.line).toBe("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
      const unsubscribe = message.headerLines.find((h) => h.key === "list-unsubscribe")!.line.replace(/\r?\n\s+/g, " ");
      expect(unsubscribe).toBe(`List-Unsubscribe: <https://example.org/unsubscribe?e=${encodeURIComponent(to)}&t=tok${n}&ed=${EDITION}>`);
      // The moment of sending, not the edition's (27 February 2026).
      expect(message.date!.getTime()).toBeGreaterThanOrEqual(startedAt);
      expect(message.date!.getTime()).toBeLessThanOrEqual(Date.now());
      expect(message.html).toBe(built.html);
      expect(message.subject).toBe(built.subject);
      expect(log.find((e) => e.address === to && e.status === "accepted")!.messageId).toBe(message.messageId);
    }
  });

  it("names the line of a bad address or a malformed row in the list", async () => {
    const bad = parseRecipients("email,name\nok@example.org,A\nnot-an-address,B\n\nx@example.org,C,extra\n", "list.csv");
    expect(bad.problems.map((p) => [p.line, p.message])).toEqual([[5, "not a valid CSV file: expect 2, got 3 on line 5"]]);
    const unclosed = parseRecipients("email,name\nok@example.org,A\nnot-an-address,B\n\n\"x@example.org,C\n", "list.csv");
    expect(unclosed.problems.map((p) => p.message)).toEqual([expect.stringMatching(/^not a valid CSV file: Quote Not Closed/)]);
    const rows = parseRecipients("email,name\nok@example.org,A\nnot-an-address,B\n\nfine@example.org,C\n", "list.csv");
    expect(rows.problems.map((p) => [p.line, p.message])).toEqual([[3, '"not-an-address" is not an email address']]);
    expect(rows.recipients.map((r) => [r.line, r.email])).toEqual([[2, "ok@example.org"], [5, "fine@example.org"]]);
    // A name that tries to add a header stays one line of text.
    const sneaky = parseRecipients('email,name\nok@example.org,"Ada\r\nBcc: all@example.org"\n', "list.csv");
    expect(sneaky.recipients[0]?.name).toBe("Ada Bcc: all@example.org");
    writeFileSync(path.join(project.root, "broken.csv"), "email,name\nok@example.org,A\nreader@@example.org,B\n");
    const run = await send(project, ["--edition", EDITION, "--list", "broken.csv"], env());
    expect(run.code).toBe(1);
    expect(run.stderr).toContain('error [send] broken.csv:3 (email): "reader@@example.org" is not an email address');
    expect(parseRecipients("name\nA\n", "l.csv").problems[0]?.message).toBe("no `email` column in the header row");
  });
});

describe("Ctrl-C during a list send", () => {
  let project: TempProject;
  const mail = new TestMailServer();
  beforeAll(async () => {
    project = makeTempProject({ siteYaml });
    await project.build();
    writeFileSync(path.join(project.root, "few.csv"), ["email,token", ...[1, 2, 3, 4, 5].map((i) => `late${i}@example.com,t${i}`)].join("\n") + "\n");
    await mail.start(null);
  }, 60_000);
  afterAll(async () => {
    await mail.stop();
    project?.remove();
  });

  it("stops after the message in flight, and a re-run sends only to the others", async () => {
    // 30 a minute: one message every 2 s, so Ctrl-C lands between two of them.
    const args = ["--edition", EDITION, "--list", "few.csv", "--rate", "30"];
    const env = { SMTP_HOST: "127.0.0.1", SMTP_PORT: String(mail.port) };
    const interrupted = await send(project, args, env, (child) => {
      const poll = setInterval(() => {
        if (mail.accepted >= 1) {
          clearInterval(poll);
          child.kill("SIGINT");
        }
      }, 20);
      child.once("close", () => clearInterval(poll));
    });
    expect(interrupted.code).toBe(1);
    expect(interrupted.stderr).toContain("stopping after the message in flight");
    expect(interrupted.stdout).toMatch(/stopped: interrupted \(Ctrl-C\); \d+ not sent/);
    const first = mail.accepted;
    expect(first).toBeGreaterThanOrEqual(1);
    expect(first).toBeLessThan(5);
    const log = readSendLog(path.join(project.root, ".cache/sends", `${EDITION}.jsonl`));
    expect(log.filter((e) => e.status === "accepted")).toHaveLength(first);

    const rerun = await send(project, [...args.slice(0, 4), "--rate", "0"], env);
    expect(rerun.code).toBe(0);
    expect(rerun.stdout).toMatch(new RegExp(`: ${5 - first} sent, 0 failed, ${first} already had it`));
    const counts = new Map<string, number>();
    for (const d of mail.deliveries) counts.set(d.to[0]!, (counts.get(d.to[0]!) ?? 0) + 1);
    expect([...counts.values()]).toEqual([1, 1, 1, 1, 1]);
  });
});
