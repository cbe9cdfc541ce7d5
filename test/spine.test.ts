// The whole pipeline end to end through the real command: the seed article to
// every output file, byte-identical across builds, machines' zones and locales.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashTree, makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";

const TSX = path.join(PROJECT_ROOT, "node_modules/.bin/tsx");
const SLUG = "north-korea-demands-recognition-as-nuclear-power";

function runBuild(root: string, env: Record<string, string> = {}) {
  return spawnSync(TSX, ["scripts/cli/build.ts"], {
    cwd: root,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", ...env },
  });
}

describe("npm run build on the sample", () => {
  let project: TempProject;
  let first: ReturnType<typeof runBuild>;
  beforeAll(() => {
    project = makeTempProject();
    first = runBuild(project.root, { TZ: "Pacific/Kiritimati", LANG: "de_DE.UTF-8", LC_ALL: "de_DE.UTF-8" });
  });
  afterAll(() => project.remove());

  it("exits 0 and prints one line per stage", () => {
    expect(first.status, first.stderr).toBe(0);
    const stages = first.stdout.split("\n").map((l) => l.split(/\s+/)[0]).filter(Boolean);
    for (const stage of ["config", "pipeline", "data", "render", "done"]) expect(stages).toContain(stage);
    expect(first.stdout).toMatch(/1 article read, 1 published, 0 drafts/);
    expect(first.stdout).toMatch(/^done {7}1 briefing, \d+ files in _site\//m);
  });

  it("writes every output the README promises", () => {
    for (const file of [
      "index.html",
      `briefings/${SLUG}/index.html`,
      `briefings/${SLUG}/email.html`,
      `briefings/${SLUG}/email.txt`,
      `briefings/${SLUG}/email.eml`,
      "feed.xml", "atom.xml", "feed.json",
      "sitemap.xml", "robots.txt", "404.html",
    ]) {
      expect(existsSync(project.site(file)), file).toBe(true);
    }
    expect(existsSync(path.join(project.root, "_data/briefing.json"))).toBe(true);
  });

  it("keeps the seed's text: every paragraph of the file is on the briefing page, in order", () => {
    const seed = readFileSync(path.join(project.root, "src/articles/000_73ba9802054c4cc1.txt"), "utf8");
    const data = JSON.parse(readFileSync(path.join(project.root, "_data/briefing.json"), "utf8"));
    const paragraphs = data.articles[0].sections.flatMap((s: { paragraphs: { text: string }[] }) => s.paragraphs.map((p) => p.text));
    const lines = seed.split("\n").map((l) => l.trim()).filter((l) => l && !data.articles[0].sections.some((s: { heading: string | null }) => s.heading === l));
    expect(paragraphs).toEqual(lines);
  });

  it("gives byte-identical output on a second build in another zone and locale", () => {
    const before = hashTree(project.site(""));
    const dataBefore = readFileSync(path.join(project.root, "_data/briefing.json"));
    const second = runBuild(project.root, { TZ: "America/Los_Angeles", LANG: "C", LC_ALL: "C" });
    expect(second.status, second.stderr).toBe(0);
    expect(hashTree(project.site(""))).toEqual(before);
    expect(readFileSync(path.join(project.root, "_data/briefing.json")).equals(dataBefore)).toBe(true);
  });
});

describe("a build that fails", () => {
  it("prints the error first and the pipeline's count after it, with a status of 1", () => {
    const project = makeTempProject();
    try {
      project.addArticle("latin1.txt", Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x70, 0x65, 0x6e, 0x73, 0x2e, 0x0a]));
      // One stream, so the order is the order written.
      const run = spawnSync("sh", ["-c", `"${TSX}" scripts/cli/build.ts 2>&1`], {
        cwd: project.root,
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "" },
      });
      expect(run.status).toBe(1);
      const errorAt = run.stdout.indexOf("latin1.txt");
      const summaryAt = run.stdout.search(/^pipeline +2 articles read, 1 published, 0 drafts/m);
      expect(errorAt, run.stdout).toBeGreaterThanOrEqual(0);
      expect(summaryAt, run.stdout).toBeGreaterThan(errorAt);
      expect(run.stdout).not.toMatch(/^done /m);
    } finally {
      project.remove();
    }
  });
});

describe("SITE_URL", () => {
  it("puts every feed and email link under the base URL and its path prefix", () => {
    const project = makeTempProject();
    try {
      const result = runBuild(project.root, { SITE_URL: "https://example.org/briefing/" });
      expect(result.status, result.stderr).toBe(0);
      for (const file of ["feed.xml", "atom.xml", "feed.json", `briefings/${SLUG}/email.html`, `briefings/${SLUG}/email.txt`]) {
        const text = project.read(file);
        const urls = [...text.matchAll(/https?:\/\/[^\s"'<>)\]\\]+/g)].map((m) => m[0]).filter((u) => !/w3\.org|jsonfeed\.org|purl\.org|github\.com|schema\.org|xmlns/.test(u));
        expect(urls.length, file).toBeGreaterThan(0);
        for (const u of urls) expect(u, `${file}: ${u}`).toMatch(/^https:\/\/example\.org\/briefing\//);
      }
      const page = project.read(`briefings/${SLUG}/index.html`);
      expect(page).toContain('href="/briefing/assets/');
      expect(page).not.toMatch(/href="\/(?!briefing\/)[a-z]/);
    } finally {
      project.remove();
    }
  });

  it("fails with a clear message for a malformed URL and writes nothing", () => {
    const project = makeTempProject();
    try {
      const result = runBuild(project.root, { SITE_URL: "example.org/briefing" });
      expect(result.status).toBe(1);
      expect(result.stderr).toMatch(/SITE_URL \(environment\).*not an absolute URL/);
      expect(result.stderr).toMatch(/fix: /);
      expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expect(existsSync(project.site("index.html"))).toBe(false);
    } finally {
      project.remove();
    }
  });
});

describe("a broken article", () => {
  it("fails the build naming the file and field, and leaves the previous _site and data file byte for byte", () => {
    const project = makeTempProject();
    try {
      expect(runBuild(project.root).status).toBe(0);
      const before = hashTree(project.site(""));
      const dataBefore = readFileSync(path.join(project.root, "_data/briefing.json"));
      project.addArticle("broken.md", "---\ntitle: Fine\ndate: 2026-02-30\n---\nA body.\n");
      const result = runBuild(project.root);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain("src/articles/broken.md");
      expect(result.stderr).toMatch(/date/);
      expect(hashTree(project.site(""))).toEqual(before);
      expect(readFileSync(path.join(project.root, "_data/briefing.json")).equals(dataBefore)).toBe(true);
      writeFileSync(path.join(project.root, "src/articles/broken.md"), "---\ntitle: Fine\ndate: 2026-02-28\n---\nA body.\n");
      expect(runBuild(project.root).status).toBe(0);
    } finally {
      project.remove();
    }
  });
});

it("the repository's own build command is the README's", () => {
  const readme = readFileSync(path.join(PROJECT_ROOT, "README.md"), "utf8");
  expect(readme).toContain("npm ci && npm run build");
  expect(readme).toContain("npm test");
  const pkg = JSON.parse(execFileSync("npm", ["pkg", "get", "scripts"], { cwd: PROJECT_ROOT, encoding: "utf8" }));
  expect(pkg.build).toMatch(/scripts\/cli\/build\.ts/);
});
