// Skipping Eleventy when nothing it reads has changed. A warm build with no
// edits spends nearly all its time re-rendering the same pages; when the data
// file's bytes, every template, include and asset, the code and the
// dependency versions are those of the last successful build into the same
// folder, and that folder still holds exactly the files that build wrote
// (same paths, sizes and modification times), the folder is kept as it is.
// Anything else, including a file touched or removed by hand, renders in full.
// The record lives in `.cache/render/` and is safe to delete.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const RECORD_FORMAT = 1;
const SCRIPTS_DIR = fileURLToPath(new URL("../", import.meta.url));

/** `path -> [size, mtimeMs]` of every file under a folder. */
export type Manifest = Record<string, [number, number]>;

export interface RenderRecord {
  format: number;
  key: string;
  /** What Eleventy reported writing, for the build's summary line. */
  outputFiles: number;
  manifest: Manifest;
}

/** Every file a render reads besides the data file, relative to `base`, sorted. */
function listFiles(dir: string, base: string, skip: (rel: string) => boolean): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return [];
  }
  const out: string[] = [];
  for (const name of entries) {
    const full = path.join(dir, name);
    const rel = path.relative(base, full).split(path.sep).join("/");
    if (skip(rel)) continue;
    if (statSync(full).isDirectory()) out.push(...listFiles(full, base, skip));
    else out.push(full);
  }
  return out;
}

/**
 * The render's key: the data file's bytes, the output folder, the zone and
 * locale, and the bytes
 * of the project's templates, includes and assets (articles excluded: they
 * reach the render only through the data file), eleventy.config.ts, all of
 * scripts/ and package.json.
 */
export function renderKey(root: string, outputDir: string, dataText: string): string {
  const hash = createHash("sha256").update(`render-record ${RECORD_FORMAT}\0${path.resolve(outputDir)}\0`);
  // The output never depends on the machine's zone or locale; a build in
  // another one still renders in full, so that this stays checked, never assumed.
  const { timeZone, locale } = Intl.DateTimeFormat().resolvedOptions();
  hash.update(JSON.stringify([timeZone, locale, process.env.TZ, process.env.LANG, process.env.LC_ALL, process.env.LC_TIME])).update("\0");
  const inputs = [
    ...listFiles(path.join(root, "src"), root, (rel) => rel === "src/articles"),
    ...listFiles(path.join(root, "_includes"), root, () => false),
    path.join(root, "eleventy.config.ts"),
    ...listFiles(SCRIPTS_DIR, SCRIPTS_DIR, () => false),
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
  return hash.update(dataText).digest("hex");
}

/** Paths, sizes and modification times of every file under `dir`. */
export function manifestOf(dir: string): Manifest {
  const manifest: Manifest = {};
  for (const file of listFiles(dir, dir, () => false)) {
    const s = statSync(file);
    manifest[path.relative(dir, file).split(path.sep).join("/")] = [s.size, s.mtimeMs];
  }
  return manifest;
}

const recordFile = (root: string) => path.join(root, ".cache", "render", "last-build.json");

/** The last build's record when it matches `key` and `siteDir` is untouched since; else null. */
export function unchangedRender(root: string, key: string, siteDir: string): RenderRecord | null {
  let record: RenderRecord;
  try {
    record = JSON.parse(readFileSync(recordFile(root), "utf8")) as RenderRecord;
  } catch {
    return null;
  }
  if (record?.format !== RECORD_FORMAT || record.key !== key || typeof record.manifest !== "object" || record.manifest === null) return null;
  const current = manifestOf(siteDir);
  const names = Object.keys(current);
  if (names.length === 0 || names.length !== Object.keys(record.manifest).length) return null;
  for (const name of names) {
    const was = record.manifest[name];
    const now = current[name]!;
    if (!Array.isArray(was) || was[0] !== now[0] || was[1] !== now[1]) return null;
  }
  return record;
}

/** Records a successful render into `siteDir` (after it is in place). */
export function recordRender(root: string, key: string, siteDir: string, outputFiles: number): void {
  const file = recordFile(root);
  mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ format: RECORD_FORMAT, key, outputFiles, manifest: manifestOf(siteDir) } satisfies RenderRecord));
  renameSync(tmp, file);
}
