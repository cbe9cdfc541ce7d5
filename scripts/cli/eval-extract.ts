// npm run eval:extract -- [DATA_DIR] [--scorer score.mjs] [--out DIR] [--per-article]
// Runs the project's read, normalize and summarize on the extraction gold set
// (default ../shared/data/extract: texts/<id>.txt, gold/<id>.json), each text
// given its gold `published` date as front matter as the scorer expects, and
// prints the scorer's table and the extraction cost per article.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSite } from "../site/config.ts";
import { BriefingError, problem } from "../pipeline/problems.ts";
import { normalize } from "../pipeline/normalize/index.ts";
import { processArticle } from "../pipeline/process-article.ts";
import { readArticle } from "../pipeline/read.ts";
import { runCli } from "./run-cli.ts";

interface GoldHead { id: string; published: string }

await runCli(async () => {
  const root = process.cwd();
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { scorer: { type: "string" }, out: { type: "string" }, "per-article": { type: "boolean" } },
    allowPositionals: true,
  });
  const dataDir = path.resolve(positionals[0] ?? path.join(root, "../shared/data/extract"));
  const scorer = values.scorer ?? path.resolve(root, "../shared/tools/extract-score/score.mjs");
  const out = path.resolve(values.out ?? path.join(root, ".cache/eval/extract"));
  const goldDir = path.join(dataDir, "gold");
  let goldFiles: string[];
  try {
    goldFiles = readdirSync(goldDir).filter((f) => f.endsWith(".json")).sort();
  } catch {
    throw new BriefingError([problem({ file: goldDir, stage: "read", message: "cannot read the gold folder", fix: "pass the folder that holds texts/ and gold/ (default ../shared/data/extract)" })]);
  }
  const site = loadSite(path.join(root, "_data/site.yaml"));
  const predDir = path.join(out, "briefing");
  rmSync(predDir, { recursive: true, force: true });
  mkdirSync(predDir, { recursive: true });

  let ms = 0;
  let words = 0;
  for (const file of goldFiles) {
    const gold = JSON.parse(readFileSync(path.join(goldDir, file), "utf8")) as GoldHead;
    const textPath = path.join(dataDir, "texts", `${gold.id}.txt`);
    const text = readFileSync(textPath, "utf8");
    // The gold date as front matter, exactly as an editor would give it.
    const bytes = Buffer.from(`---\ndate: ${gold.published}\n---\n${text}`);
    const read = readArticle({ path: path.relative(root, textPath), bytes, sidecar: null, siteTimeZone: site.timeZone });
    if (!read.article) throw new BriefingError(read.problems);
    // The cost figure is extraction's alone (normalize); the scored file is the whole article.
    const start = performance.now();
    normalize(read.article, site);
    ms += performance.now() - start;
    const article = processArticle(read.article, site);
    words += article.wordCount;
    writeFileSync(path.join(predDir, file), JSON.stringify([article], null, 2));
  }
  process.stdout.write(
    `## Briefing (normalize; cost of normalize alone, first pass), ${goldFiles.length} articles, ${words} words: ` +
      `${(ms / goldFiles.length).toFixed(2)} ms per article, ${((ms / words) * 900).toFixed(2)} ms per 900 words\n`,
  );
  const args = [scorer, goldDir, predDir, ...(values["per-article"] ? ["--per-article"] : [])];
  const result = spawnSync(process.execPath, args, { encoding: "utf8" });
  process.stdout.write(result.stdout + result.stderr);
  return result.status ?? 1;
});
