// A sharded render (several Eleventy processes: shards of the briefing and
// edition pages, one for the shared pages on the compact index) writes the
// same bytes as one Eleventy in the build's process, in full and in part.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashTree, makeTempProject, PROJECT_ROOT, type TempProject } from "./helpers/project.ts";
import { syntheticArticle } from "../scripts/bench/synthetic.ts";
import { articleRow, fullTextSlugs, planShards, renderData, sharedPagesData, shardData } from "../scripts/eleventy/shards.ts";
import { templatesLeftOut } from "../scripts/eleventy/eleventy-site.ts";
import type { DataFile } from "../scripts/schema.ts";

// Small pages and feeds, so that the archive, the topics and the feeds hold rows as well as full articles.
const siteYaml = readFileSync(path.join(PROJECT_ROOT, "_data/site.yaml"), "utf8").replace(/^homePageSize: \d+$/m, "homePageSize: 4").replace(/^  limit: \d+$/m, "  limit: 3");
const ARTICLES = 14;

let project: TempProject;
let data: DataFile;
beforeAll(() => {
  project = makeTempProject({ siteYaml });
  for (let i = 0; i < ARTICLES; i++) {
    const a = syntheticArticle(11, i);
    project.addArticle(a.name, a.text);
  }
});
afterAll(() => project.remove());

const built = async (extra: Record<string, unknown>) => {
  const lines: string[] = [];
  await project.build({ workers: 0, log: (l) => lines.push(l), ...extra });
  return { tree: hashTree(project.site("")), lines };
};

describe("sharded rendering", () => {
  let inProcess: Record<string, string>;
  it("writes the same bytes with three render processes as with one", async () => {
    inProcess = (await built({ cache: false, renderProcesses: 1 })).tree;
    data = JSON.parse(readFileSync(path.join(project.root, "_data/briefing.json"), "utf8")) as DataFile;
    expect(data.articles.length).toBe(ARTICLES + 1);
    expect(data.editions.length).toBeGreaterThan(3);
    rmSync(project.site(""), { recursive: true });
    const sharded = (await built({ cache: false, renderProcesses: 3 })).tree;
    expect(Object.keys(sharded).length).toBeGreaterThan(100);
    expect(sharded).toEqual(inProcess);
  });

  it("renders one changed article in part, in processes or not, to what a full render writes", async () => {
    await built({ renderProcesses: 3 });
    const file = path.join(project.root, "src/articles", syntheticArticle(11, 5).name);
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n$/, " A late paragraph was added for the test.\n"));
    const partial = await built({ renderProcesses: 3 });
    expect(partial.lines.find((l) => l.startsWith("render "))).toMatch(/1 changed or new briefing/);
    const partialInProcess = await built({ renderProcesses: 1, reviewMarks: false, cache: true });
    const full = await built({ cache: false, renderProcesses: 1 });
    expect(partial.tree).toEqual(full.tree);
    expect(partialInProcess.tree).toEqual(full.tree);
    expect(full.tree).not.toEqual(inProcess);
  });

  it("runs more shards than processes in turn, to the same bytes", async () => {
    const { renderPages } = await import("../scripts/eleventy/sharded-render.ts");
    const current = JSON.parse(readFileSync(path.join(project.root, "_data/briefing.json"), "utf8")) as DataFile;
    const staging = path.join(project.root, ".shard-test");
    const render = async (processes: number, maxPagesPerShard?: number) => {
      rmSync(staging, { recursive: true, force: true });
      let emails = { workers: -1, main: -1 };
      const files = await renderPages({ root: project.root, data: current, only: null, reviewMarks: false, cardCache: null, emailFinishing: { workers: 0, onFinished: (s) => (emails = s) }, outputDir: path.join(staging, "site"), staging, processes, maxPagesPerShard });
      return { files, emails, tree: hashTree(path.join(staging, "site")) };
    };
    try {
      const one = await render(1);
      const inTurn = await render(2, 5);
      expect(readdirSync(path.join(staging, "render-jobs")).length).toBeGreaterThan(4);
      expect(inTurn.tree).toEqual(one.tree);
      expect(inTurn.files).toBe(one.files);
      // Every briefing's and edition's email, finished on the shards' main threads (no workers asked for).
      expect(inTurn.emails).toEqual(one.emails);
      expect(one.emails.main).toBe(current.articles.length + current.editions.length);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  });

  it("reports a template that fails in a render process as a problem naming the template", async () => {
    const { renderPages } = await import("../scripts/eleventy/sharded-render.ts");
    const staging = path.join(project.root, ".shard-test");
    // A template that fails: the shard that renders briefing pages names it.
    const template = path.join(project.root, "src/briefings/briefing.njk");
    const original = readFileSync(template, "utf8");
    writeFileSync(template, original + "\n{{ article.title | noSuchFilter }}\n");
    try {
      await expect(renderPages({ root: project.root, data, only: null, reviewMarks: false, cardCache: null, emailFinishing: { workers: 0 }, outputDir: path.join(staging, "site"), staging, processes: 2 }))
        .rejects.toThrow(/briefing\.njk/);
    } finally {
      writeFileSync(template, original);
      rmSync(staging, { recursive: true, force: true });
    }
  });
});

describe("what each render process is given", () => {
  it("splits the briefing and edition pages into shards that hold each page once, an edition with its lead", () => {
    const shards = planShards(data, null, 3);
    expect(shards).toHaveLength(3);
    expect(shards.flatMap((s) => s.only.articles).sort()).toEqual(data.articles.map((a) => a.slug).sort());
    expect(shards.flatMap((s) => s.only.editions).sort()).toEqual(data.editions.map((e) => e.date).sort());
    for (const s of shards) for (const date of s.only.editions) expect(s.only.articles).toContain(data.editions.find((e) => e.date === date)!.articles[0]);
    // A partial render: only what changed, in as few shards as it fills.
    expect(planShards(data, { articles: [data.articles[2]!.slug], editions: [] }, 3)).toEqual([{ only: { articles: [data.articles[2]!.slug], editions: [] } }]);
  });

  it("gives a shard its own articles and its editions' briefings in full, and the shared pages rows but for the feeds' full texts", () => {
    const [shard] = planShards(data, null, 3);
    const own = shardData(data, shard!);
    for (const slug of shard!.only.articles) expect(own.articles.find((a) => a.slug === slug)).toEqual(data.articles.find((a) => a.slug === slug));
    expect(own.articles.length).toBeLessThan(data.articles.length);

    const shared = sharedPagesData(data);
    const full = fullTextSlugs(data);
    expect(full.size).toBeGreaterThanOrEqual(3);
    expect(full.size).toBeLessThan(data.articles.length);
    shared.articles.forEach((a, i) => expect(a).toEqual(full.has(a.slug) ? data.articles[i] : articleRow(data.articles[i]!)));
    expect(JSON.stringify(shared).length).toBeLessThan(JSON.stringify(data).length / 2);
    // In one process, a partial render keeps in full what its own pages read.
    const partial = renderData(data, { articles: [data.articles[9]!.slug], editions: [] });
    expect(partial.articles[9]).toEqual(data.articles[9]);
    expect(partial.articles[10]).toEqual(articleRow(data.articles[10]!));
  });

  it("leaves out the other kind of template in each process, so every template is rendered by exactly one", () => {
    const own = templatesLeftOut(project.root, "shared").map((f) => path.relative(project.root, f)).sort();
    const shared = templatesLeftOut(project.root, "own").map((f) => path.relative(project.root, f));
    expect(own).toEqual(["src/briefings/briefing.njk", "src/briefings/card.njk", "src/editions/edition.njk", "src/editions/email.njk", "src/email/email.njk"]);
    expect(shared).toContain("src/index.njk");
    expect(shared.filter((f) => own.includes(f))).toEqual([]);
    expect(templatesLeftOut(project.root, "all")).toEqual([]);
  });
});
