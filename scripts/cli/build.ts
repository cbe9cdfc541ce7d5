// npm run build: articles to _site/ (pages, feeds, email), one line per stage.
import { performance } from "node:perf_hooks";
import { build } from "../build.ts";
import { formatProblem } from "../pipeline/problems.ts";
import { runCli } from "./run-cli.ts";
import { countOf } from "../count.ts";
import { workersFromEnv } from "../pipeline/parallel.ts";

await runCli(async () => {
  const t0 = performance.now();
  // BRIEFING_DEV_REVIEW_MARKS is set by `npm run dev -- --review` (scripts/cli/dev.ts) for its own
  // builds; under `npm run build` it is ignored, so published output never carries the marks.
  // The environment is read here, at the edge: build() takes its worker count from its options alone.
  const renderProcesses = process.env.BRIEFING_RENDER_PROCESSES ? Number(process.env.BRIEFING_RENDER_PROCESSES) : undefined;
  const report = await build({ root: process.cwd(), workers: workersFromEnv(process.env), renderProcesses, log: (line) => process.stdout.write(line + "\n"), reviewMarks: process.env.BRIEFING_DEV_REVIEW_MARKS === "1" && process.env.npm_lifecycle_event !== "build" });
  for (const w of report.warnings) process.stderr.write(formatProblem(w) + "\n");
  process.stdout.write(`done       ${countOf(report.data.articles.length, "briefing")}, ${countOf(report.outputFiles, "file")} in _site/ (${Math.round(performance.now() - t0)} ms)\n`);
});
