// The version of the stage code: part of every article cache key, so that an
// entry is served only to the code that would have produced it. It hashes the
// files the stages import, found by walking the import graph from the stages'
// entry points, and the installed versions of the npm packages they import;
// nothing else. Editing the cache itself, build.ts, a template or the render
// code therefore keeps every entry, while editing any file a stage imports
// (word lists included) starts afresh. test/stage-code.test.ts checks both.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const SCRIPTS_DIR = fileURLToPath(new URL("../", import.meta.url));

/**
 * Where the stages begin, relative to scripts/: process-article.ts runs
 * normalize, summarize, corrections and review; read.ts makes the
 * SourceArticle from the raw bytes the key holds; schema.ts is what every
 * stored result was checked against.
 */
export const STAGE_ENTRY_POINTS = ["pipeline/process-article.ts", "pipeline/read.ts", "schema.ts"] as const;

/**
 * Module specifiers in TypeScript source: `from "x"` (imports, type imports
 * included, and re-exports), `import "x"`, `import("x")`, and the string
 * given to a `require`-like function or to `.resolve(...)` (packages loaded
 * through createRequire). No spaces or commas: a word list's `"from", "to"`
 * is not one. A match in a comment at worst adds a file to the hash.
 */
const SPECIFIER = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+|\brequire\w*\s*\(\s*|\.resolve\s*\(\s*)(["'])([^"'\s,]+)\1/g;

const BUILTINS = new Set(builtinModules);

export interface StageCode {
  /** Project files the stages import, relative to scripts/ (forward slashes), sorted. */
  files: string[];
  /** npm packages the stages import, as `name@version` (installed version), sorted. */
  packages: string[];
}

/** The package a bare specifier names: `a/b/c` -> `a`, `@s/a/b` -> `@s/a`; null for Node's built-ins. */
function packageName(specifier: string): string | null {
  if (specifier.startsWith("node:")) return null;
  const parts = specifier.split("/");
  const name = specifier.startsWith("@") ? parts.slice(0, 2).join("/") : parts[0]!;
  return BUILTINS.has(name) ? null : name;
}

/** The installed version of `name` as Node would find it from `dir`, or "(not installed)". */
function installedVersion(name: string, dir: string): string {
  for (let at = dir; ; at = path.dirname(at)) {
    const manifest = path.join(at, "node_modules", name, "package.json");
    if (existsSync(manifest)) return String((JSON.parse(readFileSync(manifest, "utf8")) as { version?: unknown }).version);
    if (path.dirname(at) === at) return "(not installed)";
  }
}

/** Every file and package reachable from the entry points. */
export function stageCode(scriptsDir: string = SCRIPTS_DIR): StageCode {
  const files = new Set<string>();
  const packages = new Set<string>();
  const pending = STAGE_ENTRY_POINTS.map((entry) => path.join(scriptsDir, entry));
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    const rel = path.relative(scriptsDir, file).split(path.sep).join("/");
    if (files.has(rel)) continue;
    files.add(rel);
    // Data files (JSON, word lists) are hashed, not followed.
    if (!file.endsWith(".ts")) continue;
    for (const [, , specifier] of readFileSync(file, "utf8").matchAll(SPECIFIER)) {
      if (specifier!.startsWith(".")) {
        const target = path.resolve(path.dirname(file), specifier!);
        if (existsSync(target)) pending.push(target);
        continue;
      }
      const name = packageName(specifier!);
      if (name) packages.add(`${name}@${installedVersion(name, path.dirname(file))}`);
    }
  }
  return { files: [...files].sort(), packages: [...packages].sort() };
}

/** SHA-256 (hex) of the stage code: each file's path and bytes, and each package's version. */
export function stageCodeVersion(scriptsDir: string = SCRIPTS_DIR): string {
  const code = stageCode(scriptsDir);
  const hash = createHash("sha256");
  for (const rel of code.files) hash.update(rel).update("\0").update(readFileSync(path.join(scriptsDir, rel))).update("\0");
  return hash.update(code.packages.join("\n")).digest("hex");
}
