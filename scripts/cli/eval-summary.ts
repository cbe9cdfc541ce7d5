// npm run eval:summary -- [SET.jsonl] [--scorer score.mjs] [--folds 5] [--select-on cnndm]
// Summarizes a JSONL set ({id, text, source} lines; default the dev set in
// ../shared) with the pipeline's own stages under each of the summarizer's
// few settings (select.ts selectionGrid), scores every one with the shared
// scorer, and cross-validates: each article is summarized with the setting
// chosen on the other folds (the worst mean margin over the length-matched
// lead, over ROUGE-1/2/L, is what a setting must maximize; on CNN/DailyMail,
// whose highlights are summaries of the gist's kind, when the set has it: XSum
// texts lack their first sentence, so their "lead" is no lead). It
// prints the scorer's table for those cross-validated summaries per source
// (with its bootstrap interval and the length-matched lead), the margin over
// the lead with a paired bootstrap interval (fixed seed), the setting all of
// the set chooses beside the build's, and the summarize time.
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSite } from "../site-settings.ts";
import { BriefingError, problem } from "../problems.ts";
import { normalize } from "../pipeline/normalize/index.ts";
import { readPlainText } from "../pipeline/summarize/plain-text-source.ts";
import { summarize } from "../pipeline/summarize/index.ts";
import { DEFAULT_SELECTION, describeSelection, selectionGrid } from "../pipeline/summarize/select.ts";
import { parseTextLines } from "../eval/jsonl.ts";
import { assignFolds, bootstrapInterval, chooseSetting, crossValidate, mean, METRICS, type DocScores } from "../eval/cross-validation.ts";
import { runCli } from "./run-cli.ts";

const TIMING_PASSES = 10;

await runCli(async () => {
  const root = process.cwd();
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { scorer: { type: "string" }, folds: { type: "string" }, "select-on": { type: "string" } },
    allowPositionals: true,
  });
  const set = positionals[0] ?? path.resolve(root, "../shared/data/summaries/dev/dev.jsonl");
  const scorer = values.scorer ?? path.resolve(root, "../shared/tools/summary-score/score.mjs");
  const k = Number(values.folds ?? 5);
  if (!Number.isInteger(k) || k < 2) throw new BriefingError([problem({ file: "(command line)", stage: "read", message: `--folds ${values.folds} is not a whole number of at least 2`, fix: "pass --folds 5 (or leave it out)" })]);
  const work = path.join(root, ".build/eval");
  mkdirSync(work, { recursive: true });
  let content: string;
  try {
    content = readFileSync(set, "utf8");
  } catch {
    throw new BriefingError([problem({ file: set, stage: "read", message: "cannot read the evaluation set", fix: "pass the path of a JSONL set of {id, text, source} lines" })]);
  }
  const parsed = parseTextLines(content, set);
  if (parsed.problems.length > 0) throw new BriefingError(parsed.problems);
  const sourceOf = new Map(content.split("\n").filter((l) => l.trim()).map((l) => {
    const row = JSON.parse(l) as { id: string; source?: string };
    return [row.id, row.source ?? "all"] as const;
  }));
  const site = loadSite(path.join(root, "_data/site.yaml"));
  const budget = { minWords: site.summaryWords.min, maxWords: site.summaryWords.max };

  // Normalize once; every setting summarizes the same articles.
  const normalizeStart = performance.now();
  const normalized = parsed.items.map((item) => {
    const read = readPlainText(`${set}#${item.line}.txt`, item.text, site.timeZone);
    if (!read.article) throw new BriefingError(read.problems.map((p) => ({ ...p, file: set, line: item.line })));
    return { id: item.id, article: normalize(read.article, site) };
  });
  const normalizeMs = performance.now() - normalizeStart;

  // The build's setting, timed: the best of a few passes is the summarizer's
  // figure, not the machine's other load (the first pass also compiles).
  let ms = Infinity;
  for (let pass = 0; pass < TIMING_PASSES; pass++) {
    const start = performance.now();
    for (const { article } of normalized) summarize(article, null, budget);
    ms = Math.min(ms, performance.now() - start);
  }

  const grid = selectionGrid();
  const summariesBySetting = grid.map((selection) => normalized.map(({ article }) => summarize(article, null, { ...budget, selection }).summary.text));
  const scoresBySetting = summariesBySetting.map((summaries, s) => {
    const predictions = path.join(work, `setting-${s}.jsonl`);
    writeFileSync(predictions, normalized.map(({ id }, j) => JSON.stringify({ id, summary: summaries[j] })).join("\n") + "\n");
    return new Map(scorePerDoc(scorer, predictions, set, path.join(work, `setting-${s}.per-doc.jsonl`)).map((d) => [d.id, d] as const));
  });

  const present = new Set(sourceOf.values());
  const selectOn = values["select-on"] ?? (present.has("cnndm") ? "cnndm" : null);
  if (selectOn !== null && !present.has(selectOn)) throw new BriefingError([problem({ file: set, stage: "read", message: `no article has source "${selectOn}"`, fix: `pass --select-on one of: ${[...present].sort().join(", ")}` })]);
  const criterion = selectOn === null ? null : new Set([selectOn]);
  const folds = assignFolds(normalized.map(({ id }) => ({ id, source: sourceOf.get(id) ?? "all" })), k);
  const foldChoice = crossValidate(scoresBySetting, folds, k, criterion);
  const cvSummaries = normalized.map(({ id }, j) => summariesBySetting[foldChoice[folds.get(id)!]!]![j]!);
  const out = path.join(work, "summary-predictions.jsonl");
  writeFileSync(out, normalized.map(({ id }, j) => JSON.stringify({ id, summary: cvSummaries[j] })).join("\n") + "\n");
  const cvScores = scorePerDoc(scorer, out, set, path.join(work, "summary-predictions.per-doc.jsonl"));
  const allIds = new Set(normalized.map(({ id }) => id));
  const chosenOnAll = chooseSetting(scoresBySetting, allIds, criterion);
  const defaultIndex = grid.findIndex((s) => describeSelection(s) === describeSelection(DEFAULT_SELECTION));

  const words = normalized.reduce((n, a) => n + a.article.wordCount, 0);
  const lines: string[] = [];
  lines.push(
    `summarized ${normalized.length} articles (${words} words) in ${ms.toFixed(0)} ms, best of ${TIMING_PASSES} passes: ` +
      `${(ms / normalized.length).toFixed(2)} ms per article, ${((ms / words) * 900).toFixed(2)} ms per 900 words ` +
      `(read and normalize, one pass: ${normalizeMs.toFixed(0)} ms)`,
  );
  lines.push("");
  lines.push(`## cross-validation: ${k} folds (by a hash of the id, each source dealt evenly), ${grid.length} settings`);
  lines.push(`a setting's worth: its worst mean margin over the length-matched lead over ROUGE-1/2/L, on ${selectOn ?? "every source"}; ties go to the earlier setting`);
  // Each setting on the whole set (fitted figures: what the choice is made from, not what it is judged by).
  grid.forEach((selection, s) => {
    const docs = [...scoresBySetting[s]!.values()].filter((d) => selectOn === null || d.source === selectOn);
    const margins = METRICS.map(([system, lead]) => `${(100 * mean(docs.map((d) => d[system] - d[lead]))).toFixed(2).padStart(6)}`).join(" ");
    lines.push(`setting ${s + 1}: ${describeSelection(selection).padEnd(34)} margin over the lead, R-1/R-2/R-L, fitted: ${margins}`);
  });
  foldChoice.forEach((s, fold) => lines.push(`fold ${fold + 1} (${[...folds.values()].filter((f) => f === fold).length} articles): chosen on the other folds: ${describeSelection(grid[s]!)}`));
  lines.push(`chosen on the whole set: ${describeSelection(grid[chosenOnAll]!)}; the build uses: ${describeSelection(DEFAULT_SELECTION)}${chosenOnAll === defaultIndex ? " (the same)" : " (DIFFERENT: update DEFAULT_SELECTION in select.ts)"}`);
  lines.push(`cross-validated predictions in ${path.relative(root, out)}`);
  lines.push("");
  process.stdout.write(lines.join("\n") + "\n");

  for (const source of [...new Set(sourceOf.values())].sort()) {
    const args = [scorer, out, set, ...(source === "all" ? [] : ["--source", source])];
    const result = spawnSync(process.execPath, args, { encoding: "utf8" });
    process.stdout.write(`## ${source}, cross-validated\n${result.stdout}${result.stderr}`);
    if (result.status !== 0) return result.status ?? 1;
    const own = cvScores.filter((d) => d.source === source);
    const margins = METRICS.map(([system, lead]) => {
      const diffs = own.map((d) => 100 * (d[system] - d[lead]));
      const [lo, hi] = bootstrapInterval(diffs);
      const m = mean(diffs);
      return `${system} ${m >= 0 ? "+" : ""}${m.toFixed(2)} (${lo.toFixed(2)} to ${hi.toFixed(2)})`;
    });
    process.stdout.write(`margin over the length-matched lead, 95% paired bootstrap over articles (seed 20260302): ${margins.join("  ")}\n`);
    const fit = [...scoresBySetting[defaultIndex]!.values()].filter((d) => d.source === source);
    process.stdout.write(`the build's setting fitted on the whole set, for reference: ${METRICS.map(([system]) => `${system} ${(100 * mean(fit.map((d) => d[system]))).toFixed(2)}`).join("  ")}\n\n`);
  }
  return 0;
});

/** Runs the shared scorer on one predictions file and reads its per-article scores. */
function scorePerDoc(scorer: string, predictions: string, set: string, perDoc: string): DocScores[] {
  const result = spawnSync(process.execPath, [scorer, predictions, set, "--per-doc", perDoc], { encoding: "utf8" });
  if (result.status !== 0) throw new BriefingError([problem({ file: predictions, stage: "read", message: `the scorer failed: ${result.stderr.trim()}`, fix: `check ${scorer} runs: node ${scorer} --help` })]);
  return readFileSync(perDoc, "utf8").trim().split("\n").map((l) => JSON.parse(l) as DocScores);
}
