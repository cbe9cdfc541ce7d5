// The benchmark's two projects, side by side in one temporary folder:
// `briefing/` is a copy of this project (real templates, config and scripts)
// with N synthetic articles as raw text; `bare/` is bare Eleventy rendering the
// same N articles from one plain JSON data file with a minimal paginated
// Nunjucks template (the baseline the issue measures against).
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { SyntheticArticle } from "./synthetic.ts";

export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url));

export interface BenchProjects {
  dir: string;
  briefing: string;
  bare: string;
  remove(): void;
}

const BARE_TEMPLATE = `---
pagination:
  data: articles
  size: 1
  alias: article
permalink: "briefings/{{ article.slug }}/index.html"
---
<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>{{ article.title }}</title></head>
<body>
<article>
<h1>{{ article.title }}</h1>
<p><time datetime="{{ article.date }}">{{ article.date }}</time></p>
{% for p in article.paragraphs %}<p>{{ p }}</p>
{% endfor %}
</article>
</body>
</html>
`;

/**
 * This project's templates, includes, config and site settings copied into
 * `target`, with an empty src/articles/ (the bench's and the tests' projects).
 */
export function copyProjectSkeleton(target: string, siteYaml?: string): void {
  for (const sub of ["src", "_includes"]) {
    cpSync(path.join(PROJECT_ROOT, sub), path.join(target, sub), {
      recursive: true,
      filter: (src) => !src.startsWith(path.join(PROJECT_ROOT, "src/articles")),
    });
  }
  mkdirSync(path.join(target, "src/articles"), { recursive: true });
  mkdirSync(path.join(target, "_data"), { recursive: true });
  writeFileSync(path.join(target, "_data/site.yaml"), siteYaml ?? readFileSync(path.join(PROJECT_ROOT, "_data/site.yaml")));
  cpSync(path.join(PROJECT_ROOT, "eleventy.config.ts"), path.join(target, "eleventy.config.ts"));
}

export function makeBenchProjects(articles: SyntheticArticle[]): BenchProjects {
  const dir = mkdtempSync(path.join(os.tmpdir(), "briefing-bench-"));
  const briefing = path.join(dir, "briefing");
  const bare = path.join(dir, "bare");

  // Our project: as test/helpers/project.ts lays one out.
  copyProjectSkeleton(briefing);
  // The code is copied, not linked: a bench takes minutes, and an edit to the
  // pipeline meanwhile would change its version hash and turn the warm build
  // into a cold one. Every build of one run measures the same code.
  cpSync(path.join(PROJECT_ROOT, "scripts"), path.join(briefing, "scripts"), { recursive: true });
  for (const link of ["node_modules", "package.json"]) symlinkSync(path.join(PROJECT_ROOT, link), path.join(briefing, link));
  for (const a of articles) writeFileSync(path.join(briefing, "src/articles", a.name), a.text);

  // The baseline: no config file, one template, one data file.
  mkdirSync(path.join(bare, "src/_data"), { recursive: true });
  writeFileSync(path.join(bare, "src/article.njk"), BARE_TEMPLATE);
  writeFileSync(path.join(bare, "src/_data/articles.json"), JSON.stringify(articles.map((a) => a.plain)));
  symlinkSync(path.join(PROJECT_ROOT, "node_modules"), path.join(bare, "node_modules"));

  return { dir, briefing, bare, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
