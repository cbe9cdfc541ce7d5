// Scale as an attack: a 5 MB article and 10,000 tiny articles go through the
// whole build; nothing is dropped and every output keeps its format. (How fast
// is `npm run bench`'s business; these only assert that it works.)
import { describe, expect, it } from "vitest";
import { existsSync, readFileSync } from "node:fs";
import { XMLValidator } from "fast-xml-parser";
import { makeTempProject } from "./helpers/project.ts";

describe("a 5 MB article", () => {
  it("builds whole: every paragraph on its page, feeds well formed", async () => {
    const project = makeTempProject({ withSample: false });
    try {
      const line = "On February 20 and 21, President Jane Smith, a former judge, said that the U.S. would act. Mr. Smith added that talks would resume. ";
      const count = Math.ceil(5_200_000 / (line.length * 3 + 24));
      const paragraphs = Array.from({ length: count }, (_, i) => `${line.repeat(3)}Paragraph ${i + 1} ends here.`);
      const text = "---\ndate: 2026-02-27T10:00:00+09:00\ntitle: A very long article\n---\n" + paragraphs.join("\n") + "\n";
      expect(Buffer.byteLength(text)).toBeGreaterThan(5_000_000);
      project.addArticle("big.txt", text);
      await project.build();
      const page = project.read("briefings/big/index.html");
      expect(page).toContain(`Paragraph ${count} ends here.`);
      expect(page.match(/<p id="p-\d+"/g)).toHaveLength(count);
      for (const feed of ["feed.xml", "atom.xml"]) expect(XMLValidator.validate(project.read(feed)), feed).toBe(true);
      expect(JSON.parse(project.read("feed.json")).items).toHaveLength(1);
    } finally {
      project.remove();
    }
  }, 300_000);
});

describe("10,000 tiny articles", () => {
  it("build into 10,000 briefings, all in the archive feed, none lost", async () => {
    const project = makeTempProject({ withSample: false });
    const N = 10_000;
    try {
      for (let i = 0; i < N; i++) {
        // Dates a minute apart so the order is known; names not in date order.
        const minute = String(i % 60).padStart(2, "0");
        const hour = String(Math.floor(i / 60) % 24).padStart(2, "0");
        const day = String(1 + Math.floor(i / 1440)).padStart(2, "0");
        project.addArticle(`t${String((i * 7919) % N).padStart(5, "0")}-${i}.txt`, `---\ndate: 2026-01-${day}T${hour}:${minute}:00Z\n---\nTiny story number ${i} happened.\n`);
      }
      const report = await project.build();
      expect(report.data.articles).toHaveLength(N);
      expect(report.data.articles[0]!.slug).toMatch(/-9999$/);
      for (const i of [0, 1234, N - 1]) {
        const slug = `t${String((i * 7919) % N).padStart(5, "0")}-${i}`;
        expect(existsSync(project.site(`briefings/${slug}/index.html`)), slug).toBe(true);
        expect(existsSync(project.site(`briefings/${slug}/email.eml`)), slug).toBe(true);
      }
      const archive = JSON.parse(readFileSync(project.site("archive/feed.json"), "utf8"));
      expect(archive.items).toHaveLength(N);
      expect(new Set(archive.items.map((item: { id: string }) => item.id)).size).toBe(N);
      expect(JSON.parse(project.read("feed.json")).items).toHaveLength(report.data.site.feed.limit);
      expect(XMLValidator.validate(project.read("archive/atom.xml"))).toBe(true);
    } finally {
      project.remove();
    }
  }, 900_000);
});
