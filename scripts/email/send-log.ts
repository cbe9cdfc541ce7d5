// The send log of a list send: `.cache/sends/<edition>.jsonl`, one JSON line
// per recipient the server answered for good, appended and flushed to disk as
// each reply arrives. A re-run reads it and skips every address with an
// `accepted` line, so a crash, a dropped connection or Ctrl-C never sends
// anyone the edition twice and never skips anyone. (The one gap no client can
// close: a crash between the server's 250 and the line reaching the disk.)
import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from "node:fs";
import path from "node:path";

export interface SendLogEntry {
  /** The address as the list writes it. */
  address: string;
  /** "accepted": the server took the message (250); "failed": it refused it for good (5xx), or kept deferring it (4xx). */
  status: "accepted" | "failed";
  messageId: string;
  /** The server's reply line. */
  reply: string;
  /** ISO time of the reply. */
  time: string;
}

export function sendLogPath(root: string, edition: string): string {
  return path.join(root, ".cache", "sends", `${edition}.jsonl`);
}

/** Every readable entry of a log, in order; a torn last line (a crash mid-write) is ignored. */
export function readSendLog(file: string): SendLogEntry[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  const entries: SendLogEntry[] = [];
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    try {
      const entry = JSON.parse(line) as SendLogEntry;
      if (typeof entry.address === "string" && (entry.status === "accepted" || entry.status === "failed")) entries.push(entry);
    } catch {
      // A line cut short by a crash: its message is not known to be accepted.
    }
  }
  return entries;
}

/** Lower-case addresses with an accepted line: who already has the edition. */
export function acceptedAddresses(entries: readonly SendLogEntry[]): Set<string> {
  return new Set(entries.filter((e) => e.status === "accepted").map((e) => e.address.toLowerCase()));
}

/** An open log: each append is one line, written and flushed before it returns. */
export interface SendLogWriter {
  append(entry: SendLogEntry): void;
  close(): void;
}

export function openSendLog(file: string): SendLogWriter {
  mkdirSync(path.dirname(file), { recursive: true });
  const fd = openSync(file, "a");
  return {
    append(entry) {
      writeSync(fd, JSON.stringify(entry) + "\n");
      fsyncSync(fd);
    },
    close() {
      closeSync(fd);
    },
  };
}
