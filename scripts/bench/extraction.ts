// Extraction's cost: the normalize stage alone (entities, roles, dates, timeline, quotations and
// reported speech, headline), in CPU time, on the bench's synthetic articles. No build, no
// Eleventy, no shared data: the figure issue 13 bounds (<= 5 ms per 900 words).
import path from "node:path";
import { loadSite } from "../site-settings.ts";
import { normalize } from "../pipeline/normalize/index.ts";
import { readArticle } from "../pipeline/read.ts";
import { BriefingError } from "../problems.ts";
import { PROJECT_ROOT } from "./project.ts";
import { syntheticCorpus } from "./synthetic.ts";
import { median } from "./run.ts";

export interface ExtractionCost {
  articles: number;
  words: number;
  /** CPU ms per 900 words of the first pass: modules loaded, nothing warm. */
  firstPer900: number;
  /** CPU ms per 900 words: median of the warm passes, as a long build sees them. */
  warmPer900: number;
  /** The fastest warm pass: the cost with the least interference from other work on the machine. */
  fastestPer900: number;
  warmPerArticle: number;
  passes: number;
}

function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

export function measureExtraction(options: { seed: number; n: number; passes: number }): ExtractionCost {
  const site = loadSite(path.join(PROJECT_ROOT, "_data/site.yaml"));
  const sources = syntheticCorpus(options.seed, options.n).map((a) => {
    const read = readArticle({ path: `src/articles/${a.name}`, bytes: Buffer.from(a.text), sidecar: null, siteTimeZone: site.timeZone });
    if (!read.article) throw new BriefingError(read.problems);
    return read.article;
  });
  let words = 0;
  const firstStart = cpuMs();
  for (const source of sources) words += normalize(source, site).wordCount;
  const first = cpuMs() - firstStart;
  const warm: number[] = [];
  for (let pass = 0; pass < options.passes; pass++) {
    const start = cpuMs();
    for (const source of sources) normalize(source, site);
    warm.push(cpuMs() - start);
  }
  const per900 = (ms: number) => (ms / words) * 900;
  return {
    articles: sources.length,
    words,
    firstPer900: per900(first),
    warmPer900: per900(median(warm)),
    fastestPer900: per900(Math.min(...warm)),
    warmPerArticle: median(warm) / sources.length,
    passes: options.passes,
  };
}

export function formatExtraction(c: ExtractionCost): string {
  return `Extraction (normalize alone, CPU time), ${c.articles} synthetic articles, ${c.words} words: ` +
    `${c.warmPerArticle.toFixed(2)} ms per article, ${c.warmPer900.toFixed(2)} ms per 900 words ` +
    `(median of ${c.passes} warm passes; fastest ${c.fastestPer900.toFixed(2)}; first pass ${c.firstPer900.toFixed(2)})`;
}
