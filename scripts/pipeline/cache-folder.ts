// Housekeeping shared by the article and read caches: each keeps one folder
// per code version under a base folder, one `<key>.json` file per entry.
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
