// Remembering what reading each article found. Reading is a pure function of
// the file's bytes, its sidecar's, the site's zone and the pipeline's code
// (scripts/pipeline/read.ts), and parsing front matter YAML and resolving its
// dates are most of a warm build's reading time (~0.4 ms an article). A build
// keeps the results in one file, `.cache/read/<version>.json`, keyed by a
// hash of those inputs; the file carries a digest of its entries, and one that
// fails to parse or to match is ignored (every article is read again) and
// rewritten. Safe to delete.
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";
import { CACHE_DIR, pipelineVersion } from "../incremental/article-cache.ts";
import { pruneCacheFolder, sealJson, unsealJson } from "../incremental/cache-folder.ts";
import { articleBody, articleBytes, readArticle, type ReadInput, type ReadResult, type SourceArticle } from "./read.ts";

const FILE_FORMAT = 2;

/**
 * What is stored of a read: all of it but the bytes, which the caller has,
 * and the body, which is cut from them again without parsing anything (kept,
 * it would make the file as large as the articles).
 */
interface StoredRead {
  article: Omit<SourceArticle, "bytes" | "body"> | null;
  problems: ReadResult["problems"];
}

export interface ReadMemo {
  /** The result of readArticle(input), remembered or computed. */
  read(input: ReadInput): ReadResult;
  /** Writes the entries used since opening when any was new; drops the rest. */
  save(): void;
  readonly stats: { hits: number; misses: number };
}

function keyOf(input: ReadInput, version: string): string {
  const hash = createHash("sha256").update(version).update("\0").update(input.path).update("\0").update(input.siteTimeZone).update("\0");
  hash.update(input.bytes).update("\0");
  if (input.sidecar) hash.update(input.sidecar.path).update("\0").update(input.sidecar.bytes);
  return hash.digest("base64");
}

export function openReadMemo(root: string, version: string = pipelineVersion()): ReadMemo {
  const base = path.join(root, CACHE_DIR, "read");
  const dir = path.join(base, version.slice(0, 16));
  const file = path.join(dir, "reads.json");
  let stored: Record<string, StoredRead> = {};
  try {
    const sealed = unsealJson(readFileSync(file, "utf8"), `"format":${FILE_FORMAT}`, "entries");
    if (sealed) {
      const parsed = JSON.parse(sealed.payload) as unknown;
      if (typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)) stored = parsed as Record<string, StoredRead>;
    }
  } catch {
    // Missing or unreadable: every article is read.
  }
  const used: Record<string, StoredRead> = {};
  let changed = false;
  const stats = { hits: 0, misses: 0 };
  return {
    stats,
    read(input) {
      const key = keyOf(input, version);
      const found = Object.hasOwn(stored, key) ? stored[key] : undefined;
      if (found && Array.isArray(found.problems) && typeof found.article === "object") {
        stats.hits++;
        used[key] = found;
        return { article: found.article && { ...found.article, body: articleBody(input, found.article.meta.encoding), bytes: articleBytes(input) }, problems: found.problems };
      }
      stats.misses++;
      changed = true;
      const result = readArticle(input);
      const article = result.article ? (({ bytes: _bytes, body: _body, ...rest }) => rest)(result.article) : null;
      used[key] = { article, problems: result.problems };
      return result;
    },
    save() {
      // Entries of removed or edited articles are dropped too.
      if (!changed && Object.keys(used).length === Object.keys(stored).length) return;
      mkdirSync(dir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, sealJson(`"format":${FILE_FORMAT}`, "entries", JSON.stringify(used)).text);
      renameSync(tmp, file);
      pruneCacheFolder(base, dir, new Set(["reads"]));
    },
  };
}
