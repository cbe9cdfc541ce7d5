// Which files npm run dev watches, and what a change to one of them asks for.
// Paths are relative to the project root, with forward slashes.

/** Folders whose every file is an input of the build. */
const WATCHED_FOLDERS = ["src", "_includes", "scripts"];
/** Single files that are inputs of the build (not the rest of `_data/`: the build writes `_data/briefing.json`). */
const WATCHED_FILES = ["_data/site.yaml", "eleventy.config.ts", "package.json"];

/**
 * Whether the watcher looks at `rel` (a file or a folder on the way to one).
 * Everything else under the root (the output, the caches, node_modules) is
 * never walked.
 */
export function isWatched(rel: string): boolean {
  if (rel === "" || rel === "_data") return true;
  if (WATCHED_FILES.includes(rel)) return true;
  return WATCHED_FOLDERS.some((folder) => rel === folder || rel.startsWith(folder + "/"));
}

/** An article or its sidecar: the files a build reads as data, not as code or templates. */
export function isArticleInput(rel: string): boolean {
  return rel.startsWith("src/articles/");
}

/**
 * What a batch of changes asks of the build process: articles alone are
 * rebuilt in the warm process; anything else (a template, an include, an
 * asset, site.yaml, the Eleventy config, a script, package.json) in a fresh
 * one, so that nothing loaded before the edit is served after it.
 */
export function rebuildKind(changed: readonly string[]): "warm" | "fresh process" {
  return changed.every(isArticleInput) ? "warm" : "fresh process";
}
