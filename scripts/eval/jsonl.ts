// JSONL sets for summary evaluation: `{id, text}` lines in, problems as values
// naming the file and line when a line is not what the format promises.
import { z } from "zod";
import { problem, type Problem } from "../problems.ts";

/** One input line: an article's id and its plain text (other fields are ignored). */
export const TextLineSchema = z.object({
  id: z.string().min(1, "expected a non-empty id"),
  text: z.string(),
});
export type TextLine = z.infer<typeof TextLineSchema>;

export interface ParsedLines<T> {
  items: Array<T & { line: number }>;
  problems: Problem[];
}

/** Parses every non-blank line; all malformed lines are reported, not just the first. */
export function parseTextLines(content: string, file: string): ParsedLines<TextLine> {
  const items: Array<TextLine & { line: number }> = [];
  const problems: Problem[] = [];
  const seen = new Map<string, number>();
  content.split("\n").forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (error) {
      problems.push(problem({ file, line, stage: "read", message: `not a JSON object: ${error instanceof Error ? error.message : String(error)}`, fix: 'write one {"id": "...", "text": "..."} object per line' }));
      return;
    }
    const parsed = TextLineSchema.safeParse(value);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      problems.push(problem({ file, line, stage: "read", message: `${where}${issue?.message ?? "malformed line"}`, fix: 'each line needs a string "id" and a string "text"' }));
      return;
    }
    const earlier = seen.get(parsed.data.id);
    if (earlier !== undefined) {
      problems.push(problem({ file, line, stage: "read", message: `duplicate id "${parsed.data.id}" (first on line ${earlier})`, fix: "give every line its own id" }));
      return;
    }
    seen.set(parsed.data.id, line);
    items.push({ id: parsed.data.id, text: parsed.data.text, line });
  });
  return { items, problems };
}
