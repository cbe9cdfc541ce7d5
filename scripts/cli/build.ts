// npm run build: articles to _site/ (pages, feeds, email), one line per stage.
import { performance } from "node:perf_hooks";
import { build } from "../build.ts";
import { formatProblem } from "../problems.ts";
import { runCli } from "./run-cli.ts";
import { countOf } from "../count.ts";
import { workersFromEnv } from "../pool/pool.ts";

await runCli(async () => {
  const t0 = performance.now();
  // The environment is read here, at the edge: build() takes its worker count from its options alone.
  // The review marks are npm run dev's alone (scripts/dev/builder.ts passes them); published output never carries them.
  const renderProcesses = process.env.BRIEFING_RENDER_PROCESSES ? Number(process.env.BRIEFING_RENDER_PROCESSES) : undefined;
  const report = await build({ root: process.cwd(), workers: workersFromEnv(process.env), renderProcesses, log: (line) => process.stdout.write(line + "\n") });
  for (const w of report.warnings) process.stderr.write(formatProblem(w) + "\n");
  process.stdout.write(`done       ${countOf(report.data.articles.length, "briefing")}, ${countOf(report.outputFiles, "file")} in _site/ (${Math.round(performance.now() - t0)} ms)\n`);
});
