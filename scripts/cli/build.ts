// npm run build: articles to _site/ (pages, feeds, email), one line per stage.
import { performance } from "node:perf_hooks";
import { build } from "../build.ts";
import { formatProblem } from "../pipeline/problems.ts";
import { runCli } from "./run-cli.ts";
import { countOf } from "../count.ts";

await runCli(async () => {
  const t0 = performance.now();
  const report = await build({ root: process.cwd(), log: (line) => process.stdout.write(line + "\n") });
  for (const w of report.warnings) process.stderr.write(formatProblem(w) + "\n");
  process.stdout.write(`done       ${countOf(report.data.articles.length, "briefing")}, ${countOf(report.outputFiles, "file")} in _site/ (${Math.round(performance.now() - t0)} ms)\n`);
});
