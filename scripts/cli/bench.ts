// npm run bench: bare Eleventy against our cold, warm and one-changed builds
// on N synthetic articles, side by side in one run. Prints medians, ratios to
// the baseline and peak memory as a Markdown table.
//   npm run bench                      N = 100 and 1,000, 3 runs each
//   npm run bench -- --large           adds N = 4,000, and prints the targets against it
//   npm run bench -- --xl              N = 4,000 and 16,000: how peak memory grows with the archive
//   npm run bench -- --render-processes 1   our builds render in one process (default: the build's choice)
//   npm run bench -- --sizes 500 --reps 5 --seed 7 --workers 0
//   npm run bench -- --dev             also: edit-to-page time of `npm run dev` at N = 1,000
// First it prints the code's structure counts (scripts/bench/structure.ts) and extraction's own cost (normalize alone, in this process) on 100 synthetic articles.
import os from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { formatTable, formatTargets, runBench, targetChecks } from "../bench/run.ts";
import { measureDevLatency, formatDevLatency } from "../bench/dev-latency.ts";
import { peakMemorySource } from "../bench/measure.ts";
import { formatExtraction, measureExtraction } from "../bench/extraction.ts";
import { formatStructure, structureCounts } from "../bench/structure.ts";
import { problem, BriefingError } from "../problems.ts";
import { runCli } from "./run-cli.ts";

await runCli(async () => {
  const { values } = parseArgs({
    options: {
      large: { type: "boolean", default: false },
      xl: { type: "boolean", default: false },
      "render-processes": { type: "string" },
      sizes: { type: "string" },
      reps: { type: "string", default: "3" },
      seed: { type: "string", default: "1" },
      workers: { type: "string" },
      dev: { type: "boolean", default: false },
      "dev-only": { type: "boolean", default: false },
    },
  });
  const wholeNumber = (name: string, raw: string, min: number): number => {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min) throw new BriefingError([problem({ file: "npm run bench", field: name, stage: "bench", message: `--${name} must be a whole number of at least ${min}, not "${raw}"`, fix: `e.g. --${name} ${Math.max(min, 3)}` })]);
    return n;
  };
  const sizes = values.sizes ? values.sizes.split(",").map((s) => wholeNumber("sizes", s.trim(), 1)) : values.xl ? [4000, 16000] : values.large ? [100, 1000, 4000] : [100, 1000];
  const renderProcesses = values["render-processes"] === undefined ? undefined : wholeNumber("render-processes", values["render-processes"], 1);
  const reps = wholeNumber("reps", values.reps, 1);
  const seed = wholeNumber("seed", values.seed, 0);
  const workers = values.workers === undefined ? undefined : wholeNumber("workers", values.workers, 0);
  const log = (line: string) => process.stdout.write(line + "\n");

  const cpus = os.cpus();
  log(`Briefing bench: Node ${process.version}, ${os.availableParallelism()} cores (${cpus[0]?.model.trim() ?? "unknown CPU"}), ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.platform()} ${os.release()}`);
  log(`seed ${seed}, ${reps} runs per build, each a fresh process; peak memory from ${peakMemorySource()}`);
  log(formatStructure(structureCounts(fileURLToPath(new URL("../", import.meta.url)))));
  if (!values["dev-only"]) {
    log(formatExtraction(measureExtraction({ seed, n: 100, passes: 5 })));
    log("");
    const results = await runBench({ sizes, reps, seed, workers, renderProcesses, log });
    log("");
    log(formatTable(results));
    log("");
    for (const r of results) log(`N=${r.n}: cold and warm outputs byte-identical: ${r.identical ? "yes" : "NO"}`);
    const checks = targetChecks(results);
    if (checks.length > 0) {
      log("");
      log(formatTargets(checks));
    }
    if (results.some((r) => !r.identical)) return 1;
  }
  if (values.dev || values["dev-only"]) {
    const dev = await measureDevLatency({ n: 1000, seed, edits: Math.max(3, reps), log });
    log("");
    log(formatDevLatency(dev));
  }
});
