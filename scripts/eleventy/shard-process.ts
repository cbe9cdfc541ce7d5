// One render process of a sharded render (scripts/eleventy/sharded-render.ts):
// reads its job (a JSON file the build wrote into the staging folder), runs
// Eleventy on it, and sends back how many files it wrote and where its emails
// were finished, or the problems that stopped it.
import { readFileSync } from "node:fs";
import { BriefingError, problem, type Problem } from "../problems.ts";
import { runEleventy, describeError } from "./run-eleventy.ts";
import type { RenderInput } from "./eleventy-site.ts";

/** What the build writes for each render process. */
export interface ShardJob {
  input: Omit<RenderInput, "emailFinishing">;
  /** Worker threads for finishing this process's emails. */
  emailWorkers: number;
  outputDir: string;
}

export type ShardResult =
  | { ok: true; files: number; emails: { workers: number; main: number } }
  | { ok: false; problems: Problem[] };

async function main(jobFile: string): Promise<ShardResult> {
  try {
    const job = JSON.parse(readFileSync(jobFile, "utf8")) as ShardJob;
    const emails = { workers: 0, main: 0 };
    const files = await runEleventy({ ...job.input, emailFinishing: { workers: job.emailWorkers, onFinished: (s) => Object.assign(emails, s) } }, job.outputDir);
    return { ok: true, files, emails };
  } catch (error) {
    if (error instanceof BriefingError) return { ok: false, problems: error.problems };
    return { ok: false, problems: [problem({ file: jobFile, stage: "render", message: `a render process failed: ${describeError(error)}`, fix: "this is a bug in Briefing's render; please report it" })] };
  }
}

const result = await main(process.argv[2] ?? "");
process.send!(result, () => process.exit(0));
