// Problems travel as values (file, line, field, message, fix) until the edge of
// the program, which decides what is fatal and how to print it. A stage never
// prints and never exits: a stage returns its problems (readArticleFile,
// processArticle: the value or its problems); a whole command throws a
// BriefingError carrying them, and scripts/cli/run-cli.ts prints them.

export type Severity = "error" | "warning";

export interface Problem {
  severity: Severity;
  /** Path relative to the project root (or as given on the command line). */
  file: string;
  /** 1-based line in the file, when the problem has one. */
  line?: number;
  /** Front matter or config field, when the problem is about one. */
  field?: string;
  /** Which pipeline stage found it: read, front-matter, normalize, summarize, write, render, site-config ... */
  stage: string;
  message: string;
  /** What the user should do about it. */
  fix?: string;
}

export function problem(p: Omit<Problem, "severity"> & { severity?: Severity }): Problem {
  return { severity: p.severity ?? "error", ...p };
}

/** The only error type the pipeline throws on purpose. */
export class BriefingError extends Error {
  readonly problems: Problem[];
  /** A summary line the edge prints after the problems ("pipeline  8 articles read, 7 published…"), if any. */
  readonly summary: string | null;
  constructor(problems: Problem[], summary: string | null = null) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "BriefingError";
    this.problems = problems;
    this.summary = summary;
  }
}

export function formatProblem(p: Problem): string {
  const where = p.line !== undefined ? `${p.file}:${p.line}` : p.file;
  const field = p.field ? ` (${p.field})` : "";
  const fix = p.fix ? `\n  fix: ${p.fix}` : "";
  return `${p.severity} [${p.stage}] ${where}${field}: ${p.message}${fix}`;
}

export function hasErrors(problems: readonly Problem[]): boolean {
  return problems.some((p) => p.severity === "error");
}
