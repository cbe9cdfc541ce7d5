// Rendering only what changed. Every page under `briefings/<slug>/` (the
// briefing page and its email edition) reads its own article and the data
// file's shell (site settings, generator, the list of topics) and nothing
// else; every other page (home archive, topics, feeds, sitemap, about…) reads
// the whole archive and is cheap by comparison. So a build compares, against
// the record of the last successful build into the same folder:
//   the shell key   templates, includes, assets, eleventy.config.ts, all of
//                   scripts/, package.json, the output folder, the machine's
//                   zone and locale, and the data file without its articles;
//   one article key per slug, a hash of the article's JSON.
// Shell changed, no record, or the folder no longer holds exactly the files
// that build wrote (paths, sizes, modification times): render everything.
// Otherwise render the shared pages and the changed articles' pages, and take
// the unchanged articles' folders from the previous site as they are (hard
// links, so the previous site is never written to). Nothing changed at all:
// keep the folder. test/build-render-skip.test.ts checks that a partial render
// gives the same bytes as a full one.
// Editions (`editions/<date>/`: page and email) are treated like articles:
// one key per edition, a hash of the edition and its briefings' keys, so an
// edition is rendered again only when one of its briefings changed, joined
// or left it.
// The record lives in `.cache/render/` and is safe to delete.
import { createHash } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { DataFile } from "../schema.ts";
import { listFiles, relativePath } from "../list-files.ts";
import type { WorkerPool } from "../pool/pool.ts";

const RECORD_FORMAT = 4;
const SCRIPTS_DIR = fileURLToPath(new URL("../", import.meta.url));

/** `path -> [size, mtimeMs]` of every file under a folder. */
export type Manifest = Record<string, [number, number]>;

export interface RenderKeys {
  shell: string;
  /** slug -> hash of the article's JSON. */
  articles: Record<string, string>;
  /** edition date -> hash of the edition and its articles' hashes. */
  editions: Record<string, string>;
}

export interface RenderRecord {
  format: number;
  keys: RenderKeys;
  /** Files in the folder after that build, for the build's summary line. */
  outputFiles: number;
  manifest: Manifest;
  /** Size and modification time of the data file that build wrote. */
  dataFile: [number, number] | null;
}

export type RenderPlan =
  | { kind: "full"; reason: string }
  | { kind: "skip"; record: RenderRecord }
  /** `render`: slugs whose pages are rendered; `keep`: slugs whose folders are taken from the previous site;
   *  `renderEditions`, `keepEditions`: the same for editions, by date. */
  | { kind: "partial"; record: RenderRecord; render: string[]; keep: string[]; renderEditions: string[]; keepEditions: string[] };

/** The folder of an article's own pages: `briefings/<slug>/`. */
const ARTICLE_FOLDER = /^briefings\/([a-z0-9]+(?:-[a-z0-9]+)*)\//;
/** The folder of an edition's own pages: `editions/<date>/`. */
const EDITION_FOLDER = /^editions\/(\d{4}-\d{2}-\d{2})\//;

/**
 * The render keys of a data file; `articleDigests` are the hashes of each
 * article's JSON that writing the data file made (scripts/pipeline/data-file.ts).
 */
export function renderKeys(root: string, outputDir: string, data: DataFile, articleDigests: string[], options: { reviewMarks?: boolean } = {}): RenderKeys {
  const hash = createHash("sha256").update(`render-record ${RECORD_FORMAT}\0${path.resolve(outputDir)}\0`);
  // npm run dev's review marks change every briefing page: a build without them renders in full.
  hash.update(`review-marks ${options.reviewMarks === true}\0`);
  // The output never depends on the machine's zone or locale; a build in
  // another one still renders in full, so that this stays checked, never assumed.
  const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
  hash.update(JSON.stringify([timeZone, locale, process.env.TZ, process.env.LANG, process.env.LC_ALL, process.env.LC_TIME])).update("\0");
  const inputs = [
    ...listFiles(path.join(root, "src"), (rel) => rel === "articles"),
    ...listFiles(path.join(root, "_includes")),
    path.join(root, "eleventy.config.ts"),
    ...listFiles(SCRIPTS_DIR),
    path.join(SCRIPTS_DIR, "../package.json"),
  ];
  for (const file of inputs) {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      bytes = Buffer.from("(missing)");
    }
    hash.update(file).update("\0").update(bytes).update("\0");
  }
  // The shell: everything but the articles. Topics by name only: which
  // articles a topic lists is read by the topic pages, which always render.
  // Editions by their own keys, below: the pages that list them all always render.
  hash.update(JSON.stringify({ ...data, articles: null, editions: null, tags: data.tags.map((t) => [t.name, t.slug]) }));
  const articles: Record<string, string> = {};
  data.articles.forEach((article, i) => {
    articles[article.slug] = articleDigests[i]!;
  });
  const editions: Record<string, string> = {};
  for (const edition of data.editions) {
    editions[edition.date] = createHash("sha256").update(JSON.stringify([edition, edition.articles.map((slug) => articles[slug] ?? "")])).digest("hex");
  }
  return { shell: hash.digest("hex"), articles, editions };
}

/**
 * Paths, sizes and modification times of every file under `dir`; entries of
 * `known` are taken as they are (files whose stat the caller already has).
 */
export function manifestOf(dir: string, known: Manifest = {}): Manifest {
  const manifest: Manifest = {};
  for (const file of listFiles(dir)) {
    const rel = relativePath(dir, file);
    const entry = known[rel];
    if (entry) {
      manifest[rel] = entry;
    } else {
      const s = statSync(file);
      manifest[rel] = [s.size, s.mtimeMs];
    }
  }
  return manifest;
}

const recordFile = (root: string) => path.join(root, ".cache", "render", "last-build.json");

/**
 * manifestOf(dir) in the pool (on a worker thread, or on this one when it
 * has no workers): thousands of stat calls that can run while the main
 * thread reads and processes articles. Null when the worker fails (the
 * caller then walks the folder itself).
 */
export async function manifestInBackground(dir: string, pool: WorkerPool): Promise<Manifest | null> {
  return pool.run({ kind: "manifest", dir }).catch(() => null);
}

function sameManifest(was: Manifest, now: Manifest): boolean {
  const names = Object.keys(now);
  if (names.length === 0 || names.length !== Object.keys(was).length) return false;
  return names.every((name) => {
    const a = was[name];
    const b = now[name]!;
    return Array.isArray(a) && a[0] === b[0] && a[1] === b[1];
  });
}

/** What this build must render into `siteDir`, given the last build's record. */
export function planRender(root: string, keys: RenderKeys, siteDir: string, current: Manifest = manifestOf(siteDir)): RenderPlan {
  let record: RenderRecord;
  try {
    record = JSON.parse(readFileSync(recordFile(root), "utf8")) as RenderRecord;
  } catch {
    return { kind: "full", reason: "no record of an earlier build" };
  }
  if (record?.format !== RECORD_FORMAT || typeof record.keys?.articles !== "object" || typeof record.keys?.editions !== "object" || typeof record.manifest !== "object" || record.manifest === null) {
    return { kind: "full", reason: "no record of an earlier build" };
  }
  if (record.keys.shell !== keys.shell) return { kind: "full", reason: "templates, code or site settings changed" };
  if (!sameManifest(record.manifest, current)) return { kind: "full", reason: "the site folder changed since the last build" };
  const render: string[] = [];
  const keep: string[] = [];
  for (const [slug, key] of Object.entries(keys.articles)) (record.keys.articles[slug] === key ? keep : render).push(slug);
  const renderEditions: string[] = [];
  const keepEditions: string[] = [];
  for (const [date, key] of Object.entries(keys.editions)) (record.keys.editions[date] === key ? keepEditions : renderEditions).push(date);
  const removed =
    Object.keys(record.keys.articles).some((slug) => !(slug in keys.articles)) ||
    Object.keys(record.keys.editions).some((date) => !(date in keys.editions));
  if (render.length === 0 && renderEditions.length === 0 && !removed) return { kind: "skip", record };
  return { kind: "partial", record, render, keep, renderEditions, keepEditions };
}

/**
 * Fills a partial render's staging folder with the unchanged articles'
 * folders from the previous site: hard links where the file system allows
 * (the previous site is only read), copies where it does not. Returns the
 * manifest entries of the files it linked: a link is the same file, with the
 * same size and modification time as the last build recorded.
 */
export function keepArticleFolders(previousSite: string, stagedSite: string, manifest: Manifest, keep: string[], keepEditions: string[] = []): { files: number; linked: Manifest } {
  const kept = new Set(keep);
  const keptEditions = new Set(keepEditions);
  const made = new Set<string>();
  const linked: Manifest = {};
  let files = 0;
  for (const [rel, entry] of Object.entries(manifest)) {
    const slug = ARTICLE_FOLDER.exec(rel)?.[1];
    const date = slug ? undefined : EDITION_FOLDER.exec(rel)?.[1];
    if (!(slug && kept.has(slug)) && !(date && keptEditions.has(date))) continue;
    const target = path.join(stagedSite, rel);
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    const source = path.join(previousSite, rel);
    try {
      linkSync(source, target);
      linked[rel] = entry;
    } catch {
      copyFileSync(source, target);
    }
    files++;
  }
  return { files, linked };
}

function statOf(file: string): [number, number] | null {
  const s = statSync(file, { throwIfNoEntry: false });
  return s ? [s.size, s.mtimeMs] : null;
}

/**
 * Whether the data file is still the one the last build wrote (same size and
 * time). With a "skip" plan its bytes would be the same again: same articles,
 * same shell, and the topics' lists follow from the articles.
 */
export function dataFileUnchanged(record: RenderRecord, dataFile: string): boolean {
  const now = statOf(dataFile);
  return Array.isArray(record.dataFile) && now !== null && record.dataFile[0] === now[0] && record.dataFile[1] === now[1];
}

/** Records a successful render into `siteDir` (after it is in place). */
export function recordRender(root: string, keys: RenderKeys, siteDir: string, dataFile: string, known: Manifest = {}): RenderRecord {
  const file = recordFile(root);
  mkdirSync(path.dirname(file), { recursive: true });
  const manifest = manifestOf(siteDir, known);
  const record: RenderRecord = { format: RECORD_FORMAT, keys, outputFiles: Object.keys(manifest).length, manifest, dataFile: statOf(dataFile) };
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(record));
  renameSync(tmp, file);
  return record;
}
