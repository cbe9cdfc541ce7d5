// npm run eval:extract -- [DATA_DIR] [--scorer score.mjs] [--out DIR] [--per-article]
// Runs the project's read, normalize and summarize on the extraction gold set
// (default ../shared/data/extract: texts/<id>.txt, gold/<id>.json), each text
// given its gold `published` date as front matter as the scorer expects, and
// prints the scorer's table and the extraction cost per article (predictions in
// OUT/briefing); then the same
// table for compromise (people, organizations, places; dates through
// compromise-dates), the usual JavaScript library for this, on the same texts,
// with its own cost per article (predictions in OUT/compromise). compromise is a devDependency for this
// comparison only: the pipeline never loads it, and this script loads it only after Briefing's
// warm passes are timed (five untimed passes first, as a long build is warm).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSite } from "../site-settings.ts";
import { BriefingError, problem } from "../problems.ts";
import { normalize } from "../pipeline/normalize/index.ts";
import { processArticleOrThrow } from "../pipeline/process-article.ts";
import { readArticle } from "../pipeline/read.ts";
import { runCli } from "./run-cli.ts";

/** CPU milliseconds this process has used: on a shared machine wall time mostly measures the neighbours. */
function cpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
import type nlpType from "compromise";

interface GoldHead { id: string; published: string }

/** What compromise-dates gives for one date expression (the fields used here). */
interface CompromiseDate { text: string; dates?: { start?: string; end?: string; unit?: string } }

type Nlp = typeof nlpType;

/** Untimed passes before the warm passes are timed. */
const WARM_UP_PASSES = 5;

/**
 * compromise with its dates plugin, loaded only after Briefing's cost is measured: its lexicons
 * in the same heap would slow Briefing's warm passes (more to trace on each collection), which
 * `npm run bench` measures in a process of their own.
 */
async function loadCompromise(): Promise<{ nlp: Nlp; withDates: Nlp }> {
  const nlp = (await import("compromise")).default;
  const compromiseDates = (await import("compromise-dates")).default;
  return { nlp, withDates: nlp.extend(compromiseDates) as unknown as Nlp };
}

/** Each distinct surface form once: the scorer counts a repeated entity against precision. */
function distinct(names: string[]): { name: string; role: null }[] {
  const seen = new Set<string>();
  return names.map((n) => n.trim().replace(/[.,;:'\u2019]+$/u, "").replace(/['\u2019]s$/u, ""))
    .filter((n) => n && !seen.has(n.toLowerCase()) && seen.add(n.toLowerCase()))
    .map((name) => ({ name, role: null }));
}

/** compromise's people, organizations, places and dates for one text, in the scorer's format. */
function compromisePrediction(withDates: Nlp, text: string, published: string, crashes: { count: number }) {
  const doc = withDates(text);
  const datesOf = (part: ReturnType<Nlp>): CompromiseDate[] =>
    (part as unknown as { dates(o: object): { json(): CompromiseDate[] } })
      .dates({ today: published.slice(0, 10), timezone: "UTC" }).json();
  let found: CompromiseDate[];
  try {
    found = datesOf(doc);
  } catch {
    // compromise-dates throws on some sentences (a spacetime TypeError): then it
    // is given one sentence at a time, and a sentence it throws on gives no date.
    found = (doc.sentences().out("array") as string[]).flatMap((sentence) => {
      try { return datesOf(withDates(sentence)); } catch { crashes.count++; return []; }
    });
  }
  const dates = found
    .filter((d) => d.dates?.start)
    .map((d) => ({
      text: d.text.trim(),
      start: d.dates!.start!.slice(0, 10),
      end: (d.dates!.end ?? d.dates!.start!).slice(0, 10),
      precision: d.dates!.unit ?? "day",
    }));
  return {
    people: distinct(doc.people().out("array") as string[]),
    organizations: distinct(doc.organizations().out("array") as string[]),
    places: distinct(doc.places().out("array") as string[]),
    dates,
    attributions: [],
  };
}

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

  const compromiseDir = path.join(out, "compromise");
  rmSync(compromiseDir, { recursive: true, force: true });
  mkdirSync(compromiseDir, { recursive: true });

  let ms = 0;
  const sources: Parameters<typeof normalize>[0][] = [];
  let compromiseMs = 0;
  const crashes = { count: 0 };
  let words = 0;
  const texts: { file: string; text: string; published: string }[] = [];
  for (const file of goldFiles) {
    const gold = JSON.parse(readFileSync(path.join(goldDir, file), "utf8")) as GoldHead;
    const textPath = path.join(dataDir, "texts", `${gold.id}.txt`);
    const text = readFileSync(textPath, "utf8");
    // The gold date as front matter, exactly as an editor would give it.
    const bytes = Buffer.from(`---\ndate: ${gold.published}\n---\n${text}`);
    const read = readArticle({ path: path.relative(root, textPath), bytes, sidecar: null, siteTimeZone: site.timeZone });
    if (!read.article) throw new BriefingError(read.problems);
    // The cost figure is extraction's alone (normalize); the scored file is the whole article.
    const start = cpuMs();
    normalize(read.article, site);
    ms += cpuMs() - start;
    const article = processArticleOrThrow(read.article, site);
    sources.push(read.article);
    words += article.wordCount;
    writeFileSync(path.join(predDir, file), JSON.stringify([article], null, 2));
    texts.push({ file, text, published: gold.published });
  }
  // Warm passes as a long build sees them: the median of five passes over all the articles, after
  // five untimed ones. 41 articles are too few for one pass to warm the compiler (a build of
  // hundreds is warm after its first dozens): timed right away, the passes measure the warm-up.
  for (let pass = 0; pass < WARM_UP_PASSES; pass++) for (const source of sources) normalize(source, site);
  const passes: number[] = [];
  for (let pass = 0; pass < 5; pass++) {
    const start = cpuMs();
    for (const source of sources) normalize(source, site);
    passes.push(cpuMs() - start);
  }
  const warm = passes.sort((a, b) => a - b)[2]!;
  process.stdout.write(
    `## Briefing (normalize alone, CPU time), ${goldFiles.length} articles, ${words} words: first pass ` +
      `${(ms / goldFiles.length).toFixed(2)} ms per article, ${((ms / words) * 900).toFixed(2)} ms per 900 words; ` +
      `warm (median of 5 passes after ${WARM_UP_PASSES} untimed) ${(warm / goldFiles.length).toFixed(2)} ms per article, ${((warm / words) * 900).toFixed(2)} ms per 900 words ` +
      // The fastest pass is the one least slowed by other work on a shared machine.
      `(fastest pass ${((passes[0]! / words) * 900).toFixed(2)})\n`,
  );
  // compromise runs after Briefing's passes are timed (see loadCompromise).
  const { nlp, withDates } = await loadCompromise();
  for (const { file, text, published } of texts) {
    const compromiseStart = cpuMs();
    const compromise = compromisePrediction(withDates, text, published, crashes);
    compromiseMs += cpuMs() - compromiseStart;
    writeFileSync(path.join(compromiseDir, file), JSON.stringify(compromise, null, 2));
  }
  const score = (dir: string) => {
    const args = [scorer, goldDir, dir, ...(values["per-article"] ? ["--per-article"] : [])];
    const result = spawnSync(process.execPath, args, { encoding: "utf8" });
    process.stdout.write(result.stdout + result.stderr);
    return result.status ?? 1;
  };
  const status = score(predDir);
  process.stdout.write(
    `\n## compromise ${nlp.version} + compromise-dates (people, organizations, places, dates; no attributions), same articles, CPU time: ` +
      `${(compromiseMs / goldFiles.length).toFixed(2)} ms per article, ${((compromiseMs / words) * 900).toFixed(2)} ms per 900 words` +
      (crashes.count ? `; compromise-dates threw on ${crashes.count} sentences, scored as no date` : "") + "\n",
  );
  return status || score(compromiseDir);
});
