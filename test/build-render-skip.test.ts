// A build whose data file, templates and code are those of the build that
// wrote the untouched _site/ keeps _site/ instead of re-rendering it; any
// change to them, or to _site/ itself, renders again and restores the bytes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { hashTree, makeTempProject, type TempProject } from "./helpers/project.ts";
import { syntheticArticle } from "../scripts/bench/synthetic.ts";

let project: TempProject;
let lines: string[];
const renderLine = () => lines.find((l) => l.startsWith("render "))!;
const build = async (extra = {}) => {
  lines = [];
  await project.build({ log: (l) => lines.push(l), workers: 0, ...extra });
  return hashTree(project.site(""));
};

beforeAll(() => {
  project = makeTempProject();
  const a = syntheticArticle(5, 0);
  project.addArticle(a.name, a.text);
});
afterAll(() => project.remove());

describe("skipping an unchanged render", () => {
  let first: Record<string, string>;
  it("renders the first build and keeps the site on an identical second one", async () => {
    first = await build();
    expect(renderLine()).toMatch(/files written by Eleventy/);
    expect(await build()).toEqual(first);
    expect(renderLine()).toMatch(/^render\s+skipped: data file, templates and code unchanged/);
    expect(lines.find((l) => l.startsWith("data "))).toMatch(/_data\/briefing\.json unchanged since the last build/);
  });

  it("writes the data file again when it was edited by hand, and only then", async () => {
    const dataFile = path.join(project.root, "_data/briefing.json");
    const original = readFileSync(dataFile, "utf8");
    writeFileSync(dataFile, original.replace('"version":1', '"version":1 '));
    await build();
    expect(lines.find((l) => l.startsWith("data "))).toMatch(/validated/);
    expect(readFileSync(dataFile, "utf8")).toBe(original);
    await build();
    expect(lines.find((l) => l.startsWith("data "))).toMatch(/unchanged since the last build/);
  });

  it("renders again when a built file was edited or removed, restoring its bytes", async () => {
    const page = project.site("about/index.html");
    appendFileSync(page, "<!-- edited -->");
    expect(await build()).toEqual(first);
    expect(renderLine()).toMatch(/files written by Eleventy/);
    rmSync(project.site("feed.xml"));
    expect(await build()).toEqual(first);
    expect(renderLine()).toMatch(/files written by Eleventy/);
  });

  it("renders again when a template or the data changes, and whenever the cache is off", async () => {
    const template = path.join(project.root, "src/about.njk");
    const original = readFileSync(template, "utf8");
    writeFileSync(template, original + "\n<!-- template edit -->\n");
    // (Eleventy keeps template sources cached within one process, so only the
    // decision to render is checked here, not the edited page.)
    await build();
    expect(renderLine()).toMatch(/files written by Eleventy/);
    writeFileSync(template, original);
    expect(await build()).toEqual(first);

    const b = syntheticArticle(5, 1);
    project.addArticle(b.name, b.text);
    const more = await build();
    expect(renderLine()).toMatch(/files written by Eleventy/);
    expect(Object.keys(more).length).toBeGreaterThan(Object.keys(first).length);

    // Another machine zone renders in full (the output must not depend on it; spine.test.ts checks the bytes).
    const zone = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    try {
      await build();
      expect(renderLine()).toMatch(/files written by Eleventy/);
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }

    await build({ cache: false });
    expect(renderLine()).toMatch(/files written by Eleventy/);
    await build({ env: { SITE_URL: "https://example.org/b/" } });
    expect(renderLine()).toMatch(/files written by Eleventy/);
    expect(readFileSync(project.site("feed.xml"), "utf8")).toContain("https://example.org/b/");
  });
});

describe("rendering only the changed briefings", () => {
  let many: TempProject;
  let log: string[];
  const articles = [0, 1, 2, 3].map((i) => syntheticArticle(7, i));
  const buildMany = async (extra = {}) => {
    log = [];
    await many.build({ log: (l) => log.push(l), workers: 0, ...extra });
    return hashTree(many.site(""));
  };
  const line = (stage: string) => log.find((l) => l.startsWith(`${stage} `)) ?? "";
  /** The same project rendered in full from nothing: what a partial render must equal. */
  const fullRender = async () => {
    rmSync(path.join(many.root, ".cache"), { recursive: true, force: true });
    rmSync(many.site(""), { recursive: true, force: true });
    const tree = await buildMany();
    expect(line("render")).toMatch(/files written by Eleventy \(no record of an earlier build\)/);
    return tree;
  };
  const slugOf = (tree: Record<string, string>, n: number) =>
    [...new Set(Object.keys(tree).flatMap((p) => /^briefings\/([^/]+)\//.exec(p)?.[1] ?? []))].sort()[n]!;

  beforeAll(() => {
    many = makeTempProject({ withSample: false });
    for (const a of articles) many.addArticle(a.name, a.text);
  });
  afterAll(() => many.remove());

  it("re-renders one edited article and the shared pages, keeps the others, and writes what a full render writes", async () => {
    const before = await buildMany();
    const file = path.join(many.root, "src/articles", articles[1]!.name);
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n$/, " A late paragraph was added to this story.\n"));
    const partial = await buildMany();
    expect(line("render")).toMatch(/files written by Eleventy \(1 changed or new briefing, 1 edition and the shared pages\)/);
    expect(line("keep")).toMatch(/^keep\s+\d+ files of 3 unchanged briefings and \d+ editions? kept from _site\//);
    // The edited briefing's files and the shared pages changed; the others did not.
    const changed = Object.keys(partial).filter((p) => partial[p] !== before[p]);
    const editedSlug = changed.map((p) => /^briefings\/([^/]+)\//.exec(p)?.[1]).find(Boolean)!;
    expect(changed.filter((p) => p.startsWith("briefings/")).every((p) => p.startsWith(`briefings/${editedSlug}/`))).toBe(true);
    expect(changed).toContain(`briefings/${editedSlug}/index.html`);
    expect(changed).toContain("feed.xml");
    expect(await fullRender()).toEqual(partial);
  });

  it("removes a deleted article's folder and adds a new one's, as a full render would", async () => {
    const start = await buildMany();
    const gone = slugOf(start, 0);
    rmSync(path.join(many.root, "src/articles", articles[0]!.name));
    // A new article on topics the site already has (a new topic changes every page's navigation: full render).
    const topics = (text: string) => JSON.parse(/^tags: (.*)$/m.exec(text)![1]!) as string[];
    const existing = new Set(articles.slice(1).flatMap((a) => topics(a.text)));
    const extra = [...Array(40).keys()].map((i) => syntheticArticle(7, 10 + i)).find((a) => topics(a.text).every((t) => existing.has(t)))!;
    many.addArticle(extra.name, extra.text);
    const partial = await buildMany();
    expect(line("render")).toMatch(/1 changed or new briefing, \d+ editions? and/);
    expect(Object.keys(partial).some((p) => p.startsWith(`briefings/${gone}/`))).toBe(false);
    expect(await fullRender()).toEqual(partial);
  });

  it("keeps the replaced site in .build/ only until the next build, which removes it while it works", async () => {
    await buildMany({ env: { SITE_URL: "https://example.org/trash/" } });
    expect(existsSync(path.join(many.root, ".build/old-site/index.html"))).toBe(true);
    await buildMany();
    expect(existsSync(path.join(many.root, ".build-trash"))).toBe(false);
    expect(readFileSync(many.site("index.html"), "utf8")).not.toContain("example.org/trash");
  });

  it("renders in full when the site settings or a kept file changed", async () => {
    await buildMany();
    await buildMany({ env: { SITE_URL: "https://example.org/news/" } });
    expect(line("render")).toMatch(/files written by Eleventy \(templates, code or site settings changed\)/);
    const tree = await buildMany();
    expect(line("render")).toMatch(/\(templates, code or site settings changed\)/);
    const page = Object.keys(tree).find((p) => p.endsWith("/index.html") && p.startsWith("briefings/"))!;
    appendFileSync(many.site(page), "<!-- edited by hand -->");
    const file = path.join(many.root, "src/articles", articles[2]!.name);
    writeFileSync(file, readFileSync(file, "utf8").replace(/\n$/, " Another late paragraph.\n"));
    const restored = await buildMany();
    expect(line("render")).toMatch(/\(the site folder changed since the last build\)/);
    expect(readFileSync(many.site(page), "utf8")).not.toContain("edited by hand");
    expect(await fullRender()).toEqual(restored);
  });
});
