// Turns a zod error into Problems naming the field, and the line when the
// value came from a YAML document (front matter or site.yaml).
import type { z } from "zod";
import { isNode, type Document, LineCounter } from "yaml";
import { problem, type Problem } from "./problems.ts";

export function zodProblems(
  error: z.ZodError,
  file: string,
  stage: string,
  doc?: Document,
  lineOf?: (offset: number) => number | undefined,
): Problem[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".") || undefined;
    let line: number | undefined;
    if (doc && issue.path.length > 0) {
      const node = doc.getIn(issue.path as (string | number)[], true);
      const range = isNode(node) ? node.range : undefined;
      if (range && lineOf) line = lineOf(range[0]);
    }
    return problem({
      file, line, field, stage,
      message: issue.message,
      fix: field ? `correct the value of \`${field}\`` : "correct the file",
    });
  });
}

/** 1-based line number of a character offset in `text`, shifted by `firstLine - 1`. */
export function lineCounterFor(text: string, firstLine = 1): (offset: number) => number {
  const counter = new LineCounter();
  let pos = 0;
  counter.addNewLine(0);
  for (;;) {
    const next = text.indexOf("\n", pos);
    if (next < 0) break;
    counter.addNewLine(next + 1);
    pos = next + 1;
  }
  return (offset) => counter.linePos(offset).line + firstLine - 1;
}
