// A build whose data file, templates and code are those of the build that
// wrote the untouched _site/ keeps _site/ instead of re-rendering it; any
// change to them, or to _site/ itself, renders again and restores the bytes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { appendFileSync, readFileSync, rmSync, writeFileSync } from "node:fs";
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
