// The article cache's housekeeping: one folder per code version under a base
// folder, one `<key>.json` file per entry, each sealed with a digest that is
// checked before it is trusted.
import { createHash } from "node:crypto";
import { readdirSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * Removes the folders of other code versions under `base`, and in `dir` every
 * entry whose key is not in `keep` plus leftover `.tmp` files of crashed writes
 * (a concurrent writer's rename then fails harmlessly into a miss next time).
 * Returns how many files and folders it removed.
 */
export function pruneCacheFolder(base: string, dir: string, keep: ReadonlySet<string>): number {
  let removed = 0;
  for (const name of listFolder(base)) {
    if (path.join(base, name) !== dir) {
      rmSync(path.join(base, name), { recursive: true, force: true });
      removed++;
    }
  }
  for (const name of listFolder(dir)) {
    const key = name.endsWith(".json") ? name.slice(0, -".json".length) : null;
    if (key !== null && keep.has(key)) continue;
    if (key === null && !name.endsWith(".tmp")) continue;
    rmSync(path.join(dir, name), { force: true });
    removed++;
  }
  return removed;
}

/** The names in a folder, or none when it does not exist (or is not a folder). */
function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

const sha256Hex = (text: string): string => createHash("sha256").update(text).digest("hex");

/**
 * A cache file that can be checked before anything in it is parsed:
 * `{<head>,"digest":"<SHA-256 hex of payload>","<field>":<payload>}`, where
 * `head` is JSON members naming what the file is for (its key or format).
 */
export function sealJson(head: string, field: string, payload: string): { text: string; digest: string } {
  const digest = sha256Hex(payload);
  return { text: `{${head},"digest":"${digest}",${JSON.stringify(field)}:${payload}}`, digest };
}

/** The payload of a file sealJson wrote with this head and field, when its digest still matches; else null. */
export function unsealJson(text: string, head: string, field: string): { payload: string; digest: string } | null {
  const prefix = `{${head},"digest":"`;
  const digestEnd = prefix.length + 64;
  const separator = `",${JSON.stringify(field)}:`;
  const payloadStart = digestEnd + separator.length;
  if (!text.startsWith(prefix) || text.slice(digestEnd, payloadStart) !== separator || !text.endsWith("}")) return null;
  const payload = text.slice(payloadStart, -1);
  const digest = text.slice(prefix.length, digestEnd);
  return digest === sha256Hex(payload) ? { payload, digest } : null;
}
