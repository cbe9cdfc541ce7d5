// npm run eval:headline -- [DIR] [--scorer score.mjs] [--out DIR]
// Takes the title line off each article of a headline set (default
// ../shared/data/headlines/dev: <id>.txt, a title line, a blank line, the
// body), lets the project's own read and normalize infer a headline, and
// scores it against the real title with ROUGE-1 F, beside the baseline "the
// first 12 words of the lead". Scoring is the bundled summary scorer's
// (../shared/tools/summary-score/score.mjs, spawned with --per-doc): lower
// case, tokens [a-z0-9]+, Porter stemming of tokens over three letters, no
// stop words removed; F1 per article, then the mean.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSite } from "../site-settings.ts";
import { BriefingError, formatProblem, problem, type Problem } from "../problems.ts";
import { normalize } from "../pipeline/normalize/index.ts";
import { HEADLINE_TARGET_WORDS, inferTitle, MAX_HEADLINE_WORDS } from "../pipeline/normalize/title.ts";
import { typography } from "../pipeline/normalize/typography.ts";
import { decodeArticleBytes, readArticle } from "../pipeline/read.ts";
import { countWords, crossValidate, firstWords, splitTitleLine } from "../eval/headlines.ts";
import { bootstrapInterval } from "../eval/cross-validation.ts";
import { runCli } from "./run-cli.ts";

interface Scored { id: string; rouge1: number; words: number }

/** Runs the scorer on predictions and returns its per-article ROUGE-1 F (x100). */
function score(scorer: string, out: string, name: string, predictions: Array<{ id: string; summary: string }>, references: string): Scored[] {
  const predFile = path.join(out, `${name}.jsonl`);
  const perDoc = path.join(out, `${name}.per-doc.jsonl`);
  writeFileSync(predFile, predictions.map((p) => JSON.stringify(p)).join("\n") + "\n");
  const result = spawnSync(process.execPath, [scorer, predFile, references, "--per-doc", perDoc], { encoding: "utf8" });
  if (result.status !== 0) {
    throw new BriefingError([problem({ file: scorer, stage: "eval", message: `the scorer failed: ${(result.stderr || result.stdout).trim()}`, fix: "pass --scorer with the path of summary-score/score.mjs" })]);
  }
  return readFileSync(perDoc, "utf8").split("\n").filter((l) => l.trim()).map((l) => {
    const d = JSON.parse(l) as { id: string; rouge1: number; words: number };
    return { id: d.id, rouge1: d.rouge1 * 100, words: d.words };
  });
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

await runCli(async () => {
  const root = process.cwd();
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { scorer: { type: "string" }, out: { type: "string" }, list: { type: "boolean" } },
    allowPositionals: true,
  });
  const dataDir = path.resolve(positionals[0] ?? path.join(root, "../shared/data/headlines/dev"));
  const scorer = values.scorer ?? path.resolve(root, "../shared/tools/summary-score/score.mjs");
  const out = path.resolve(values.out ?? path.join(root, ".cache/eval/headline"));
  let files: string[];
  try {
    files = readdirSync(dataDir).filter((f) => f.endsWith(".txt")).sort();
  } catch {
    throw new BriefingError([problem({ file: dataDir, stage: "read", message: "cannot read the headline set", fix: "pass a folder of <id>.txt files, each a title line, a blank line and the body (default ../shared/data/headlines/dev)" })]);
  }
  if (files.length === 0) throw new BriefingError([problem({ file: dataDir, stage: "read", message: "no .txt files in the headline set", fix: "pass a folder of <id>.txt files" })]);
  const site = loadSite(path.join(root, "_data/site.yaml"));
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });

  const warnings: Problem[] = [];
  const rows = files.map((file) => {
    const id = file.slice(0, -4);
    const filePath = path.relative(root, path.join(dataDir, file));
    const split = splitTitleLine(readFileSync(path.join(dataDir, file)));
    if (!split) throw new BriefingError([problem({ file: filePath, line: 1, stage: "eval", message: "no title line followed by a blank line", fix: "each file starts with its title, a blank line, then the body" })]);
    // The article without its title, as the pipeline would get it: the same
    // bytes (so a file in another encoding is read as such), its date in a sidecar.
    const read = readArticle({
      path: filePath,
      bytes: split.body,
      sidecar: { path: filePath.replace(/\.txt$/, ".yaml"), bytes: Buffer.from("date: 2005-01-01\n") },
      siteTimeZone: site.timeZone,
    });
    warnings.push(...read.problems);
    if (!read.article) {
      // An article the pipeline cannot read scores an empty headline: the figure still comes out, and counts it.
      const lossy = (bytes: Uint8Array) => new TextDecoder("utf-8").decode(bytes);
      return { id, title: lossy(split.title).trim(), headline: "", origin: "unreadable" as const, body: lossy(split.body), lead: "", context: { dateline: null, laterText: "" } };
    }
    const article = normalize(read.article, site);
    const title = decodeArticleBytes(split.title, filePath, read.article.meta.encoding);
    if ("severity" in title) throw new BriefingError([title]);
    // What normalize gave inferTitle, so the one tuned number can be cross-validated.
    const sentences = article.sections.flatMap((sec) => sec.paragraphs.flatMap((p) => p.sentences.map((x) => x.text)));
    const context = { dateline: article.dateline, laterText: sentences.slice(1).join(" ") };
    return { id, title: title.text.trim(), headline: article.title, origin: article.titleOrigin, body: read.article.body, lead: sentences[0] ?? "", context };
  });
  const references = path.join(out, "references.jsonl");
  writeFileSync(references, rows.map((r) => JSON.stringify({ id: r.id, source: "bbc", reference: r.title })).join("\n") + "\n");
  const inferred = score(scorer, out, "inferred", rows.map((r) => ({ id: r.id, summary: r.headline })), references);
  const baseline = score(scorer, out, "baseline", rows.map((r) => ({ id: r.id, summary: firstWords(r.body, MAX_HEADLINE_WORDS) })), references);

  // 10-fold cross-validation of HEADLINE_TARGET_WORDS: each fold's value is
  // chosen on the other nine folds and scored on the fold itself.
  const candidates = [5, 6, 7, 8, 9, 10, 11, 12];
  const byTarget = candidates.map((n) => {
    const predictions = rows.map((r) => ({ id: r.id, summary: r.origin === "inferred" && r.lead ? inferTitle(r.lead, { ...r.context, targetWords: n }) : r.headline }));
    if (n === HEADLINE_TARGET_WORDS && predictions.some((p, i) => rows[i]!.origin === "inferred" && typography(p.summary) !== rows[i]!.headline)) {
      throw new Error("inferTitle with the pipeline's inputs does not give normalize's title: the evaluation's context is out of step");
    }
    return score(scorer, out, `target-${n}`, predictions, references).map((d) => d.rouge1);
  });
  const cv = crossValidate(byTarget, 10);

  const lines: string[] = [];
  for (const w of warnings) lines.push(formatProblem(w));
  lines.push(`headlines: ${rows.length} articles in ${path.relative(root, dataDir) || "."}, title line removed, headline inferred by read + normalize`);
  // A body whose first paragraph reads like a title line keeps it as the title: that is what the pipeline would show.
  const unreadable = rows.filter((r) => r.origin === "unreadable");
  if (unreadable.length > 0) lines.push(`${unreadable.length} article(s) could not be read (problems above), scored as empty headlines: ${unreadable.map((r) => r.id).join(", ")}`);
  const notInferred = rows.filter((r) => r.origin !== "inferred" && r.origin !== "unreadable");
  if (notInferred.length > 0) lines.push(`${notInferred.length} article(s) gave their first body line as a title line, scored as such: ${notInferred.map((r) => r.id).join(", ")}`);
  lines.push("ROUGE-1 F x100 against the real title, mean over articles (summary-score/score.mjs: lower case, [a-z0-9]+ tokens, Porter stem over 3 letters, no stop words removed)");
  lines.push(`${"".padEnd(26)} ${"ROUGE-1".padStart(7)} ${"95% CI".padStart(11)} ${"<=12 words".padStart(10)} ${"mean words".padStart(10)}`);
  const row = (name: string, s: Scored[]) => {
    const [lo, hi] = bootstrapInterval(s.map((d) => d.rouge1));
    const within = s.filter((d) => d.words <= MAX_HEADLINE_WORDS).length;
    return `${name.padEnd(26)} ${mean(s.map((d) => d.rouge1)).toFixed(1).padStart(7)} ${`${lo.toFixed(1)}-${hi.toFixed(1)}`.padStart(11)} ${`${within} of ${s.length}`.padStart(10)} ${mean(s.map((d) => d.words)).toFixed(1).padStart(10)}`;
  };
  lines.push(row("inferred headline", inferred));
  lines.push(row("first 12 words of the lead", baseline));
  const gain = inferred.map((d, i) => d.rouge1 - baseline[i]!.rouge1);
  const [glo, ghi] = bootstrapInterval(gain);
  lines.push(`difference: ${mean(gain) >= 0 ? "+" : ""}${mean(gain).toFixed(1)} points (paired bootstrap 95% CI ${glo.toFixed(1)} to ${ghi.toFixed(1)}); real titles: mean ${mean(rows.map((r) => countWords(r.title))).toFixed(1)} words`);
  lines.push(`target words, ROUGE-1 on all ${rows.length}: ${candidates.map((n, k) => `${n}: ${mean(byTarget[k]!).toFixed(1)}`).join("  ")}`);
  lines.push(`10-fold cross-validated ROUGE-1 (target chosen on 9 folds, scored on the 10th): ${cv.score.toFixed(1)} (targets chosen: ${cv.chosen.map((k) => candidates[k]).join(" ")}); shipped target: ${HEADLINE_TARGET_WORDS} words`);
  if (values.list) for (const [i, r] of rows.entries()) lines.push(`${r.id}\t${inferred[i]!.rouge1.toFixed(0)}\t${r.title}\t|\t${r.headline}`);
  process.stdout.write(lines.join("\n") + "\n");
  const over = rows.filter((r) => r.origin === "inferred" && countWords(r.headline) > MAX_HEADLINE_WORDS);
  return over.length > 0 || unreadable.length > 0 ? 1 : 0;
});
