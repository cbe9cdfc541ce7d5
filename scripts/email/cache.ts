// The email cache: juice's inlining, the plain-text twin and the MIME message
// cost 10-20 ms per briefing and depend only on the rendered template and the
// message headers, so they are kept in `.cache/email/` between builds.
//
//   edition entry  key = hash(email code version, rendered HTML before inlining)
//                  -> the inlined HTML and its plain text
//   message entry  key = hash(email code version, inlined HTML, text, headers)
//                  -> the .eml bytes
//
// The version is a hash of the email code and of the exact versions of juice,
// html-to-text and nodemailer, so a change to any of them starts afresh. Each
// entry carries its key and a digest of its payload; an entry that fails to
// parse or to match is a miss and is rebuilt, never trusted. Safe to delete.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { pruneCacheFolder } from "../pipeline/cache-folder.ts";

/** Bumped when the entry layout itself changes. */
const ENTRY_FORMAT = 1;

const SCRIPTS_DIR = fileURLToPath(new URL("../", import.meta.url));
/** Every file whose code reaches email.html, email.txt or email.eml after the template. */
const EMAIL_CODE = ["email/inline.ts", "email/text.ts", "email/message.ts", "email/finish.ts", "email/cache.ts", "render/email.ts"];
const EMAIL_PACKAGES = ["juice", "html-to-text", "nodemailer"];

let memoizedVersion: string | null = null;

/** A hash of the email code and its libraries' versions; computed once per process. */
export function emailCodeVersion(): string {
  if (memoizedVersion) return memoizedVersion;
  const hash = createHash("sha256").update(`email entry-format ${ENTRY_FORMAT}\n`);
  for (const rel of EMAIL_CODE) hash.update(rel).update("\0").update(readFileSync(path.join(SCRIPTS_DIR, rel))).update("\0");
  const pkg = JSON.parse(readFileSync(path.join(SCRIPTS_DIR, "../package.json"), "utf8")) as { dependencies?: Record<string, string> };
  for (const name of EMAIL_PACKAGES) hash.update(`${name}@${pkg.dependencies?.[name] ?? "?"}\n`);
  memoizedVersion = hash.digest("hex");
  return memoizedVersion;
}

const sha256 = (...parts: (string | Buffer)[]): string => {
  const hash = createHash("sha256");
  for (const part of parts) hash.update(part).update("\0");
  return hash.digest("hex");
};

export interface Edition {
  /** email.html as written: CSS inlined. */
  html: string;
  /** email.txt. */
  text: string;
}

export const editionKey = (renderedHtml: string, version = emailCodeVersion()): string => sha256("edition", version, renderedHtml);
export const messageKey = (edition: Edition, headers: unknown, version = emailCodeVersion()): string =>
  sha256("message", version, edition.html, edition.text, JSON.stringify(headers));

export interface EmailCacheStats {
  hits: number;
  misses: number;
  rejected: number;
}

export interface EmailCache {
  readonly dir: string;
  readonly stats: EmailCacheStats;
  readEdition(key: string): Edition | null;
  writeEdition(key: string, edition: Edition): void;
  readMessage(key: string): Buffer | null;
  writeMessage(key: string, eml: Buffer): void;
  /** Removes every entry not read or written since the cache was opened, and other versions' folders. */
  pruneUnused(): number;
}

interface StoredEntry {
  key: string;
  digest: string;
  payload: Record<string, string>;
}

/** Opens `<root>/.cache/email/<version>/`; nothing is created until the first write. */
export function openEmailCache(root: string, version: string = emailCodeVersion()): EmailCache {
  const base = path.join(root, ".cache", "email");
  const dir = path.join(base, version.slice(0, 16));
  const used = new Set<string>();
  const stats: EmailCacheStats = { hits: 0, misses: 0, rejected: 0 };
  let writes = 0;
  const fileFor = (key: string) => path.join(dir, `${key}.json`);
  const digestOf = (payload: Record<string, string>) => sha256(...Object.keys(payload).sort().flatMap((k) => [k, payload[k]!]));

  const read = (key: string, fields: string[]): Record<string, string> | null => {
    used.add(key);
    let text: string;
    try {
      text = readFileSync(fileFor(key), "utf8");
    } catch {
      stats.misses++;
      return null;
    }
    try {
      const entry = JSON.parse(text) as StoredEntry;
      const payload = entry?.payload;
      const valid =
        entry.key === key &&
        payload !== null && typeof payload === "object" &&
        Object.keys(payload).sort().join() === [...fields].sort().join() &&
        fields.every((f) => typeof payload[f] === "string") &&
        entry.digest === digestOf(payload);
      if (valid) {
        stats.hits++;
        return payload;
      }
    } catch {
      // fall through: unreadable is the same as invalid
    }
    stats.misses++;
    stats.rejected++;
    return null;
  };

  const write = (key: string, payload: Record<string, string>): void => {
    used.add(key);
    mkdirSync(dir, { recursive: true });
    // Beside the entry, then renamed: a concurrent reader sees all of it or none.
    const tmp = path.join(dir, `.${key}.${process.pid}.${writes++}.tmp`);
    writeFileSync(tmp, JSON.stringify({ key, digest: digestOf(payload), payload } satisfies StoredEntry));
    renameSync(tmp, fileFor(key));
  };

  return {
    dir,
    stats,
    readEdition(key) {
      const p = read(key, ["html", "text"]);
      return p ? { html: p.html!, text: p.text! } : null;
    },
    writeEdition(key, edition) {
      write(key, { html: edition.html, text: edition.text });
    },
    readMessage(key) {
      const p = read(key, ["eml"]);
      return p ? Buffer.from(p.eml!, "base64") : null;
    },
    writeMessage(key, eml) {
      write(key, { eml: eml.toString("base64") });
    },
    pruneUnused() {
      return pruneCacheFolder(base, dir, used);
    },
  };
}

