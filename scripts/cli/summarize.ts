// npm run --silent summarize -- --jsonl IN.jsonl
//   reads {id, text} lines and writes {id, summary} lines to stdout, through
//   the pipeline's own read, normalize and summarize stages (a fixed date
//   stands in for the metadata plain text lacks), so anyone can score them.
// npm run --silent summarize -- FILE...
//   prints each article's summary and key points, as the build would make them.
import { readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { loadSite } from "../site-settings.ts";
import { processArticleOrThrow } from "../pipeline/process-article.ts";
import { BriefingError, formatProblem, problem } from "../problems.ts";
import { readArticleFile } from "../pipeline/read.ts";
import { parseTextLines } from "../eval/jsonl.ts";
import { summarizeLine } from "../eval/summarize-lines.ts";
import { runCli } from "./run-cli.ts";

const USAGE = "usage: npm run --silent summarize -- --jsonl IN.jsonl   |   npm run --silent summarize -- ARTICLE...\n";

await runCli(async () => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2).filter((a) => a !== "--"),
    options: { jsonl: { type: "string" }, help: { type: "boolean" } },
    allowPositionals: true,
  });
  if (values.help || (!values.jsonl && positionals.length === 0)) {
    process.stderr.write(USAGE);
    return values.help ? 0 : 2;
  }
  const root = process.cwd();
  const site = loadSite(path.join(root, "_data/site.yaml"));
  if (values.jsonl) {
    const file = values.jsonl;
    let content: string;
    try {
      content = readFileSync(file, "utf8");
    } catch (error) {
      throw new BriefingError([problem({ file, stage: "read", message: `cannot read the file (${(error as NodeJS.ErrnoException).code ?? String(error)})`, fix: "give the path of a JSONL file of {id, text} lines" })]);
    }
    const parsed = parseTextLines(content, file);
    if (parsed.problems.length > 0) throw new BriefingError(parsed.problems);
    const out: string[] = [];
    for (const item of parsed.items) out.push(JSON.stringify(summarizeLine(item, file, site)));
    process.stdout.write(out.map((l) => l + "\n").join(""));
    return 0;
  }
  for (const file of positionals) {
    const result = readArticleFile(root, path.resolve(file), site.timeZone);
    for (const p of result.problems) process.stderr.write(formatProblem(p) + "\n");
    if (!result.article) throw new BriefingError(result.problems.filter((p) => p.severity === "error"));
    const article = processArticleOrThrow(result.article, site);
    process.stdout.write(`${article.sourcePath} (${article.summary.origin}, ${article.summary.wordCount} words)\n\n${article.summary.text}\n\n`);
    for (const point of article.keyPoints) process.stdout.write(`- ${point}\n`);
    process.stdout.write("\n");
  }
  return 0;
});
