// Temporary projects for whole-build tests: the real templates, config and
// scripts, with the articles a test chooses, built with the real pipeline.
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { build, type BuildOptions, type BuildReport } from "../../scripts/build.ts";
import { copyProjectSkeleton } from "../../scripts/bench/project.ts";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "../..");
export const SEED_ARTICLE = path.join(PROJECT_ROOT, "src/articles/000_73ba9802054c4cc1.txt");

export interface TempProject {
  root: string;
  /** Writes an article (and optional sidecar) into src/articles/. */
  addArticle(name: string, text: string | Buffer): string;
  build(options?: Partial<BuildOptions>): Promise<BuildReport>;
  site(relative: string): string;
  read(relative: string): string;
  remove(): void;
}

export interface TempProjectOptions {
  /** Copy the sample articles (the seed and its sidecar). Default true. */
  withSample?: boolean;
  /** Replace _data/site.yaml. */
  siteYaml?: string;
}

export function makeTempProject(options: TempProjectOptions = {}): TempProject {
  const root = mkdtempSync(path.join(os.tmpdir(), "briefing-test-"));
  copyProjectSkeleton(root, options.siteYaml);
  for (const link of ["scripts", "node_modules", "package.json"]) {
    symlinkSync(path.join(PROJECT_ROOT, link), path.join(root, link));
  }
  if (options.withSample ?? true) {
    for (const f of readdirSync(path.join(PROJECT_ROOT, "src/articles"))) {
      cpSync(path.join(PROJECT_ROOT, "src/articles", f), path.join(root, "src/articles", f));
    }
  }
  return {
    root,
    addArticle(name, text) {
      const file = path.join(root, "src/articles", name);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, text);
      return file;
    },
    build(extra = {}) {
      return build({ root, env: {}, ...extra });
    },
    site(relative) {
      return path.join(root, "_site", relative);
    },
    read(relative) {
      return readFileSync(path.join(root, "_site", relative), "utf8");
    },
    remove() {
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** Every file under `dir` with the SHA-256 of its bytes, sorted by path. */
export function hashTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out[path.relative(dir, full).split(path.sep).join("/")] = createHash("sha256").update(readFileSync(full)).digest("hex");
    }
  };
  walk(dir);
  return out;
}
