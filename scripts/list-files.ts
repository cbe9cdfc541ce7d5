// The one directory walk: the pipeline's code version, the render keys and
// manifest, and the site audits all list files the same way.
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

/**
 * Every file under `dir` as full paths, sorted by name at each level, a
 * symbolic link counting as what it points to. `skip` gets each entry's path
 * relative to `dir` (forward slashes) and leaves it out, a folder with all it
 * holds. A missing folder has no files.
 */
export function listFiles(dir: string, skip: (rel: string) => boolean = () => false): string[] {
  const out: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    } catch {
      return;
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (skip(relativePath(dir, full))) continue;
      const isDirectory = entry.isSymbolicLink() ? statSync(full, { throwIfNoEntry: false })?.isDirectory() === true : entry.isDirectory();
      if (isDirectory) walk(full);
      else out.push(full);
    }
  };
  walk(dir);
  return out;
}

/** `file` relative to `dir`, with forward slashes whatever the platform. */
export function relativePath(dir: string, file: string): string {
  return path.relative(dir, file).split(path.sep).join("/");
}
