// npm run dev's build process: one Node process, started by scripts/cli/dev.ts,
// that calls build() each time it is asked to, with the same WarmBuild every
// time. Its modules (the pipeline, Eleventy, the templates' filters) stay
// loaded and each article's result stays in memory (scripts/dev/warm.ts), so
// a saved article costs its own stages, its own pages and the shared pages.
// The server replaces this process, rather than asking it to build, when a
// template, include, config or script changes: a fresh process is the one
// sure way that no module or template loaded before the edit is used after it.
import { performance } from "node:perf_hooks";
import { build } from "../build.ts";
import { workersFromEnv } from "../pool/pool.ts";
import { BriefingError, formatProblem } from "../problems.ts";
import { countOf } from "../count.ts";
import { newWarmBuild } from "./warm.ts";

/** What the server asks for: one build. */
export interface BuildRequest {
  reviewMarks: boolean;
}
/** What this process answers when the build is done. */
export interface BuildAnswer {
  ok: boolean;
}

const print = (line: string) => process.stdout.write(line + "\n");

async function buildOnce(warm: ReturnType<typeof newWarmBuild>, request: BuildRequest): Promise<boolean> {
  const t0 = performance.now();
  try {
    const report = await build({ root: process.cwd(), workers: workersFromEnv(process.env), log: print, reviewMarks: request.reviewMarks, warm });
    for (const w of report.warnings) process.stderr.write(formatProblem(w) + "\n");
    print(`done       ${countOf(report.data.articles.length, "briefing")}, ${countOf(report.outputFiles, "file")} in _site/ (${Math.round(performance.now() - t0)} ms)`);
    return true;
  } catch (error) {
    if (error instanceof BriefingError) {
      for (const p of error.problems) process.stderr.write(formatProblem(p) + "\n");
      if (error.summary) print(error.summary);
    } else {
      process.stderr.write(`internal error (a bug in Briefing): ${error instanceof Error ? error.stack : String(error)}\n`);
    }
    return false;
  }
}

if (!process.send) {
  process.stderr.write("scripts/dev/builder.ts is started by npm run dev (scripts/cli/dev.ts), not on its own\n");
  process.exit(2);
}
const warm = newWarmBuild();
// The server sends one request at a time and waits for its answer.
process.on("message", (request: BuildRequest) => {
  void buildOnce(warm, request).then((ok) => process.send!({ ok } satisfies BuildAnswer));
});
// The server is gone: so is the reason to keep building.
process.on("disconnect", () => process.exit(0));
