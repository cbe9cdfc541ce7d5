// The edge of the program: the one place that prints problems and sets the
// exit code. Stack traces are for bugs only; a BriefingError prints as
// file:line: message, with the fix.
import { BriefingError, formatProblem } from "../problems.ts";

export async function runCli(main: () => Promise<number | void>): Promise<void> {
  try {
    const code = await main();
    process.exitCode = code ?? 0;
  } catch (error) {
    if (error instanceof BriefingError) {
      for (const p of error.problems) process.stderr.write(formatProblem(p) + "\n");
      if (error.summary) process.stdout.write(error.summary + "\n");
      process.exitCode = 1;
      return;
    }
    process.stderr.write(`internal error (a bug in Briefing): ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 70;
  }
}
